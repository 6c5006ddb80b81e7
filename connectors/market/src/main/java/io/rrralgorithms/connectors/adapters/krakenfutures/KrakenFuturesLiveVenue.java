package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Kraken Futures' public WebSocket API v1 ({@code kraken-futures}), {@code wss://futures.kraken.com/ws/v1}.
 * No key needed for the public feeds.
 *
 * <ul>
 *   <li>Streams per product: trades {@code trade} (a {@code trade_snapshot} of earlier trades first,
 *       ignored by the decoder), book {@code book} (a {@code book_snapshot} with the product's
 *       {@code seq}, then one frame per changed level), BBO {@code ticker_lite}.
 *   <li>Subscribe: one message per feed naming its products, {@code {"event":"subscribe","feed":"book",
 *       "product_ids":["PI_XBTUSD","FI_XBTUSD_210924"]}} (the ids as the frames write them; the
 *       recorded session sent them in lower case, which Kraken accepts alike).
 *   <li>Heartbeat: Kraken closes a connection that has not sent "a ping at least every 60
 *       seconds"; the venue defines no application ping, so the client sends a WebSocket ping
 *       frame every 30 s ({@link #protocolPingInterval}).
 *   <li>Limits: not published per connection; 300 streams a connection, 100 products a message,
 *       5 messages a second and 20 connects a minute are this service's choice.
 *   <li>Symbols ({@link KrakenFuturesSymbols#toNative}): {@code BTC-USD-PERP} → {@code PI_XBTUSD},
 *       {@code BTC-USD-210924} → {@code FI_XBTUSD_210924} (the inverse contracts).
 * </ul>
 */
public final class KrakenFuturesLiveVenue implements LiveVenue {

    @Override
    public String feed() {
        return KrakenFuturesVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://futures.kraken.com/ws/v1";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return KrakenFuturesSymbols.toNative(normalized);
    }

    @Override
    public List<LiveStream> streams(String product, Set<Channel> channels) {
        return LiveStream.forChannels(product, channels, "trade:" + product, "book:" + product,
                "ticker_lite:" + product);
    }

    /** The streams of one feed. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        String name = streams.get(0).name();
        return "{\"event\":\"subscribe\",\"feed\":\"" + name.substring(0, name.indexOf(':')) + "\",\"product_ids\":["
                + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]}";
    }

    /** One message per feed of the batch. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        List<String> out = new ArrayList<>();
        for (List<LiveStream> one : LiveSubscriptions.byChannel(streams).values()) {
            out.add(subscribeMessage(one, nextId.getAsInt()));
        }
        return out;
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(300, 100, 5, 20, Duration.ofMinutes(1), 1);
    }

    @Override
    public Duration protocolPingInterval() {
        return Duration.ofSeconds(30);
    }

    /** {@code <feed>:<product>} of a data frame (a snapshot counts for its feed); null for events. */
    @Override
    public String streamOf(byte[] payload) {
        String feed = PayloadScan.valueAfter(payload, "{\"feed\":\"", '"');
        String product = feed == null ? null : PayloadScan.valueAfter(payload, "\"product_id\":\"", '"');
        if (product == null || feed.equals("heartbeat")) {
            return null;
        }
        return (feed.endsWith("_snapshot") ? feed.substring(0, feed.length() - "_snapshot".length()) : feed) + ":"
                + product;
    }

    /** {@code error}, {@code alert} and failed (un)subscriptions. */
    @Override
    public String errorOf(byte[] payload) {
        String event = PayloadScan.valueAfter(payload, "{\"event\":\"", '"');
        return event != null && (event.equals("error") || event.equals("alert") || event.endsWith("_failed"))
                ? LiveSubscriptions.smallText(payload, 4096) : null;
    }
}
