package io.rrralgorithms.connectors.adapters.bitmex;

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
import java.util.function.IntSupplier;

/**
 * BitMEX's public realtime API ({@code bitmex}), {@code wss://ws.bitmex.com/realtime}. No key needed.
 *
 * <ul>
 *   <li>Streams per symbol: trades {@code trade:XBTUSD}, book {@code orderBookL2:XBTUSD} (the whole
 *       book: a {@code partial} on subscribing, then {@code insert}/{@code update}/{@code delete} by
 *       level id), BBO {@code quote:XBTUSD}. Subscribed per symbol (never a whole table), so that
 *       every frame holds one symbol and is keyed by it.
 *   <li>Subscribe: one message per channel naming its streams, {@code {"op":"subscribe","args":[
 *       "orderBookL2:XBTUSD","orderBookL2:ETHUSD"]}}, as the recorded session sent them.
 *   <li>Heartbeat: BitMEX asks clients to send the text {@code ping} when no message came for 5 s,
 *       answered {@code pong} (the decoder ignores it); sent every 5 s.
 *   <li>Limits: the welcome message counts the connects left ({@code "limit":{"remaining":39}}
 *       after one: 40 an hour); BitMEX publishes no per-connection stream limit. 300 streams a
 *       connection, 100 a message and 5 messages a second are this service's choice.
 *   <li>Symbols ({@link BitmexSymbols#toNative}): {@code BTC-USD-PERP} → {@code XBTUSD},
 *       {@code BTC-USD-210924} → {@code XBTU21}.
 * </ul>
 */
public final class BitmexLiveVenue implements LiveVenue {
    static final String PING = "ping";

    @Override
    public String feed() {
        return BitmexVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://ws.bitmex.com/realtime";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return BitmexSymbols.toNative(normalized);
    }

    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        return LiveStream.forChannels(nativeSymbol, channels, "trade:" + nativeSymbol, "orderBookL2:" + nativeSymbol,
                "quote:" + nativeSymbol);
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"op\":\"subscribe\",\"args\":[" + LiveSubscriptions.quoted(streams, LiveStream::name) + "]}";
    }

    /** One message per channel of the batch. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        List<String> out = new ArrayList<>();
        for (List<LiveStream> one : LiveSubscriptions.byChannel(streams).values()) {
            out.add(subscribeMessage(one, nextId.getAsInt()));
        }
        return out;
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(300, 100, 5, 40, Duration.ofHours(1), 1);
    }

    @Override
    public String heartbeatMessage() {
        return PING;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(5);
    }

    /** {@code <table>:<symbol>} of a data frame; null for the welcome, replies and {@code pong}. */
    @Override
    public String streamOf(byte[] payload) {
        String table = PayloadScan.valueAfter(payload, "{\"table\":\"", '"');
        String symbol = table == null ? null : BitmexVenue.partitionKey(payload);
        return symbol == null ? null : table + ":" + symbol;
    }

    /** A reply with an {@code error} ({@code {"status":400,"error":"Unknown table: …"}}). */
    @Override
    public String errorOf(byte[] payload) {
        String s = LiveSubscriptions.smallText(payload, 4096);
        return s != null && s.startsWith("{") && s.contains("\"error\":") ? s : null;
    }
}
