package io.rrralgorithms.jobs.bars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSummary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The BitMEX capture through the whole job (its instrument frames published into Kafka with the
 * frames, decoded, kept in the trade-dedup keyed state, stamped on the trades): the
 * {@code trade_bars_1m} rows' notional per instrument is the venue's own notional of its trades
 * (USD of XBTUSD's inverse contracts, BTC of the quantos), with its currency, and the features'
 * {@code notional_1s} add up to the same; {@link ContractNotionalReplayTest} checks the same oracle
 * in-process.
 */
class ContractNotionalIT {

    @Test
    void barsInPostgresHoldTheContractNotional() throws Exception {
        Path capture = SharedData.market("cryptofeed/BITMEX.ws.1.0");
        Map<String, BigDecimal> expected = ContractNotionalReplayTest.bitmexVenueNotionals(capture);
        Map<String, Boolean> inverse = ContractNotionalReplayTest.bitmexInverse();
        assertFalse(expected.isEmpty());
        try (TestDatabase db = new TestDatabase()) {
            RunSummary summary = new LocalPipeline(db.quietRun(List.of(capture))).run();
            assertEquals(0, summary.feedCount("bitmex", "NO_CONTRACT_TERMS"), summary::toJson);

            Map<String, BigDecimal> stored = new TreeMap<>();
            Map<String, String> currency = new TreeMap<>();
            for (String row : db.rows("SELECT native_symbol, sum(notional), min(notional_currency), max(notional_currency) "
                    + "FROM trade_bars_1m WHERE feed = 'bitmex' GROUP BY native_symbol")) {
                String[] f = row.split(" \\| ");
                stored.put(f[0], new BigDecimal(f[1]));
                assertEquals(f[2], f[3], f[0] + ": one currency");
                currency.put(f[0], f[2]);
            }
            assertEquals(expected.keySet(), stored.keySet());
            expected.forEach((sym, v) -> {
                assertEquals(0, v.compareTo(stored.get(sym)), sym + ": stored " + stored.get(sym) + ", venue " + v);
                assertEquals(inverse.get(sym) ? "USD" : "BTC", currency.get(sym), sym);
            });

            // the features' per-second notionals add up to the same amounts
            for (String row : db.rows("SELECT native_symbol, sum(notional_1s), min(notional_currency) FROM features "
                    + "WHERE feed = 'bitmex' AND trade_count_1s > 0 GROUP BY native_symbol")) {
                String[] f = row.split(" \\| ");
                BigDecimal v = expected.get(f[0]);
                assertEquals(v.doubleValue(), Double.parseDouble(f[1]), 1e-9 * v.doubleValue(), f[0]);
                assertEquals(currency.get(f[0]), f[2], f[0]);
            }
        }
    }
}
