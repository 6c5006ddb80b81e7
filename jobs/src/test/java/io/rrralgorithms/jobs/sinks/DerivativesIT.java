package io.rrralgorithms.jobs.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSummary;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bitget's perpetual tickers through the whole job (embedded Kafka, Flink, PostgreSQL): every
 * ticker entry of {@code BITGET.ws.2.0} is one {@code derivatives} row whose values equal the
 * entry's own strings, read here with Jackson and BigDecimal; the same events upserted again
 * change no row (the {@code IS DISTINCT FROM} guard).
 */
class DerivativesIT {
    private static final String ROWS = "SELECT native_symbol, symbol, (extract(epoch FROM event_time) * 1000)::bigint, "
            + "mark_price, index_price, funding_rate, (extract(epoch FROM next_funding_time) * 1000)::bigint, "
            + "open_interest FROM derivatives";

    @Test
    void perpetualTickersLandAsExactDerivativesRows() throws Exception {
        Path capture = SharedData.market("cryptofeed/BITGET.ws.2.0");
        try (TestDatabase db = new TestDatabase()) {
            RunSummary summary = new LocalPipeline(db.quietRun(List.of(capture))).run();

            List<String> expected = fromRawLines(capture);
            assertEquals(217, expected.size(), "perpetual ticker entries");
            assertEquals(expected.size(), summary.eventsByType().get("DERIVATIVES").longValue());
            assertEquals(expected.size(), summary.rowsByTable().get("derivatives").longValue());
            List<String> stored = new ArrayList<>();
            for (String row : db.rows(ROWS)) {
                stored.add(normalized(row));
            }
            assertEquals(expected.stream().sorted().toList(), stored.stream().sorted().toList());
            assertTrue(db.rows("SELECT DISTINCT tableoid::regclass FROM derivatives").equals(List.of("derivatives_20220407")),
                    "the day partition of 2022-04-07");

            // the job's events upserted again: not one row rewritten
            List<String> xmins = db.rows("SELECT xmin FROM derivatives ORDER BY receive_time_ns, native_symbol");
            int updated = 0;
            int events = 0;
            try (Connection c = db.target.connect();
                    PreparedStatement ps = c.prepareStatement(PostgresMarketDataSinks.DERIVATIVES_SQL);
                    CaptureReader r = CaptureFiles.open(capture, null)) {
                while (r.hasNext()) {
                    List<MarketEvent> evs = new ArrayList<>();
                    Venues.forFeed("bitget").decoder().decode(r.next(), evs::add);
                    for (MarketEvent ev : evs) {
                        if (ev.type == EventType.DERIVATIVES) {
                            PostgresMarketDataSinks.bindDerivatives(ps, ev);
                            updated += ps.executeUpdate();
                            events++;
                        }
                    }
                }
            }
            assertEquals(expected.size(), events);
            assertEquals(0, updated, "rows rewritten by the same values");
            assertEquals(xmins, db.rows("SELECT xmin FROM derivatives ORDER BY receive_time_ns, native_symbol"));
        }
    }

    /** Each mix ticker entry as its row should read: numbers as exact decimals without trailing zeros. */
    private static List<String> fromRawLines(Path capture) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
            int brace = line.indexOf(": {");
            if (!Character.isDigit(line.charAt(0)) || brace < 0) {
                continue; // connection and subscription lines
            }
            JsonNode j = json.readTree(line.substring(brace + 2));
            if (!j.path("arg").path("channel").asText().equals("ticker") || !j.has("data")) {
                continue;
            }
            for (JsonNode t : j.get("data")) {
                String instId = t.get("instId").asText();
                out.add(String.join(" | ", instId + "_UMCBL", instId.replace("USDT", "-USDT-PERP"),
                        t.get("systemTime").asText(), exact(t.get("markPrice").asText()),
                        exact(t.get("indexPrice").asText()), exact(t.get("capitalRate").asText()),
                        t.get("nextSettleTime").asText(), exact(t.get("holding").asText())));
            }
        }
        return out;
    }

    private static String normalized(String row) {
        String[] f = row.split(" \\| ");
        for (int i : new int[] {3, 4, 5, 7}) {
            f[i] = exact(f[i]);
        }
        return String.join(" | ", f);
    }

    private static String exact(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }
}
