package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Taker fills: MARKET/IOC walking the book at arrival, latency, depth exhaustion, fees. */
class ExecutionTest {

    static final String[] BIDS = lv("100:5", "99:2", "98:4");
    static final String[] ASKS = lv("101:1", "102:2", "103:3");

    @Test
    void marketOrderWalksLevelsAtVwapWithTakerFee() {
        Cfg cfg = new Cfg();
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.MARKET, null, "4"));
        TradingEngine e = new TradingEngine(cfg.build(), s, new TradingState());
        Out out = new Out();
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        assertEquals(OrderStatus.PENDING, out.lastOrder().status);
        assertEquals("paper-binance-spot:BTCUSDT-1", out.lastOrder().orderId);
        e.onBook(book(1001, BIDS, ASKS), 1001, out);
        assertEquals(3, out.fills.size());
        assertEquals(List.of(px("101"), px("102"), px("103")), out.fills.stream().map(f -> f.price).toList());
        assertEquals(List.of(px("1"), px("2"), px("1")), out.fills.stream().map(f -> f.quantity).toList());
        assertEquals("paper-binance-spot:BTCUSDT-1-3", out.fills.get(2).fillId);
        Order done = out.lastOrder();
        assertEquals(OrderStatus.FILLED, done.status);
        // (101 + 204 + 103) / 4 = 102
        assertEquals(0, done.filledNotional.compareTo(bd("408")));
        assertEquals(0, done.fees.compareTo(bd("0.408")));
        assertTrue(out.fills.stream().allMatch(f -> f.taker));
        assertEquals(px("4"), e.state().instruments.get("binance-spot:BTCUSDT").quantity);
    }

    @Test
    void marketOrderBiggerThanVisibleDepthCancelsTheRest() {
        Scripted s = new Scripted().then(new Req(Side.SELL, OrderType.MARKET, null, "20"));
        TradingEngine e = new TradingEngine(new Cfg().build(), s, new TradingState());
        Out out = new Out();
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        Order o = out.lastOrder();
        assertEquals(OrderStatus.CANCELED, o.status);
        assertEquals(px("11"), o.filledQuantity);
        assertNotNull(o.cancelReason);
        assertTrue(o.cancelReason.contains("visible depth exhausted"), o.cancelReason);
        assertTrue(o.cancelReason.contains("9 of 20 unfilled"), o.cancelReason);
    }

    @Test
    void iocStopsAtItsLimit() {
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.IOC, "102", "5"));
        TradingEngine e = new TradingEngine(new Cfg().build(), s, new TradingState());
        Out out = new Out();
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        Order o = out.lastOrder();
        assertEquals(OrderStatus.CANCELED, o.status);
        assertEquals(px("3"), o.filledQuantity);
        assertEquals(0, o.filledNotional.compareTo(bd("305")));
        assertTrue(o.cancelReason.contains("limit 102"), o.cancelReason);
    }

    @Test
    void latencyExecutesAgainstTheBookAtArrivalNotAtCreation() {
        Cfg cfg = new Cfg();
        cfg.latencyMs = 50;
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.MARKET, null, "1"));
        TradingEngine e = new TradingEngine(cfg.build(), s, new TradingState());
        Out out = new Out();
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        assertEquals(1050, out.lastOrder().arrivesAtMs);
        e.onBook(book(1020, BIDS, lv("105:1")), 1020, out); // before arrival: nothing
        e.onTrade(trade(1049, "105", "1", true), 1049, out);
        e.onSecond(1049, out);
        assertTrue(out.fills.isEmpty());
        BookTop unsynced = book(1055, lv(), lv());
        unsynced.synced = false;
        e.onBook(unsynced, 1055, out); // invalid book: waits
        assertTrue(out.fills.isEmpty());
        e.onBook(book(1060, BIDS, lv("107:2", "108:1")), 1060, out); // first valid book at/after arrival
        assertEquals(1, out.fills.size());
        assertEquals(px("107"), out.fills.get(0).price);
        assertEquals(1060, out.fills.get(0).timeMs);
    }

    @Test
    void ordersArrivingOnTheSameTopShareItsLiquidity() {
        Scripted s = new Scripted().then(new Req(Side.BUY, OrderType.MARKET, null, "2"),
                new Req(Side.BUY, OrderType.MARKET, null, "2"));
        TradingEngine e = new TradingEngine(new Cfg().build(), s, new TradingState());
        Out out = new Out();
        e.onBook(book(1000, BIDS, ASKS), 1000, out);
        e.onScore(score(1000, 0), 1000, out);
        e.onBook(book(1001, BIDS, ASKS), 1001, out);
        // first: 1@101 + 1@102; second: 1@102 + 1@103
        assertEquals(List.of(px("101"), px("102"), px("102"), px("103")), out.fills.stream().map(f -> f.price).toList());
    }

    /**
     * On recorded BTCUSDT spot books: random MARKET orders (up to about 4 levels deep) sent with
     * latency; each order's fills equal the levels of the first top at or after its arrival, and
     * its average price their volume-weighted price, computed here independently.
     */
    @Test
    void marketFillsMatchTheRecordedBookAtArrival() {
        List<Input> inputs = recorded("binance-spot/btcusdt_20240808.gz", 4_000);
        Cfg cfg = new Cfg();
        cfg.latencyMs = 30;
        Scripted script = new Scripted();
        TradingEngine e = new TradingEngine(cfg.build(), script, new TradingState());
        Out out = new Out();
        Random rnd = new Random(42);
        BookTop lastTop = null;
        String pendingId = null;
        long pendingArrival = 0;
        Side pendingSide = null;
        long pendingQty = 0;
        int checked = 0;
        int multiLevel = 0;
        int count = 0;
        for (Input in : inputs) {
            in.feed(e, out);
            if (in.top() == null || !in.top().hasBothSides()) {
                continue;
            }
            BookTop top = in.top();
            if (pendingId != null && in.timeMs() >= pendingArrival) {
                // independent: walk this top's levels
                long[] prices = pendingSide == Side.BUY ? top.askPrices : top.bidPrices;
                long[] sizes = pendingSide == Side.BUY ? top.askSizes : top.bidSizes;
                long left = pendingQty;
                BigDecimal notional = BigDecimal.ZERO;
                int levels = 0;
                for (int i = 0; i < prices.length && left > 0; i++) {
                    long q = Math.min(left, sizes[i]);
                    notional = notional.add(Decimals.toBigDecimal(prices[i]).multiply(Decimals.toBigDecimal(q)));
                    left -= q;
                    levels++;
                }
                long filled = pendingQty - left;
                String id = pendingId;
                List<Fill> fills = out.fills.stream().filter(f -> f.orderId.equals(id)).toList();
                assertEquals(levels, fills.size(), "levels consumed by " + id);
                List<Order> updates = out.updatesOf(id);
                Order last = updates.get(updates.size() - 1);
                assertEquals(filled, last.filledQuantity);
                assertEquals(0, last.filledNotional.compareTo(notional), id);
                BigDecimal vwap = notional.divide(Decimals.toBigDecimal(filled), MathContext.DECIMAL128);
                BigDecimal avg = fills.stream()
                        .map(f -> Decimals.toBigDecimal(f.price).multiply(Decimals.toBigDecimal(f.quantity)))
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(Decimals.toBigDecimal(filled), MathContext.DECIMAL128);
                assertEquals(0, vwap.compareTo(avg));
                BigDecimal fee = notional.multiply(bd("0.001"));
                assertEquals(0, last.fees.compareTo(fee));
                long arrival = pendingArrival;
                assertTrue(fills.stream().allMatch(f -> f.timeMs == in.timeMs() && f.timeMs >= arrival));
                checked++;
                if (levels > 1) {
                    multiLevel++;
                }
                pendingId = null;
            }
            if (pendingId == null && lastTop != null && count++ % 7 == 0) {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                long[] sizes = side == Side.BUY ? top.askSizes : top.bidSizes;
                int depth = 1 + rnd.nextInt(Math.min(4, sizes.length));
                long qty = 0;
                for (int i = 0; i < depth; i++) {
                    qty += sizes[i];
                }
                qty = Math.max(1, qty - (long) (rnd.nextDouble() * sizes[depth - 1]));
                script.then(new Req(side, OrderType.MARKET, null, Decimals.toPlainString(qty)));
                e.onScore(score(in.timeMs(), 0), in.timeMs(), out);
                Order o = out.lastOrder();
                assertEquals(OrderStatus.PENDING, o.status, o.rejectDetail);
                pendingId = o.orderId;
                pendingArrival = o.arrivesAtMs;
                pendingSide = side;
                pendingQty = qty;
            }
            lastTop = top;
        }
        assertTrue(checked > 100, "orders checked: " + checked);
        assertTrue(multiLevel > 30, "multi-level orders: " + multiLevel);
    }
}
