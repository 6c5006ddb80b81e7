package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Resting limit orders: queue position, trades at and through the price, partial fills, cancels. */
class LimitOrderTest {
    static final String[] BIDS = lv("100:5", "99:2", "98:4");
    static final String[] ASKS = lv("101:1", "102:2", "103:3");

    TradingEngine engine(Scripted s, Out out) {
        Cfg cfg = new Cfg();
        cfg.latencyMs = 10;
        TradingEngine e = new TradingEngine(cfg.build(), s, new TradingState());
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        e.onBook(book(1010, BIDS, ASKS), 1010, out);
        return e;
    }

    @Test
    void doesNotFillBeforeTheQueueAheadTradesThenFillsPartiallyAndFully() {
        Out out = new Out();
        TradingEngine e = engine(new Scripted().then(new Req(Side.BUY, OrderType.LIMIT, "100", "1")), out);
        Order o = out.lastOrder();
        assertEquals(OrderStatus.OPEN, o.status);
        assertEquals(px("5"), o.queueAhead);
        e.onTrade(trade(1100, "100", "3", false), 1100, out); // queue 5 → 2
        e.onTrade(trade(1101, "100", "9", true), 1101, out); // buy aggressor: not our side
        e.onTrade(trade(1102, "101", "9", false), 1102, out); // above our price
        assertTrue(out.fills.isEmpty());
        assertEquals(px("2"), e.state().openOrders.get(o.orderId).queueAhead);
        e.onTrade(trade(1103, "100", "2", false), 1103, out); // traded volume == queue: still nothing
        assertTrue(out.fills.isEmpty());
        e.onTrade(trade(1104, "100", "0.4", false), 1104, out); // beyond the queue: 0.4 fills
        assertEquals(1, out.fills.size());
        Fill f = out.fills.get(0);
        assertEquals(px("0.4"), f.quantity);
        assertEquals(px("100"), f.price);
        assertFalse(f.taker);
        assertEquals(0, f.fee.compareTo(bd("0.008"))); // 40 × 2 bps maker
        assertEquals(OrderStatus.PARTIALLY_FILLED, out.lastOrder().status);
        e.onTrade(trade(1105, "99", "5", false), 1105, out); // through the price: the rest
        assertEquals(2, out.fills.size());
        assertEquals(px("0.6"), out.fills.get(1).quantity);
        assertEquals(px("100"), out.fills.get(1).price);
        assertEquals(OrderStatus.FILLED, out.lastOrder().status);
        assertTrue(e.state().openOrders.isEmpty());
        assertEquals(px("1"), e.state().instruments.get("binance-spot:BTCUSDT").quantity);
    }

    @Test
    void tradeThroughThePriceFillsOnlyBeyondTheRemainingQueue() {
        Out out = new Out();
        TradingEngine e = engine(new Scripted().then(new Req(Side.SELL, OrderType.LIMIT, "102", "3")), out);
        assertEquals(px("2"), out.lastOrder().queueAhead); // displayed ask size at 102
        e.onTrade(trade(1100, "103", "2.5", true), 1100, out); // through, 2.5 − queue 2 = 0.5
        assertEquals(px("0.5"), out.fills.get(0).quantity);
        e.onTrade(trade(1101, "102", "1", true), 1101, out); // queue now 0: all of it
        assertEquals(px("1"), out.fills.get(1).quantity);
        assertEquals(OrderStatus.PARTIALLY_FILLED, out.lastOrder().status);
        assertEquals(px("1.5"), out.lastOrder().filledQuantity);
    }

    @Test
    void priceLevelAbsentMeansNoQueue() {
        Out out = new Out();
        TradingEngine e = engine(new Scripted().then(new Req(Side.BUY, OrderType.LIMIT, "100.5", "1")), out);
        assertEquals(0, out.lastOrder().queueAhead);
        e.onTrade(trade(1100, "100.5", "0.25", false), 1100, out);
        assertEquals(px("0.25"), out.fills.get(0).quantity);
    }

    @Test
    void crossingLimitTakesThenRestsTheRemainder() {
        Out out = new Out();
        TradingEngine e = engine(new Scripted().then(new Req(Side.BUY, OrderType.LIMIT, "102", "4")), out);
        assertEquals(List.of(px("101"), px("102")), out.fills.stream().map(x -> x.price).toList());
        assertTrue(out.fills.stream().allMatch(x -> x.taker));
        Order o = out.lastOrder();
        assertEquals(OrderStatus.PARTIALLY_FILLED, o.status);
        assertEquals(px("3"), o.filledQuantity);
        assertEquals(0, o.queueAhead); // no bid at 102
        e.onTrade(trade(1100, "102", "0.5", false), 1100, out);
        Fill maker = out.fills.get(2);
        assertFalse(maker.taker);
        assertEquals(px("0.5"), maker.quantity);
        assertEquals(0, maker.fee.compareTo(bd("0.0102")));
    }

    @Test
    void cancelStopsFills() {
        Out out = new Out();
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.LIMIT, "100", "1")).cancelAll();
        TradingEngine e = engine(s, out);
        e.onTrade(trade(1100, "100", "5.5", false), 1100, out);
        assertEquals(px("0.5"), out.fills.get(0).quantity);
        e.onScore(score(1200, 0), 1200, out);
        Order c = out.lastOrder();
        assertEquals(OrderStatus.CANCELED, c.status);
        assertEquals("test cancel", c.cancelReason);
        assertEquals(px("0.5"), c.filledQuantity);
        e.onTrade(trade(1300, "99", "10", false), 1300, out);
        assertEquals(1, out.fills.size());
        assertTrue(e.state().openOrders.isEmpty());
    }

    @Test
    void displayedSizeShrinkingLowersTheQueueAndACrossingBookFillsAtTheOrderPrice() {
        Out out = new Out();
        TradingEngine e = engine(new Scripted().then(new Req(Side.BUY, OrderType.LIMIT, "100", "1")), out);
        String id = out.lastOrder().orderId;
        e.onBook(book(1100, lv("100:1.5", "99:2"), ASKS), 1100, out); // cancels ahead: queue ≤ 1.5
        assertEquals(px("1.5"), e.state().openOrders.get(id).queueAhead);
        e.onBook(book(1200, lv("100:3", "99:2"), ASKS), 1200, out); // growth joins behind us
        assertEquals(px("1.5"), e.state().openOrders.get(id).queueAhead);
        e.onBook(book(1300, lv("99.5:1"), lv("99.9:1")), 1300, out); // asks crossed our bid
        assertEquals(1, out.fills.size());
        assertEquals(px("100"), out.fills.get(0).price);
        assertFalse(out.fills.get(0).taker);
        assertEquals(OrderStatus.FILLED, out.lastOrder().status);
    }
}
