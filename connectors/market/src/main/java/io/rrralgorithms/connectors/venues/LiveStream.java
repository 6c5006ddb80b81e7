package io.rrralgorithms.connectors.venues;

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
    @Override
    public String toString() {
        return name;
    }
}
