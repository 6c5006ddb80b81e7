package io.rrralgorithms.connectors.adapters.bitmex;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

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
public final class BitmexLiveVenue extends LiveSpec {
    static final String PING = "ping";

    public BitmexLiveVenue() {
        super(declare(BitmexVenue.FEED, "wss://ws.bitmex.com/realtime", new VenueLimits(300, 100, 5, 40,
                Duration.ofHours(1), 1)).batching(Batching.PER_CHANNEL).heartbeat(PING, Duration.ofSeconds(5))
                .symbols(BitmexSymbols::toNative).streams("trade:{}", "orderBookL2:{}", "quote:{}"));
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"op\":\"subscribe\",\"args\":[" + LiveSubscriptions.quoted(streams, LiveStream::name) + "]}";
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
        String s = LiveSubscriptions.errorContaining(payload, "\"error\":");
        return s != null && s.startsWith("{") ? s : null;
    }
}
