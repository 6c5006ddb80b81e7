package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The risk engine alone: rule order, the order-rate window, MARKET price band, the state machine, commands. */
class RiskEngineTest {
    final Out out = new Out();

    static Parts parts(Cfg cfg) {
        return new Parts(cfg.build());
    }

    static String rule(Optional<Rejection> r) {
        return r.map(Rejection::rule).orElse(null);
    }

    @Test
    void rulesApplyInTheirOrder() {
        Parts p = parts(new Cfg());
        InstrumentState inst = p.portfolio.instrument(SPOT, "BTCUSDT", "BTC-USDT");
        Order ok = order("o", SPOT, Side.BUY, OrderType.LIMIT, "100", "1");
        assertEquals("no_market", rule(p.risk.check(ok, inst, 0)));
        p.state.riskState = RiskState.HALTED;
        assertEquals("invalid_order", rule(p.risk.check(order("z", SPOT, Side.BUY, OrderType.LIMIT, "100", "0"), inst, 0)));
        assertEquals("invalid_order", rule(p.risk.check(order("n", SPOT, Side.BUY, OrderType.LIMIT, "0", "1"), inst, 0)));
        assertEquals("halted", rule(p.risk.check(ok, inst, 0)));
        p.state.riskState = RiskState.REDUCING;
        assertEquals("reducing_only", rule(p.risk.check(ok, inst, 0)));
        p.state.riskState = RiskState.ACTIVE;
        p.marked(book(0, lv("99:1"), lv("101:1")));
        assertEquals(Optional.empty(), p.risk.check(ok, inst, 0));
    }

    @Test
    void theOrderRateWindowCountsAcceptedOrdersInTheHalfOpenWindow() {
        Cfg cfg = new Cfg();
        cfg.riskOrders = 2;
        cfg.riskWindowMs = 1000;
        Parts p = parts(cfg);
        InstrumentState inst = p.marked(book(0, lv("99:1"), lv("101:1")));
        Order o = order("o", SPOT, Side.BUY, OrderType.LIMIT, "100", "0.1");
        p.risk.accepted(0);
        p.risk.accepted(500);
        Optional<Rejection> r = p.risk.check(o, inst, 999);
        assertEquals("order_rate", rule(r));
        assertTrue(r.get().detail().startsWith("orders in the last 1000 ms: 2 >= limit 2"), r.get().detail());
        assertEquals(Optional.empty(), p.risk.check(o, inst, 1000)); // (0, 1000]: the order at 0 left
        assertEquals(List.of(500L), p.state.orderTimesMs);
    }

    @Test
    void aMarketOrderIsBandCheckedAtTheWorstLevelItWalksTo() {
        Cfg cfg = new Cfg();
        cfg.band = bd("0.01");
        Parts p = parts(cfg);
        InstrumentState inst = p.marked(book(0, lv("100:1"), lv("101:1", "103:1"))); // mid 100.5, band 1.005
        assertEquals(Optional.empty(), p.risk.check(order("a", SPOT, Side.BUY, OrderType.MARKET, null, "1"), inst, 0));
        Optional<Rejection> r = p.risk.check(order("b", SPOT, Side.BUY, OrderType.MARKET, null, "1.5"), inst, 0);
        assertEquals("price_band", rule(r));
        assertTrue(r.get().detail().startsWith("price 103 (worst level the MARKET order walks to) is 2.5 from mid 100.5"),
                r.get().detail());
    }

    @Test
    void drawdownReducesThenHaltsCancellingWhatTheStateForbids() {
        Cfg cfg = new Cfg();
        cfg.latencyMs = 60_000; // the orders stay pending
        cfg.reduceDd = bd("20");
        cfg.haltDd = bd("60");
        Parts p = parts(cfg);
        InstrumentState inst = p.marked(book(0, lv("99:1"), lv("101:1")));
        p.portfolio.book(inst, Side.BUY, bd("100"), px("0.1"), BigDecimal.ZERO); // long
        p.matcher.accept(order("buy", SPOT, Side.BUY, OrderType.LIMIT, "90", "0.1"), 0);
        p.matcher.accept(order("sell", SPOT, Side.SELL, OrderType.LIMIT, "110", "0.1"), 0);

        assertEquals(0, BigDecimal.ZERO.compareTo(p.risk.onSecond(1000, bd("0"), out)));
        assertEquals(RiskState.ACTIVE, p.risk.riskState());
        assertEquals(0, bd("25").compareTo(p.risk.onSecond(2000, bd("-25"), out)));
        assertEquals(RiskState.REDUCING, p.risk.riskState());
        assertEquals(List.of("buy"), out.orders.stream().map(o -> o.orderId).toList());
        RiskEvent reduce = out.lastRisk();
        assertEquals("drawdown", reduce.rule);
        assertEquals(RiskState.ACTIVE, reduce.stateBefore);
        assertEquals(RiskState.REDUCING, reduce.stateAfter);
        assertTrue(reduce.detail.contains("canceled 1 exposure-increasing orders"), reduce.detail);

        assertEquals(0, bd("70").compareTo(p.risk.onSecond(3000, bd("-70"), out)));
        assertEquals(RiskState.HALTED, p.risk.riskState());
        assertEquals(List.of("buy", "sell"), out.orders.stream().map(o -> o.orderId).toList());
        assertEquals(List.of(1L, 2L), out.risk.stream().map(e -> e.sequence).toList());
        assertEquals(0, bd("70").compareTo(p.state.drawdown));
    }

    @Test
    void commandsForOtherAccountsAreIgnoredRefusedOnesRecordedActivateRestartsTheWindow() {
        Parts p = parts(new Cfg());
        RiskCommand other = command(RiskCommand.Kind.KILL);
        other.accountId = "someone-else";
        p.risk.onCommand(other, 0, out);
        assertTrue(out.risk.isEmpty());

        RiskCommand refused = command(RiskCommand.Kind.KILL);
        refused.refusal = "bad signature";
        p.risk.onCommand(refused, 1, out);
        assertEquals("command_refused", out.lastRisk().rule);
        assertEquals(RiskState.ACTIVE, p.risk.riskState());

        p.risk.onCommand(command(RiskCommand.Kind.HALT), 2, out);
        assertEquals(RiskState.HALTED, p.risk.riskState());
        p.risk.onSecond(1000, bd("-5"), out);
        p.risk.onCommand(command(RiskCommand.Kind.ACTIVATE), 1500, out);
        assertEquals(RiskState.ACTIVE, p.risk.riskState());
        assertEquals(1, p.state.equityHistory.size());
        assertEquals(1500, p.state.equityHistory.get(0).timeMs);
        assertEquals(0, p.state.drawdown.signum());
        assertEquals("ACTIVATE, drawdown window restarts at equity 0", out.lastRisk().detail);
        assertEquals(List.of(1L, 2L, 3L), out.risk.stream().map(e -> e.sequence).toList());
    }

    static RiskCommand command(RiskCommand.Kind kind) {
        RiskCommand c = new RiskCommand();
        c.command = kind;
        return c;
    }
}
