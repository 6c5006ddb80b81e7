package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact positions and PnL: average cost, realized/unrealized, fees, flips, the cash identity. */
class AccountingTest {

    static void assertBd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " got " + actual);
    }

    @Test
    void averageCostRealizedAndFlip() {
        InstrumentState p = new InstrumentState();
        p.applyFill(px("1"), bd("100"), bd("0.1"));
        p.applyFill(px("1"), bd("110"), bd("0.11"));
        assertBd("210", p.costBasis);
        p.applyFill(-px("1.5"), bd("120"), bd("0.18")); // removes 1.5/2 × 210 = 157.5; proceeds 180
        assertBd("22.5", p.realizedPnl);
        assertBd("52.5", p.costBasis);
        assertEquals(px("0.5"), p.quantity);
        p.applyFill(-px("1"), bd("100"), bd("0.1")); // close 0.5: 50 − 52.5 = −2.5; open −0.5 @ 100
        assertBd("20", p.realizedPnl);
        assertEquals(-px("0.5"), p.quantity);
        assertBd("-50", p.costBasis);
        p.mark = bd("90");
        assertBd("5", p.unrealized()); // −0.5 × 90 + 50
        p.applyFill(px("0.5"), bd("90"), bd("0.045")); // buy back: 50 − 45 = 5
        assertBd("25", p.realizedPnl);
        assertEquals(0, p.quantity);
        assertEquals(0, p.costBasis.signum());
        assertBd("0.535", p.fees);
        // flat: realized − fees == cash
        assertBd(p.realizedPnl.subtract(p.fees).toPlainString(), p.cash);
    }

    @Test
    void roundingResidueStaysInCostBasis() {
        InstrumentState p = new InstrumentState();
        p.applyFill(px("0.00000003"), bd("1.00000001"), BigDecimal.ZERO);
        p.applyFill(-px("0.00000001"), bd("1.00000002"), BigDecimal.ZERO);
        p.applyFill(-px("0.00000001"), bd("1.00000002"), BigDecimal.ZERO);
        // identity: realized − costBasis == Σ(−signed qty × price) exactly, whatever the rounding
        BigDecimal flows = bd("-0.0000000300000003").add(bd("0.0000000200000004"));
        assertEquals(0, p.realizedPnl.subtract(p.costBasis).compareTo(flows));
        p.applyFill(-px("0.00000001"), bd("1"), BigDecimal.ZERO);
        assertEquals(0, p.costBasis.signum());
        assertEquals(0, p.realizedPnl.compareTo(flows.subtract(bd("-0.00000001"))));
    }

    /**
     * A long seeded random run on two instruments: random-walk books, MARKET/IOC/LIMIT orders of
     * random sizes and sides (flips included), trades that fill resting orders, fees, snapshots
     * every second. At every snapshot: realized + unrealized − fees == cash + Σ qty × mark exactly,
     * cash equals the cash flows of the fills computed here, and positions equal the signed fills.
     */
    @Test
    void identityHoldsExactlyAtEverySnapshot() {
        Random rnd = new Random(7);
        Cfg cfg = new Cfg();
        cfg.latencyMs = 20;
        cfg.taker.put(SPOT, bd("0.00075"));
        cfg.maker.put(SPOT, bd("0.00013"));
        Scripted s = new Scripted();
        TradingEngine e = new TradingEngine(cfg.build(), s, new TradingState());
        Out out = new Out();
        String[] feeds = {SPOT, USDM};
        Map<String, Long> mid = new HashMap<>(Map.of(SPOT, px("60000.01"), USDM, px("59990.37")));
        int checkedFills = 0;
        long t = 1_000;
        long nextSecond = 2_000;
        for (int step = 0; step < 20_000; step++) {
            t += 1 + rnd.nextInt(40);
            while (t >= nextSecond) {
                e.onSecond(nextSecond, out);
                checkSnapshots(out, nextSecond);
                nextSecond += 1_000;
            }
            String feed = feeds[rnd.nextInt(2)];
            long m = mid.get(feed) + (rnd.nextInt(2001) - 1000) * 1_000_000L + rnd.nextInt(7);
            mid.put(feed, m);
            int r = rnd.nextInt(10);
            if (r < 5) {
                String[] bids = new String[5];
                String[] asks = new String[5];
                for (int i = 0; i < 5; i++) {
                    bids[i] = Decimals.toPlainString(m - (i + 1) * 1_000_000L - rnd.nextInt(3)) + ":"
                            + Decimals.toPlainString(1 + rnd.nextInt(300_000_000));
                    asks[i] = Decimals.toPlainString(m + (i + 1) * 1_000_000L + rnd.nextInt(3)) + ":"
                            + Decimals.toPlainString(1 + rnd.nextInt(300_000_000));
                }
                e.onBook(book(feed, t, bids, asks), t, out);
            } else if (r < 8) {
                e.onTrade(trade(feed, t, Decimals.toPlainString(m + (rnd.nextInt(5) - 2) * 1_000_000L),
                        Decimals.toPlainString(1 + rnd.nextInt(200_000_000)), rnd.nextBoolean()), t, out);
            } else {
                InstrumentState inst = e.state().instruments.get(feed + ":BTCUSDT");
                long pos = inst == null ? 0 : inst.quantity;
                // lean against the position, so that it flips often
                Side side = rnd.nextDouble() < (pos > 0 ? 0.3 : pos < 0 ? 0.7 : 0.5) ? Side.BUY : Side.SELL;
                OrderType type = OrderType.values()[rnd.nextInt(3)];
                String price = Decimals.toPlainString(m + (side == Side.BUY ? 1 : -1) * (rnd.nextInt(5) - 1) * 1_000_000L);
                String qty = Decimals.toPlainString(1 + rnd.nextInt(500_000_000));
                Req order = new Req(side, type, type == OrderType.MARKET ? null : price, qty);
                if (rnd.nextInt(5) == 0) {
                    s.then(new Req(null, null, null, null), order); // cancel the open orders first
                } else {
                    s.then(order);
                }
                e.onScore(score(feed, t, 0), t, out);
            }
            checkedFills = out.fills.size();
        }
        assertTrue(checkedFills > 1_000, "fills: " + checkedFills);
        assertTrue(out.pnls.size() > 100);
        // flips happened on both instruments
        for (String feed : feeds) {
            assertTrue(out.positions.stream().anyMatch(p -> p.feed.equals(feed) && p.quantity > 0));
            assertTrue(out.positions.stream().anyMatch(p -> p.feed.equals(feed) && p.quantity < 0));
        }
    }

    private static void checkSnapshots(Out out, long timeMs) {
        PnlSnapshot p = out.pnls.get(out.pnls.size() - 1);
        assertEquals(timeMs, p.timeMs);
        BigDecimal lhs = p.realizedPnl.add(p.unrealizedPnl).subtract(p.fees);
        assertEquals(0, lhs.compareTo(p.cash.add(p.markValue)), "identity at " + timeMs + ": " + lhs + " vs "
                + p.cash + " + " + p.markValue);
        assertEquals(0, lhs.compareTo(p.equity));
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        Map<String, Long> qty = new HashMap<>();
        for (Fill f : out.fills) {
            BigDecimal n = Decimals.toBigDecimal(f.price).multiply(Decimals.toBigDecimal(f.quantity));
            cash = cash.subtract(f.side == Side.BUY ? n : n.negate()).subtract(f.fee);
            fees = fees.add(f.fee);
            qty.merge(f.instrumentKey(), f.side.sign() * f.quantity, Long::sum);
        }
        assertEquals(0, cash.compareTo(p.cash));
        assertEquals(0, fees.compareTo(p.fees));
        assertEquals(out.fills.size(), p.fills);
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (PositionSnapshot ps : out.positions) {
            if (ps.timeMs != timeMs) {
                continue;
            }
            assertEquals(qty.getOrDefault(ps.feed + ":" + ps.nativeSymbol, 0L), ps.quantity);
            BigDecimal mv = ps.quantity == 0 ? BigDecimal.ZERO : Decimals.toBigDecimal(ps.quantity).multiply(ps.mark);
            assertEquals(0, ps.unrealizedPnl.compareTo(mv.subtract(ps.costBasis)));
            if (ps.quantity == 0) {
                assertEquals(0, ps.costBasis.signum());
            }
            realized = realized.add(ps.realizedPnl);
            unrealized = unrealized.add(ps.unrealizedPnl);
        }
        assertEquals(0, realized.compareTo(p.realizedPnl));
        assertEquals(0, unrealized.compareTo(p.unrealizedPnl));
    }
}
