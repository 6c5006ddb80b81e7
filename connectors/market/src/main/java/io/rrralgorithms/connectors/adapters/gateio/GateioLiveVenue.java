package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Gate.io's public WebSocket API v4: spot ({@code gateio}, {@code wss://api.gateio.ws/ws/v4/}) and
 * USDT-settled perpetuals ({@code gateio-futures}, {@code wss://fx-ws.gateio.ws/v4/ws/usdt}). No key
 * needed.
 *
 * <ul>
 *   <li>Channels ({@code spot.} or {@code futures.}): trades {@code trades}, book
 *       {@code order_book_update} at 100 ms (diffs with first/last update ids {@code U}/{@code u}),
 *       BBO {@code book_ticker}. Subscribe as the recorded sessions did: trades and BBO one message
 *       naming every symbol ({@code {"time":T,"channel":"spot.trades","event":"subscribe",
 *       "payload":["BTC_USDT","ETH_USDT"]}}), the book one message per symbol ({@code "payload":
 *       ["BTC_USDT","100ms"]}); {@code time} is the sending second. (The recorded spot session took
 *       its BBO from {@code spot.tickers}, which has no sizes.)
 *   <li>Book: the diffs need the REST book fetched after the symbol's first diff, {@code with_id=true}
 *       so that it states the update id it is at: {@code /api/v4/spot/order_book?currency_pair=X&limit=100
 *       &with_id=true}, {@code /api/v4/futures/usdt/order_book?contract=X&limit=100&with_id=true};
 *       fetched again while its {@code id + 1} is below the first diff's {@code U}.
 *   <li>Heartbeat: {@code {"time":T,"channel":"spot.ping"}} ({@code futures.ping}) every 10 s,
 *       answered {@code spot.pong} (ignored by the decoder).
 *   <li>Limits: Gate.io publishes none for public channels on one connection; REST 200 requests per
 *       10 s per endpoint. 200 streams a connection, 100 a message, 10 messages a second, 5 connects
 *       a second and 5 snapshots a second are this service's choice.
 *   <li>Symbols ({@link GateioSymbols#toNative}): {@code BTC-USDT} → {@code BTC_USDT}, futures
 *       {@code BTC-USDT-PERP} → {@code BTC_USDT}.
 * </ul>
 */
public final class GateioLiveVenue extends LiveSpec {
    private final String prefix;
    private final String pairField;

    private GateioLiveVenue(String feed, String prefix, String endpoint, String pairField, Instrument.Kind kind,
            String depthPath) {
        super(declare(feed, endpoint, new VenueLimits(200, 100, 10, 5, Duration.ofSeconds(1), 5))
                .restSnapshots(new RestSnapshots("https://api.gateio.ws", depthPath, "&limit=100&with_id=true",
                        prefix + "order_book_update:", "U", "id"))
                .symbols(s -> GateioSymbols.toNative(s, kind))
                .streams(prefix + "trades:{}", prefix + "order_book_update:{}", prefix + "book_ticker:{}")
                .errorContaining("\"error\":{"));
        this.prefix = prefix;
        this.pairField = pairField;
    }

    public static GateioLiveVenue spot() {
        return new GateioLiveVenue(GateioVenue.SPOT_FEED, "spot.", "wss://api.gateio.ws/ws/v4/", "\"currency_pair\":\"",
                Instrument.Kind.SPOT, "/api/v4/spot/order_book?currency_pair=");
    }

    public static GateioLiveVenue futures() {
        return new GateioLiveVenue(GateioVenue.FUTURES_FEED, "futures.", "wss://fx-ws.gateio.ws/v4/ws/usdt",
                "\"contract\":\"", Instrument.Kind.PERPETUAL, "/api/v4/futures/usdt/order_book?contract=");
    }

    /** The streams of one channel: the book's of one symbol, the others' of every symbol given. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        String channel = LiveSubscriptions.oneChannel(feed(), streams);
        String payload = streams.get(0).channel() == Channel.BOOK
                ? "\"" + LiveSubscriptions.one(feed(), streams).nativeSymbol() + "\",\"100ms\""
                : LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol);
        return "{\"time\":" + nowSeconds() + ",\"channel\":\"" + channel + "\",\"event\":\"subscribe\",\"payload\":["
                + payload + "]}";
    }

    /** Per channel of the batch: one message for its trades, one for its BBOs, one per book. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        List<String> out = new ArrayList<>();
        for (List<LiveStream> one : Batching.PER_CHANNEL.split(streams)) {
            for (List<LiveStream> message : one.get(0).channel() == Channel.BOOK ? Batching.PER_STREAM.split(one)
                    : List.of(one)) {
                out.add(subscribeMessage(message, nextId.getAsInt()));
            }
        }
        return out;
    }

    /** Built at each send: the ping states the second it is sent. */
    @Override
    public String heartbeatMessage() {
        return "{\"time\":" + nowSeconds() + ",\"channel\":\"" + prefix + "ping\"}";
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(10);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** {@code <channel>:<symbol>} of an {@code update}/{@code all} frame; null for replies and pongs. */
    @Override
    public String streamOf(byte[] payload) {
        String event = PayloadScan.valueAfter(payload, "\"event\":\"", '"');
        if (!"update".equals(event) && !"all".equals(event)) {
            return null;
        }
        String channel = PayloadScan.valueAfter(payload, "\"channel\":\"", '"');
        String symbol = channel == null ? null : GateioVenue.partitionKey(payload, pairField);
        return symbol == null ? null : channel + ":" + symbol;
    }
}
