package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Paper-trading results from PostgreSQL ({@code orders}, {@code fills}, {@code pnl},
 * {@code risk_events}), per account: orders, fills, volume, PnL, fees, equity, max drawdown,
 * rejected orders by rule, risk state changes and the final risk state. The tables are keyed by
 * event time (a replay rewrites the same rows), so a run is selected by its event-time range.
 */
@Command(name = "paper-report", mixinStandardHelpOptions = true,
        description = "Print paper-trading results per account from the orders, fills, pnl and risk_events tables.")
public class PaperReportCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Option(names = "--account", split = ",", description = "accounts to report (unset: all)")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--from", description = "event-time start, inclusive: ISO instant or epoch ms (unset: all)")
    String from;

    @Option(names = "--to", description = "event-time end, exclusive: ISO instant or epoch ms (unset: all)")
    String to;

    @Option(names = "--capital", description = "account capital in quote currency (the run's --capital): equity, "
            + "return and max drawdown are also stated in %% of it (unset: absolute only)")
    BigDecimal capital;

    @Override
    public Integer call() throws Exception {
        if (capital != null && capital.signum() <= 0) {
            throw UserError.usage("--capital must be positive, got " + capital.toPlainString());
        }
        postgres.validate();
        try (LocalDatabase db = postgres.local()) {
            PostgresTarget target = postgres.target(db);
            if (db.isEmbedded()) {
                LocalPipeline.prepareDatabase(target); // a fresh embedded database has no tables yet
            }
            System.out.print(report(target, accounts, parseTime(from), parseTime(to), capital));
        }
        return 0;
    }

    /** {@code x} in % of {@code capital}. */
    static double pct(BigDecimal x, BigDecimal capital) {
        return x.multiply(BigDecimal.valueOf(100)).divide(capital, MathContext.DECIMAL64).doubleValue();
    }

    static Long parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.chars().allMatch(Character::isDigit) ? Long.parseLong(s) : Instant.parse(s).toEpochMilli();
    }

    /** The report as text; {@code fromMs}/{@code toMs} may be null. */
    public static String report(PostgresTarget target, List<String> accounts, Long fromMs, Long toMs)
            throws SQLException {
        return report(target, accounts, fromMs, toMs, null);
    }

    /** The report; with {@code capital} (quote currency, or null) equity, return and drawdown in % of it too. */
    public static String report(PostgresTarget target, List<String> accounts, Long fromMs, Long toMs,
            BigDecimal capital) throws SQLException {
        Timestamp lo = new Timestamp(fromMs == null ? 0L : fromMs);
        Timestamp hi = new Timestamp(toMs == null ? 253_402_214_400_000L /* 9999-12-31 */ : toMs);
        StringBuilder b = new StringBuilder();
        try (Connection c = target.connect()) {
            List<String> ids = accounts == null || accounts.isEmpty() ? accounts(c) : accounts;
            b.append("=== paper trading report ===\n");
            b.append(String.format("database        %s%n", PostgresTarget.maskUrl(target.jdbcUrl())));
            b.append(String.format("event time      %s .. %s%n", fromMs == null ? "start" : Instant.ofEpochMilli(fromMs),
                    toMs == null ? "end" : Instant.ofEpochMilli(toMs)));
            if (ids.isEmpty()) {
                b.append("no paper-trading rows\n");
            }
            for (String a : ids) {
                account(c, a, lo, hi, capital, b);
            }
        }
        return b.toString();
    }

    private static List<String> accounts(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM pnl UNION SELECT account_id FROM orders "
                + "UNION SELECT account_id FROM risk_events ORDER BY 1"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void account(Connection c, String a, Timestamp lo, Timestamp hi, BigDecimal capital,
            StringBuilder b)
            throws SQLException {
        b.append(String.format("%n--- account %s ---%n", a));
        // orders
        Map<String, Long> byStatus = new LinkedHashMap<>();
        long orders = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM orders WHERE account_id = ? "
                + "AND created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 1")) {
            bind(ps, a, lo, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                    orders += rs.getLong(2);
                }
            }
        }
        b.append(String.format("orders          %,d  %s%n", orders, byStatus));
        // fills
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(sum(quantity), 0), "
                + "coalesce(sum(notional), 0), coalesce(sum(fee), 0), count(*) FILTER (WHERE taker), "
                + "count(*) FILTER (WHERE side = 'BUY'), count(*) FILTER (WHERE side = 'SELL') FROM fills "
                + "WHERE account_id = ? AND fill_time >= ? AND fill_time < ?")) {
            bind(ps, a, lo, hi);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                b.append(String.format("fills (trades)  %,d  (buy %,d, sell %,d; taker %,d, maker %,d)%n", rs.getLong(1),
                        rs.getLong(6), rs.getLong(7), rs.getLong(5), rs.getLong(1) - rs.getLong(5)));
                b.append(String.format("volume          %s base, %s quote notional%n", plain(rs.getBigDecimal(2)),
                        money(rs.getBigDecimal(3))));
                b.append(String.format("fees (fills)    %s%n", money(rs.getBigDecimal(4))));
            }
        }
        // PnL: last snapshot in range, max drawdown (peak-to-trough of equity over the range)
        BigDecimal peak = null;
        BigDecimal maxDd = BigDecimal.ZERO;
        BigDecimal maxWindowDd = BigDecimal.ZERO;
        String last = null;
        BigDecimal lastEquity = null;
        long snapshots = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_time, realized_pnl, unrealized_pnl, fees, equity, "
                + "cash, mark_value, risk_state, drawdown FROM pnl WHERE account_id = ? AND snapshot_time >= ? "
                + "AND snapshot_time < ? ORDER BY snapshot_time")) {
            bind(ps, a, lo, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    snapshots++;
                    BigDecimal eq = rs.getBigDecimal(5);
                    lastEquity = eq;
                    peak = peak == null || eq.compareTo(peak) > 0 ? eq : peak;
                    maxDd = maxDd.max(peak.subtract(eq));
                    maxWindowDd = maxWindowDd.max(rs.getBigDecimal(9));
                    last = String.format("realized PnL    %s%nunrealized PnL  %s%nfees            %s%n"
                            + "equity          %s  (= realized + unrealized - fees = cash %s + mark value %s)%n"
                            + "final state     %s  (snapshot %s)%n",
                            money(rs.getBigDecimal(2)), money(rs.getBigDecimal(3)), money(rs.getBigDecimal(4)),
                            money(eq), money(rs.getBigDecimal(6)), money(rs.getBigDecimal(7)), rs.getString(8),
                            rs.getTimestamp(1).toInstant());
                }
            }
        }
        b.append(last != null ? last : "no PnL snapshots\n");
        b.append(String.format("max drawdown    %s peak-to-trough over %,d 1 s snapshots (max rolling-window "
                + "drawdown %s)%n", money(maxDd), snapshots, money(maxWindowDd)));
        if (capital != null) {
            BigDecimal finalPnl = lastEquity == null ? BigDecimal.ZERO : lastEquity;
            b.append(String.format(Locale.ROOT, "on capital      %s: equity %s, return %+.4f %%, max drawdown %.4f %% "
                    + "(rolling window %.4f %%)%n", money(capital), money(capital.add(finalPnl)), pct(finalPnl, capital),
                    pct(maxDd, capital), pct(maxWindowDd, capital)));
        }
        // rejections by rule
        Map<String, Long> rejected = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(reject_rule, '?'), count(*) FROM orders "
                + "WHERE account_id = ? AND created_at >= ? AND created_at < ? AND status = 'REJECTED' "
                + "GROUP BY 1 ORDER BY 2 DESC, 1")) {
            bind(ps, a, lo, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rejected.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        b.append(String.format("rejected        %,d  by rule %s%n",
                rejected.values().stream().mapToLong(Long::longValue).sum(), rejected));
        // risk events: counts by rule, and the state changes
        Map<String, Long> events = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rule, count(*) FROM risk_events WHERE account_id = ? "
                + "AND event_time >= ? AND event_time < ? GROUP BY 1 ORDER BY 1")) {
            bind(ps, a, lo, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        b.append(String.format("risk events     %s%n", events));
        try (PreparedStatement ps = c.prepareStatement("SELECT event_time, rule, state_before, state_after, detail "
                + "FROM risk_events WHERE account_id = ? AND event_time >= ? AND event_time < ? "
                + "AND state_before IS DISTINCT FROM state_after ORDER BY sequence")) {
            bind(ps, a, lo, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.append(String.format("  state change  %s %s: %s -> %s (%s)%n", rs.getTimestamp(1).toInstant(),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, String account, Timestamp lo, Timestamp hi) throws SQLException {
        ps.setString(1, account);
        ps.setTimestamp(2, lo);
        ps.setTimestamp(3, hi);
    }

    private static String money(BigDecimal v) {
        return v == null ? "-" : v.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
