package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One instrument of an account: exact position accounting, the last synced book top (mark and
 * execution), the strategy's target. Part of {@link TradingState}; plain public fields.
 *
 * <p>Accounting: {@code costBasis} = Σ signed qty × price of what is still open. A fill that
 * increases |position| adds qty × price; one that reduces it removes the proportional cost
 * (costBasis × closed / |quantity|, {@value #COST_SCALE} digits HALF_EVEN; the whole costBasis when
 * the position closes) and realizes proceeds − removed cost; a fill through zero closes then
 * opens. The rounding residue stays in costBasis, so realized − costBasis = Σ(−signed qty × price)
 * exactly, and realized + unrealized − fees = cash + quantity × mark exactly.
 */
public class InstrumentState {
    public static final int COST_SCALE = 16;

    public String feed;
    public String nativeSymbol;
    public String symbol;
    /** Signed position mantissa. */
    public long quantity;
    public BigDecimal costBasis = BigDecimal.ZERO;
    public BigDecimal realizedPnl = BigDecimal.ZERO;
    public BigDecimal fees = BigDecimal.ZERO;
    /** Σ over fills of (−signed qty × price − fee). */
    public BigDecimal cash = BigDecimal.ZERO;
    /** Mid of the last synced top, exact; null before the first one. */
    public BigDecimal mark;
    /** The last top had both sides and was synced: orders may execute. */
    public boolean synced;
    /** The last synced top (arrays copied). */
    public BookTop top;
    /** Had a fill (so it gets position snapshots). */
    public boolean active;
    public long fills;
    /** Strategy memory: target position (hysteresis holds it) and the last order creation time. */
    public long targetPosition;
    public long lastOrderMs = Long.MIN_VALUE;

    public InstrumentState() {}

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }

    /** Books a fill of {@code signedQty} (mantissa, + buy) at {@code price} with {@code fee}. */
    public void applyFill(long signedQty, BigDecimal price, BigDecimal fee) {
        active = true;
        fills++;
        fees = fees.add(fee);
        BigDecimal signedNotional = BigDecimal.valueOf(signedQty, 8).multiply(price);
        cash = cash.subtract(signedNotional).subtract(fee);
        long q = signedQty;
        if (quantity != 0 && Long.signum(q) != Long.signum(quantity)) {
            long absPos = Math.abs(quantity);
            long closed = Math.min(Math.abs(q), absPos);
            BigDecimal removed = closed == absPos ? costBasis
                    : costBasis.multiply(BigDecimal.valueOf(closed))
                            .divide(BigDecimal.valueOf(absPos), COST_SCALE, RoundingMode.HALF_EVEN);
            // closing a long sells: +closed×price; closing a short buys back: −closed×price
            BigDecimal proceeds = BigDecimal.valueOf(Long.signum(quantity) * closed, 8).multiply(price);
            realizedPnl = realizedPnl.add(proceeds.subtract(removed));
            costBasis = costBasis.subtract(removed);
            quantity += Long.signum(q) * closed;
            q -= Long.signum(q) * closed;
            if (quantity == 0 && costBasis.signum() == 0) {
                costBasis = BigDecimal.ZERO;
            }
        }
        if (q != 0) {
            costBasis = costBasis.add(BigDecimal.valueOf(q, 8).multiply(price));
            quantity += q;
        }
    }

    /** quantity × mark − costBasis (mark 0 when none yet; then quantity is 0 too). */
    public BigDecimal unrealized() {
        return markValue().subtract(costBasis);
    }

    public BigDecimal markValue() {
        return mark == null || quantity == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(quantity, 8).multiply(mark);
    }
}
