package io.rrralgorithms.jobs.trading;

import java.math.BigDecimal;

/**
 * The account summed over its instruments, exact: equity = realized + unrealized − fees, which
 * also equals cash + markValue ({@link InstrumentState}).
 */
record AccountTotals(BigDecimal equity, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees,
        BigDecimal cash, BigDecimal markValue, BigDecimal grossNotional) {}
