package io.rrralgorithms.connectors.adapters.blockchain;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Blockchain.com Exchange's public Mercury gateway ({@code blockchain}),
 * {@code wss://ws.prod.blockchain.info/mercury-gateway/v1/ws} (the recorded session's endpoint). No
 * key needed for {@code l2} and {@code trades}, but the gateway refuses an opening handshake without
 * {@code Origin: https://exchange.blockchain.com} ({@link #handshakeHeaders}).
 *
 * <ul>
 *   <li>Channels: trades {@code trades}, book {@code l2} (a {@code snapshot} on subscribing, then
 *       {@code updated} levels; the connection's {@code seqnum} numbers every message). No BBO
 *       channel is decoded, so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message per channel and symbol,
 *       {@code {"action":"subscribe","symbol":"ALGO-BTC","channel":"l2"}}, answered
 *       {@code {"event":"subscribed",…}}; a refusal is {@code "event":"rejected"}.
 *   <li>Heartbeat: none (the recorded session subscribes no {@code heartbeat} channel and sends no ping).
 *   <li>Limits: none published; 100 streams a connection, 10 messages a second and 5 connects a
 *       second are this service's choice.
 *   <li>Symbols ({@link BlockchainSymbols#toNative}): {@code BTC-USD} as it is.
 * </ul>
 */
public final class BlockchainLiveVenue extends LiveSpec {

    public BlockchainLiveVenue() {
        super(declare(BlockchainVenue.FEED, "wss://ws.prod.blockchain.info/mercury-gateway/v1/ws",
                new VenueLimits(100, 1, 10, 5, Duration.ofSeconds(1), 1))
                .batching(Batching.PER_STREAM).symbols(BlockchainSymbols.BOTH_WAYS::toNative).streams("trades:{}", "l2:{}", null)
                .errorWhen("\"event\":\"", "rejected"));
    }

    @Override
    public Map<String, String> handshakeHeaders() {
        return Map.of("Origin", "https://exchange.blockchain.com");
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        LiveStream s = LiveSubscriptions.one(feed(), streams);
        return "{\"action\":\"subscribe\",\"symbol\":\"" + s.nativeSymbol() + "\",\"channel\":\""
                + LiveSubscriptions.channelOf(s) + "\"}";
    }

    /** {@code <channel>:<symbol>} of a {@code snapshot} or {@code updated} message; null for replies. */
    @Override
    public String streamOf(byte[] payload) {
        String event = PayloadScan.valueAfter(payload, "\"event\":\"", '"');
        return "snapshot".equals(event) || "updated".equals(event)
                ? LiveSubscriptions.stream(payload, "\"channel\":\"", "\"symbol\":\"") : null;
    }
}
