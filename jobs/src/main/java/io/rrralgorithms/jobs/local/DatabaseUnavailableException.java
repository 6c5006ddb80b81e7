package io.rrralgorithms.jobs.local;

/** PostgreSQL does not answer at the run's JDBC URL (or refuses the login). The message is the one line to print. */
public final class DatabaseUnavailableException extends IllegalStateException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
