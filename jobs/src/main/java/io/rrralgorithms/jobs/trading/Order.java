package io.rrralgorithms.jobs.trading;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * An order and its life: created by a strategy, checked by risk, executed on paper. Prices and
 * quantities are exact mantissas (1e-8, as everywhere); money is BigDecimal. Its id is
 * deterministic ({@code <account>-<feed>:<symbol>-<sequence>}), so a replay produces the same ids.
 */
public class Order {
    public String orderId;
    public String accountId;
    public String feed;
    public String nativeSymbol;
    public String symbol;
    public Side side;
    public OrderType type;
    /** Limit price mantissa; 0 for MARKET. */
    public long price;
    public long quantity;
    public long filledQuantity;
    /** Σ fill price × fill quantity of the fills so far (exact). */
    public BigDecimal filledNotional = BigDecimal.ZERO;
    public BigDecimal fees = BigDecimal.ZERO;
    public OrderStatus status;
    /** Event time the strategy created it, and the event time it reaches the book (+ latency). */
    public long createdAtMs;
    public long arrivesAtMs;
    /** Last status change, event time. */
    public long updatedAtMs;
    /** Why the strategy sent it. */
    public String reason;
    /** For REJECTED: the risk rule; detail with the numbers. */
    public String rejectRule;
    public String rejectDetail;
    /** LIMIT: displayed size at the price when the order arrived, minus traded volume at that price since. */
    public long queueAhead;
    /** CANCELED: why (strategy, kill switch, risk state, unfilled rest of a MARKET/IOC order). */
    public String cancelReason;
    /** Fills so far (fill ids {@code <orderId>-<n>}, n from 1). */
    public int fillCount;
    /**
     * The wall-clock ingest time of the frame that led to this order update (the per-event path
     * sets it; 0 elsewhere): for latency only, not kept in the trading state.
     */
    @JsonIgnore
    public long ingestNs;
    /** Provenance: the model version whose score made the strategy send it, and that score; null otherwise. */
    public String modelVersion;
    public Double score;

    public Order() {}

    /** A detached copy (what the engine emits: later changes of the live order do not show). */
    public Order copy() {
        Order o = new Order();
        o.orderId = orderId;
        o.accountId = accountId;
        o.feed = feed;
        o.nativeSymbol = nativeSymbol;
        o.symbol = symbol;
        o.side = side;
        o.type = type;
        o.price = price;
        o.quantity = quantity;
        o.filledQuantity = filledQuantity;
        o.filledNotional = filledNotional;
        o.fees = fees;
        o.status = status;
        o.createdAtMs = createdAtMs;
        o.arrivesAtMs = arrivesAtMs;
        o.updatedAtMs = updatedAtMs;
        o.reason = reason;
        o.rejectRule = rejectRule;
        o.rejectDetail = rejectDetail;
        o.queueAhead = queueAhead;
        o.cancelReason = cancelReason;
        o.fillCount = fillCount;
        o.modelVersion = modelVersion;
        o.score = score;
        return o;
    }

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }

    public long remaining() {
        return quantity - filledQuantity;
    }
}
