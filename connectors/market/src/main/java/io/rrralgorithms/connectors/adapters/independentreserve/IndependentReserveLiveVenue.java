package io.rrralgorithms.connectors.adapters.independentreserve;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Independent Reserve's public WebSocket ({@code independent-reserve}),
 * {@code wss://websockets.independentreserve.com}, with its REST order books
 * ({@code https://api.independentreserve.com/Public/GetAllOrders}). No key needed.
 *
 * <ul>
 *   <li>Channels: trades {@code ticker-<base>-<quote>} (per pair), book {@code orderbook-<base>}
 *       (per base currency: every order of the base, priced in all its quotes at once). A pair's
 *       book stream is its base's channel, subscribed once for all the base's pairs. No BBO channel
 *       is decoded, so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message naming the batch's channels, tickers first, each once:
 *       {@code {"Event":"Subscribe","Data":["ticker-dot-nzd","orderbook-dot"]}}, answered
 *       {@code {"Event":"Subscriptions",…}}; a failure is {@code {"Event":"Error",…}}.
 *   <li>Book: the channel's first message calls for the REST book of every pair of its base on the
 *       connection ({@code /Public/GetAllOrders?primaryCurrencyCode=dot&secondaryCurrencyCode=nzd}),
 *       published keyed by the base, as the channel's frames are, so that one decoder keeps the
 *       base's orders. The books carry no nonce: none is fetched again for being old.
 *   <li>Heartbeat: the venue sends {@code {"Event":"Heartbeat"}} (ignored by the decoder); none sent.
 *   <li>Limits: none published for the socket; 500 streams a connection (so that a base's pairs stay
 *       on one connection: pairs of one base on two would each receive its channel), 500 a message,
 *       5 messages and 5 connects a second and 2 REST books a second are this service's choice.
 *   <li>Symbols ({@link IndependentReserveSymbols#toNative}): {@code DOT-NZD} → {@code dot-nzd},
 *       {@code BTC-AUD} → {@code xbt-aud}.
 * </ul>
 */
public final class IndependentReserveLiveVenue extends LiveSpec {
    private static final String BOOK = "orderbook-";

    public IndependentReserveLiveVenue() {
        super(declare(IndependentReserveVenue.FEED, "wss://websockets.independentreserve.com",
                new VenueLimits(500, 500, 5, 5, Duration.ofSeconds(1), 2))
                .symbols(IndependentReserveSymbols.BOTH_WAYS::toNative).errorWhen("\"Event\":\"", "Error"));
    }

    private static String base(String pair) {
        int dash = pair.indexOf('-');
        return dash < 0 ? pair : pair.substring(0, dash);
    }

    /** {@code ticker-<pair>}, {@code orderbook-<base>}. */
    @Override
    public List<LiveStream> streams(String pair, Set<Channel> channels) {
        return LiveStream.forChannels(pair, channels, "ticker-" + pair, BOOK + base(pair), null);
    }

    /** The batch's channels, tickers first, each named once. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        List<String> names = Batching.PER_CHANNEL.split(streams).stream().flatMap(List::stream).map(LiveStream::name)
                .distinct().toList();
        return "{\"Event\":\"Subscribe\",\"Data\":[\"" + String.join("\",\"", names) + "\"]}";
    }

    /** The frame's {@code Channel}; null for heartbeats and replies. */
    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"Channel\":\"", '"');
    }

    @Override
    public String defaultRestBase() {
        return "https://api.independentreserve.com";
    }

    @Override
    public String snapshotPath(String pair) {
        int dash = pair.indexOf('-');
        return "/Public/GetAllOrders?primaryCurrencyCode=" + pair.substring(0, dash) + "&secondaryCurrencyCode="
                + pair.substring(dash + 1);
    }

    /** The base of an {@code orderbook-<base>} message. */
    @Override
    public String bookDiffSymbol(byte[] payload) {
        String channel = streamOf(payload);
        return channel != null && channel.startsWith(BOOK) ? channel.substring(BOOK.length()) : null;
    }

    /** Every pair of the base on this connection. */
    @Override
    public List<String> snapshotSymbols(String base, List<LiveStream> connectionStreams) {
        return connectionStreams.stream().map(LiveStream::nativeSymbol).filter(p -> base(p).equals(base)).distinct()
                .toList();
    }

    @Override
    public String snapshotKey(String pair) {
        return base(pair);
    }
}
