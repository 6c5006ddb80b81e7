package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Coinbase Exchange market data feed ({@code coinbase}), {@code wss://ws-feed.exchange.coinbase.com}.
 *
 * <ul>
 *   <li>Channels per product: trades {@code matches}, book {@code level2_batch}, BBO
 *       {@code ticker}, and always {@code heartbeat} (one frame a second per product: quiet
 *       products never look silent to the watchdog; the decoder ignores it). The book channel is
 *       {@code level2_batch}, not {@code level2}: Coinbase now requires authentication for
 *       {@code level2} (and {@code full}/{@code level3}); {@code level2_batch} sends the same
 *       {@code snapshot} and {@code l2update} messages batched every 50 ms, unauthenticated, so
 *       the recorded-capture decoder reads it unchanged.
 *   <li>Book: the snapshot comes on the socket after each subscribe; no REST snapshot.
 *   <li>Subscribe: {@code {"type":"subscribe","channels":[{"name":…,"product_ids":[…]}]}}; the
 *       server disconnects a client that has not subscribed within 5 s.
 *   <li>Limits (published: 8 requests per second per IP, bursts of 20; 100 messages per second
 *       sent by the client; no stream count per connection): 8 messages per second per connection,
 *       8 connects per second; 100 streams per connection and per subscribe are this service's
 *       choice, following Coinbase's advice to spread busy products over connections.
 *   <li>Symbols: Coinbase product ids are already {@code BASE-QUOTE}: native = normalized.
 * </ul>
 */
public final class CoinbaseLiveVenue extends LiveSpec {

    public CoinbaseLiveVenue() {
        super(declare(CoinbaseVenue.FEED, "wss://ws-feed.exchange.coinbase.com",
                new VenueLimits(100, 100, 8, 8, Duration.ofSeconds(1), 1))
                .symbols(CoinbaseSymbols::toNative).streams("matches:{}", "level2_batch:{}", "ticker:{}")
                .errorWhen("\"type\":\"", "error"));
    }

    /** The declared streams and always the product's {@code heartbeat}. */
    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        List<LiveStream> out = new ArrayList<>(super.streams(nativeSymbol, channels));
        out.add(new LiveStream(nativeSymbol, Channel.HEARTBEAT, "heartbeat:" + nativeSymbol));
        return out;
    }

    /** {@code {"type":"subscribe","channels":[{"name":<channel>,"product_ids":[…]},…]}}, channels in first-seen order. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"type\":\"subscribe\",\"channels\":[" + LiveSubscriptions.namedChannels(streams, "product_ids") + "]}";
    }

    /** {@code <channel>:<product_id>} from the message type. */
    @Override
    public String streamOf(byte[] payload) {
        String type = PayloadScan.valueAfter(payload, "\"type\":\"", '"');
        if (type == null) {
            return null;
        }
        String channel = switch (type) {
            case "snapshot", "l2update" -> "level2_batch";
            case "match", "last_match" -> "matches";
            case "ticker" -> "ticker";
            case "heartbeat" -> "heartbeat";
            default -> null;
        };
        String product = channel == null ? null : PayloadScan.valueAfter(payload, "\"product_id\":\"", '"');
        return product == null ? null : channel + ":" + product;
    }
}
