package io.rrralgorithms.jobs.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.jdbc.QuarantiningBatchWriter;
import io.rrralgorithms.connectors.jdbc.RowBinder;
import io.rrralgorithms.connectors.jdbc.SqlFailures;
import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.book.BookGap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink's writer against the real local PostgreSQL server, with the job's own statements and
 * binders: hostile text is stored, refused rows are quarantined without costing the rest of the
 * batch, and a lost database is retried and then thrown rather than quarantined.
 */
class PoisonProofSinksIT {
    TestDatabase db;
    final SimpleCounter written = new SimpleCounter();
    final SimpleCounter quarantined = new SimpleCounter();
    final SimpleCounter retries = new SimpleCounter();

    @BeforeEach
    void createDatabase() {
        db = new TestDatabase();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    <T> QuarantiningBatchWriter<T> writer(PostgresTarget target, String sql, RowBinder<T> binder) {
        return new QuarantiningBatchWriter<>(target, sql, binder, 10, written, quarantined, retries);
    }

    @Test
    void deadLetterWithNulAndInvalidUtf8IsStoredWithItsExactBytes() throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes("{\"s\":\"BTC".getBytes(StandardCharsets.UTF_8));
        frame.write(0x00);
        frame.writeBytes("USDT\",\"x\":\"".getBytes(StandardCharsets.UTF_8));
        frame.write(0xC3); // a lead byte without its continuation
        frame.write(0x28);
        frame.write(0xFF); // never valid in UTF-8
        frame.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = frame.toByteArray();
        DeadLetter d = DeadLetter.of("binance-spot", "BTC\u0000USDT", 1_723_161_600_000_000_000L,
                "unknown symbol 'BTC\u0000USDT' \uD800", bytes);

        try (QuarantiningBatchWriter<DeadLetter> w = writer(db.target, PostgresMarketDataSinks.DEAD_LETTERS_SQL,
                PostgresMarketDataSinks::bindDeadLetter)) {
            w.add(d);
            w.flush();
            w.add(d); // a replay rewrites the row
            w.flush();
        }

        assertEquals(0, quarantined.getCount());
        assertEquals(1, db.count("dead_letters"));
        try (Connection c = db.target.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT payload_bytes, payload, frame_key, reason, payload_sha256 "
                        + "FROM dead_letters")) {
            assertTrue(rs.next());
            assertArrayEquals(bytes, rs.getBytes(1));
            assertEquals("{\"s\":\"BTC\\u0000USDT\",\"x\":\"\uFFFD(\uFFFD\"}", rs.getString(2));
            assertEquals("BTC\\u0000USDT", rs.getString(3));
            assertEquals("unknown symbol 'BTC\\u0000USDT' \uFFFD", rs.getString(4));
            assertEquals(d.payloadSha256, rs.getString(5));
        }
    }

    @Test
    void aRefusedRowIsQuarantinedAndTheRestOfItsBatchIsWritten() throws Exception {
        try (QuarantiningBatchWriter<BookGap> w = writer(db.target, PostgresMarketDataSinks.GAPS_SQL,
                PostgresMarketDataSinks::bindGap)) {
            for (int round = 0; round < 2; round++) { // the second round is a replay of the first
                for (int i = 0; i < 10; i++) {
                    w.add(gap(i, i == 4 ? null : "sequence break")); // book_gaps.reason is NOT NULL
                }
                w.add(gap(10, "symbol with a NUL: BTC\u0000USDT")); // sanitized, not refused
                w.flush();
                assertEquals(0, w.buffered());
            }
        }

        assertEquals(10, db.count("book_gaps"));
        assertEquals(List.of("10 | symbol with a NUL: BTC\\u0000USDT"),
                db.rows("SELECT update_id, reason FROM book_gaps WHERE update_id = 10"));
        List<String> q = db.rows("SELECT table_name, sql_state, row_json::jsonb ->> 'updateId', "
                + "message LIKE '%\"reason\"%', first_quarantined_at <= last_quarantined_at FROM quarantine");
        assertEquals(List.of("book_gaps | 23502 | 4 | t | t"), q); // one row, though quarantined twice
        assertEquals(2, quarantined.getCount());
        assertEquals(20, written.getCount());
        assertEquals(0, retries.getCount());
    }

    /** A table of the test's own with a character limit, and a binder that can fail. */
    public static class Item {
        public long id;
        public String code;

        Item(long id, String code) {
            this.id = id;
            this.code = code;
        }
    }

    @Test
    void overlongTextIsCutToItsColumnAndAFailingBinderIsQuarantined() throws Exception {
        try (Connection c = db.target.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, code VARCHAR(4) NOT NULL, code_length INT)");
        }
        String sql = "INSERT INTO items (id, code, code_length) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, code_length = EXCLUDED.code_length";
        RowBinder<Item> binder = (ps, item) -> {
            ps.setLong(1, item.id);
            ps.setString(2, item.code);
            ps.setInt(3, item.code.length()); // a null code fails here, before the server sees the row
        };
        try (QuarantiningBatchWriter<Item> w = writer(db.target, sql, binder)) {
            w.add(new Item(1, "ABCDEFGH"));
            w.add(new Item(2, null));
            w.add(new Item(3, "\uD800Z\u0000"));
            w.add(new Item(4, "OK"));
            w.flush();
        }

        assertEquals(List.of("1 | ABCD | 8", "3 | \uFFFDZ | 3", "4 | OK | 2"),
                db.rows("SELECT id, code, code_length FROM items ORDER BY id"));
        assertEquals(List.of("items | BIND0 | 2"),
                db.rows("SELECT table_name, sql_state, row_json::jsonb ->> 'id' FROM quarantine"));
        assertEquals(1, quarantined.getCount());
    }

    @Test
    void anUnreachableDatabaseIsRetriedThenThrownNotQuarantined() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PostgresTarget nowhere = new PostgresTarget("jdbc:postgresql://127.0.0.1:" + closedPort + "/rrr", "postgres",
                null, 100, 0, 2);
        try (QuarantiningBatchWriter<BookGap> w = writer(nowhere, PostgresMarketDataSinks.GAPS_SQL,
                PostgresMarketDataSinks::bindGap)) {
            w.add(gap(1, "a"));
            w.add(gap(2, null)); // poison too, but an outage must not be mistaken for it
            IOException e = assertThrows(IOException.class, w::flush);
            assertTrue(SqlFailures.isOutage(e.getCause()), e::toString);
            assertEquals(2, retries.getCount());
            assertEquals(0, quarantined.getCount());
            assertEquals(2, w.buffered()); // kept: nothing acknowledged is dropped
        }
    }

    @Test
    void aConnectionLostWhileIdleIsReplacedAndNothingIsLost() throws Exception {
        try (QuarantiningBatchWriter<BookGap> w = writer(db.target, PostgresMarketDataSinks.GAPS_SQL,
                PostgresMarketDataSinks::bindGap)) {
            for (int i = 0; i < 5; i++) {
                w.add(gap(i, "before"));
            }
            w.flush();
            assertEquals(List.of("t"), db.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'rrr-sink:book_gaps' AND datname = current_database()"));
            Thread.sleep(1_200); // idle past the validation threshold
            for (int i = 5; i < 10; i++) {
                w.add(gap(i, "after"));
            }
            w.flush();
        }
        assertEquals(10, db.count("book_gaps"));
        assertEquals(0, db.count("quarantine"));
        assertEquals(0, quarantined.getCount());
        assertEquals(10, written.getCount());
    }

    static BookGap gap(long updateId, String reason) {
        BookGap g = new BookGap();
        g.feed = "binance-spot";
        g.nativeSymbol = "BTCUSDT";
        g.symbol = "BTC-USDT";
        g.lastUpdateId = 100;
        g.firstUpdateId = updateId;
        g.updateId = updateId;
        g.prevUpdateId = updateId - 1;
        g.exchangeTimeMs = 1_723_161_600_000L + updateId;
        g.receiveTimeNs = 1_723_161_600_000_000_000L + updateId;
        g.reason = reason;
        return g;
    }
}
