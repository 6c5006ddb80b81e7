package io.rrralgorithms.connectors.adapters.kraken;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Kraken spot WebSocket API v1 ({@code kraken}), {@code wss://ws.kraken.com}.
 *
 * <ul>
 *   <li>Channels: trades {@code trade}, book {@code book} at depth 1000 as recorded (the snapshot
 *       comes on the socket after subscribing, then updates carrying a CRC32 checksum of the top 10), BBO
 *       {@code spread}. Data frames are arrays {@code [channelID, data…, "book-1000", "XBT/USD"]}.
 *   <li>Subscribe: one message per channel, {@code {"event":"subscribe","reqid":N,"pair":[…],
 *       "subscription":{"name":"book","depth":1000}}}.
 *   <li>Heartbeat: the server sends {@code {"event":"heartbeat"}} after a second without data;
 *       no client heartbeat is required (pings are answered by the WebSocket client).
 *   <li>Limits: not published per connection; this service keeps 200 streams per connection, 100
 *       per subscribe, 5 messages per second and 20 connects per minute.
 *   <li>Symbols: {@code BTC-USD} → {@code XBT/USD} (Kraken's v1 names: BTC is XBT, DOGE is XDG).
 * </ul>
 */
public final class KrakenLiveVenue extends LiveSpec {
    static final int BOOK_DEPTH = 1000;

    public KrakenLiveVenue() {
        super(declare(KrakenVenue.FEED, "wss://ws.kraken.com", new VenueLimits(200, 100, 5, 20, Duration.ofMinutes(1), 1))
                .batching(Batching.PER_CHANNEL).symbols(KrakenSymbols::toNative)
                .streams("trade:{}", "book-" + BOOK_DEPTH + ":{}", "spread:{}"));
    }

    /** The streams of one channel ({@code {"event":"subscribe","reqid":N,"pair":[…],"subscription":{…}}}). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        if (LiveSubscriptions.byChannel(streams).size() != 1) {
            throw new IllegalArgumentException("Kraken subscribes one channel per message; use subscribeMessages");
        }
        String subscription = switch (streams.get(0).channel()) {
            case TRADES -> "{\"name\":\"trade\"}";
            case BOOK -> "{\"name\":\"book\",\"depth\":" + BOOK_DEPTH + "}";
            case BBO -> "{\"name\":\"spread\"}";
            case HEARTBEAT -> throw new IllegalArgumentException("no heartbeat channel on Kraken");
        };
        return "{\"event\":\"subscribe\",\"reqid\":" + id + ",\"pair\":[" + LiveSubscriptions.quoted(streams,
                LiveStream::nativeSymbol) + "],\"subscription\":" + subscription + "}";
    }

    /** {@code channel:pair} from the last two strings of a data array ({@code …,"book-1000","XBT/USD"]}). */
    @Override
    public String streamOf(byte[] payload) {
        String[] tail = lastTwoStrings(payload);
        if (tail == null) {
            return null;
        }
        String channel = tail[0].startsWith("book-") ? tail[0] : tail[0].equals("trade") || tail[0].equals("spread")
                ? tail[0] : null;
        return channel == null ? null : channel + ":" + tail[1];
    }

    @Override
    public String errorOf(byte[] payload) {
        String s = LiveSubscriptions.errorContaining(payload, "error\"");
        return s != null && (s.contains("\"status\":\"error\"") || s.contains("\"event\":\"error\"")) ? s : null;
    }

    /** The last two JSON strings of an array frame, or null for an object frame. */
    static String[] lastTwoStrings(byte[] p) {
        int end = p.length - 1;
        while (end >= 0 && p[end] <= ' ') {
            end--;
        }
        if (end < 0 || p[0] != '[' || p[end] != ']') {
            return null;
        }
        String[] out = new String[2];
        int i = end - 1;
        for (int k = 1; k >= 0; k--) {
            while (i >= 0 && p[i] != '"') {
                i--;
            }
            int close = i;
            i--;
            while (i >= 0 && p[i] != '"') {
                i--;
            }
            if (i < 0) {
                return null;
            }
            out[k] = new String(p, i + 1, close - i - 1, StandardCharsets.UTF_8);
            i--;
        }
        return out;
    }
}
