package io.rrralgorithms.connectors.adapters.gemini;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Gemini's public market data API v2 ({@code gemini}), {@code wss://api.gemini.com/v2/marketdata}.
 * No key needed.
 *
 * <ul>
 *   <li>One stream per symbol: {@code l2}, which carries the book (the first {@code l2_updates} is
 *       the whole book, with the latest trades) and every trade ({@code trade}): asked for trades or
 *       the book (or both), a symbol gets its {@code l2} subscription. No BBO channel.
 *   <li>Subscribe: {@code {"type":"subscribe","subscriptions":[{"name":"l2","symbols":["BTCUSD","ETHUSD"]}]}}.
 *   <li>Heartbeat: the venue sends {@code {"type":"heartbeat"}} every 5 s; no client heartbeat.
 *   <li>Limits: Gemini publishes 120 public requests a minute and no per-connection limit; 200
 *       symbols a connection, 100 a message, 1 message a second and 10 connects a minute are this
 *       service's choice.
 *   <li>Symbols ({@link GeminiSymbols#toNative}): {@code BTC-USD} → {@code BTCUSD}.
 * </ul>
 */
public final class GeminiLiveVenue extends LiveSpec {

    public GeminiLiveVenue() {
        super(declare(GeminiVenue.FEED, "wss://api.gemini.com/v2/marketdata",
                new VenueLimits(200, 100, 1, 10, Duration.ofMinutes(1), 1)).symbols(GeminiSymbols::toNative)
                .errorWhen("{\"type\":\"", "error"));
    }

    /** {@code l2:<symbol>} for trades or book; none for BBO alone. */
    @Override
    public List<LiveStream> streams(String symbol, Set<Channel> channels) {
        return channels.contains(Channel.BOOK) || channels.contains(Channel.TRADES)
                ? List.of(new LiveStream(symbol, Channel.BOOK, "l2:" + symbol)) : List.of();
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"type\":\"subscribe\",\"subscriptions\":[{\"name\":\"l2\",\"symbols\":["
                + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]}]}";
    }

    /** {@code l2:<symbol>} of an {@code l2_updates} or {@code trade} frame; null for heartbeats. */
    @Override
    public String streamOf(byte[] payload) {
        String type = PayloadScan.valueAfter(payload, "{\"type\":\"", '"');
        String symbol = type == null || !(type.equals("l2_updates") || type.equals("trade")) ? null
                : PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        return symbol == null ? null : "l2:" + symbol;
    }
}
