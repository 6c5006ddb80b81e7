package io.rrralgorithms.jobs.trading;

public enum OrderStatus {
    /** Accepted by risk, travelling to the book (order latency). */
    PENDING,
    /** In the book (limit orders). */
    OPEN,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED
}
