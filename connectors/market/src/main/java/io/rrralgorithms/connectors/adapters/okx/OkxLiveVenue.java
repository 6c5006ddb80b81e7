package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * OKX public WebSocket API v5 ({@code okx}), {@code wss://ws.okx.com:8443/ws/v5/public}.
 *
 * <ul>
 *   <li>Channels: trades {@code trades}, book {@code books} (400 levels: a snapshot on the
 *       socket after subscribing, then updates with {@code seqId}/{@code prevSeqId} and a CRC32
 *       checksum), BBO {@code bbo-tbt}.
 *   <li>Subscribe: {@code {"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"},…]}}.
 *   <li>Heartbeat: OKX drops a connection silent for 30 s; the client sends the text
 *       {@code ping} every 20 s and OKX answers the text {@code pong} (published like every
 *       frame; the decoder must ignore it).
 *   <li>Limits (published: 3 connection requests per second per IP; 480 subscribe requests per
 *       hour per connection; no stream count): 3 connects per second, 3 messages per second;
 *       300 streams per connection and 100 per subscribe are this service's choice.
 *   <li>Symbols: spot {@code BTC-USDT} as it is; perpetual {@code BTC-USDT-PERP} →
 *       {@code BTC-USDT-SWAP}; dated {@code BTC-USD-240927} as it is.
 * </ul>
 *
 * <p>OKCoin runs the same v5 API: {@code OkcoinLiveVenue} extends this spec with its endpoint,
 * symbols and channels.
 */
public class OkxLiveVenue extends LiveSpec {

    public OkxLiveVenue() {
        this(v5(OkxVenue.FEED, "wss://ws.okx.com:8443/ws/v5/public").symbols(OkxLiveVenue::notAnOption)
                .streams("trades:{}", "books:{}", "bbo-tbt:{}"));
    }

    /** The v5 protocol with another venue's endpoint, symbols and channels (OKCoin). */
    protected OkxLiveVenue(Declaration declared) {
        super(declared.heartbeat("ping", Duration.ofSeconds(20))
                .errorWhen("\"event\":\"", "error"));
    }

    /** The v5 protocol's declaration on an endpoint: its limits. */
    protected static Declaration v5(String feed, String endpoint) {
        return declare(feed, endpoint, new VenueLimits(300, 100, 3, 3, Duration.ofSeconds(1), 1));
    }

    /** Spot, swaps and futures, as {@link OkxSymbols#toNative}; options are not subscribed live. */
    private static String notAnOption(String normalized) {
        Parts s = NormalizedSymbols.parts(normalized);
        if (s != null && s.kind() == Instrument.Kind.OPTION) {
            throw OkxSymbols.notASymbol(normalized);
        }
        return OkxSymbols.toNative(normalized);
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"op\":\"subscribe\",\"args\":[" + String.join(",", streams.stream().map(s -> "{\"channel\":\""
                + LiveSubscriptions.channelOf(s) + "\",\"instId\":\"" + s.nativeSymbol() + "\"}").toList()) + "]}";
    }

    /** {@code channel:instId} from the frame's {@code arg}. */
    @Override
    public String streamOf(byte[] payload) {
        return "arg".equals(PayloadScan.valueAfter(payload, "{\"", '"'))
                ? LiveSubscriptions.stream(payload, "\"channel\":\"", "\"instId\":\"") : null;
    }
}
