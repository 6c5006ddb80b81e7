package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.adapters.LiveNumbers;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
public final class BitstampLiveVenue implements LiveVenue {
    static final String HEARTBEAT = "{\"event\":\"bts:heartbeat\"}";
    private static final String DIFFS = "diff_order_book_";

    @Override
    public String feed() {
        return BitstampVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://ws.bitstamp.net";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return BitstampSymbols.toNative(normalized);
    }

    /** {@code live_trades_<pair>}, {@code diff_order_book_<pair>}; no BBO. */
    @Override
    public List<LiveStream> streams(String pair, Set<Channel> channels) {
        List<LiveStream> out = new ArrayList<>();
        if (channels.contains(Channel.TRADES)) {
            out.add(new LiveStream(pair, Channel.TRADES, "live_trades_" + pair));
        }
        if (channels.contains(Channel.BOOK)) {
            out.add(new LiveStream(pair, Channel.BOOK, DIFFS + pair));
        }
        return out;
    }

    /** One channel a message ({@link VenueLimits#maxStreamsPerSubscribe} is 1). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        if (streams.size() != 1) {
            throw new IllegalArgumentException("bitstamp subscribes one channel a message, got " + streams.size());
        }
        return "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"" + streams.get(0).name() + "\"}}";
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(200, 1, 10, 5, Duration.ofSeconds(1), 5);
    }

    @Override
    public String heartbeatMessage() {
        return HEARTBEAT;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(20);
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

    @Override
    public String errorOf(byte[] payload) {
        return "bts:error".equals(PayloadScan.valueAfter(payload, "\"event\":\"", '"'))
                ? LiveSubscriptions.smallText(payload, 4096) : null;
    }

    @Override
    public String defaultRestBase() {
        return "https://www.bitstamp.net";
    }

    @Override
    public String snapshotPath(String pair) {
        return "/api/v2/order_book/" + pair;
    }

    @Override
    public String bookDiffSymbol(byte[] payload) {
        String channel = streamOf(payload);
        return channel != null && channel.startsWith(DIFFS) ? channel.substring(DIFFS.length()) : null;
    }

    /** The diff's {@code microtimestamp} (Bitstamp's book "update id" is a time in µs). */
    @Override
    public long bookDiffFirstUpdateId(byte[] payload) {
        return LiveNumbers.after(payload, "microtimestamp");
    }

    @Override
    public long snapshotUpdateId(byte[] body) {
        return LiveNumbers.after(body, "microtimestamp");
    }
}
