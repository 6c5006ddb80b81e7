package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Enters only when the predicted move pays for the trade. The score is the model's predicted log
 * return over its horizon; the expected cost of a taker order of the order's size is, as a
 * fraction of the mid, the taker fee plus the distance from the mid to the average price of
 * walking the live book for that size (half the spread plus the slippage through the levels);
 * where the book's known levels do not hold the size the cost is infinite (no order).
 *
 * <ul>
 *   <li>score &gt; buy cost + margin → target long; −score &gt; sell cost + margin → target short;
 *       a score of the other sign than the target held → target 0 (the model no longer expects the
 *       move: leave, paying the exit once); otherwise the previous target is held (the exit costs too,
 *       so a position is not closed merely because the predicted move got smaller).</li>
 *   <li>Sizes are in quote currency: each order is {@code orderNotional} / (mid × multiplier)
 *       contracts (an inverse contract: {@code orderNotional} / multiplier, whatever the price), the
 *       target position ± {@code maxPositionNotional} likewise (a target of the same side as the one
 *       held is kept as it is, so mid moves do not make orders of a few units).</li>
 *   <li>Stepping, cancels, cooldown and order types as in {@link ThresholdStrategy}.</li>
 * </ul>
 *
 * Latency is not priced (orders arrive after {@code orderLatencyMs}); see docs/status.md.
 */
public class CostAwareStrategy extends ThresholdStrategy {
    private static final long serialVersionUID = 1L;

    private final BigDecimal orderNotional;
    private final BigDecimal maxPositionNotional;
    private final double margin;

    /**
     * @param orderNotional quote currency per order
     * @param maxPositionNotional quote currency of the target position
     * @param margin the predicted move must exceed the cost by this fraction (0.0002 = 2 bps)
     */
    public CostAwareStrategy(BigDecimal orderNotional, BigDecimal maxPositionNotional, double margin,
            long cooldownMs, OrderType orderType, long iocAllowanceBps) {
        super(Double.POSITIVE_INFINITY, 0, 1, 0, cooldownMs, orderType, iocAllowanceBps);
        if (orderNotional.signum() <= 0 || maxPositionNotional.signum() < 0 || !(margin >= 0)) {
            throw new IllegalArgumentException("need orderNotional > 0, maxPositionNotional >= 0, margin >= 0");
        }
        this.orderNotional = orderNotional;
        this.maxPositionNotional = maxPositionNotional;
        this.margin = margin;
    }

    /**
     * Expected cost of a taker order of {@code quantity} (mantissa) on {@code side} against {@code
     * book}, a fraction of the mid: fee + |average fill price − mid| / mid; +∞ when the levels do
     * not hold the quantity.
     */
    public static double expectedCost(BookTop book, Side side, long quantity, double takerFee) {
        double mid = (book.bidPrices[0] + (double) book.askPrices[0]) / 2;
        long[] prices = side == Side.BUY ? book.askPrices : book.bidPrices;
        long[] sizes = side == Side.BUY ? book.askSizes : book.bidSizes;
        long left = quantity;
        double notional = 0;
        for (int i = 0; i < prices.length && left > 0; i++) {
            if (prices[i] <= 0 || sizes[i] <= 0) {
                break;
            }
            long take = Math.min(left, sizes[i]);
            notional += (double) prices[i] * take;
            left -= take;
        }
        if (left > 0 || quantity <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double average = notional / quantity;
        return takerFee + Math.abs(average - mid) / mid;
    }

    /** Quantity mantissa of {@code notional} quote currency at the mid of bid and ask mantissas (rounded down). */
    static long quantityOf(BigDecimal notional, long bid, long ask) {
        return quantityOf(notional, bid, ask, null);
    }

    /**
     * Contracts (mantissa, rounded down) worth {@code notional} in the quote currency by the contract
     * terms (null: linear, multiplier 1): notional / (mid × multiplier), an inverse contract's
     * notional / multiplier.
     */
    static long quantityOf(BigDecimal notional, long bid, long ask, ContractTerms terms) {
        BigDecimal m = terms == null ? BigDecimal.ONE : terms.multiplier();
        if (terms != null && terms.kind() == ContractTerms.Kind.INVERSE) {
            return notional.movePointRight(8).divide(m, 0, RoundingMode.DOWN).longValueExact();
        }
        // quantity = notional / (mid / 1e8 × m), as a 1e-8 mantissa: notional * 2e16 / ((bid + ask) × m)
        return notional.movePointRight(16).multiply(BigDecimal.valueOf(2))
                .divide(BigDecimal.valueOf(bid).add(BigDecimal.valueOf(ask)).multiply(m), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    @Override
    public List<Order> onScore(String instrumentKey, double score, Context ctx) {
        BookTop book = ctx.book();
        if (book == null) {
            return List.of(); // no live book: no cost known, no order
        }
        long bid = book.bidPrices[0];
        long ask = book.askPrices[0];
        long orderQty = quantityOf(orderNotional, bid, ask, ctx.contractTerms());
        long maxQty = quantityOf(maxPositionNotional, bid, ask, ctx.contractTerms());
        double fee = ctx.takerFee().doubleValue();
        double buyCost = expectedCost(book, Side.BUY, orderQty, fee);
        double sellCost = expectedCost(book, Side.SELL, orderQty, fee);
        long previous = ctx.targetPosition();
        long target;
        String why;
        if (score > buyCost + margin) {
            target = previous > 0 ? previous : maxQty;
            why = String.format(Locale.ROOT, "score %.3e > buy cost %.3e + margin %.1e", score, buyCost, margin);
        } else if (-score > sellCost + margin) {
            target = previous < 0 ? previous : -maxQty;
            why = String.format(Locale.ROOT, "score %.3e < -(sell cost %.3e + margin %.1e)", score, sellCost, margin);
        } else if (previous != 0 && score * Long.signum(previous) < 0) {
            target = 0;
            why = String.format(Locale.ROOT, "score %.3e against the target %d: leave", score, previous);
        } else {
            target = previous;
            why = String.format(Locale.ROOT, "score %.3e within costs (buy %.3e, sell %.3e): hold", score, buyCost,
                    sellCost);
        }
        return stepTowards(target, orderQty, why + "; target " + target + " position " + ctx.position(), ctx);
    }
}
