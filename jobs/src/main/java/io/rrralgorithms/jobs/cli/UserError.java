package io.rrralgorithms.jobs.cli;

/**
 * A mistake the user can fix (a file, an option, a service that is not running): printed as one
 * line, {@code <command>: <message>}, without a stack trace, with its {@link ExitCodes exit code}.
 * The message says what is wrong and what to do.
 */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static UserError usage(String message) {
        return new UserError(ExitCodes.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
