package io.rrralgorithms.connectors.adapters.deribit;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deribit's JSON-RPC API v2 over WebSocket ({@code deribit}), {@code wss://www.deribit.com/ws/api/v2}.
 * No key needed for the {@code 100ms} channels.
 *
 * <ul>
 *   <li>Streams per instrument: trades {@code trades.<instrument>.100ms}, book
 *       {@code book.<instrument>.100ms} (a {@code snapshot} on subscribing, then {@code change}s
 *       chained by {@code prev_change_id}), BBO {@code ticker.<instrument>.100ms}. The recorded
 *       session subscribed the {@code raw} channels, which Deribit has since reserved for authorized
 *       connections (cryptofeed issue 866); the frames are the same.
 *   <li>Subscribe: {@code {"jsonrpc":"2.0","id":N,"method":"public/subscribe","params":{"channels":[…]}}},
 *       the channels grouped as the recorded session did (books, then trades, then tickers).
 *   <li>Heartbeat: {@code public/test} every 15 s (its reply keeps a quiet connection from looking
 *       silent; the decoder ignores replies). Where the venue sends a heartbeat {@code test_request}
 *       (after a {@code public/set_heartbeat}), {@link #replyTo} answers it with {@code public/test},
 *       or the venue closes the connection.
 *   <li>Limits: Deribit's are credits per request (a subscribe costs 500 of a 50,000 pool refilled at
 *       10,000 a second: 20 a second); 500 channels a connection, 100 a message, 5 messages a second
 *       and 10 connects a second are this service's choice.
 *   <li>Symbols ({@link DeribitSymbols#toNative}): {@code BTC-USD-PERP} → {@code BTC-PERPETUAL},
 *       options and futures by their instrument names.
 * </ul>
 */
public final class DeribitLiveVenue extends LiveSpec {
    static final String INTERVAL = "100ms";
    static final String TEST = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"public/test\",\"params\":{}}";
    private static final String TEST_REQUEST = "\"type\":\"test_request\"";

    public DeribitLiveVenue() {
        super(declare(DeribitVenue.FEED, "wss://www.deribit.com/ws/api/v2",
                new VenueLimits(500, 100, 5, 10, Duration.ofSeconds(1), 1)).heartbeat(TEST, Duration.ofSeconds(15))
                .symbols(DeribitSymbols::toNative)
                .streams("trades.{}." + INTERVAL, "book.{}." + INTERVAL, "ticker.{}." + INTERVAL));
    }

    /** One message for the batch: books first, then trades, then tickers. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        var byChannel = LiveSubscriptions.byChannel(streams);
        List<LiveStream> ordered = new ArrayList<>();
        for (Channel c : List.of(Channel.BOOK, Channel.TRADES, Channel.BBO)) {
            ordered.addAll(byChannel.getOrDefault(c, List.of()));
        }
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"public/subscribe\",\"params\":{\"channels\":["
                + LiveSubscriptions.quoted(ordered, LiveStream::name) + "]}}";
    }

    /** {@code public/test} for the venue's heartbeat {@code test_request}. */
    @Override
    public String replyTo(byte[] payload) {
        String s = LiveSubscriptions.smallText(payload, 512);
        return s != null && s.contains("\"method\":\"heartbeat\"") && s.contains(TEST_REQUEST) ? TEST : null;
    }

    /** The subscription's {@code channel}; null for replies and heartbeats. */
    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"params\":{\"channel\":\"", '"');
    }

    /** A reply with an {@code error} member. */
    @Override
    public String errorOf(byte[] payload) {
        String s = LiveSubscriptions.errorContaining(payload, "\"error\":{");
        return s != null && s.startsWith("{\"jsonrpc\"") ? s : null;
    }
}
