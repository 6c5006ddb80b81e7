package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher alone, on orders accepted directly (no strategy, no risk): arrival, walking, queue, cancels. */
class PaperMatcherTest {
    final Out out = new Out();

    static Run with(long latencyMs) {
        Cfg cfg = new Cfg();
        cfg.latencyMs = latencyMs;
        return new Run(new Parts(cfg.build()));
    }

    record Run(Parts parts) {
        Order accept(Order o, long timeMs) {
            parts.matcher.accept(o, timeMs);
            return o;
        }

        InstrumentState top(long timeMs, String[] bids, String[] asks, Out out) {
            InstrumentState inst = parts.marked(book(timeMs, bids, asks));
            parts.matcher.onBook(inst, timeMs, out);
            return inst;
        }
    }

    @Test
    void anOrderWaitsForTheFirstTopAfterItsLatencyThenWalksTheVisibleLevels() {
        Run run = with(10);
        Order o = run.accept(order("o1", SPOT, Side.BUY, OrderType.MARKET, null, "0.3"), 0);
        assertEquals(OrderStatus.PENDING, o.status);
        assertEquals(10, o.arrivesAtMs);
        assertSame(o, run.parts().open.get("o1"));

        run.top(5, lv("99:1"), lv("100:0.1", "101:0.1"), out);
        assertTrue(out.orders.isEmpty());

        InstrumentState inst = run.top(10, lv("99:1"), lv("100:0.1", "101:0.1"), out);
        assertEquals(List.of(px("100"), px("101")), out.fills.stream().map(f -> f.price).toList());
        assertEquals(List.of("o1-1", "o1-2"), out.fills.stream().map(f -> f.fillId).toList());
        assertTrue(out.fills.stream().allMatch(f -> f.taker));
        // taker fee 0.001: 0.1 x 100 x 0.001 + 0.1 x 101 x 0.001
        assertEquals(0, bd("0.0201").compareTo(o.fees));
        Order last = out.lastOrder();
        assertEquals(OrderStatus.CANCELED, last.status);
        assertEquals("visible depth exhausted (2 levels): 0.1 of 0.3 unfilled, 2 levels used", last.cancelReason);
        assertEquals(px("0.2"), inst.quantity);
        assertEquals(2, run.parts().state.fills);
        assertTrue(run.parts().open.all().isEmpty());
    }

    @Test
    void ordersArrivingOnTheSameTopShareItsLiquidity() {
        Run run = with(0);
        run.accept(order("a", SPOT, Side.BUY, OrderType.MARKET, null, "0.1"), 0);
        run.accept(order("b", SPOT, Side.BUY, OrderType.MARKET, null, "0.1"), 0);
        run.top(0, lv("99:1"), lv("100:0.15", "101:1"), out);
        assertEquals(List.of("a", "b", "b"), out.fills.stream().map(f -> f.orderId).toList());
        assertEquals(List.of(px("100"), px("100"), px("101")), out.fills.stream().map(f -> f.price).toList());
        assertEquals(List.of(px("0.1"), px("0.05"), px("0.05")), out.fills.stream().map(f -> f.quantity).toList());
    }

    @Test
    void aRestingLimitFillsFromTradesBeyondItsQueueAtItsPriceAsMaker() {
        Run run = with(0);
        Order o = run.accept(order("l", SPOT, Side.BUY, OrderType.LIMIT, "99", "0.2"), 0);
        InstrumentState inst = run.top(0, lv("99:0.5"), lv("100:1"), out);
        assertEquals(OrderStatus.OPEN, o.status);
        assertEquals(px("0.5"), o.queueAhead);

        run.parts().matcher.onTrade(inst, trade(1, "99", "0.3", false), 1, out);
        assertTrue(out.fills.isEmpty());
        assertEquals(px("0.2"), o.queueAhead);
        run.parts().matcher.onTrade(inst, trade(2, "99", "0.1", true), 2, out); // buy aggressor: not our side
        assertEquals(px("0.2"), o.queueAhead);
        run.parts().matcher.onTrade(inst, trade(3, "98", "0.3", false), 3, out); // through our price
        assertEquals(1, out.fills.size());
        assertEquals(px("0.1"), out.fills.get(0).quantity);
        assertEquals(px("99"), out.fills.get(0).price);
        assertFalse(out.fills.get(0).taker);
        // maker fee 0.0002: 0.1 x 99 x 0.0002
        assertEquals(0, bd("0.00198").compareTo(out.fills.get(0).fee));
        assertEquals(OrderStatus.PARTIALLY_FILLED, out.lastOrder().status);
        assertEquals(0, o.queueAhead);
    }

    @Test
    void cancelWhereCancelsTheSelectedOpenOrdersOnceInCreationOrder() {
        Run run = with(1000);
        run.accept(order("s1", SPOT, Side.SELL, OrderType.MARKET, null, "1"), 0);
        run.accept(order("b1", SPOT, Side.BUY, OrderType.MARKET, null, "1"), 0);
        run.accept(order("s2", SPOT, Side.SELL, OrderType.MARKET, null, "1"), 0);
        int n = run.parts().matcher.cancelWhere(o -> o.side == Side.SELL, "test", 5, out);
        assertEquals(2, n);
        assertEquals(List.of("s1", "s2"), out.orders.stream().map(o -> o.orderId).toList());
        assertTrue(out.orders.stream().allMatch(o -> o.status == OrderStatus.CANCELED && "test".equals(o.cancelReason)
                && o.updatedAtMs == 5));
        assertEquals(List.of("b1"), run.parts().open.all().stream().map(o -> o.orderId).toList());

        Order gone = out.orders.get(0);
        run.parts().matcher.cancel(gone, "again", 6, out); // final: left alone
        assertEquals(2, out.orders.size());
    }
}
