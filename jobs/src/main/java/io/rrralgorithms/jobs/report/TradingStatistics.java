package io.rrralgorithms.jobs.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The usual statistics of an equity curve sampled once a second (an account's {@code pnl} rows, or
 * an instrument's {@code positions} rows as realized + unrealized − fees), and of its closing fills.
 * Money is exact; the ratios are doubles.
 *
 * <ul>
 *   <li>net PnL = last equity − the equity before the range (0 when the range starts with the
 *       account); fees likewise; max drawdown = the largest fall from a running peak (starting at
 *       the equity before the range) to a later equity;
 *   <li>Sharpe and Sortino over the sampled seconds: the returns are the equity changes between
 *       consecutive rows (a row exists for every second that had inputs, so a quiet second adds no
 *       zero return); Sharpe = mean / sample standard deviation, Sortino = mean / downside
 *       deviation (√(Σ min(r, 0)² / n)); per sampled second, and annualized × √(365 · 86 400).
 *       Undefined (NaN) without variation (or without a losing second, for Sortino);
 *   <li>win rate and profit factor over closing fills (a fill that reduces a position), each with
 *       its realized PnL as the engine books it (average cost: {@code InstrumentState.applyFill}),
 *       gross of fees: wins / closing fills, Σ gains / |Σ losses|;
 *   <li>turnover: Σ fill notional (quote currency) and the number of fills.
 * </ul>
 */
public record TradingStatistics(BigDecimal netPnl, BigDecimal fees, BigDecimal maxDrawdown, long samples,
        double sharpe, double sortino, long closingFills, long wins, BigDecimal realized, double profitFactor,
        BigDecimal turnover, long fills) {

    /** √(seconds in a year): per-second ratios times this are annualized. */
    public static final double ANNUALIZE = Math.sqrt(365.0 * 86_400);

    public static TradingStatistics of(BigDecimal equityBefore, BigDecimal feesBefore, List<BigDecimal> equity,
            BigDecimal feesAtEnd, List<BigDecimal> closedPnl, BigDecimal turnover, long fills) {
        BigDecimal net = equity.isEmpty() ? BigDecimal.ZERO : equity.get(equity.size() - 1).subtract(equityBefore);
        BigDecimal fees = equity.isEmpty() ? BigDecimal.ZERO : feesAtEnd.subtract(feesBefore);
        BigDecimal peak = equityBefore;
        BigDecimal maxDd = BigDecimal.ZERO;
        for (BigDecimal e : equity) {
            peak = peak.max(e);
            maxDd = maxDd.max(peak.subtract(e));
        }
        int n = equity.size() - 1;
        double sharpe = Double.NaN;
        double sortino = Double.NaN;
        if (n >= 2) {
            double[] r = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                r[i] = equity.get(i + 1).subtract(equity.get(i)).doubleValue();
                sum += r[i];
            }
            double mean = sum / n;
            double ss = 0;
            double down = 0;
            for (double v : r) {
                ss += (v - mean) * (v - mean);
                down += v < 0 ? v * v : 0;
            }
            double sd = Math.sqrt(ss / (n - 1));
            sharpe = sd > 0 ? mean / sd : Double.NaN;
            double dd = Math.sqrt(down / n);
            sortino = dd > 0 ? mean / dd : Double.NaN;
        }
        long wins = 0;
        BigDecimal gains = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        for (BigDecimal p : closedPnl) {
            realized = realized.add(p);
            if (p.signum() > 0) {
                wins++;
                gains = gains.add(p);
            } else {
                losses = losses.add(p.negate());
            }
        }
        double pf = losses.signum() > 0 ? gains.doubleValue() / losses.doubleValue()
                : gains.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        return new TradingStatistics(net, fees, maxDd, equity.size(), sharpe, sortino, closedPnl.size(), wins,
                realized, pf, turnover, fills);
    }

    /** Winning closing fills / closing fills; NaN without any. */
    public double winRate() {
        return closingFills == 0 ? Double.NaN : (double) wins / closingFills;
    }
}
