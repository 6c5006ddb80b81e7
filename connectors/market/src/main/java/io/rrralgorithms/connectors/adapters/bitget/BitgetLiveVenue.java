package io.rrralgorithms.connectors.adapters.bitget;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Bitget spot, public WebSocket API v1 ({@code bitget}), {@code wss://ws.bitget.com/spot/v1/stream}:
 * the API generation {@link BitgetFrameDecoder} decodes (the recorded 2022 session's).
 *
 * <ul>
 *   <li>Channels: trades {@code trade}, book {@code books} (a snapshot on subscribing, then updates,
 *       each with the CRC32 checksum of the top 25), BBO {@code ticker} (best prices without sizes).
 *   <li>Subscribe: {@code {"op":"subscribe","args":[{"instType":"SP","channel":"books","instId":"EOSUSDT"},…]}}.
 *   <li>Heartbeat: Bitget drops a connection that sends no {@code ping} for 30 s; the client sends
 *       the text {@code ping} every 20 s and Bitget answers the text {@code pong} (published like
 *       every frame; the decoder ignores it).
 *   <li>Limits (published: at most 10 messages per second per connection, 240 subscribe requests
 *       per hour per connection, 100 connections per IP, at most 1,000 streams per connection and
 *       fewer than 50 recommended): 50 streams per connection and per subscribe, 10 messages per
 *       second, 5 connects per second.
 *   <li>Symbols: spot only, {@code EOS-USDT} → {@code EOSUSDT_SPBL} (subscribed as {@code SP}
 *       {@code EOSUSDT}). Perpetuals ({@code DASH-USDT-PERP}) are refused: their streams are on
 *       the mix endpoint ({@code wss://ws.bitget.com/mix/v1/stream}), and one spec has one endpoint
 *       for all its connections; the decoder reads recorded mix frames.
 *   <li>Bitget documents API v2 ({@code wss://ws.bitget.com/v2/ws/public}, {@code instType}
 *       {@code SPOT}, trade ids) as current; v2 frames are not decoded.
 * </ul>
 */
public final class BitgetLiveVenue extends LiveSpec {

    public BitgetLiveVenue() {
        super(declare(BitgetVenue.FEED, "wss://ws.bitget.com/spot/v1/stream",
                new VenueLimits(50, 50, 10, 5, Duration.ofSeconds(1), 1)).heartbeat("ping", Duration.ofSeconds(20))
                .symbols(BitgetLiveVenue::spot)
                .errorWhen("\"event\":\"", "error"));
    }

    private static String spot(String normalized) {
        Parts s = NormalizedSymbols.parts(normalized);
        if (s != null && s.kind() == Instrument.Kind.PERPETUAL) {
            throw new IllegalArgumentException(BitgetVenue.FEED + ": '" + normalized
                    + "' is a perpetual: the live capture connects to Bitget's spot stream only");
        }
        return BitgetSymbols.toNative(normalized);
    }

    /** Streams named {@code channel:instId} as a frame's {@code arg} names them ({@code books:EOSUSDT}). */
    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        String instId = BitgetSymbols.instId(nativeSymbol);
        return LiveStream.forChannels(nativeSymbol, channels, "trade:" + instId, "books:" + instId, "ticker:" + instId);
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"op\":\"subscribe\",\"args\":[" + String.join(",", streams.stream().map(s -> {
            int colon = s.name().indexOf(':');
            return "{\"instType\":\"SP\",\"channel\":\"" + s.name().substring(0, colon) + "\",\"instId\":\""
                    + s.name().substring(colon + 1) + "\"}";
        }).toList()) + "]}";
    }

    /** {@code channel:instId} of a data frame's {@code arg}; null for acks, errors and {@code pong}. */
    @Override
    public String streamOf(byte[] payload) {
        return "action".equals(PayloadScan.valueAfter(payload, "{\"", '"'))
                ? LiveSubscriptions.stream(payload, "\"channel\":\"", "\"instId\":\"") : null;
    }
}
