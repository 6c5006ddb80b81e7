package io.rrralgorithms.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertStatementTest {
    @Test
    void tableAndColumnsOfAnUpsert() {
        UpsertStatement s = UpsertStatement.parse("""
                INSERT INTO dead_letters (feed, receive_time_ns, "Frame_Key")
                VALUES (?, ?, ?)
                ON CONFLICT (feed, receive_time_ns) DO UPDATE SET frame_key = EXCLUDED.frame_key
                """);
        assertEquals("dead_letters", s.table());
        assertEquals(List.of("feed", "receive_time_ns", "Frame_Key"), s.columns());
    }

    @Test
    void expressionsTakeNoParameter() {
        UpsertStatement s = UpsertStatement.parse("INSERT INTO Quarantine (a, b, c, d) VALUES (?, now(), coalesce(1, 2), ?)");
        assertEquals("quarantine", s.table());
        assertEquals(List.of("a", "d"), s.columns());
        assertEquals(List.of("table_name", "row_sha256", "row_json", "sql_state", "message"),
                UpsertStatement.parse(QuarantiningBatchWriter.QUARANTINE_SQL).columns());
    }

    @Test
    void columnsAreUnknownWhenAParameterIsInsideAnExpression() {
        assertEquals(List.of(), UpsertStatement.parse("INSERT INTO t (a, b) VALUES (?, lower(?))").columns());
        assertEquals(List.of(), UpsertStatement.parse("INSERT INTO t (a, b) VALUES (?)").columns());
        assertEquals("unknown", UpsertStatement.parse("UPDATE x SET a = ?").table());
    }
}
