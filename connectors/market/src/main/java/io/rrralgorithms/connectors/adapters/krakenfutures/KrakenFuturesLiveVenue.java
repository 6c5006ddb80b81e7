package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

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
public final class KrakenFuturesLiveVenue extends LiveSpec {

    public KrakenFuturesLiveVenue() {
        super(declare(KrakenFuturesVenue.FEED, "wss://futures.kraken.com/ws/v1",
                new VenueLimits(300, 100, 5, 20, Duration.ofMinutes(1), 1))
                .batching(Batching.PER_CHANNEL).protocolPing(Duration.ofSeconds(30))
                .symbols(KrakenFuturesSymbols::toNative).streams("trade:{}", "book:{}", "ticker_lite:{}"));
    }

    /** The streams of one feed. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"event\":\"subscribe\",\"feed\":\"" + LiveSubscriptions.channelOf(streams.get(0)) + "\",\"product_ids\":["
                + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]}";
    }

    /** {@code <feed>:<product>} of a data frame (a snapshot counts for its feed); null for events. */
    @Override
    public String streamOf(byte[] payload) {
        String stream = LiveSubscriptions.stream(payload, "{\"feed\":\"", "\"product_id\":\"");
        if (stream == null || stream.startsWith("heartbeat:")) {
            return null;
        }
        return stream.replace("_snapshot:", ":");
    }

    /** {@code error}, {@code alert} and failed (un)subscriptions. */
    @Override
    public String errorOf(byte[] payload) {
        String event = PayloadScan.valueAfter(payload, "{\"event\":\"", '"');
        return event != null && (event.equals("error") || event.equals("alert") || event.endsWith("_failed"))
                ? LiveSubscriptions.smallText(payload, 4096) : null;
    }
}
