package io.rrralgorithms.connectors.adapters.bithumb;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * Bithumb's public WebSocket ({@code bithumb}), {@code wss://pubwss.bithumb.com/pub/ws}, the recorded
 * session's endpoint. No key needed.
 *
 * <ul>
 *   <li>Channels: trades only ({@code transaction}, the one channel recorded and decoded); a book or
 *       BBO asked for is not subscribed ({@code orderbookdepth} and {@code ticker} are not decoded).
 *   <li>Subscribe: {@code {"type":"transaction","symbols":["BTC_KRW","ETH_BTC"]}}, answered
 *       {@code {"status":"0000","resmsg":"Filter Registered Successfully"}}; another status is a
 *       refusal.
 *   <li>Heartbeat: none of the application's (the recorded session sends none).
 *   <li>Limits: none published; 100 symbols a connection and a message, 5 messages a second and 5
 *       connects a second are this service's choice.
 *   <li>Symbols ({@link BithumbSymbols#toNative}): {@code BTC-KRW} → {@code BTC_KRW}.
 * </ul>
 */
public final class BithumbLiveVenue extends LiveSpec {

    public BithumbLiveVenue() {
        super(declare(BithumbVenue.FEED, "wss://pubwss.bithumb.com/pub/ws",
                new VenueLimits(100, 100, 5, 5, Duration.ofSeconds(1), 1))
                .symbols(BithumbSymbols.BOTH_WAYS::toNative).streams("transaction:{}", null, null));
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"type\":\"" + LiveSubscriptions.oneChannel(feed(), streams) + "\",\"symbols\":["
                + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]}";
    }

    /** {@code transaction:<symbol>} of a trade message (its first trade's symbol); null for status replies. */
    @Override
    public String streamOf(byte[] payload) {
        return LiveSubscriptions.stream(payload, "{\"type\":\"", "\"symbol\":\"");
    }

    /** A status reply other than {@code 0000}. */
    @Override
    public String errorOf(byte[] payload) {
        String status = PayloadScan.valueAfter(payload, "{\"status\":\"", '"');
        return status != null && !status.equals("0000") ? LiveSubscriptions.smallText(payload, 4096) : null;
    }
}
