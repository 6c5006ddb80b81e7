package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.jobs.book.BookTop;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Turns a model score for one instrument into orders. Implementations are deterministic. */
public interface Strategy extends Serializable {

    /** What the strategy may look at when a score arrives. */
    interface Context {
        long timeMs();

        /** Signed position quantity (mantissa) including what open orders would add is not included. */
        long position();

        /** Best bid/ask mantissas of the instrument's book, 0 when the book is not valid. */
        long bestBid();

        long bestAsk();

        /** Open (pending or resting) orders of this instrument. */
        List<Order> openOrders();

        /** A new order with a deterministic id, not yet submitted. */
        Order newOrder(Side side, OrderType type, long price, long quantity, String reason);

        /** Cancels an open order of this instrument now (cancels take effect immediately). */
        void cancel(Order order, String reason);

        /** The strategy's remembered target position of this instrument (0 at first), kept in the state. */
        long targetPosition();

        void setTargetPosition(long target);

        /** Creation time of this instrument's last order (accepted or rejected); Long.MIN_VALUE if none. */
        long lastOrderTimeMs();

        /** The instrument's synced book (top N levels), null when there is none. */
        default BookTop book() {
            return null;
        }

        /** The account's taker fee on this instrument's feed, a fraction of notional (0.001 = 10 bps). */
        default BigDecimal takerFee() {
            return BigDecimal.ZERO;
        }

        /** The instrument's contract terms, null where none are known (linear, multiplier 1). */
        default ContractTerms contractTerms() {
            return null;
        }
    }

    /** Orders to submit (already created with {@link Context#newOrder}); may be empty. */
    List<Order> onScore(String instrumentKey, double score, Context context);
}
