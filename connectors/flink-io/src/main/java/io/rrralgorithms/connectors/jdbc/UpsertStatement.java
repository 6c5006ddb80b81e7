package io.rrralgorithms.connectors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code INSERT INTO table (columns) VALUES (?, ...)} statement: its table (the quarantine
 * row's {@code table_name}) and which parameter fills which column, so a value bound to a column
 * with a character limit ({@code VARCHAR(n)}) is cut to that limit instead of being refused.
 */
public record UpsertStatement(String sql, String table, List<String> columns) {
    private static final Pattern INSERT = Pattern.compile(
            "^\\s*INSERT\\s+INTO\\s+([\\w.\"]+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABLE_ONLY = Pattern.compile("^\\s*INSERT\\s+INTO\\s+([\\w.\"]+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Parses the statement. {@link #columns} has the column of each {@code ?} parameter in order
     * (values that are expressions, like {@code now()}, take no parameter); it stays empty (no
     * limits known) when a value mixes a parameter into an expression.
     */
    public static UpsertStatement parse(String sql) {
        Matcher m = INSERT.matcher(sql);
        if (m.find()) {
            String table = unquote(m.group(1));
            List<String> columns = new ArrayList<>();
            for (String c : m.group(2).split(",")) {
                columns.add(unquote(c.trim()));
            }
            List<String> values = topLevelValues(sql, m.end());
            if (values == null || values.size() != columns.size()) {
                return new UpsertStatement(sql, table, List.of());
            }
            List<String> parameterColumns = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v.equals("?")) {
                    parameterColumns.add(columns.get(i));
                } else if (v.contains("?")) {
                    return new UpsertStatement(sql, table, List.of());
                }
            }
            return new UpsertStatement(sql, table, List.copyOf(parameterColumns));
        }
        Matcher t = TABLE_ONLY.matcher(sql);
        return new UpsertStatement(sql, t.find() ? unquote(t.group(1)) : "unknown", List.of());
    }

    /** The comma-separated values of a VALUES list starting at {@code from}, or null if it does not close. */
    private static List<String> topLevelValues(String sql, int from) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                values.add(sql.substring(start, i).trim());
                start = i + 1;
                if (c == ')') {
                    return values;
                }
            } else if (c == '\'') {
                return null; // literals could hold anything; not worth parsing
            }
        }
        return null;
    }

    /** The character limit of each parameter (1-based; index 0 unused), {@link TextSanitizer#UNLIMITED} where none. */
    public int[] parameterLimits(Connection connection) throws SQLException {
        int[] limits = new int[columns.size() + 1];
        Arrays.fill(limits, TextSanitizer.UNLIMITED);
        if (columns.isEmpty()) {
            return limits;
        }
        String schemaTable = table;
        String schema = null;
        int dot = table.lastIndexOf('.');
        if (dot >= 0) {
            schema = table.substring(0, dot);
            schemaTable = table.substring(dot + 1);
        }
        Map<String, Integer> byColumn = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement("""
                SELECT column_name, character_maximum_length FROM information_schema.columns
                WHERE table_name = ? AND table_schema = COALESCE(?, current_schema())
                    AND character_maximum_length IS NOT NULL""")) {
            q.setString(1, schemaTable);
            q.setString(2, schema);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byColumn.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            limits[i + 1] = byColumn.getOrDefault(columns.get(i), TextSanitizer.UNLIMITED);
        }
        return limits;
    }

    /** Unquoted identifiers fold to lower case in PostgreSQL, quoted ones keep their case. */
    private static String unquote(String identifier) {
        if (identifier.contains("\"")) {
            return identifier.replace("\"", "");
        }
        return identifier.toLowerCase(Locale.ROOT);
    }
}
