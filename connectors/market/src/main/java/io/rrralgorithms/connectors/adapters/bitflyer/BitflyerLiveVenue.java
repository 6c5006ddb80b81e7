package io.rrralgorithms.connectors.adapters.bitflyer;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * bitFlyer Lightning Realtime API ({@code bitflyer}), JSON-RPC 2.0 over
 * {@code wss://ws.lightstream.bitflyer.com/json-rpc}. No key needed for public channels.
 *
 * <ul>
 *   <li>Channels per product: trades {@code lightning_executions_<p>}, book
 *       {@code lightning_board_<p>} together with its {@code lightning_board_snapshot_<p>} (the
 *       whole book on subscribing and every few seconds: the diffs need it), BBO
 *       {@code lightning_ticker_<p>}.
 *   <li>Subscribe: one message per channel, {@code {"method":"subscribe","params":{"channel":"lightning_board_BTC_JPY"}}}
 *       (the book's snapshot channel first); with an {@code id} the server answers
 *       {@code {"jsonrpc":"2.0","id":1,"result":true}}, none is sent here (cryptofeed sends none).
 *   <li>Heartbeat: none at the application level (the server keeps the socket with WebSocket pings).
 *   <li>Limits (not published as numbers): 100 streams per connection, one per subscribe, 10
 *       messages per second and 5 connects per second are this service's choice.
 *   <li>Symbols: {@code BTC-JPY} → {@code BTC_JPY}, {@code BTC-JPY-PERP} → {@code FX_BTC_JPY},
 *       {@code BTC-JPY-211217} → {@code BTCJPY17DEC2021}.
 * </ul>
 */
public final class BitflyerLiveVenue extends LiveSpec {

    public BitflyerLiveVenue() {
        super(declare(BitflyerVenue.FEED, "wss://ws.lightstream.bitflyer.com/json-rpc",
                new VenueLimits(100, 1, 10, 5, Duration.ofSeconds(1), 1)).symbols(BitflyerSymbols::toNative)
                .streams("lightning_executions_{}", "lightning_board_{}", "lightning_ticker_{}"));
    }

    /** One channel: {@code {"method":"subscribe","params":{"channel":"<name>"}}}. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return subscribe(LiveSubscriptions.one(feed(), streams).name());
    }

    /** One message per stream; a book's snapshot channel before its diff channel. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        List<String> out = new ArrayList<>();
        for (LiveStream s : streams) {
            if (s.channel() == Channel.BOOK) {
                out.add(subscribe("lightning_board_snapshot_" + s.nativeSymbol()));
            }
            out.add(subscribe(s.name()));
        }
        return out;
    }

    private static String subscribe(String channel) {
        return "{\"method\":\"subscribe\",\"params\":{\"channel\":\"" + channel + "\"}}";
    }

    /** The frame's channel, a snapshot's as its book's ({@code lightning_board_<p>}); null for replies. */
    @Override
    public String streamOf(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "\"channel\":\"", '"');
        return channel == null ? null : channel.replace("lightning_board_snapshot_", "lightning_board_");
    }

    /** A reply (no {@code method}) holding an {@code error}. */
    @Override
    public String errorOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"method\":\"", '"') != null ? null
                : LiveSubscriptions.errorContaining(payload, "\"error\"");
    }
}
