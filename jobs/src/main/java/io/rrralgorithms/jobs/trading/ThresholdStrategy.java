package io.rrralgorithms.jobs.trading;

import java.util.ArrayList;
import java.util.List;

/**
 * Score → target position with hysteresis, stepped towards in orders of {@code orderQuantity}.
 *
 * <ul>
 *   <li>score &gt; entryThreshold → target +maxPositionQuantity; score &lt; −entryThreshold →
 *       target −maxPositionQuantity; |score| &lt; exitThreshold → target 0; otherwise the previous
 *       target is held (hysteresis). Thresholds are in the score's own units.</li>
 *   <li>Resting orders that no longer move the position towards the target are canceled
 *       ("target changed"), and so are resting limit orders left behind by the touch (buy below the
 *       best bid, sell above the best ask) once cooldownMs has passed since they were created.</li>
 *   <li>No new order while another order of the instrument is open (pending or resting), nor
 *       within cooldownMs of the instrument's last order (accepted or rejected).</li>
 *   <li>Then one order of min(orderQuantity, |target − position|): MARKET (price 0); IOC at the best
 *       ask × (1 + allowance) for a buy, best bid × (1 − allowance) for a sell (allowance
 *       iocAllowanceBps, default 5 bps; the offset is rounded down, towards the touch); LIMIT at the own-side
 *       touch (buy at the best bid, sell at the best ask).</li>
 *   <li>No order without a valid book (best bid or ask 0).</li>
 * </ul>
 */
public class ThresholdStrategy implements Strategy {
    private static final long serialVersionUID = 1L;
    public static final long DEFAULT_IOC_ALLOWANCE_BPS = 5;

    private final double entryThreshold;
    private final double exitThreshold;
    private final long orderQuantity;
    private final long maxPositionQuantity;
    private final long cooldownMs;
    private final OrderType orderType;
    private final long iocAllowanceBps;

    public ThresholdStrategy(TradingConfig config) {
        this(config, DEFAULT_IOC_ALLOWANCE_BPS);
    }

    public ThresholdStrategy(TradingConfig config, long iocAllowanceBps) {
        this(config.entryThreshold(), config.exitThreshold(), config.orderQuantity(), config.maxPositionQuantity(),
                config.cooldownMs(), config.orderType(), iocAllowanceBps);
    }

    public ThresholdStrategy(double entryThreshold, double exitThreshold, long orderQuantity, long maxPositionQuantity,
            long cooldownMs, OrderType orderType, long iocAllowanceBps) {
        if (!(exitThreshold >= 0 && exitThreshold <= entryThreshold)) {
            throw new IllegalArgumentException("need 0 <= exitThreshold <= entryThreshold, got exit=" + exitThreshold
                    + " entry=" + entryThreshold);
        }
        if (orderQuantity <= 0 || maxPositionQuantity < 0 || cooldownMs < 0 || iocAllowanceBps < 0) {
            throw new IllegalArgumentException("orderQuantity > 0, maxPositionQuantity, cooldownMs, allowance >= 0");
        }
        this.entryThreshold = entryThreshold;
        this.exitThreshold = exitThreshold;
        this.orderQuantity = orderQuantity;
        this.maxPositionQuantity = maxPositionQuantity;
        this.cooldownMs = cooldownMs;
        this.orderType = orderType;
        this.iocAllowanceBps = iocAllowanceBps;
    }

    /** The target for a score given the previous target. */
    public long target(double score, long previousTarget) {
        if (score > entryThreshold) {
            return maxPositionQuantity;
        }
        if (score < -entryThreshold) {
            return -maxPositionQuantity;
        }
        if (Math.abs(score) < exitThreshold) {
            return 0;
        }
        return previousTarget; // NaN lands here too: hold
    }

    @Override
    public List<Order> onScore(String instrumentKey, double score, Context ctx) {
        long target = target(score, ctx.targetPosition());
        return stepTowards(target, orderQuantity, "score " + score + " target " + target + " position "
                + ctx.position(), ctx);
    }

    /**
     * Records {@code target} and steps towards it: cancels resting orders that no longer help, then,
     * when no order is open and the cooldown has passed, one order of min(stepQuantity, |target −
     * position|) of the configured type (see the class comment).
     */
    protected List<Order> stepTowards(long target, long stepQuantity, String reason, Context ctx) {
        ctx.setTargetPosition(target);
        long bid = ctx.bestBid();
        long ask = ctx.bestAsk();
        long position = ctx.position();
        long now = ctx.timeMs();
        long wanted = Long.signum(target - position);
        for (Order o : new ArrayList<>(ctx.openOrders())) {
            if (o.status != OrderStatus.OPEN && o.status != OrderStatus.PARTIALLY_FILLED) {
                continue; // in flight: wait for it
            }
            if (o.side.sign() != wanted) {
                ctx.cancel(o, "target changed to " + target + " (position " + position + ")");
            } else if (o.type == OrderType.LIMIT && bid > 0 && ask > 0 && now - o.createdAtMs >= cooldownMs
                    && ((o.side == Side.BUY && o.price < bid) || (o.side == Side.SELL && o.price > ask))) {
                ctx.cancel(o, "left behind by the touch (bid " + bid + " ask " + ask + ")");
            }
        }
        if (bid <= 0 || ask <= 0 || !ctx.openOrders().isEmpty()) {
            return List.of();
        }
        long last = ctx.lastOrderTimeMs();
        if (last != Long.MIN_VALUE && now - last < cooldownMs) {
            return List.of();
        }
        long diff = target - position;
        if (diff == 0 || stepQuantity <= 0) {
            return List.of();
        }
        Side side = diff > 0 ? Side.BUY : Side.SELL;
        long qty = Math.min(stepQuantity, Math.abs(diff));
        long price = switch (orderType) {
            case MARKET -> 0L;
            case IOC -> side == Side.BUY
                    ? ask + Math.floorDiv(ask * iocAllowanceBps, 10_000L)
                    : bid - Math.floorDiv(bid * iocAllowanceBps, 10_000L);
            case LIMIT -> side == Side.BUY ? bid : ask;
        };
        return List.of(ctx.newOrder(side, orderType, price, qty, reason));
    }
}
