package io.rrralgorithms.connectors.jdbc;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Telling an outage from poison. An outage (the server or the connection is gone, or the server
 * is short of resources or asks for a retry) is retried and then thrown: the job's restart
 * strategy and its checkpoint deal with a dead database. Anything else the server says about a
 * row (data exception 22, integrity violation 23, program limit 54, syntax or any other error) is
 * poison: re-executing it gives the same answer, so that row is quarantined instead.
 */
public final class SqlFailures {
    private SqlFailures() {}

    /** True when the failure is the connection's or the server's, not the row's. */
    public static boolean isOutage(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof SQLRecoverableException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e) {
                if (isOutageState(e.getSQLState())) {
                    return true;
                }
                // a batch reports its entries' errors as the next exceptions
                SQLException next = e.getNextException();
                if (next != null && next != e && isOutage(next)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * 08: connection exception; 57P0x: admin or crash shutdown, cannot connect now, database
     * dropped; 53: insufficient resources (disk full, out of memory, too many connections);
     * 40001 and 40P01: serialization failure and deadlock, which the server asks to retry.
     */
    static boolean isOutageState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return false;
        }
        return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.startsWith("53")
                || sqlState.equals("40001") || sqlState.equals("40P01");
    }

    /** The most specific SQLState of a failure: a batch's first entry error rather than the batch's own. */
    public static String sqlState(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null
                && e.getNextException().getSQLState() != null) {
            return e.getNextException().getSQLState();
        }
        return e.getSQLState() == null ? "XX000" : e.getSQLState();
    }
}
