package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.bd;
import static io.rrralgorithms.jobs.trading.TradingKit.book;
import static io.rrralgorithms.jobs.trading.TradingKit.lv;
import static io.rrralgorithms.jobs.trading.TradingKit.px;
import static io.rrralgorithms.jobs.trading.TradingKit.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.trading.TradingKit.Cfg;
import io.rrralgorithms.jobs.trading.TradingKit.Out;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Scripted scores against a fixed book: trade only when the predicted move exceeds fee + half spread + slippage. */
class CostAwareStrategyTest {
    // mid 100.5: half spread 0.5 / 100.5 = 49.75 bps; taker fee 10 bps (spot)
    static final String[] BIDS = lv("100:5", "99:5");
    static final String[] ASKS = lv("101:5", "102:5");
    static final double MARGIN = 1e-4;
    static final double HALF_SPREAD = 0.5 / 100.5;
    static final double FEE = 0.001;

    final Out out = new Out();

    TradingEngine engine(String orderNotional, String maxNotional) {
        TradingConfig cfg = new Cfg().build();
        TradingEngine e = new TradingEngine(cfg, new CostAwareStrategy(new BigDecimal(orderNotional),
                new BigDecimal(maxNotional), MARGIN, 0, OrderType.MARKET, 5), new TradingState());
        e.onBook(book(0, BIDS, ASKS), 0, out);
        return e;
    }

    void step(TradingEngine e, long t, double score) {
        e.onScore(score(t, score), t, out);
        e.onBook(book(t, BIDS, ASKS), t, out);
    }

    long position(TradingEngine e) {
        return e.state().instruments.get("binance-spot:BTCUSDT").quantity;
    }

    @Test
    void expectedCostIsFeePlusHalfSpreadPlusSlippage() {
        var b = book(0, BIDS, ASKS);
        assertEquals(FEE + HALF_SPREAD, CostAwareStrategy.expectedCost(b, Side.BUY, px("1"), FEE), 1e-12);
        assertEquals(FEE + HALF_SPREAD, CostAwareStrategy.expectedCost(b, Side.SELL, px("5"), FEE), 1e-12);
        // 8 through two levels: average (5 × 101 + 3 × 102) / 8 = 101.375
        assertEquals(FEE + 0.875 / 100.5, CostAwareStrategy.expectedCost(b, Side.BUY, px("8"), FEE), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, CostAwareStrategy.expectedCost(b, Side.BUY, px("10.00000001"), FEE));
        assertEquals(px("0.99502487"), CostAwareStrategy.quantityOf(bd("100"), px("100"), px("101")));
    }

    @Test
    void doesNotTradeBelowCostAndTradesAbove() {
        TradingEngine e = engine("100", "300"); // ~0.995 BTC an order: inside the first level
        double cost = FEE + HALF_SPREAD;
        step(e, 1000, cost); // the move only pays the costs: no margin
        step(e, 2000, cost + MARGIN * 0.9);
        step(e, 3000, -(cost + MARGIN * 0.9));
        step(e, 4000, 0.004); // a score that a threshold strategy at 1 bps would trade on
        assertTrue(out.orders.isEmpty(), "no order below cost + margin: " + out.orders);
        assertEquals(0, position(e));

        step(e, 5000, cost + MARGIN * 1.1);
        assertEquals(px("0.99502487"), position(e), "one order of 100 USDT at the mid");
        assertTrue(out.orders.get(0).reason.contains("buy cost"), out.orders.get(0).reason);
        step(e, 6000, 0.003); // within costs: hold the long target, keep stepping to 300 USDT
        step(e, 7000, 0.003);
        assertEquals(px("2.98507461"), position(e));
        step(e, 8000, 0.0); // no direction: hold (leaving costs too): the last unit up to 300 USDT at the mid
        assertEquals(px("2.98507462"), position(e));
        step(e, 8500, -1e-5); // the model expects the other way now: leave
        assertEquals(px("1.99004975"), position(e));
        step(e, 9000, -(cost + MARGIN * 1.1)); // short entry above the sell cost
        for (int t = 10_000; t < 20_000; t += 1000) {
            step(e, t, -0.003);
        }
        assertTrue(position(e) < 0, "short: " + position(e));
    }

    @Test
    void slippageAtTheOrderSizeKeepsALargerOrderOut() {
        double small = FEE + HALF_SPREAD;
        double large = FEE + 0.875 / 100.5; // 8 BTC walks into the second level
        double between = (small + large) / 2 + MARGIN;
        TradingEngine big = engine("804", "804"); // 8 BTC at 100.5
        step(big, 1000, between);
        assertEquals(0, position(big), "the 8 BTC order's slippage is not covered");
        step(big, 2000, large + 2 * MARGIN);
        assertTrue(position(big) > 0, "covered now");

        TradingEngine tooDeep = engine("2000", "2000"); // ~19.9 BTC: more than the book's known levels
        step(tooDeep, 1000, 0.5);
        assertEquals(0, position(tooDeep), "size beyond the known depth: infinite cost");
    }
}
