package io.rrralgorithms.connectors.adapters.bitcom;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * bit.com's public WebSocket ({@code bitcom}): spot pairs on {@code wss://spot-ws.bit.com}, USDT- and
 * USD-margined perpetuals on {@code wss://ws.bit.com} (the endpoints of the recorded sessions and of
 * cryptofeed). No key needed.
 *
 * <ul>
 *   <li>One feed, two endpoints: spot and perpetual streams never share a connection
 *       ({@link #connectionGroup}); a perpetual connection opens the endpoint with {@code spot-ws.}
 *       replaced by {@code ws.} (a configured {@code url} without it serves both).
 *   <li>Channels: trades {@code trade}, book {@code depth} (a {@code snapshot} on subscribing, then
 *       {@code update}s chained by {@code prev_sequence}), BBO {@code ticker}.
 *   <li>Subscribe: one message per channel naming its symbols, spot
 *       {@code {"type":"subscribe","channels":["depth"],"pairs":["BTC-USD"]}}, perpetuals
 *       {@code "instruments":["NEAR-USDT-PERPETUAL"]}, as the recorded sessions sent them; answered
 *       {@code {"channel":"subscription","data":{"code":0,…}}} (another code: refused).
 *   <li>Heartbeat: none of the application's (the recorded sessions send none; WebSocket pings are
 *       answered by the client).
 *   <li>Limits: none published for the public channels; 100 streams a connection, 100 a message, 10
 *       messages a second and 5 connects a second are this service's choice.
 *   <li>Symbols ({@link BitcomSymbols#toNative}): {@code BTC-USD} as it is, {@code NEAR-USDT-PERP} →
 *       {@code NEAR-USDT-PERPETUAL}.
 * </ul>
 */
public final class BitcomLiveVenue extends LiveSpec {
    private static final String PERPETUAL = "-PERPETUAL";

    public BitcomLiveVenue() {
        super(declare(BitcomVenue.FEED, "wss://spot-ws.bit.com", new VenueLimits(100, 100, 10, 5, Duration.ofSeconds(1), 1))
                .batching(Batching.PER_CHANNEL).symbols(BitcomSymbols::toNative)
                .streams("trade:{}", "depth:{}", "ticker:{}"));
    }

    /** {@code perpetual} or {@code spot}: the two endpoints. */
    @Override
    public String connectionGroup(LiveStream stream) {
        return stream.nativeSymbol().endsWith(PERPETUAL) ? "perpetual" : "spot";
    }

    /** The perpetuals' host for a perpetual connection ({@code spot-ws.bit.com} → {@code ws.bit.com}). */
    @Override
    public URI endpoint(String endpoint, List<LiveStream> streams) {
        boolean perpetual = !streams.isEmpty() && connectionGroup(streams.get(0)).equals("perpetual");
        return URI.create(perpetual ? endpoint.replace("://spot-ws.", "://ws.") : endpoint);
    }

    /** The streams of one channel: {@code {"type":"subscribe","channels":[<channel>],"pairs"|"instruments":[…]}}. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        String key = streams.get(0).nativeSymbol().endsWith(PERPETUAL) ? "instruments" : "pairs";
        return "{\"type\":\"subscribe\",\"channels\":[\"" + LiveSubscriptions.oneChannel(feed(), streams) + "\"],\"" + key
                + "\":[" + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]}";
    }

    /** {@code <channel>:<pair or instrument>} of a data frame; null for subscription replies. */
    @Override
    public String streamOf(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "{\"channel\":\"", '"');
        String symbol = channel == null || channel.equals("subscription") ? null : BitcomVenue.partitionKey(payload);
        return symbol == null ? null : channel + ":" + symbol;
    }

    /** A subscription reply whose {@code code} is not 0. */
    @Override
    public String errorOf(byte[] payload) {
        return "subscription".equals(PayloadScan.valueAfter(payload, "{\"channel\":\"", '"'))
                && !"0".equals(PayloadScan.valueAfter(payload, "\"code\":", ',')) ? LiveSubscriptions.smallText(payload, 4096)
                : null;
    }
}
