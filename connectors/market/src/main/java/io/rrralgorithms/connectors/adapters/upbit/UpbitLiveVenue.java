package io.rrralgorithms.connectors.adapters.upbit;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Upbit's public quotation WebSocket ({@code upbit}), {@code wss://api.upbit.com/websocket/v1}, in
 * its {@code SIMPLE} format (short keys: {@code ty}, {@code cd}, …), which the decoder reads. No key
 * needed.
 *
 * <ul>
 *   <li>Channels: trades {@code trade}, book {@code orderbook} (the whole 15-unit book in every
 *       message). No BBO channel is decoded ({@code ticker}), so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message for the batch, a ticket, the format and one entry per channel,
 *       {@code [{"ticket":"<uuid>"},{"format":"SIMPLE"},{"type":"trade","codes":["KRW-BTC"],
 *       "isOnlyRealtime":true},{"type":"orderbook","codes":["KRW-BTC"],"isOnlyRealtime":true}]}, as
 *       the recorded session sent it; an error reply is {@code {"error":{"name":…,"message":…}}}.
 *   <li>Frames come as binary messages holding the JSON text: published as received (no inflater).
 *   <li>Heartbeat: Upbit closes a connection idle for 120 s; its text {@code PING} would be answered
 *       {@code {"status":"UP"}}, a frame the decoder does not know, so the client sends a WebSocket
 *       ping every 60 s instead.
 *   <li>Limits: 5 connects a second and 1 message a second (within Upbit's published per-second
 *       quotation limits); 200 streams a connection and a message are this service's choice.
 *   <li>Symbols ({@link UpbitSymbols#toNative}): {@code BTC-KRW} → {@code KRW-BTC} (quote first).
 * </ul>
 */
public final class UpbitLiveVenue extends LiveSpec {

    public UpbitLiveVenue() {
        super(declare(UpbitVenue.FEED, "wss://api.upbit.com/websocket/v1", new VenueLimits(200, 200, 1, 5,
                Duration.ofSeconds(1), 1)).protocolPing(Duration.ofSeconds(60)).symbols(UpbitSymbols.BOTH_WAYS::toNative)
                .streams("trade:{}", "orderbook:{}", null)
                .errorContaining("\"error\":{"));
    }

    /** A new ticket for every message (Upbit names a subscription by it). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        StringBuilder b = new StringBuilder("[{\"ticket\":\"" + UUID.randomUUID() + "\"},{\"format\":\"SIMPLE\"}");
        for (List<LiveStream> one : Batching.PER_CHANNEL.split(streams)) {
            b.append(",{\"type\":\"").append(LiveSubscriptions.channelOf(one.get(0))).append("\",\"codes\":[")
                    .append(LiveSubscriptions.quoted(one, LiveStream::nativeSymbol)).append("],\"isOnlyRealtime\":true}");
        }
        return b.append(']').toString();
    }

    /** {@code <ty>:<cd>} of a SIMPLE-format message. */
    @Override
    public String streamOf(byte[] payload) {
        return LiveSubscriptions.stream(payload, "{\"ty\":\"", "\"cd\":\"");
    }
}
