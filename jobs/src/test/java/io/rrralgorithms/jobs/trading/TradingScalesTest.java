package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.book;
import static io.rrralgorithms.jobs.trading.TradingKit.lv;
import static io.rrralgorithms.jobs.trading.TradingKit.px;
import static io.rrralgorithms.jobs.trading.TradingKit.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.trading.TradingKit.Cfg;
import io.rrralgorithms.jobs.trading.TradingKit.Out;
import io.rrralgorithms.jobs.trading.TradingKit.Req;
import io.rrralgorithms.jobs.trading.TradingKit.Scripted;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper trading keeps 8-decimal orders and positions: a book at another scale is converted
 * exactly, and an instrument whose book is not exact at 8 decimals is not traded at all (never
 * at rounded prices).
 */
class TradingScalesTest {
    /** The top at {@code scale}: every mantissa times 10^(scale - 8). */
    private static BookTop atScale(BookTop t, int scale) {
        for (long[] a : List.of(t.bidPrices, t.askPrices)) {
            Decimals.rescale(a, a.length, Decimals.SCALE, scale);
        }
        for (long[] a : List.of(t.bidSizes, t.askSizes)) {
            Decimals.rescale(a, a.length, Decimals.SCALE, scale);
        }
        t.priceScale = scale;
        t.sizeScale = scale;
        return t;
    }

    @Test
    void aBookAtAFinerScaleWhoseLevelsAreExactAt8IsTradedAtTheSamePrices() {
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.MARKET, null, "2"));
        TradingEngine e = new TradingEngine(new Cfg().build(), s, new TradingState());
        Out out = new Out();
        e.onBook(atScale(book(1000, lv("100:5"), lv("101:1", "102:2")), 10), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        e.onBook(atScale(book(1001, lv("100:5"), lv("101:1", "102:2")), 10), 1001, out);
        assertEquals(List.of(px("101"), px("102")), out.fills.stream().map(f -> f.price).toList());
        assertEquals(px("2"), e.state().instruments.get("binance-spot:BTCUSDT").quantity);
    }

    @Test
    void aBookWithATickFinerThan1e8IsNotTraded() {
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.MARKET, null, "2"));
        TradingEngine e = new TradingEngine(new Cfg().build(), s, new TradingState());
        Out out = new Out();
        BookTop fine = atScale(book(1000, lv("100:5"), lv("101:1")), 10);
        fine.askPrices[0] += 1; // 101.0000000001: not exact at 8 decimals
        e.onBook(fine, 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        e.onBook(fine, 1001, out);
        assertEquals(List.of(), out.fills, "no fill at a rounded price");
        assertTrue(e.state().instruments.get("binance-spot:BTCUSDT") == null
                || e.state().instruments.get("binance-spot:BTCUSDT").quantity == 0, "no position");
    }
}
