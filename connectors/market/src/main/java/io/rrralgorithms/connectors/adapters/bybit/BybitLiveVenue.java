package io.rrralgorithms.connectors.adapters.bybit;

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
 * Bybit public WebSocket API v5 ({@code bybit}), category linear (USDT perpetuals):
 * {@code wss://stream.bybit.com/v5/public/linear}, symbols like {@code BTC-USDT-PERP} (inverse
 * perpetuals {@code BTC-USD-PERP}: give {@code url: wss://stream.bybit.com/v5/public/inverse}; one
 * endpoint per feed entry). Spot is not offered: v5 frames do not name their category, and the
 * {@code bybit} decoder normalizes {@code BTCUSDT} to {@code BTC-USDT-PERP} (as the v2 recording
 * has it), so spot frames would be booked as the perpetual's.
 *
 * <ul>
 *   <li>Topics: trades {@code publicTrade.S}, book {@code orderbook.50.S} (a snapshot on the
 *       socket after subscribing, then deltas with {@code u}/{@code seq}; a new snapshot when the
 *       venue resets), BBO {@code orderbook.1.S} (level-1 snapshots).
 *   <li>Subscribe: {@code {"req_id":"N","op":"subscribe","args":[…]}}, at most 10 topics a
 *       message (spot's published limit, kept for linear, which limits by message length).
 *   <li>Heartbeat: {@code {"req_id":"ping","op":"ping"}} every 20 s, as Bybit asks.
 *   <li>Limits (published: 500 connections per 5 min per IP; 10 args per spot subscribe):
 *       500 connects per 5 min, 10 topics per subscribe; 200 topics per connection and 10
 *       messages per second are this service's choice.
 *   <li>Symbols: {@code BTC-USDT-PERP} → {@code BTCUSDT}, {@code BTC-USD-PERP} → {@code BTCUSD};
 *       spot symbols ({@code BTC-USDT}) are refused.
 * </ul>
 */
public final class BybitLiveVenue extends LiveSpec {

    public BybitLiveVenue() {
        super(declare(BybitVenue.FEED, "wss://stream.bybit.com/v5/public/linear",
                new VenueLimits(200, 10, 10, 500, Duration.ofMinutes(5), 1))
                .heartbeat("{\"req_id\":\"ping\",\"op\":\"ping\"}", Duration.ofSeconds(20))
                .symbols(BybitLiveVenue::perpetual).streams("publicTrade.{}", "orderbook.50.{}", "orderbook.1.{}")
                .errorContaining("\"success\":false"));
    }

    /** Perpetuals only (the v5 linear and inverse categories), as {@link BybitSymbols#toNative}. */
    private static String perpetual(String normalized) {
        Parts s = NormalizedSymbols.parts(normalized);
        boolean ok = s != null && s.kind() == Instrument.Kind.PERPETUAL && (s.quote().equals("USDT") || s.quote().equals("USD"));
        if (!ok) {
            throw new IllegalArgumentException(BybitVenue.FEED + ": '" + normalized
                    + "' is not a perpetual like BTC-USDT-PERP (linear) or BTC-USD-PERP (inverse); spot is not offered");
        }
        return BybitSymbols.toNative(normalized);
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"req_id\":\"" + id + "\",\"op\":\"subscribe\",\"args\":[" + LiveSubscriptions.quoted(streams,
                LiveStream::name) + "]}";
    }

    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"topic\":\"", '"');
    }
}
