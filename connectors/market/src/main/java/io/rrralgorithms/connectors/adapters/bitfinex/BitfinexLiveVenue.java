package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Bitfinex's public WebSocket API v2 ({@code bitfinex}), {@code wss://api-pub.bitfinex.com/ws/2}.
 * No key needed.
 *
 * <ul>
 *   <li>First message of every connection: {@code {"event":"conf","flags":65536}}, which turns on
 *       the book checksums ({@code [chanId,"cs",crc]}) the decoder verifies.
 *   <li>Streams per symbol, one subscribe message each: trades
 *       {@code {"event":"subscribe","channel":"trades","symbol":"tBTCUSD"}}, book (aggregated
 *       precision {@code P0}, real time {@code F0}, 100 levels a side: a snapshot on subscribing,
 *       then level updates), BBO {@code ticker}.
 *   <li>Keying: data frames are {@code [chanId, …]}: the connection's keyer
 *       ({@link BitfinexConnectionKeyer}) learns each channel's symbol from its {@code subscribed}
 *       ack. For the same reason {@link #streamOf} cannot name the stream of a data frame (the
 *       per-stream time-since-last-frame metric is not kept for this venue).
 *   <li>Heartbeat: the venue sends {@code [chanId,"hb"]} every 15 s per channel; no client
 *       heartbeat is needed (WebSocket pings are answered by the client).
 *   <li>Limits (published: 30 subscriptions to public channels a connection, 25 in older
 *       documents; 20 connects a minute): 25 streams a connection, one a message, 10 messages a
 *       second, 20 connects a minute.
 *   <li>Symbols ({@link BitfinexSymbols#toNative}): {@code BTC-USD} → {@code tBTCUSD},
 *       {@code BTC-USDT-PERP} → {@code tBTCF0:USTF0}.
 * </ul>
 */
public final class BitfinexLiveVenue extends LiveSpec {
    /** Book checksums on (flag 131072 would add sequence numbers, which the decoder does not expect). */
    static final String CONF = "{\"event\":\"conf\",\"flags\":65536}";

    public BitfinexLiveVenue() {
        super(declare(BitfinexVenue.FEED, "wss://api-pub.bitfinex.com/ws/2",
                new VenueLimits(25, 1, 10, 20, Duration.ofMinutes(1), 1))
                .symbols(BitfinexSymbols::toNative).streams("trades:{}", "book:{}", "ticker:{}")
                .errorWhen("{\"event\":\"", "error"));
    }

    /** One stream a message ({@link VenueLimits#maxStreamsPerSubscribe} is 1). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        LiveStream s = LiveSubscriptions.one(feed(), streams);
        return "{\"event\":\"subscribe\",\"channel\":\"" + LiveSubscriptions.channelOf(s) + "\",\"symbol\":\""
                + s.nativeSymbol() + (s.channel() == Channel.BOOK ? "\",\"prec\":\"P0\",\"freq\":\"F0\",\"len\":\"100\"}"
                : "\"}");
    }

    /** The connection's first message is the {@code conf} that asks for checksums. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        int id = nextId.getAsInt();
        return id == 1 ? List.of(CONF, subscribeMessage(streams, nextId.getAsInt())) : List.of(subscribeMessage(streams,
                id));
    }

    /** Null: a data frame names only its channel id (see the class comment). */
    @Override
    public String streamOf(byte[] payload) {
        return null;
    }
}
