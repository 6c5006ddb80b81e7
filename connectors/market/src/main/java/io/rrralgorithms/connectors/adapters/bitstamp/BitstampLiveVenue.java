package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * Bitstamp's public WebSocket API v2 ({@code bitstamp}), {@code wss://ws.bitstamp.net}. No key needed.
 *
 * <ul>
 *   <li>Streams per pair, one subscribe message each
 *       ({@code {"event":"bts:subscribe","data":{"channel":"diff_order_book_ethusd"}}}): trades
 *       {@code live_trades_<pair>}, book {@code diff_order_book_<pair>} (diffs of the whole book). No
 *       BBO channel is decoded, so a BBO asked for is not subscribed.
 *   <li>Book: Bitstamp's documented procedure: subscribe to the diffs, then fetch the REST book
 *       {@code https://www.bitstamp.net/api/v2/order_book/<pair>} (after the pair's first diff
 *       arrived), and drop the diffs not newer than its {@code microtimestamp}; a snapshot older
 *       than the first diff is fetched again.
 *   <li>Heartbeat: {@code {"event":"bts:heartbeat"}} every 20 s, answered
 *       {@code {"event":"bts:heartbeat","channel":"","data":{"status":"success"}}} (the decoder
 *       ignores it): keeps a quiet pair's connection from looking silent. A
 *       {@code bts:request_reconnect} is followed by the venue closing the connection, which
 *       reconnects it.
 *   <li>Limits: no WebSocket limit published; REST 8,000 requests per 10 minutes. 200 streams a
 *       connection, 10 messages a second, 5 connects a second and 5 snapshots a second are this
 *       service's choice.
 *   <li>Symbols ({@link BitstampSymbols#toNative}): {@code ETH-USD} → {@code ethusd}.
 * </ul>
 */
public final class BitstampLiveVenue extends LiveSpec {
    static final String HEARTBEAT = "{\"event\":\"bts:heartbeat\"}";
    private static final String DIFFS = "diff_order_book_";

    /** The diff's and the snapshot's {@code microtimestamp}: Bitstamp's book "update id" is a time in µs. */
    public BitstampLiveVenue() {
        super(declare(BitstampVenue.FEED, "wss://ws.bitstamp.net", new VenueLimits(200, 1, 10, 5, Duration.ofSeconds(1), 5))
                .heartbeat(HEARTBEAT, Duration.ofSeconds(20))
                .symbols(BitstampSymbols::toNative).streams("live_trades_{}", DIFFS + "{}", null)
                .restSnapshots(new RestSnapshots("https://www.bitstamp.net", "/api/v2/order_book/", "", DIFFS,
                        "microtimestamp", "microtimestamp"))
                .errorWhen("\"event\":\"", "bts:error"));
    }

    /** One channel a message ({@link VenueLimits#maxStreamsPerSubscribe} is 1). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"" + LiveSubscriptions.one(feed(), streams).name()
                + "\"}}";
    }

    /** The {@code channel} of a {@code data} or {@code trade} event; null for replies and heartbeats. */
    @Override
    public String streamOf(byte[] payload) {
        String event = PayloadScan.valueAfter(payload, "\"event\":\"", '"');
        if (!"data".equals(event) && !"trade".equals(event)) {
            return null;
        }
        String channel = PayloadScan.valueAfter(payload, "\"channel\":\"", '"');
        return channel != null && (channel.startsWith(DIFFS) || channel.startsWith("live_trades_")) ? channel : null;
    }
}
