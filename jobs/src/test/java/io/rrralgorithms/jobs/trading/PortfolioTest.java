package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The portfolio alone: marks from tops, instruments, account totals and snapshots. */
class PortfolioTest {
    final Parts parts = new Parts(new Cfg().build());
    final Portfolio portfolio = parts.portfolio;

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, bd(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void aTopWithBothSidesMarksAtTheExactMidAndIsKeptAsACopy() {
        BookTop top = book(1000, lv("100:1", "99:1"), lv("101:1", "102:1"));
        InstrumentState inst = portfolio.instrument(SPOT, "BTCUSDT", "BTC-USDT");
        assertTrue(portfolio.mark(inst, top));
        assertTrue(inst.synced);
        assertAmount("100.5", inst.mark);
        top.askPrices[0] = px("150"); // the caller reuses its arrays
        assertEquals(px("101"), inst.top.askPrices[0]);

        BookTop oneSided = book(2000, lv("90:1"), lv());
        assertFalse(portfolio.mark(inst, oneSided));
        assertFalse(inst.synced);
        assertAmount("100.5", inst.mark);
        assertEquals(px("101"), inst.top.askPrices[0]);
    }

    @Test
    void anInstrumentIsCreatedOnceAndLearnsItsSymbolLate() {
        InstrumentState first = portfolio.instrument(SPOT, "BTCUSDT", null);
        assertNull(first.symbol);
        assertSame(first, portfolio.instrument(SPOT, "BTCUSDT", "BTC-USDT"));
        assertEquals("BTC-USDT", first.symbol);
        assertSame(first, portfolio.instrument(SPOT, "BTCUSDT", "OTHER"));
        assertEquals("BTC-USDT", first.symbol);
        assertSame(first, portfolio.find("binance-spot:BTCUSDT"));
        assertNull(portfolio.find("binance-usdm:BTCUSDT"));
    }

    @Test
    void totalsSumTheInstrumentsAndEquityEqualsCashPlusMarkValue() {
        InstrumentState spot = parts.marked(book(SPOT, 1000, lv("100:1"), lv("101:1"))); // mark 100.5
        InstrumentState usdm = parts.marked(book(USDM, 1000, lv("48.5:1"), lv("49.5:1"))); // mark 49
        portfolio.book(spot, Side.BUY, bd("100"), px("0.1"), bd("0.01"));
        portfolio.book(usdm, Side.SELL, bd("50"), px("0.2"), BigDecimal.ZERO);

        AccountTotals t = portfolio.totals();
        assertAmount("0", t.realizedPnl());
        // spot 0.1 x 100.5 - 10 = 0.05; usdm -0.2 x 49 + 10 = 0.2
        assertAmount("0.25", t.unrealizedPnl());
        assertAmount("0.01", t.fees());
        assertAmount("0.24", t.equity());
        // spot -10 - 0.01, usdm +10
        assertAmount("-0.01", t.cash());
        assertAmount("0.25", t.markValue());
        assertAmount("19.85", t.grossNotional());
        assertAmount(t.cash().add(t.markValue()).toPlainString(), t.equity());
        assertEquals(2, parts.state.fills);
    }

    @Test
    void snapshotsCarryPositionAveragePriceAndTheAccountCounters() {
        InstrumentState spot = parts.marked(book(SPOT, 1000, lv("100:1"), lv("101:1")));
        portfolio.book(spot, Side.BUY, bd("100"), px("0.1"), bd("0.01"));
        PositionSnapshot open = portfolio.position(spot, 2000);
        assertEquals("paper", open.accountId);
        assertEquals(2000, open.timeMs);
        assertEquals(px("0.1"), open.quantity);
        assertAmount("100", open.averagePrice);
        assertAmount("0.05", open.unrealizedPnl);

        portfolio.book(spot, Side.SELL, bd("102"), px("0.1"), BigDecimal.ZERO);
        PositionSnapshot flat = portfolio.position(spot, 3000);
        assertEquals(0, flat.quantity);
        assertNull(flat.averagePrice);
        assertAmount("0.2", flat.realizedPnl);

        parts.state.orders = 5;
        parts.state.rejections = 3;
        AccountTotals t = portfolio.totals();
        PnlSnapshot p = portfolio.pnl(3000, t, bd("1.5"), RiskState.REDUCING);
        assertEquals("paper", p.accountId);
        assertSame(t.equity(), p.equity);
        assertAmount("0.19", p.equity); // 0.2 realized - 0.01 fees
        assertAmount("1.5", p.drawdown);
        assertEquals(RiskState.REDUCING, p.riskState);
        assertEquals(2, p.fills);
        assertEquals(5, p.orders);
        assertEquals(3, p.rejections);
    }
}
