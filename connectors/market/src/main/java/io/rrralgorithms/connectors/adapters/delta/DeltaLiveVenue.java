package io.rrralgorithms.connectors.adapters.delta;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * Delta Exchange's public WebSocket ({@code delta}), {@code wss://socket.delta.exchange}. No key
 * needed.
 *
 * <ul>
 *   <li>Channels: trades {@code all_trades} (an {@code all_trades_snapshot} of past trades first,
 *       ignored by the decoder), book {@code l2_orderbook} (the whole top of the book in every
 *       message). No BBO channel is decoded ({@code v2/ticker}), so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message for the batch, its channels each naming their symbols,
 *       {@code {"type":"subscribe","payload":{"channels":[{"name":"all_trades","symbols":[…]},
 *       {"name":"l2_orderbook","symbols":[…]}]}}}, as the recorded session (which also took candles);
 *       answered {@code {"type":"subscriptions",…}}, a failure {@code {"type":"error",…}}.
 *   <li>Heartbeat: Delta's own ({@code {"type":"ping"}} answered {@code pong}) would publish a frame
 *       the decoder does not know; the client sends a WebSocket ping every 30 s instead.
 *   <li>Limits: none published per connection; 200 streams a connection, 200 a message, 5 messages a
 *       second and 5 connects a second are this service's choice.
 *   <li>Symbols ({@link DeltaSymbols#toNative}): options {@code C-ETH-3200-311221}, perpetuals
 *       {@code BTCUSDT}, spot pairs.
 * </ul>
 */
public final class DeltaLiveVenue extends LiveSpec {

    public DeltaLiveVenue() {
        super(declare(DeltaVenue.FEED, "wss://socket.delta.exchange", new VenueLimits(200, 200, 5, 5, Duration.ofSeconds(1), 1))
                .protocolPing(Duration.ofSeconds(30)).symbols(DeltaSymbols::toNative)
                .streams("all_trades:{}", "l2_orderbook:{}", null).errorWhen("\"type\":\"", "error"));
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"type\":\"subscribe\",\"payload\":{\"channels\":[" + LiveSubscriptions.namedChannels(streams, "symbols")
                + "]}}";
    }

    /** {@code <type>:<symbol>} of a book or trade message (a trade snapshot counts for the trades). */
    @Override
    public String streamOf(byte[] payload) {
        String stream = LiveSubscriptions.stream(payload, "\"type\":\"", "\"symbol\":\"");
        return stream == null ? null : stream.replace("all_trades_snapshot:", "all_trades:");
    }
}
