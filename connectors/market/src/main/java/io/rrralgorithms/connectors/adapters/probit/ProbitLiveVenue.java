package io.rrralgorithms.connectors.adapters.probit;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ProBit Global's public WebSocket ({@code probit}), {@code wss://api.probit.com/api/exchange/v1/ws}.
 * No key needed.
 *
 * <ul>
 *   <li>One channel, {@code marketdata}, per market, its {@code filter} naming what it carries: the
 *       book {@code order_books} (the first message after subscribing, {@code "reset":true}, is the
 *       whole book; then changed levels) and trades {@code recent_trades}. The {@code ticker} filter
 *       is not decoded, so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message per market, its filters book first as the recorded session sent them:
 *       {@code {"type":"subscribe","channel":"marketdata","filter":["order_books","recent_trades"],
 *       "interval":100,"market_id":"BTC-USDT"}}; an error reply carries an {@code errorCode}.
 *   <li>Heartbeat: none of the application's (the recorded session sends none).
 *   <li>Limits: none published for the socket; 100 markets' streams a connection, 10 messages a
 *       second and 5 connects a second are this service's choice.
 *   <li>Symbols ({@link ProbitSymbols#toNative}): {@code BTC-USDT} as it is.
 * </ul>
 */
public final class ProbitLiveVenue extends LiveSpec {

    public ProbitLiveVenue() {
        super(declare(ProbitVenue.FEED, "wss://api.probit.com/api/exchange/v1/ws",
                new VenueLimits(200, 2, 10, 5, Duration.ofSeconds(1), 1))
                .batching(Batching.PER_SYMBOL).symbols(ProbitSymbols.BOTH_WAYS::toNative)
                .streams("recent_trades:{}", "order_books:{}", null)
                .errorContaining("\"errorCode\""));
    }

    /** The streams of one market: its filters, the book's first. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        List<LiveStream> filters = new ArrayList<>(streams);
        filters.sort((a, b) -> Boolean.compare(a.channel() != Channel.BOOK, b.channel() != Channel.BOOK));
        return "{\"type\":\"subscribe\",\"channel\":\"marketdata\",\"filter\":[" + LiveSubscriptions.quoted(filters,
                LiveSubscriptions::channelOf) + "],\"interval\":100,\"market_id\":\"" + streams.get(0).nativeSymbol() + "\"}";
    }

    /** {@code order_books:<market>} for a message with book levels, else {@code recent_trades:<market>}. */
    @Override
    public String streamOf(byte[] payload) {
        String market = PayloadScan.valueAfter(payload, "\"market_id\":\"", '"');
        if (market == null) {
            return null;
        }
        // the text of a ProBit frame: a few kB at a few a second per market
        boolean book = new String(payload, StandardCharsets.UTF_8).contains("\"order_books\":[{");
        return (book ? "order_books:" : "recent_trades:") + market;
    }
}
