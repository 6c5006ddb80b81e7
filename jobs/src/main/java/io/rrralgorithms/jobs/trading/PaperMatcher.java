package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.util.function.Predicate;

/**
 * Paper execution of the accepted orders against the reconstructed books, in event time: arrival
 * after the latency, MARKET/IOC walking the visible levels, LIMIT resting with a queue position,
 * fills from trades and crossing tops, cancels. As nautilus_trader's matching core; the rules are
 * in {@link TradingEngine}'s comment ("Execution"). Fills are booked into the {@link Portfolio}.
 */
final class PaperMatcher {
    private final TradingConfig config;
    private final Portfolio portfolio;
    private final OpenOrders openOrders;

    PaperMatcher(TradingConfig config, Portfolio portfolio, OpenOrders openOrders) {
        this.config = config;
        this.portfolio = portfolio;
        this.openOrders = openOrders;
    }

    /** An order risk accepted: PENDING until it reaches the book, {@code orderLatencyMs} later. */
    void accept(Order o, long timeMs) {
        o.status = OrderStatus.PENDING;
        o.arrivesAtMs = timeMs + config.orderLatencyMs();
        openOrders.add(o);
    }

    /** The instrument's new synced top ({@link InstrumentState#top}): resting orders, then arrivals. */
    void onBook(InstrumentState inst, long timeMs, TradingOutput out) {
        BookTop top = inst.top;
        String key = inst.instrumentKey();
        // resting orders first: crossed by the book, queue capped by the displayed size
        for (Order o : openOrders.of(key)) {
            if (isResting(o)) {
                restingOnBook(o, inst, top, timeMs, out);
            }
        }
        // then arrivals, sharing this top's liquidity
        long[] bidLeft = top.bidSizes.clone();
        long[] askLeft = top.askSizes.clone();
        for (Order o : openOrders.of(key)) {
            if (o.status == OrderStatus.PENDING && o.arrivesAtMs <= timeMs) {
                arrive(o, inst, top, bidLeft, askLeft, timeMs, out);
            }
        }
    }

    /** A public trade of the instrument: fills resting limit orders it prints through, after their queue ahead. */
    void onTrade(InstrumentState inst, MarketEvent trade, long timeMs, TradingOutput out) {
        long tradeLeft = trade.size;
        for (Order o : openOrders.of(inst.instrumentKey())) {
            if (!isResting(o)) {
                continue;
            }
            boolean hits = o.side == Side.BUY ? !trade.takerBuy : trade.takerBuy;
            boolean reaches = o.side == Side.BUY ? trade.price <= o.price : trade.price >= o.price;
            if (!hits || !reaches) {
                continue;
            }
            long beyondQueue = Math.max(0L, trade.size - o.queueAhead);
            o.queueAhead = Math.max(0L, o.queueAhead - trade.size);
            long qty = Math.min(o.remaining(), Math.min(beyondQueue, tradeLeft));
            if (qty > 0) {
                fill(o, inst, o.price, qty, false, timeMs, out);
                tradeLeft -= qty;
                o.status = o.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                update(o, timeMs, out);
            }
        }
    }

    /** Cancels an open order now (cancels have no latency); a final one is left alone. */
    void cancel(Order o, String reason, long timeMs, TradingOutput out) {
        if (!openOrders.contains(o)) {
            return;
        }
        o.status = OrderStatus.CANCELED;
        o.cancelReason = reason;
        update(o, timeMs, out);
    }

    /** Cancels the open orders that {@code which} selects, in creation order; returns how many. */
    int cancelWhere(Predicate<Order> which, String reason, long timeMs, TradingOutput out) {
        int n = 0;
        for (Order o : openOrders.all()) {
            if (which.test(o)) {
                cancel(o, reason, timeMs, out);
                n++;
            }
        }
        return n;
    }

    private static boolean isResting(Order o) {
        return o.status == OrderStatus.OPEN || o.status == OrderStatus.PARTIALLY_FILLED;
    }

    private void arrive(Order o, InstrumentState inst, BookTop top, long[] bidLeft, long[] askLeft, long timeMs,
            TradingOutput out) {
        boolean buy = o.side == Side.BUY;
        long[] prices = buy ? top.askPrices : top.bidPrices;
        long[] left = buy ? askLeft : bidLeft;
        boolean limited = o.type != OrderType.MARKET;
        int levelsUsed = 0;
        for (int i = 0; i < prices.length && o.remaining() > 0; i++) {
            if (limited && (buy ? prices[i] > o.price : prices[i] < o.price)) {
                break;
            }
            long qty = Math.min(o.remaining(), left[i]);
            if (qty > 0) {
                left[i] -= qty;
                levelsUsed = i + 1;
                fill(o, inst, prices[i], qty, true, timeMs, out);
            }
        }
        if (o.remaining() == 0) {
            o.status = OrderStatus.FILLED;
        } else if (o.type == OrderType.LIMIT) {
            o.queueAhead = displayedOnOwnSide(o, top);
            o.status = o.filledQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        } else {
            o.status = OrderStatus.CANCELED;
            o.cancelReason = (o.type == OrderType.MARKET
                    ? "visible depth exhausted (" + prices.length + " levels)"
                    : "no more liquidity at or better than limit " + Decimals.toPlainString(o.price))
                    + ": " + Decimals.toPlainString(o.remaining()) + " of " + Decimals.toPlainString(o.quantity)
                    + " unfilled, " + levelsUsed + " levels used";
        }
        update(o, timeMs, out);
    }

    private void restingOnBook(Order o, InstrumentState inst, BookTop top, long timeMs, TradingOutput out) {
        boolean buy = o.side == Side.BUY;
        boolean crossed = buy ? top.askPrices[0] <= o.price : top.bidPrices[0] >= o.price;
        if (crossed) {
            fill(o, inst, o.price, o.remaining(), false, timeMs, out);
            o.status = OrderStatus.FILLED;
            update(o, timeMs, out);
            return;
        }
        long[] own = buy ? top.bidPrices : top.askPrices;
        long worst = own[own.length - 1];
        boolean visible = buy ? o.price >= worst : o.price <= worst;
        if (visible) {
            o.queueAhead = Math.min(o.queueAhead, displayedOnOwnSide(o, top));
        }
    }

    /** The displayed size at the order's price on its own side of {@code top}; 0 when not displayed. */
    private static long displayedOnOwnSide(Order o, BookTop top) {
        boolean buy = o.side == Side.BUY;
        long[] prices = buy ? top.bidPrices : top.askPrices;
        long[] sizes = buy ? top.bidSizes : top.askSizes;
        for (int i = 0; i < prices.length; i++) {
            if (prices[i] == o.price) {
                return sizes[i];
            }
        }
        return 0L;
    }

    private void fill(Order o, InstrumentState inst, long price, long qty, boolean taker, long timeMs,
            TradingOutput out) {
        BigDecimal px = Decimals.toBigDecimal(price);
        BigDecimal q = Decimals.toBigDecimal(qty);
        // the fill's notional in the quote currency (an inverse contract's: contracts x multiplier); its fee in
        // the instrument's PnL currency (an inverse contract's: base, what the venue charges), as its cash
        BigDecimal notional = inst.quoteNotional(q, px);
        BigDecimal rate = (taker ? config.takerFee() : config.makerFee()).getOrDefault(o.feed, BigDecimal.ZERO);
        BigDecimal fee = q.multiply(inst.valuePrice(px)).abs().multiply(rate);
        Fill f = new Fill();
        f.fillId = o.orderId + '-' + (++o.fillCount);
        f.orderId = o.orderId;
        f.accountId = o.accountId;
        f.feed = o.feed;
        f.nativeSymbol = o.nativeSymbol;
        f.symbol = o.symbol;
        f.side = o.side;
        f.price = price;
        f.quantity = qty;
        f.fee = fee;
        f.taker = taker;
        f.timeMs = timeMs;
        o.filledQuantity += qty;
        o.filledNotional = o.filledNotional.add(notional);
        o.fees = o.fees.add(fee);
        portfolio.book(inst, o.side, px, qty, fee);
        out.fill(f);
    }

    /** Emits the order; drops it from the open orders when final. */
    private void update(Order o, long timeMs, TradingOutput out) {
        o.updatedAtMs = timeMs;
        if (o.status == OrderStatus.FILLED || o.status == OrderStatus.CANCELED || o.status == OrderStatus.REJECTED) {
            openOrders.remove(o);
        }
        out.order(o.copy());
    }
}
