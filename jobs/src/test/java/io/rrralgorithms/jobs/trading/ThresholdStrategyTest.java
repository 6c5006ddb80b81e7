package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Threshold with hysteresis, stepping, cooldown, one order at a time, order types. */
class ThresholdStrategyTest {
    static final String[] BIDS = lv("100:5", "99:5");
    static final String[] ASKS = lv("101:5", "102:5");

    final Out out = new Out();

    TradingEngine engine(Cfg cfg) {
        TradingEngine e = new TradingEngine(cfg.build(), new ThresholdStrategy(cfg.build()), new TradingState());
        e.onBook(book(0, BIDS, ASKS), 0, out);
        return e;
    }

    /** A score, then a book so that pending orders execute. */
    void step(TradingEngine e, long t, double score) {
        e.onScore(score(t, score), t, out);
        e.onBook(book(t, BIDS, ASKS), t, out);
    }

    long position(TradingEngine e) {
        return e.state().instruments.get("binance-spot:BTCUSDT").quantity;
    }

    @Test
    void entersInStepsHoldsInTheBandAndExitsBelowExit() {
        Cfg cfg = new Cfg(); // entry 1e-4, exit 3e-5, step 0.01, max 0.05, MARKET
        TradingEngine e = engine(cfg);
        step(e, 1000, 5e-5); // inside the band, target 0: nothing
        assertTrue(out.orders.isEmpty());
        step(e, 2000, 1.5e-4);
        assertEquals(px("0.01"), position(e));
        assertEquals("paper-binance-spot:BTCUSDT-1", out.orders.get(0).orderId);
        step(e, 3000, 5e-5); // hold: keeps stepping towards +0.05
        step(e, 4000, 5e-5);
        assertEquals(px("0.03"), position(e));
        step(e, 5000, 2e-4);
        step(e, 6000, 2e-4);
        step(e, 7000, 2e-4); // at max: no more
        assertEquals(px("0.05"), position(e));
        assertEquals(5 * 2, out.orders.size()); // PENDING + FILLED each
        step(e, 8000, 1e-5); // |score| < exit: flatten
        assertEquals(px("0.04"), position(e));
        step(e, 9000, -2e-4); // short entry: target −0.05
        for (int i = 0; i < 10; i++) {
            step(e, 10_000 + i * 1000, -5e-5);
        }
        assertEquals(-px("0.05"), position(e));
        assertTrue(out.orders.stream().allMatch(o -> o.type == OrderType.MARKET && o.quantity == px("0.01")));
    }

    @Test
    void cooldownAndOneOrderAtATime() {
        Cfg cfg = new Cfg();
        cfg.cooldownMs = 5000;
        cfg.latencyMs = 100;
        TradingEngine e = engine(cfg);
        e.onScore(score(1000, 1), 1000, out);
        e.onScore(score(1050, 1), 1050, out); // pending: no second order
        assertEquals(1, out.orders.size());
        e.onBook(book(1100, BIDS, ASKS), 1100, out); // filled
        e.onScore(score(2000, 1), 2000, out); // cooldown until 6000
        e.onScore(score(5999, 1), 5999, out);
        assertEquals(2, out.orders.size());
        e.onScore(score(6000, 1), 6000, out);
        assertEquals(3, out.orders.size());
        assertEquals(6000, out.lastOrder().createdAtMs);
    }

    @Test
    void iocAndLimitPricesAndStaleLimitCancel() {
        Cfg cfg = new Cfg();
        cfg.type = OrderType.IOC;
        TradingEngine e = engine(cfg);
        e.onScore(score(1000, 1), 1000, out);
        assertEquals(px("101.0505"), out.lastOrder().price); // ask 101 + 5 bps
        e.onScore(score(1000, 1), 1000, out); // pending
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(2000, -1), 2000, out);
        assertEquals(px("99.95"), out.lastOrder().price); // bid 100 − 5 bps

        Cfg lim = new Cfg();
        lim.type = OrderType.LIMIT;
        lim.cooldownMs = 1000;
        Out o2 = new Out();
        TradingEngine l = new TradingEngine(lim.build(), new ThresholdStrategy(lim.build()), new TradingState());
        l.onBook(book(0, BIDS, ASKS), 0, o2);
        l.onScore(score(1000, 1), 1000, o2);
        l.onBook(book(1000, BIDS, ASKS), 1000, o2);
        Order buy = o2.lastOrder();
        assertEquals(OrderStatus.OPEN, buy.status);
        assertEquals(px("100"), buy.price); // at the touch
        // target flips: the resting buy is canceled and a sell is sent at the ask
        l.onScore(score(3000, -1), 3000, o2);
        List<Order> last = o2.orders.subList(o2.orders.size() - 2, o2.orders.size());
        assertEquals(OrderStatus.CANCELED, last.get(0).status);
        assertTrue(last.get(0).cancelReason.startsWith("target changed"));
        assertEquals(Side.SELL, last.get(1).side);
        assertEquals(px("101"), last.get(1).price);
        l.onBook(book(3000, BIDS, ASKS), 3000, o2);
        // the touch moves away: after the cooldown the order is re-quoted
        l.onBook(book(3500, lv("99:5"), lv("100:5")), 3500, o2);
        l.onScore(score(3600, -1), 3600, o2); // within cooldown of its creation: kept
        assertEquals(OrderStatus.OPEN, o2.lastOrder().status);
        l.onScore(score(4000, -1), 4000, o2);
        last = o2.orders.subList(o2.orders.size() - 2, o2.orders.size());
        assertEquals(OrderStatus.CANCELED, last.get(0).status);
        assertTrue(last.get(0).cancelReason.startsWith("left behind"));
        assertEquals(px("100"), last.get(1).price);
    }

    @Test
    void hysteresisTargets() {
        ThresholdStrategy s = new ThresholdStrategy(1e-4, 3e-5, 1, 10, 0, OrderType.MARKET, 5);
        assertEquals(10, s.target(1.01e-4, 0));
        assertEquals(-10, s.target(-1.01e-4, 0));
        assertEquals(10, s.target(5e-5, 10));
        assertEquals(-10, s.target(-5e-5, -10));
        assertEquals(0, s.target(2.9e-5, 10));
        assertEquals(0, s.target(1e-4, 0)); // not strictly above
    }
}
