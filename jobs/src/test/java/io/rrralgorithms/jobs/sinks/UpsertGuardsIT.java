package io.rrralgorithms.jobs.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a backfill may replace, statement by statement on the real server: a feature row of an
 * invalid book never replaces one of a valid book, a bar of fewer trades (a backfill that started
 * inside the minute) never replaces a fuller one, and an identical row is not written at all.
 */
class UpsertGuardsIT {
    private static final long T = 1_723_161_600_000L;

    @Test
    void aFeatureRowOfAnInvalidBookNeverReplacesOneOfAValidBook() throws SQLException {
        try (TestDatabase db = new TestDatabase(); Connection c = db.target.connect()) {
            db.rows("SELECT rrr_day_partition('features', '2024-08-09')"); // what the sink does before a new day
            assertEquals(1, write(c, PostgresMarketDataSinks.FEATURES_SQL, feature(true, "61000.5")));
            assertEquals(0, write(c, PostgresMarketDataSinks.FEATURES_SQL, feature(true, "61000.5")), "identical");
            assertEquals(0, write(c, PostgresMarketDataSinks.FEATURES_SQL, feature(false, null)), "degraded");
            assertEquals(List.of("t | 61000.50000000000000000000"), db.rows("SELECT book_valid, mid FROM features"));
            assertEquals(1, write(c, PostgresMarketDataSinks.FEATURES_SQL, feature(true, "61001")), "changed");
            assertEquals(List.of("t | 61001.00000000000000000000"), db.rows("SELECT book_valid, mid FROM features"));

            db.rows("DELETE FROM features RETURNING 1");
            assertEquals(1, write(c, PostgresMarketDataSinks.FEATURES_SQL, feature(false, null)));
            assertEquals(1, write(c, PostgresMarketDataSinks.FEATURES_SQL, feature(true, "61000.5")), "repaired");
            assertEquals(List.of("t | 61000.50000000000000000000"), db.rows("SELECT book_valid, mid FROM features"));
        }
    }

    @Test
    void aBarOfFewerTradesNeverReplacesAFullerOne() throws SQLException {
        try (TestDatabase db = new TestDatabase(); Connection c = db.target.connect()) {
            assertEquals(1, write(c, PostgresMarketDataSinks.TRADE_BARS_SQL, bar(1824)));
            assertEquals(0, write(c, PostgresMarketDataSinks.TRADE_BARS_SQL, bar(1824)), "identical");
            assertEquals(0, write(c, PostgresMarketDataSinks.TRADE_BARS_SQL, bar(1805)), "partial");
            assertEquals(List.of("1824"), db.rows("SELECT trade_count FROM trade_bars_1m"));
            assertEquals(1, write(c, PostgresMarketDataSinks.TRADE_BARS_SQL, bar(1830)), "fuller");
            assertEquals(List.of("1830"), db.rows("SELECT trade_count FROM trade_bars_1m"));
        }
    }


    @Test
    void rowsOfAnInstrumentAtItsOwnScaleAreStoredExactly() throws SQLException {
        try (TestDatabase db = new TestDatabase(); Connection c = db.target.connect()) {
            db.rows("SELECT rrr_day_partition('book_top', '2024-08-09')");
            BookTop t = new BookTop();
            t.feed = "kucoin";
            t.nativeSymbol = "CAPP-BTC";
            t.symbol = "CAPP-BTC";
            t.sampleTimeMs = T;
            t.lastUpdateId = 7;
            t.synced = true;
            t.priceScale = 10; // CAPP-BTC ticks at 1e-10
            t.sizeScale = 15; // a Huobi-like 15-decimal size
            t.bidPrices = new long[] {5_201L, 5_200L};
            t.bidSizes = new long[] {575_610_404_535_042L, 1_000_000_000_000_000L};
            t.askPrices = new long[] {5_204L};
            t.askSizes = new long[] {3L};
            try (PreparedStatement ps = c.prepareStatement(PostgresMarketDataSinks.BOOK_TOP_SQL)) {
                PostgresMarketDataSinks.bindBookTop(ps, t);
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(List.of("0.0000005201 | 0.575610404535042 | 0.0000005204 | 0.000000000000003 | "
                    + "{0.0000005201,0.0000005200} | {0.575610404535042,1.000000000000000}"),
                    db.rows("SELECT best_bid, best_bid_size, best_ask, best_ask_size, bid_prices, bid_sizes FROM book_top"));

            TradeBar b = bar(3);
            b.priceScale = 10;
            b.sizeScale = 9;
            b.open = b.close = b.low = 5_200L;
            b.high = 5_201L;
            b.volume = 100_000_000_001L; // 100.000000001
            b.buyVolume = 100_000_000_000L;
            b.sellVolume = 1L;
            b.notional = new BigDecimal("0.0000520000005201");
            assertEquals(1, write(c, PostgresMarketDataSinks.TRADE_BARS_SQL, b));
            assertEquals(List.of("100.000000001 | 0.000000001 | 0.0000520000005201 | 0.0000005200 | 0.0000005201"),
                    db.rows("SELECT volume, sell_volume, notional, open, high FROM trade_bars_1m"));
        }
    }

    private static int write(Connection c, String sql, Object row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (row instanceof FeatureRow f) {
                PostgresMarketDataSinks.bindFeatures(ps, f);
            } else {
                PostgresMarketDataSinks.bindTradeBar(ps, (TradeBar) row);
            }
            return ps.executeUpdate();
        }
    }

    private static FeatureRow feature(boolean valid, String mid) {
        FeatureRow r = new FeatureRow();
        r.feed = "binance-spot";
        r.nativeSymbol = "BTCUSDT";
        r.symbol = "BTC-USDT";
        r.timeMs = T;
        r.bookValid = valid;
        r.mid = mid == null ? null : new BigDecimal(mid);
        r.spread = mid == null ? null : new BigDecimal("0.01");
        return r;
    }

    private static TradeBar bar(long trades) {
        TradeBar b = new TradeBar();
        b.feed = "binance-spot";
        b.nativeSymbol = "BTCUSDT";
        b.symbol = "BTC-USDT";
        b.windowStartMs = T;
        b.tradeCount = trades;
        b.volume = trades * 100_000L;
        b.buyVolume = b.volume;
        b.notional = BigDecimal.valueOf(trades * 61_000L);
        b.firstTradeId = 1;
        b.lastTradeId = trades;
        b.open = b.close = b.high = b.low = 6_100_000_000_000L;
        return b;
    }
}
