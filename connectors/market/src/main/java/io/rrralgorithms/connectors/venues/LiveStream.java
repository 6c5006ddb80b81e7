package io.rrralgorithms.connectors.venues;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One subscription unit as the venue counts it against its limits: a channel of one instrument.
 *
 * @param nativeSymbol the venue's symbol ({@code BTCUSDT}, {@code BTC-USD})
 * @param channel      what it carries
 * @param name         the venue's name for it, as it appears in subscribe messages and (where the
 *                     venue names it) in frames: Binance {@code btcusdt@depth@100ms}, Coinbase
 *                     {@code level2_batch:BTC-USD}; also the {@code stream} label of the metrics
 */
public record LiveStream(String nativeSymbol, Channel channel, String name) {

    /**
     * The streams of one instrument for the channels asked, in the order trades, book, BBO, named
     * as the venue names them ({@code "trade:XBT/USD"}, {@code "book-1000:XBT/USD"}, …); a null
     * name: the venue has no such channel (or none decoded), not subscribed.
     */
    public static List<LiveStream> forChannels(String nativeSymbol, Set<Channel> channels, String tradesName,
            String bookName, String bboName) {
        List<LiveStream> out = new ArrayList<>();
        if (channels.contains(Channel.TRADES) && tradesName != null) {
            out.add(new LiveStream(nativeSymbol, Channel.TRADES, tradesName));
        }
        if (channels.contains(Channel.BOOK) && bookName != null) {
            out.add(new LiveStream(nativeSymbol, Channel.BOOK, bookName));
        }
        if (channels.contains(Channel.BBO) && bboName != null) {
            out.add(new LiveStream(nativeSymbol, Channel.BBO, bboName));
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
