package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.tardis.TardisVenue;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.TardisConverter;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tardis CSV set and a nautilus depth CSV, built from the shared Binance spot and USDⓈ-M
 * captures ({@link TardisConverter}), replayed with the original captures in one run through
 * Kafka, Flink and PostgreSQL: the {@code tardis} feed's {@code book_top} rows equal the
 * original feeds' at every sample time both have, every {@code book_snapshot_25} row is checked
 * and holds, and the trades are the capture's.
 */
class TardisCsvIT {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    @Test
    void tardisAndNautilusCsvsGiveTheOriginalCapturesBookTopsThroughKafkaAndFlink(@TempDir Path dir) throws Exception {
        Path spot = SharedData.market(TardisReplayTest.SPOT);
        Path usdm = SharedData.market(TardisReplayTest.USDM);
        TardisConverter.Result set = TardisConverter.tardis(spot, "binance", "2024-08-08", "BTCUSDT", false, 1, dir);
        List<Path> nautilus = TardisConverter.nautilus(usdm, "BTCUSDT", "2024-07-18", dir);
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            // one feed's sets play one after the other: in time order (the nautilus day is the earlier)
            s.files = List.of(usdm, nautilus.get(0), spot, set.files.get(0));
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            RunSummary summary = new LocalPipeline(s).run();
            System.out.println(summary.render());

            String feed = TardisVenue.FEED;
            assertEquals(set.topRows.size(), summary.feedCount(feed, "CHECKSUMS"), summary::toJson);
            assertEquals(0, summary.feedCount(feed, "CHECKSUM_FAILURES"), summary::toJson);
            assertEquals(0, summary.feedCount(feed, "GAPS"), summary::toJson);
            assertEquals(0, summary.feedCount(feed, "DEAD_LETTER"), summary::toJson);
            assertEquals(set.tradeRows, summary.feedCount(feed, "TRADE"), summary::toJson);
            assertEquals(summary.feedCount("binance-spot", "TRADE"), summary.feedCount(feed, "TRADE"), summary::toJson);

            assertSameBookTops(db, "binance-spot", "BTC-USDT");
            assertSameBookTops(db, "binance-usdm", "BTC-USDT-PERP");
        }
    }

    /** sample time → the row's prices and sizes, numbers in shortest form. */
    static Map<String, String> bookTops(TestDatabase db, String feed, String symbol) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (String row : db.rows("SELECT sample_time, best_bid, best_bid_size, best_ask, best_ask_size, bid_prices, bid_sizes,"
                + " ask_prices, ask_sizes FROM book_top WHERE feed = '" + feed + "' AND symbol = '" + symbol
                + "' ORDER BY sample_time")) {
            int bar = row.indexOf(" | ");
            m.put(row.substring(0, bar), shortest(row.substring(bar + 3)));
        }
        return m;
    }

    static String shortest(String s) {
        Matcher m = NUMBER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            BigDecimal d = new BigDecimal(m.group());
            m.appendReplacement(sb, d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static void assertSameBookTops(TestDatabase db, String originalFeed, String symbol) throws Exception {
        Map<String, String> want = bookTops(db, originalFeed, symbol);
        Map<String, String> got = bookTops(db, TardisVenue.FEED, symbol);
        List<String> differ = new ArrayList<>();
        int common = 0;
        for (var e : got.entrySet()) {
            String w = want.get(e.getKey());
            if (w == null) {
                continue;
            }
            common++;
            if (!w.equals(e.getValue())) {
                differ.add(e.getKey() + ": tardis " + e.getValue() + " / " + originalFeed + " " + w);
            }
        }
        System.out.printf("%s: %,d book_top seconds of %s, %,d of tardis, %,d in both, %,d differ%n", symbol, want.size(),
                originalFeed, got.size(), common, differ.size());
        assertEquals(List.of(), differ.subList(0, Math.min(3, differ.size())), differ.size() + " differ");
        assertTrue(want.size() > 100 && common >= want.size() - 1 && common >= got.size() - 1,
                want.size() + " / " + got.size() + " / " + common);
    }
}
