package io.rrralgorithms.jobs.trading;

public enum OrderType {
    /** Walks the book at arrival, whatever the price; unfilled rest is canceled. */
    MARKET,
    /** Walks the book up to its limit price at arrival; unfilled rest is canceled. */
    IOC,
    /** Rests at its price; fills when trades print through it after the queue ahead is consumed. */
    LIMIT
}
