package io.rrralgorithms.connectors.adapters.poloniex;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * Poloniex public WebSocket, API v3 ({@code poloniex}), {@code wss://ws.poloniex.com/ws/public}. No
 * key needed.
 *
 * <ul>
 *   <li>Channels per symbol: trades {@code trades}, book {@code book_lv2} (20 levels: a snapshot on
 *       subscribing, then updates chained by {@code lastId}/{@code id}, each level leaving the
 *       window deleted explicitly). The {@code book} channel (whole top-N books) is not decoded, so
 *       a BBO asked for is not subscribed.
 *   <li>Subscribe: one message per channel naming its symbols,
 *       {@code {"event":"subscribe","channel":["book_lv2"],"symbols":["BTC_USDT","ETH_USDT"]}}, answered
 *       {@code {"event":"subscribe","channel":"book_lv2","symbols":[...]}}; a failure is
 *       {@code {"event":"error","message":...}}. (One message naming two channels would subscribe
 *       every channel for every symbol named.)
 *   <li>Heartbeat: the server ends a session without a message or ping for 30 s; the client sends
 *       {@code {"event":"ping"}} every 20 s, answered {@code {"event":"pong"}} (the decoder ignores it).
 *   <li>Limits (published: 2,000 connections per IP, 500 requests per second per connection; no
 *       subscription limit): 200 streams per connection, 100 per subscribe, 10 messages per second
 *       and 5 connects per second are this service's choice.
 *   <li>Symbols: {@code BTC-USDT} → {@code BTC_USDT}.
 * </ul>
 */
public final class PoloniexLiveVenue extends LiveSpec {
    static final String PING = "{\"event\":\"ping\"}";

    public PoloniexLiveVenue() {
        super(declare(PoloniexVenue.FEED, "wss://ws.poloniex.com/ws/public",
                new VenueLimits(200, 100, 10, 5, Duration.ofSeconds(1), 1))
                .batching(Batching.PER_CHANNEL).heartbeat(PING, Duration.ofSeconds(20))
                .symbols(PoloniexSymbols::toNative).streams("trades:{}", "book_lv2:{}", null)
                .errorWhen("\"event\":\"", "error"));
    }

    /** The streams of one channel (one message per channel: see the class comment). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"event\":\"subscribe\",\"channel\":[\"" + LiveSubscriptions.oneChannel(feed(), streams)
                + "\"],\"symbols\":[" + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]}";
    }

    /** {@code <channel>:<symbol>} of a data message; null for acknowledgements and pongs. */
    @Override
    public String streamOf(byte[] payload) {
        return LiveSubscriptions.stream(payload, "{\"channel\":\"", "\"symbol\":\"");
    }
}
