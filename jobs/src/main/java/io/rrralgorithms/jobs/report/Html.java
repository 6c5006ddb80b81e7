package io.rrralgorithms.jobs.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** HTML text helpers of the report: escaping, tables, numbers. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A table: a header row and rows of cells (already HTML; numbers are right-aligned by the style). */
    public static String table(String cssClass, List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table class=\"").append(cssClass).append("\"><thead><tr>");
        header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            b.append("<tr>");
            r.forEach(c -> b.append("<td>").append(c).append("</td>"));
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** Money: 4 decimals, half-even, as paper-report prints it. */
    public static String money(BigDecimal v) {
        return v == null ? "–" : v.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String plain(BigDecimal v) {
        return v == null ? "–" : v.stripTrailingZeros().toPlainString();
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A double to 4 significant digits; NaN (undefined) as a dash. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    public static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
