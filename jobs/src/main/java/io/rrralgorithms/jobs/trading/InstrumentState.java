package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.model.MarketEvent;
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
 *
 * <p>Contract terms ({@code ContractTerms}, from the instrument's INSTRUMENT event or its stamped
 * trades; none: linear, multiplier 1): the accounting runs on the {@link #valuePrice} of each price,
 * what one unit of quantity is worth in the instrument's PnL currency ({@link #pnlCurrency}): price ×
 * multiplier of a linear contract (quote currency) or a quanto (its settlement currency), and
 * −multiplier / price of an inverse one (base currency, {@value #COST_SCALE} digits HALF_EVEN: a
 * long of q contracts from p1 to p2 makes q × m × (1/p1 − 1/p2) of the base). The identities above
 * hold in that currency; {@code Portfolio} converts an inverse instrument's amounts to the quote
 * currency at its mark.
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
    /** The contract's terms: kind (null: none known, linear), multiplier, notional currency. */
    public ContractTerms.Kind contractKind;
    public BigDecimal contractMultiplier;
    public String notionalCurrency;

    public InstrumentState() {}

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }

    /** Takes the contract terms an event carries (an INSTRUMENT event, a stamped trade); none: kept as they are. */
    public void takeTerms(MarketEvent e) {
        ContractTerms t = e.contractTerms();
        if (t != null) {
            contractKind = t.kind();
            contractMultiplier = t.multiplier();
            notionalCurrency = t.currency();
        }
    }

    private BigDecimal multiplier() {
        return contractMultiplier == null ? BigDecimal.ONE : contractMultiplier;
    }

    /** Whether the contract is inverse: its PnL is in the base currency. */
    public boolean inverseContract() {
        return contractKind == ContractTerms.Kind.INVERSE;
    }

    /** What one unit of quantity at {@code price} is worth in {@link #pnlCurrency} (see the class comment). */
    public BigDecimal valuePrice(BigDecimal price) {
        if (contractKind == null) {
            return price;
        }
        return inverseContract() ? multiplier().negate().divide(price, COST_SCALE, RoundingMode.HALF_EVEN)
                : price.multiply(multiplier());
    }

    /** The notional of |{@code qty}| at {@code price} in {@link #notionalCurrency} (quote, or a quanto's settlement currency). */
    public BigDecimal quoteNotional(BigDecimal qty, BigDecimal price) {
        BigDecimal q = qty.abs();
        return inverseContract() ? q.multiply(multiplier()) : q.multiply(price).multiply(multiplier());
    }

    /** The currency of this instrument's cash, cost basis and PnL: the base of an inverse contract, else the notional's (null: none known). */
    public String pnlCurrency() {
        if (inverseContract()) {
            NormalizedSymbols.Parts p = symbol == null ? null : NormalizedSymbols.parts(symbol);
            return p == null ? null : p.base();
        }
        return notionalCurrency;
    }

    /** Books a fill of {@code signedQty} (mantissa, + buy) at {@code price} with {@code fee} (in {@link #pnlCurrency}). */
    public void applyFill(long signedQty, BigDecimal tradePrice, BigDecimal fee) {
        BigDecimal price = valuePrice(tradePrice);
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

    /** quantity × {@link #valuePrice} of the mark, in {@link #pnlCurrency}. */
    public BigDecimal markValue() {
        return mark == null || quantity == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(quantity, 8).multiply(valuePrice(mark));
    }

    /** An amount of {@link #pnlCurrency} in the notional currency: an inverse contract's at the mark (0 without one). */
    public BigDecimal inQuote(BigDecimal amount) {
        if (!inverseContract()) {
            return amount;
        }
        return mark == null ? BigDecimal.ZERO : amount.multiply(mark);
    }
}
