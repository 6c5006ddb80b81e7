package io.rrralgorithms.jobs.trading;

/**
 * A manual instruction from the control topic: {@code KILL} (kill switch: cancel every open
 * order and halt), {@code HALT}, {@code REDUCE} (only risk-reducing orders), {@code ACTIVATE}.
 */
public class RiskCommand {
    public enum Kind { KILL, HALT, REDUCE, ACTIVATE }

    public String accountId;
    public Kind command;
    public String reason;
    /** Event time from which it applies (the control record's timestamp). */
    public long timeMs;

    public RiskCommand() {}
}
