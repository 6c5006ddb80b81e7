package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pre-trade rule and the account state machine, with the rule names and numbers. */
class RiskTest {
    static final String[] BIDS = lv("99.5:10", "99:10", "90:10");
    static final String[] ASKS = lv("100.5:10", "101:10", "110:10");

    final Out out = new Out();
    final Scripted s = new Scripted();
    TradingEngine e;

    TradingEngine start(Cfg cfg) {
        e = new TradingEngine(cfg.build(), s, new TradingState());
        e.onBook(book(SPOT, 1000, BIDS, ASKS), 1000, out); // mid 100
        e.onBook(book(USDM, 1000, BIDS, ASKS), 1000, out);
        return e;
    }

    /** Sends one order at time t and returns its first update (PENDING or REJECTED). */
    Order send(String feed, long t, Side side, OrderType type, String price, String qty) {
        s.then(new Req(side, type, price, qty));
        int before = out.orders.size();
        e.onScore(score(feed, t, 0), t, out);
        return out.orders.get(before);
    }

    Order send(long t, Side side, OrderType type, String price, String qty) {
        return send(SPOT, t, side, type, price, qty);
    }

    void fillAll(long t) {
        e.onBook(book(SPOT, t, BIDS, ASKS), t, out);
        e.onBook(book(USDM, t, BIDS, ASKS), t, out);
    }

    void assertRejected(Order o, String rule, String... numbers) {
        assertEquals(OrderStatus.REJECTED, o.status);
        assertEquals(rule, o.rejectRule, o.rejectDetail);
        RiskEvent ev = out.lastRisk();
        assertEquals(rule, ev.rule);
        assertEquals(o.orderId, ev.orderId);
        assertEquals(o.rejectDetail, ev.detail);
        assertEquals("binance-spot:BTCUSDT".equals(o.feed + ":" + o.nativeSymbol) ? "binance-spot:BTCUSDT"
                : o.feed + ":BTCUSDT", ev.instrumentKey);
        for (String n : numbers) {
            assertTrue(o.rejectDetail.contains(n), "'" + n + "' not in: " + o.rejectDetail);
        }
    }

    @Test
    void positionCapCountsPositionAndOpenSameSideOrders() {
        Cfg cfg = new Cfg();
        cfg.riskMaxPos = px("0.05");
        start(cfg);
        assertEquals(OrderStatus.PENDING, send(2000, Side.BUY, OrderType.MARKET, null, "0.03").status);
        fillAll(2000);
        assertEquals(OrderStatus.PENDING, send(2001, Side.BUY, OrderType.LIMIT, "99", "0.01").status);
        Order o = send(2002, Side.BUY, OrderType.MARKET, null, "0.02"); // 0.03 + 0.01 + 0.02 = 0.06
        assertRejected(o, "position_cap", "position 0.03", "open BUY 0.01", "0.06", "limit 0.05");
        assertEquals(1L, out.lastRisk().sequence);
        assertEquals(RiskState.ACTIVE, out.lastRisk().stateAfter);
        // reducing orders pass even past the cap
        assertEquals(OrderStatus.PENDING, send(2003, Side.SELL, OrderType.MARKET, null, "0.02").status);
    }

    @Test
    void notionalCapPerInstrument() {
        Cfg cfg = new Cfg();
        cfg.riskNotional = bd("5");
        start(cfg);
        Order o = send(2000, Side.SELL, OrderType.MARKET, null, "0.06"); // 0.06 × 100 = 6
        assertRejected(o, "notional_cap", "mid 100", "= 6", "limit 5");
        assertEquals(OrderStatus.PENDING, send(2001, Side.SELL, OrderType.MARKET, null, "0.05").status);
    }

    @Test
    void totalNotionalCapAcrossInstruments() {
        Cfg cfg = new Cfg();
        cfg.riskTotal = bd("10");
        start(cfg);
        assertEquals(OrderStatus.PENDING, send(USDM, 2000, Side.SELL, OrderType.MARKET, null, "0.07").status);
        fillAll(2000); // usdm −0.07 × 100 = 7
        Order o = send(2001, Side.BUY, OrderType.MARKET, null, "0.04"); // 4 + 7 = 11
        assertRejected(o, "total_notional_cap", "this instrument 4", "other instruments 7", "= 11", "limit 10");
        assertEquals(OrderStatus.PENDING, send(2002, Side.BUY, OrderType.MARKET, null, "0.03").status);
    }

    @Test
    void orderRateCountsAcceptedOrdersInTheSlidingWindow() {
        Cfg cfg = new Cfg();
        cfg.riskOrders = 2;
        cfg.riskWindowMs = 1000;
        start(cfg);
        assertEquals(OrderStatus.PENDING, send(2000, Side.BUY, OrderType.LIMIT, "99", "0.01").status);
        assertEquals(OrderStatus.PENDING, send(2500, Side.BUY, OrderType.LIMIT, "99", "0.01").status);
        Order o = send(2999, Side.BUY, OrderType.LIMIT, "99", "0.01");
        assertRejected(o, "order_rate", "last 1000 ms: 2 >= limit 2");
        // the order at 2000 leaves the window (t − 1000, t] at 3000; the rejected one never counted
        assertEquals(OrderStatus.PENDING, send(3000, Side.BUY, OrderType.LIMIT, "99", "0.01").status);
        assertRejected(send(3400, Side.BUY, OrderType.LIMIT, "99", "0.01"), "order_rate");
    }

    @Test
    void priceBandAroundTheMid() {
        Cfg cfg = new Cfg();
        cfg.band = bd("0.05");
        start(cfg);
        Order o = send(2000, Side.BUY, OrderType.LIMIT, "106", "0.01");
        assertRejected(o, "price_band", "price 106", "is 6", "mid 100", "band 0.05", "= 5");
        assertEquals(OrderStatus.PENDING, send(2001, Side.SELL, OrderType.IOC, "95", "0.01").status);
        assertRejected(send(2002, Side.SELL, OrderType.IOC, "94.99", "0.01"), "price_band");
        // MARKET: the worst level it would walk to (10 @ 100.5, 10 @ 101, then 110)
        assertEquals(OrderStatus.PENDING, send(2003, Side.BUY, OrderType.MARKET, null, "20").status);
        Order deep = send(2004, Side.BUY, OrderType.MARKET, null, "20.5");
        assertRejected(deep, "price_band", "price 110 (worst level", "is 10", "= 5");
    }

    @Test
    void drawdownReducesThenHaltsAndActivateResumes() {
        Cfg cfg = new Cfg();
        cfg.reduceDd = bd("5");
        cfg.haltDd = bd("10");
        cfg.ddWindowMs = 60_000;
        start(cfg);
        send(2000, Side.BUY, OrderType.MARKET, null, "1"); // buys 1 @ 100.5, fee 0.1005 (taker 10 bps)
        fillAll(2000);
        e.onSecond(3000, out); // mark 100: equity −0.5 − 0.1005 = −0.6005, peak −0.6005 → drawdown 0
        assertEquals(RiskState.ACTIVE, out.pnls.get(0).riskState);
        assertEquals(0, out.pnls.get(0).drawdown.signum());
        send(3500, Side.BUY, OrderType.LIMIT, "90", "0.5"); // resting, increases exposure
        e.onBook(book(3600, lv("93.5:10"), lv("94.5:10")), 3600, out); // mid 94: equity −6.6005
        e.onSecond(4000, out);
        RiskEvent dd = out.lastRisk();
        assertEquals("drawdown", dd.rule);
        assertEquals(RiskState.ACTIVE, dd.stateBefore);
        assertEquals(RiskState.REDUCING, dd.stateAfter);
        assertNull(dd.orderId);
        assertTrue(dd.detail.contains("drawdown 6") && dd.detail.contains("peak -0.6005")
                && dd.detail.contains("equity -6.6005") && dd.detail.contains("reduce limit 5"), dd.detail);
        assertEquals(RiskState.REDUCING, out.pnls.get(1).riskState);
        assertEquals(0, out.pnls.get(1).drawdown.compareTo(bd("6")));
        Order canceled = out.orders.get(out.orders.size() - 1);
        assertEquals(OrderStatus.CANCELED, canceled.status); // the resting buy that increased exposure
        assertTrue(canceled.cancelReason.contains("REDUCING"));
        // reducing-only: a buy is rejected, a sell passes, a sell that would flip is rejected
        assertRejected(send(4100, Side.BUY, OrderType.MARKET, null, "0.1"), "reducing_only", "position 1");
        assertRejected(send(4101, Side.SELL, OrderType.MARKET, null, "1.5"), "reducing_only");
        assertEquals(OrderStatus.PENDING, send(4102, Side.SELL, OrderType.MARKET, null, "0.2").status);
        // price falls further: HALTED
        e.onBook(book(4200, lv("83.5:10"), lv("84.5:10")), 4200, out); // sells 0.2 @ 83.5
        e.onSecond(5000, out);
        RiskEvent halt = out.lastRisk();
        assertEquals("drawdown", halt.rule);
        assertEquals(RiskState.REDUCING, halt.stateBefore);
        assertEquals(RiskState.HALTED, halt.stateAfter);
        assertTrue(halt.detail.contains("halt limit 10"), halt.detail);
        assertRejected(send(5100, Side.SELL, OrderType.MARKET, null, "0.1"), "halted", "account HALTED");
        // it stays HALTED even when the drawdown recovers, until ACTIVATE
        e.onBook(book(5200, lv("99.5:10"), lv("100.5:10")), 5200, out);
        e.onSecond(6000, out);
        assertEquals(RiskState.HALTED, e.state().riskState);
        RiskCommand activate = new RiskCommand();
        activate.command = RiskCommand.Kind.ACTIVATE;
        activate.reason = "ops";
        e.onControl(activate, 6100, out);
        assertEquals("manual", out.lastRisk().rule);
        assertEquals(RiskState.HALTED, out.lastRisk().stateBefore);
        assertEquals(RiskState.ACTIVE, out.lastRisk().stateAfter);
        assertEquals(OrderStatus.PENDING, send(6200, Side.BUY, OrderType.MARKET, null, "0.1").status);
        e.onSecond(7000, out);
        assertEquals(RiskState.ACTIVE, out.pnls.get(out.pnls.size() - 1).riskState);
        // risk event sequence: per account, consecutive
        List<Long> seqs = out.risk.stream().map(r -> r.sequence).toList();
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1L, seqs.get(i));
        }
    }

    @Test
    void killSwitchCancelsOpenOrdersAndHalts() {
        start(new Cfg());
        Order resting = send(2000, Side.BUY, OrderType.LIMIT, "99", "0.01");
        fillAll(2000);
        Order pending = send(2100, Side.SELL, OrderType.LIMIT, "102", "0.01"); // not yet at the book
        assertEquals(2, e.state().openOrders.size());
        RiskCommand kill = new RiskCommand();
        kill.accountId = "paper";
        kill.command = RiskCommand.Kind.KILL;
        e.onControl(kill, 2200, out);
        List<Order> last = out.orders.subList(out.orders.size() - 2, out.orders.size());
        assertEquals(List.of(resting.orderId, pending.orderId), last.stream().map(o -> o.orderId).toList());
        assertTrue(last.stream().allMatch(o -> o.status == OrderStatus.CANCELED && o.cancelReason.equals("kill switch")));
        assertTrue(e.state().openOrders.isEmpty());
        RiskEvent ev = out.lastRisk();
        assertEquals("kill_switch", ev.rule);
        assertEquals(RiskState.ACTIVE, ev.stateBefore);
        assertEquals(RiskState.HALTED, ev.stateAfter);
        assertTrue(ev.detail.contains("canceled 2 open orders"));
        assertRejected(send(2300, Side.BUY, OrderType.MARKET, null, "0.01"), "halted");
        // a command for another account is ignored
        RiskCommand other = new RiskCommand();
        other.accountId = "someone-else";
        other.command = RiskCommand.Kind.ACTIVATE;
        e.onControl(other, 2400, out);
        assertEquals(RiskState.HALTED, e.state().riskState);
        RiskCommand activate = new RiskCommand();
        activate.command = RiskCommand.Kind.ACTIVATE;
        e.onControl(activate, 2500, out);
        assertEquals(OrderStatus.PENDING, send(2600, Side.BUY, OrderType.MARKET, null, "0.01").status);
        // manual REDUCE
        RiskCommand reduce = new RiskCommand();
        reduce.command = RiskCommand.Kind.REDUCE;
        e.onControl(reduce, 2700, out);
        assertEquals(RiskState.REDUCING, out.lastRisk().stateAfter);
        assertEquals("manual", out.lastRisk().rule);
    }

    /** A command the verifier refused is recorded as command_refused and changes nothing. */
    @Test
    void aRefusedCommandIsRecordedNeverApplied() {
        start(new Cfg());
        RiskCommand kill = new RiskCommand();
        kill.accountId = "paper";
        kill.command = RiskCommand.Kind.KILL;
        e.onControl(kill, 2200, out);
        assertEquals(RiskState.HALTED, e.state().riskState);
        RiskCommand forged = new RiskCommand();
        forged.accountId = "paper";
        forged.command = RiskCommand.Kind.ACTIVATE;
        forged.reason = "let me trade";
        forged.refusal = "bad signature (wrong key, or the command was altered)";
        e.onControl(forged, 2300, out);
        assertEquals(RiskState.HALTED, e.state().riskState, "not applied");
        RiskEvent ev = out.lastRisk();
        assertEquals("command_refused", ev.rule);
        assertEquals(2300, ev.timeMs);
        assertEquals(RiskState.HALTED, ev.stateBefore);
        assertEquals(RiskState.HALTED, ev.stateAfter);
        assertEquals("ACTIVATE refused: bad signature (wrong key, or the command was altered) reason=let me trade",
                ev.detail);
        assertRejected(send(2400, Side.BUY, OrderType.MARKET, null, "0.01"), "halted");
    }

    @Test
    void noMarketWithoutABook() {
        e = new TradingEngine(new Cfg().build(), s, new TradingState());
        s.then(new Req(Side.BUY, OrderType.MARKET, null, "1"));
        e.onScore(score(1000, 0), 1000, out);
        assertEquals("no_market", out.lastOrder().rejectRule);
    }
}
