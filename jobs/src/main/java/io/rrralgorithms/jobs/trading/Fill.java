package io.rrralgorithms.jobs.trading;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/** One execution of an order on paper. */
public class Fill {
    /** {@code <orderId>-<n>}: deterministic. */
    public String fillId;
    public String orderId;
    public String accountId;
    public String feed;
    public String nativeSymbol;
    public String symbol;
    public Side side;
    public long price;
    public long quantity;
    public BigDecimal fee = BigDecimal.ZERO;
    /** true = took liquidity (market/IOC), false = resting limit order filled by a trade. */
    public boolean taker;
    public long timeMs;
    /** The wall-clock ingest time of the frame behind this fill (the per-event path sets it; 0 elsewhere). */
    @JsonIgnore
    public long ingestNs;

    public Fill() {}

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }
}
