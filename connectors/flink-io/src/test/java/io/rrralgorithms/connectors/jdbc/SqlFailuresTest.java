package io.rrralgorithms.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {
    @Test
    void connectionAndServerFailuresAreOutages() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "53100",
                "40001", "40P01"}) {
            assertTrue(SqlFailures.isOutage(new SQLException("x", state)), state);
        }
        assertTrue(SqlFailures.isOutage(new SQLException("I/O error", null, new EOFException())));
        assertTrue(SqlFailures.isOutage(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void whatTheServerSaysAboutARowIsPoison() {
        for (String state : new String[] {"22003", "22021", "22P05", "23502", "23505", "23514", "54000", "42601",
                "XX000", "57014"}) {
            assertFalse(SqlFailures.isOutage(new SQLException("x", state)), state);
        }
        assertFalse(SqlFailures.isOutage(new SQLException("no state")));
    }

    @Test
    void aBatchIsJudgedByItsEntriesErrors() {
        BatchUpdateException poison = new BatchUpdateException("batch entry 3 aborted", "22003", new int[0]);
        poison.setNextException(new SQLException("numeric field overflow", "22003"));
        assertFalse(SqlFailures.isOutage(poison));
        assertEquals("22003", SqlFailures.sqlState(poison));

        BatchUpdateException lost = new BatchUpdateException("batch entry 0 aborted", null, new int[0]);
        lost.setNextException(new SQLException("An I/O error occurred", "08006"));
        assertTrue(SqlFailures.isOutage(lost));
        assertEquals("08006", SqlFailures.sqlState(lost));
    }
}
