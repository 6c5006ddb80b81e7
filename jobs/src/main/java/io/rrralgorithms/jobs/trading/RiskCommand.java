package io.rrralgorithms.jobs.trading;

/**
 * A manual instruction from the control topic: {@code KILL} (kill switch: cancel every open
 * order and halt), {@code HALT}, {@code REDUCE} (only risk-reducing orders), {@code ACTIVATE}.
 * It applies only when authentic ({@link RiskCommandAuth}); a refused one is recorded, never applied.
 */
public class RiskCommand {
    public enum Kind { KILL, HALT, REDUCE, ACTIVATE }

    /** The account of "every account". */
    public static final String ALL_ACCOUNTS = "*";

    public String accountId;
    public Kind command;
    public String reason;
    /** Event time from which it applies: the signed time, else the control record's timestamp. */
    public long timeMs;
    /** The control record's timestamp: when a refused command is recorded (its signed time is not to be trusted). */
    public long recordTimeMs;
    /** The signed time (ms since epoch), or null when the message has none. */
    public Long signedTimeMs;
    public String nonce;
    /** Hex HMAC-SHA256 of the canonical form, or null (unsigned). */
    public String signature;
    /** Why the command must not apply (set by the verifier), or null for an authentic command. */
    public String refusal;

    public RiskCommand() {}

    /** A copy addressed to {@code account}. */
    public RiskCommand forAccount(String account) {
        RiskCommand r = new RiskCommand();
        r.accountId = account;
        r.command = command;
        r.reason = reason;
        r.timeMs = timeMs;
        r.recordTimeMs = recordTimeMs;
        r.signedTimeMs = signedTimeMs;
        r.nonce = nonce;
        r.signature = signature;
        r.refusal = refusal;
        return r;
    }

    @Override
    public String toString() {
        return command + " for " + accountId + (reason == null ? "" : " (" + reason + ")") + " at " + timeMs;
    }
}
