package io.rrralgorithms.jobs.trading;

/** Account trading state: ACTIVE → REDUCING (only risk-reducing orders pass) → HALTED (nothing passes). */
public enum RiskState {
    ACTIVE,
    REDUCING,
    HALTED
}
