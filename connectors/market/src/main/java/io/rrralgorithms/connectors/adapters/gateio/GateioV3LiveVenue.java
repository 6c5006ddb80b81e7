package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gate.io's older spot WebSocket API v3 ({@code gateio-v3}), {@code wss://ws.gate.io/v3/}
 * (the documentation, v3.3.9, also names {@code wss://ws.gate.com/v3/}; Gate.io recommends v4 for new
 * work, {@link GateioLiveVenue}). No key needed. Written from the documentation, never run against
 * the venue (no capture records v3).
 *
 * <ul>
 *   <li>Channels: trades {@code trades.subscribe} ({@code trades.update}), book {@code depth.subscribe}
 *       ({@code depth.update}: a clean whole top-30 book on subscribing, then changed levels). The
 *       ticker has no best bid or ask, so a BBO asked for is not subscribed.
 *   <li>Subscribe: one JSON-RPC message per channel naming every market of the connection:
 *       {@code {"id":N,"method":"trades.subscribe","params":["BTC_USDT","ETH_USDT"]}},
 *       {@code {"id":N,"method":"depth.subscribe","params":[["BTC_USDT",30,"0"],["ETH_USDT",30,"0"]]}}
 *       (limit 30, interval "0": no merging of price levels). A v3 subscribe of a method replaces
 *       the connection's earlier one, so a connection's streams are one batch (at most as many
 *       streams a connection as a message). A refusal is a reply with an {@code error} object.
 *   <li>Heartbeat: {@code {"id":0,"method":"server.ping","params":[]}} every 10 s, answered
 *       {@code {"error":null,"result":"pong","id":0}} (ignored by the decoder).
 *   <li>Limits: none published for v3; 100 streams a connection and a message, 10 messages a second
 *       and 5 connects a second are this service's choice.
 *   <li>Symbols ({@link GateioSymbols#toNative}): {@code BTC-USDT} → {@code BTC_USDT}.
 * </ul>
 */
public final class GateioV3LiveVenue extends LiveSpec {
    static final String PING = "{\"id\":0,\"method\":\"server.ping\",\"params\":[]}";
    private static final byte[] DEPTH_UPDATE = "\"depth.update\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRADES_UPDATE = "\"trades.update\"".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern ERROR = Pattern.compile("\"error\":\\s*\\{"); // v3 writes blanks after ':'

    public GateioV3LiveVenue() {
        super(declare(GateioVenue.V3_FEED, "wss://ws.gate.io/v3/", new VenueLimits(100, 100, 10, 5,
                Duration.ofSeconds(1), 1)).heartbeat(PING, Duration.ofSeconds(10)).batching(Batching.PER_CHANNEL)
                .symbols(s -> GateioSymbols.toNative(s, Instrument.Kind.SPOT))
                .streams("trades:{}", "depth:{}", null));
    }

    /** One channel's markets: the book's each with its limit and interval. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        String channel = LiveSubscriptions.oneChannel(feed(), streams);
        String params = streams.get(0).channel() == Channel.BOOK
                ? streams.stream().map(s -> "[\"" + s.nativeSymbol() + "\",30,\"0\"]").collect(Collectors.joining(","))
                : LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol);
        return "{\"id\":" + id + ",\"method\":\"" + channel + ".subscribe\",\"params\":[" + params + "]}";
    }

    /** {@code depth:<market>} or {@code trades:<market>} of an update; null for replies and the ticker. */
    @Override
    public String streamOf(byte[] payload) {
        String market = GateioVenue.v3PartitionKey(payload);
        if (market == null) {
            return null;
        }
        return PayloadScan.indexOf(payload, DEPTH_UPDATE) >= 0 ? "depth:" + market
                : PayloadScan.indexOf(payload, TRADES_UPDATE) >= 0 ? "trades:" + market : null;
    }

    /** A small reply with an {@code error} object (not {@code "error": null}). */
    @Override
    public String errorOf(byte[] payload) {
        String s = LiveSubscriptions.smallText(payload, 4096);
        return s != null && ERROR.matcher(s).find() ? s : null;
    }
}
