package io.rrralgorithms.jobs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.jobs.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveState} on rows written by hand into a migrated database: the newest row per
 * instrument and per account across day partitions (the loose index scan), the book cut to the
 * levels asked for, exact decimals without trailing zeros, gaps of a book that never produced a
 * row, open orders only, the latest run.
 */
class LiveStateIT {
    @Test
    void theNewestRowOfEachInstrumentAndAccount() throws Exception {
        try (TestDatabase db = new TestDatabase(); Connection c = db.target.connect(); Statement st = c.createStatement()) {
            for (String table : List.of("book_top", "features", "pnl", "positions")) {
                for (String day : List.of("2024-08-08", "2024-08-09")) {
                    st.execute("SELECT rrr_day_partition('" + table + "'::regclass, '" + day + "'::date)");
                }
            }
            List<String> sql = new ArrayList<>();
            // two instruments, three seconds each over midnight; the newest is the one to show
            String[][] books = {
                {"binance-spot", "BTCUSDT", "2024-08-08 23:59:59+00", "100.10", "100.20"},
                {"binance-spot", "BTCUSDT", "2024-08-09 00:00:01+00", "101.50", "101.60"},
                {"binance-spot", "BTCUSDT", "2024-08-09 00:00:00+00", "100.90", "101.00"},
                {"kraken", "XBT/USD", "2024-08-09 00:00:05+00", "99.00000000", "99.50000000"},
                {"kraken", "XBT/USD", "2024-08-08 12:00:00+00", "90", "91"},
            };
            for (String[] b : books) {
                sql.add("INSERT INTO book_top VALUES ('" + b[0] + "', '" + b[1] + "', 'BTC-USD', '" + b[2] + "', '" + b[2]
                        + "', 1, 7, " + b[3] + ", 1.5, " + b[4] + ", 2.25, ARRAY[" + b[3] + ", " + b[3] + " - 0.1, " + b[3]
                        + " - 0.2]::numeric[], ARRAY[1.5, 2, 3.000]::numeric[], ARRAY[" + b[4] + ", " + b[4] + " + 0.1, " + b[4]
                        + " + 0.2]::numeric[], ARRAY[2.25, 4, 5]::numeric[])");
            }
            sql.add("INSERT INTO features (feed, native_symbol, symbol, feature_time, book_valid, mid, spread, depth_levels, ofi_1s, "
                    + "book_updates_1s, trade_count_1s, volume_1s, buy_volume_1s, sell_volume_1s, trade_count_1m, volume_1m, "
                    + "buy_volume_1m, sell_volume_1m) VALUES "
                    + "('binance-spot', 'BTCUSDT', 'BTC-USD', '2024-08-09 00:00:01+00', true, 101.55, 0.1, 3, 0, 1, 2, 0.5, 0.5, 0, 2, 1, 1, 0), "
                    + "('binance-spot', 'BTCUSDT', 'BTC-USD', '2024-08-08 23:59:59+00', false, null, null, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0)");
            sql.add("INSERT INTO book_gaps VALUES ('okx', 'BTC-USDT', 'BTC-USD', 1, 5, 5, 4, null, 3000000000, 'sequence break'), "
                    + "('okx', 'BTC-USDT', 'BTC-USD', 9, 12, 12, 11, null, 5000000000, 'checksum mismatch')");
            sql.add("INSERT INTO dead_letters (feed, receive_time_ns, payload_sha256, reason, payload) VALUES "
                    + "('okx', 1, 'aa', 'bad json', '{'), ('okx', 2, 'bb', 'bad json', '[')");
            for (String[] p : new String[][] {{"a1", "2024-08-09 00:00:00+00", "10.50", "ACTIVE"},
                    {"a1", "2024-08-09 00:00:02+00", "12.25000", "REDUCING"}, {"a1", "2024-08-08 10:00:00+00", "1", "ACTIVE"},
                    {"a2", "2024-08-08 23:00:00+00", "-3", "HALTED"}}) {
                sql.add("INSERT INTO pnl VALUES ('" + p[0] + "', '" + p[1] + "', 1, 2, 0.25, " + p[2] + ", 0, 0, 0.5, 100, '"
                        + p[3] + "', 1, 2, 0)");
            }
            sql.add("INSERT INTO positions VALUES ('a1', 'binance-spot', 'BTCUSDT', '2024-08-09 00:00:00+00', 'BTC-USD', 0.5, 50, 100, 101, 0, 0.5, 0.01), "
                    + "('a1', 'binance-spot', 'BTCUSDT', '2024-08-09 00:00:02+00', 'BTC-USD', 0.75, 75, 100, 102, 0, 1.5, 0.02)");
            for (String[] o : new String[][] {{"o1", "OPEN"}, {"o2", "FILLED"}, {"o3", "PARTIALLY_FILLED"}}) {
                sql.add("INSERT INTO orders VALUES ('" + o[0] + "', 'a1', 'binance-spot', 'BTCUSDT', 'BTC-USD', 'BUY', 'LIMIT', 100, 1, 0, 0, "
                        + "null, 0, '" + o[1] + "', 1, '2024-08-09 00:00:00+00', '2024-08-09 00:00:00+00', '2024-08-09 00:00:00+00', "
                        + "null, null, null, 0)");
            }
            sql.add("INSERT INTO pipeline_runs (run_id, started_at, mode, status, inputs, bootstrap, flink_job_id) VALUES "
                    + "('00000000-0000-0000-0000-000000000001', '2024-08-09 00:00:00+00', 'bounded', 'finished', '{}', 'k', 'old'), "
                    + "('00000000-0000-0000-0000-000000000002', '2024-08-10 00:00:00+00', 'unbounded', 'running', '{}', 'k', 'abc')");
            for (String s : sql) {
                st.execute(s);
            }

            JsonNode state = LiveState.read(c, 2);
            JsonNode instruments = state.path("instruments");
            assertEquals(3, instruments.size(), instruments.toString());
            JsonNode btc = instruments.get(0);
            assertEquals("binance-spot", btc.path("feed").asText());
            assertEquals("2024-08-09T00:00:01Z", btc.path("book").path("sampleTime").asText());
            assertEquals("[[\"101.5\",\"1.5\"],[\"101.4\",\"2\"]]", btc.path("book").path("bids").toString(), "2 levels, exact");
            assertEquals("[[\"101.6\",\"2.25\"],[\"101.7\",\"4\"]]", btc.path("book").path("asks").toString());
            assertTrue(btc.path("features").path("bookValid").asBoolean());
            assertEquals("101.55", btc.path("features").path("mid").asText());
            assertFalse(btc.has("gaps"));
            JsonNode kraken = instruments.get(1);
            assertEquals("2024-08-09T00:00:05Z", kraken.path("book").path("sampleTime").asText());
            assertEquals("99", kraken.path("book").path("bids").path(0).path(0).asText());
            assertFalse(kraken.has("features"), "no features row, no sync state claimed");
            JsonNode okx = instruments.get(2);
            assertEquals("okx", okx.path("feed").asText());
            assertFalse(okx.has("book"));
            assertEquals(2, okx.path("gaps").path("count").asInt());
            assertEquals("checksum mismatch", okx.path("gaps").path("lastReason").asText());
            assertEquals("1970-01-01T00:00:05Z", okx.path("gaps").path("lastReceiveTime").asText());
            assertEquals(2, state.path("deadLetters").path("okx").asInt());

            JsonNode accounts = state.path("accounts");
            assertEquals(2, accounts.size(), accounts.toString());
            JsonNode a1 = accounts.get(0);
            assertEquals("a1", a1.path("account").asText());
            assertEquals("2024-08-09T00:00:02Z", a1.path("snapshotTime").asText());
            assertEquals("12.25", a1.path("equity").asText());
            assertEquals("REDUCING", a1.path("riskState").asText());
            assertEquals(1, a1.path("positions").size());
            assertEquals("0.75", a1.path("positions").path(0).path("quantity").asText());
            List<String> open = new ArrayList<>();
            a1.path("openOrders").forEach(o -> open.add(o.path("orderId").asText()));
            assertEquals(List.of("o1", "o3").stream().sorted().toList(), open.stream().sorted().toList());
            assertEquals("HALTED", accounts.get(1).path("riskState").asText());
            assertEquals("-3", accounts.get(1).path("equity").asText());
            assertEquals("abc", state.path("run").path("flinkJobId").asText());
            assertEquals("running", state.path("run").path("status").asText());
        }
    }
}
