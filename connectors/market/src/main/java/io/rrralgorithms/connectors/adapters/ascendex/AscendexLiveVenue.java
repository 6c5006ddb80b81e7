package io.rrralgorithms.connectors.adapters.ascendex;

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
 * AscendEX public WebSocket, spot ({@code ascendex}, {@code wss://ascendex.com/1/api/pro/v1/stream})
 * and USDT perpetuals ({@code ascendex-futures}, {@code wss://ascendex.com/api/pro/v2/stream}). No
 * key needed.
 *
 * <ul>
 *   <li>Channels per symbol: trades {@code trades:SYM}, book {@code depth:SYM}; no BBO is decoded
 *       (the {@code bbo} channel), so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message per channel naming its symbols, {@code {"op":"sub","ch":"depth:BTC/USDT,ETH/USDT"}},
 *       answered {@code {"m":"sub","ch":"depth:BTC/USDT","code":0}} per symbol; then, per book, the
 *       snapshot the diffs start from, asked on the same connection:
 *       {@code {"op":"req","action":"depth-snapshot","args":{"symbol":"BTC/USDT"}}} (answered
 *       {@code depth-snapshot}, at its {@code seqnum}).
 *   <li>Heartbeat: the server sends {@code {"m":"ping","hp":3}} every 15 s and closes a
 *       connection silent for 30 s; each ping is answered {@code {"op":"pong"}} ({@link #replyTo}), and
 *       the client pings {@code {"op":"ping"}} every 15 s itself (answered {@code {"m":"pong",...}},
 *       which the decoder ignores).
 *   <li>Limits (not published as numbers): 100 streams per connection, 50 per subscribe, 10
 *       messages per second and 5 connects per second are this service's choice.
 *   <li>Symbols: {@code BTC-USDT} → {@code BTC/USDT}, {@code BTC-USDT-PERP} → {@code BTC-PERP}.
 * </ul>
 */
public final class AscendexLiveVenue extends LiveSpec {
    static final String PING = "{\"op\":\"ping\"}";

    private AscendexLiveVenue(String feed, String endpoint) {
        super(declare(feed, endpoint, new VenueLimits(100, 50, 10, 5, Duration.ofSeconds(1), 1))
                .batching(Batching.PER_CHANNEL).heartbeat(PING, Duration.ofSeconds(15))
                .streams("trades:{}", "depth:{}", null));
    }

    public static AscendexLiveVenue spot() {
        return new AscendexLiveVenue(AscendexVenue.FEED, "wss://ascendex.com/1/api/pro/v1/stream");
    }

    public static AscendexLiveVenue futures() {
        return new AscendexLiveVenue(AscendexVenue.FUTURES_FEED, "wss://ascendex.com/api/pro/v2/stream");
    }

    /** The feed's own kind only: a spot pair on the spot feed, a perpetual on the futures one. */
    @Override
    public String nativeSymbol(String normalized) {
        String nativeSymbol = AscendexSymbols.toNative(normalized);
        if (nativeSymbol.endsWith("-PERP") != feed().equals(AscendexVenue.FUTURES_FEED)) {
            throw new IllegalArgumentException(feed() + ": '" + normalized + "' is not an instrument of this feed");
        }
        return nativeSymbol;
    }

    /** The streams of one channel: {@code {"op":"sub","ch":"<channel>:<sym>,<sym>"}}. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"op\":\"sub\",\"ch\":\"" + LiveSubscriptions.oneChannel(feed(), streams) + ":"
                + String.join(",", streams.stream().map(LiveStream::nativeSymbol).toList()) + "\"}";
    }

    /** One message per channel of the batch, then a {@code depth-snapshot} request per book. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        List<String> out = new ArrayList<>(super.subscribeMessages(streams, nextId));
        for (LiveStream s : streams) {
            if (s.channel() == Channel.BOOK) {
                out.add("{\"op\":\"req\",\"action\":\"depth-snapshot\",\"args\":{\"symbol\":\"" + s.nativeSymbol()
                        + "\"}}");
            }
        }
        return out;
    }

    @Override
    public String replyTo(byte[] payload) {
        return "ping".equals(PayloadScan.valueAfter(payload, "{\"m\":\"", '"')) ? "{\"op\":\"pong\"}" : null;
    }

    /** {@code depth:<sym>} (snapshots too) or {@code trades:<sym>}; null for acknowledgements and pings. */
    @Override
    public String streamOf(byte[] payload) {
        String m = PayloadScan.valueAfter(payload, "{\"m\":\"", '"');
        String symbol = m == null ? null : PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        if (symbol == null) {
            return null;
        }
        return (m.equals("trades") ? "trades:" : "depth:") + symbol;
    }

    @Override
    public String errorOf(byte[] payload) {
        String m = PayloadScan.valueAfter(payload, "{\"m\":\"", '"');
        boolean refused = "error".equals(m)
                || "sub".equals(m) && !"0".equals(PayloadScan.valueAfter(payload, "\"code\":", '}'));
        return refused ? LiveSubscriptions.smallText(payload, 4096) : null;
    }
}
