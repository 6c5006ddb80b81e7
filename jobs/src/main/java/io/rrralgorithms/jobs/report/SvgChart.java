package io.rrralgorithms.jobs.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot as inline SVG, written directly rather than through a charting library: JFreeChart
 * (with JFreeSVG) draws through Java2D, so a point becomes anonymous path segments, and needs AWT
 * and fonts; here every data point is one countable thing (a pair in a {@code polyline}'s
 * {@code points}, or one element of class {@code pt}), the page needs nothing but the browser,
 * and the whole writer is this class.
 *
 * <p>Every series is a {@code <g class="series" data-series=NAME data-kind=KIND data-rows=N
 * data-points=M>}: N the rows it stands for (what SQL counts), M the points drawn ({@link
 * Downsample}). Kinds: {@code line} (one polyline), {@code markers} (buy/sell triangles, circles),
 * {@code bars}, {@code events} (vertical lines across the plot: gaps, dead letters) and
 * {@code scatter}. The x axis is event time (UTC) or, for scatter plots, a number.
 */
public final class SvgChart {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 230;
    private static final int LEFT = 78;
    private static final int RIGHT = 16;
    private static final int TOP = 26;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Marker shapes. */
    public enum Shape { UP, DOWN, CIRCLE }

    private record Series(String name, String kind, String color, double[] x, double[] y, int[] drawn, long rows,
            Shape shape, double barWidth) {}

    private final String title;
    private final boolean timeAxis;
    private final String xLabel;
    private final List<Series> series = new ArrayList<>();
    private List<String> categories;
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;

    private SvgChart(String title, boolean timeAxis, String xLabel) {
        this.title = title;
        this.timeAxis = timeAxis;
        this.xLabel = xLabel;
    }

    /** A plot over event time, x in epoch milliseconds. */
    public static SvgChart overTime(String title) {
        return new SvgChart(title, true, null);
    }

    /** A scatter plot of numbers. */
    public static SvgChart scatterPlot(String title, String xLabel) {
        return new SvgChart(title, false, xLabel);
    }

    /** Names for x = 0, 1, 2, …: the x axis of a bar chart of categories (bars 0.8 wide from x). */
    public SvgChart categories(List<String> names) {
        categories = List.copyOf(names);
        return xRange(-0.1, names.size() - 0.1);
    }

    /** The x range shown (e.g. the report's event-time range), instead of the data's. */
    public SvgChart xRange(double min, double max) {
        if (max > min) {
            xMin = min;
            xMax = max;
        }
        return this;
    }

    public SvgChart line(String name, String color, double[] x, double[] y) {
        series.add(new Series(name, "line", color, x, y, Downsample.minMax(y), y.length, null, 0));
        return this;
    }

    public SvgChart markers(String name, String color, Shape shape, double[] x, double[] y) {
        series.add(new Series(name, "markers", color, x, y, Downsample.stride(y.length), y.length, shape, 0));
        return this;
    }

    /** Bars from 0 to y, {@code width} x units wide starting at x. */
    public SvgChart bars(String name, String color, double[] x, double[] y, double width) {
        series.add(new Series(name, "bars", color, x, y, Downsample.stride(y.length), y.length, null, width));
        return this;
    }

    /** Vertical lines at x across the plot (gaps, dead letters). */
    public SvgChart events(String name, String color, double[] x) {
        series.add(new Series(name, "events", color, x, new double[x.length], Downsample.stride(x.length), x.length,
                null, 0));
        return this;
    }

    public SvgChart scatter(String name, String color, double[] x, double[] y) {
        series.add(new Series(name, "scatter", color, x, y, Downsample.stride(y.length), y.length, null, 0));
        return this;
    }

    /** Points drawn over all series. */
    public long points() {
        return series.stream().mapToLong(s -> s.drawn.length).sum();
    }

    public String render() {
        double x0 = xMin;
        double x1 = xMax;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        boolean zeroBased = false;
        for (Series s : series) {
            for (int i : s.drawn) {
                if (Double.isNaN(xMin)) {
                    x0 = Double.isNaN(x0) ? s.x[i] : Math.min(x0, s.x[i]);
                    x1 = Double.isNaN(x1) ? s.x[i] + s.barWidth : Math.max(x1, s.x[i] + s.barWidth);
                }
                if (!s.kind.equals("events")) {
                    y0 = Math.min(y0, s.y[i]);
                    y1 = Math.max(y1, s.y[i]);
                }
            }
            zeroBased |= s.kind.equals("bars");
        }
        if (zeroBased) {
            y0 = Math.min(0, y0);
            y1 = Math.max(0, y1);
        }
        if (Double.isNaN(x0) || !(x1 > x0)) {
            double c = Double.isNaN(x0) ? 0 : x0;
            x0 = c - (timeAxis ? 1000 : 1);
            x1 = c + (timeAxis ? 1000 : 1);
        }
        if (y0 > y1) {
            y0 = 0;
            y1 = 1;
        } else if (y0 == y1) {
            double pad = y0 == 0 ? 1 : Math.abs(y0) * 1e-3;
            y0 -= pad;
            y1 += pad;
        } else {
            double pad = (y1 - y0) * 0.05;
            y0 = zeroBased && y0 == 0 ? 0 : y0 - pad;
            y1 += pad;
        }
        XScale sx = timeAxis ? XScale.cut(x0, x1, times()) : XScale.linear(x0, x1);
        Scale sy = new Scale(y0, y1, HEIGHT - BOTTOM, TOP);
        StringBuilder b = new StringBuilder(4096);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" data-points=\"").append(points()).append("\"><title>")
                .append(Html.escape(title)).append("</title>");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#fff\"/>");
        b.append("<text x=\"").append(LEFT).append("\" y=\"16\" class=\"ct\">").append(Html.escape(title))
                .append("</text>");
        axes(b, sx, sy);
        for (int k = 0; k + 1 < sx.segLo.length; k++) {
            // a stretch without data cut out of the time axis
            b.append("<rect class=\"cut\" x=\"").append(f(sx.pxHi[k])).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(f(sx.pxLo[k + 1] - sx.pxHi[k])).append("\" height=\"")
                    .append(HEIGHT - TOP - BOTTOM).append("\" fill=\"#ececec\"><title>no data for ")
                    .append(duration(sx.segLo[k + 1] - sx.segHi[k])).append("</title></rect>");
        }
        b.append("<svg x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                .append("\" viewBox=\"").append(LEFT).append(' ').append(TOP).append(' ').append(WIDTH - LEFT - RIGHT)
                .append(' ').append(HEIGHT - TOP - BOTTOM).append("\" overflow=\"hidden\">");
        for (Series s : series) {
            b.append("<g class=\"series\" data-series=\"").append(Html.escape(s.name)).append("\" data-kind=\"")
                    .append(s.kind).append("\" data-rows=\"").append(s.rows).append("\" data-points=\"")
                    .append(s.drawn.length).append("\">");
            switch (s.kind) {
                case "line" -> {
                    b.append("<polyline fill=\"none\" stroke=\"").append(s.color).append("\" stroke-width=\"1.2\" points=\"");
                    for (int k = 0; k < s.drawn.length; k++) {
                        int i = s.drawn[k];
                        b.append(k > 0 ? " " : "").append(f(sx.at(s.x[i]))).append(',').append(f(sy.at(s.y[i])));
                    }
                    b.append("\"/>");
                }
                case "markers" -> {
                    for (int i : s.drawn) {
                        double cx = sx.at(s.x[i]);
                        double cy = sy.at(s.y[i]);
                        if (s.shape == Shape.CIRCLE) {
                            b.append("<circle class=\"pt\" cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy))
                                    .append("\" r=\"3\" fill=\"").append(s.color).append("\"/>");
                        } else {
                            double d = s.shape == Shape.UP ? -1 : 1;
                            b.append("<path class=\"pt\" d=\"M").append(f(cx)).append(',').append(f(cy + 4 * d))
                                    .append("l-4,").append(f(-8 * d)).append("h8z\" fill=\"").append(s.color)
                                    .append("\"/>");
                        }
                    }
                }
                case "bars" -> {
                    for (int i : s.drawn) {
                        double left = sx.at(s.x[i]);
                        double w = Math.max(1, sx.at(s.x[i] + s.barWidth) - left - 1);
                        double top = Math.min(sy.at(s.y[i]), sy.at(0));
                        double h = Math.max(0.5, Math.abs(sy.at(s.y[i]) - sy.at(0)));
                        b.append("<rect class=\"pt\" x=\"").append(f(left)).append("\" y=\"").append(f(top))
                                .append("\" width=\"").append(f(w)).append("\" height=\"").append(f(h))
                                .append("\" fill=\"").append(s.color).append("\"/>");
                    }
                }
                case "events" -> {
                    for (int i : s.drawn) {
                        String x = f(sx.at(s.x[i]));
                        b.append("<line class=\"pt\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
                                .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"")
                                .append(s.color).append("\" stroke-width=\"1\" stroke-dasharray=\"3,2\"/>");
                    }
                }
                default -> {
                    for (int i : s.drawn) {
                        b.append("<circle class=\"pt\" cx=\"").append(f(sx.at(s.x[i]))).append("\" cy=\"")
                                .append(f(sy.at(s.y[i]))).append("\" r=\"1.6\" fill=\"").append(s.color)
                                .append("\" fill-opacity=\"0.45\"/>");
                    }
                }
            }
            b.append("</g>");
        }
        b.append("</svg>");
        legend(b);
        if (points() == 0) {
            b.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" class=\"nd\">no data in the range</text>");
        }
        return b.append("</svg>").toString();
    }

    private void axes(StringBuilder b, XScale sx, Scale sy) {
        b.append("<g class=\"axes\">");
        b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#888\"/>");
        b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#888\"/>");
        for (double v : ticks(sy.lo, sy.hi)) {
            String y = f(sy.at(v));
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#eee\"/>");
            b.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(number(v)).append("</text>");
        }
        boolean days = timeAxis && sx.hi() - sx.lo() > 86_400_000.0;
        List<Double> xTicks = new ArrayList<>();
        if (categories != null) {
            for (int k = 0; k < categories.size(); k++) {
                xTicks.add(k + 0.4);
            }
        } else if (timeAxis) {
            double px = WIDTH - RIGHT - LEFT;
            for (int k = 0; k < sx.segLo.length; k++) {
                int most = (int) Math.max(1, Math.round((days ? 5 : 7) * (sx.pxHi[k] - sx.pxLo[k]) / px));
                xTicks.addAll(timeTicks(sx.segLo[k], sx.segHi[k], most));
            }
        } else {
            xTicks = ticks(sx.lo(), sx.hi());
        }
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < xTicks.size(); k++) {
            double v = xTicks.get(k);
            double at = sx.at(v);
            if (categories == null && at - lastLabel < (days ? 80 : 60)) {
                continue; // labels would overlap (at a cut)
            }
            lastLabel = at;
            String x = f(at);
            b.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(HEIGHT - BOTTOM)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM + 4).append("\" stroke=\"#888\"/>");
            String label = categories != null ? Html.escape(categories.get(k))
                    : timeAxis ? (days ? DAY_HM : HMS).format(Instant.ofEpochMilli((long) v)) : number(v);
            // labels at the edges stay inside the picture
            String anchor = at > WIDTH - RIGHT - 40 ? "end" : at < LEFT + 20 ? "start" : "middle";
            b.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(label).append("</text>");
        }
        if (xLabel != null && categories == null) {
            b.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 2)
                    .append("\" text-anchor=\"end\">").append(Html.escape(xLabel)).append("</text>");
        } else if (timeAxis) {
            b.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 2)
                    .append("\" text-anchor=\"end\">UTC</text>");
        }
        b.append("</g>");
    }

    private void legend(StringBuilder b) {
        double x = WIDTH - RIGHT;
        StringBuilder items = new StringBuilder();
        for (int k = series.size() - 1; k >= 0; k--) {
            Series s = series.get(k);
            String label = s.name + " (" + s.rows + ")";
            x -= 7 * label.length() + 22;
            items.append("<rect x=\"").append(f(x)).append("\" y=\"8\" width=\"10\" height=\"10\" fill=\"")
                    .append(s.color).append("\"/><text x=\"").append(f(x + 14)).append("\" y=\"17\">")
                    .append(Html.escape(label)).append("</text>");
        }
        b.append("<g class=\"legend\">").append(items).append("</g>");
    }

    /** About five round values between lo and hi. */
    static List<Double> ticks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        double range = hi - lo;
        if (!(range > 0) || Double.isInfinite(range)) {
            return out;
        }
        double raw = range / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9 && out.size() < 20; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    /** Steps of a time axis, in seconds: round clock values. */
    private static final long[] TIME_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
        21600, 43200, 86400, 172800, 604800};

    /** About six round clock times between lo and hi (epoch ms). */
    static List<Double> timeTicks(double lo, double hi) {
        return timeTicks(lo, hi, 7);
    }

    /** At most {@code most} round clock times between lo and hi (epoch ms); lo itself when none fits. */
    static List<Double> timeTicks(double lo, double hi, int most) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            return out;
        }
        long step = TIME_STEPS[TIME_STEPS.length - 1] * 1000L;
        for (long s : TIME_STEPS) {
            if ((hi - lo) / (s * 1000.0) <= most) {
                step = s * 1000L;
                break;
            }
        }
        for (double v = Math.ceil(lo / step) * step; v <= hi && out.size() < 20; v += step) {
            out.add(v);
        }
        if (out.isEmpty()) {
            out.add(lo);
        }
        return out;
    }

    private static String duration(double ms) {
        double h = ms / 3_600_000.0;
        return h >= 48 ? String.format(Locale.ROOT, "%.1f days", h / 24)
                : h >= 1 ? String.format(Locale.ROOT, "%.1f h", h) : String.format(Locale.ROOT, "%.0f s", ms / 1000);
    }

    /** Every x a point is drawn at (and a bar's end), sorted. */
    private double[] times() {
        List<Double> all = new ArrayList<>();
        for (Series s : series) {
            for (int i : s.drawn) {
                all.add(s.x[i]);
                if (s.barWidth > 0) {
                    all.add(s.x[i] + s.barWidth);
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * The x axis: linear, or on a time axis cut where there is no data for long (a run of feeds
     * recorded weeks apart): a stretch without points longer than {@link #CUT_MIN_MS} and than
     * {@link #CUT_FRACTION} of the time left uncut is replaced by a {@link #CUT_PX} px grey band,
     * and the rest of the width is shared in proportion to time.
     */
    static final class XScale {
        static final double CUT_MIN_MS = 600_000;
        static final double CUT_FRACTION = 0.2;
        static final double CUT_PX = 14;
        final double[] segLo;
        final double[] segHi;
        final double[] pxLo;
        final double[] pxHi;

        private XScale(double[] segLo, double[] segHi) {
            this.segLo = segLo;
            this.segHi = segHi;
            int n = segLo.length;
            pxLo = new double[n];
            pxHi = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                total += Math.max(segHi[k] - segLo[k], 1);
            }
            double width = WIDTH - RIGHT - LEFT - CUT_PX * (n - 1);
            double x = LEFT;
            for (int k = 0; k < n; k++) {
                pxLo[k] = x;
                x += width * Math.max(segHi[k] - segLo[k], 1) / total;
                pxHi[k] = x;
                x += CUT_PX;
            }
        }

        static XScale linear(double lo, double hi) {
            return new XScale(new double[] {lo}, new double[] {hi});
        }

        static XScale cut(double lo, double hi, double[] sorted) {
            List<double[]> gaps = new ArrayList<>();
            double prev = lo;
            for (double t : sorted) {
                if (t > prev && t <= hi) {
                    gaps.add(new double[] {prev, t});
                }
                prev = Math.max(prev, Math.min(t, hi));
            }
            if (hi > prev) {
                gaps.add(new double[] {prev, hi});
            }
            gaps.sort((a, b) -> Double.compare(b[1] - b[0], a[1] - a[0]));
            double left = hi - lo;
            List<double[]> cuts = new ArrayList<>();
            for (double[] g : gaps) {
                double len = g[1] - g[0];
                // never cut the range's own ends: a cut lies between two points
                if (len > CUT_MIN_MS && len > CUT_FRACTION * (left - len) && g[0] > lo && g[1] < hi) {
                    cuts.add(g);
                    left -= len;
                }
            }
            cuts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] segLo = new double[cuts.size() + 1];
            double[] segHi = new double[cuts.size() + 1];
            segLo[0] = lo;
            for (int k = 0; k < cuts.size(); k++) {
                segHi[k] = cuts.get(k)[0];
                segLo[k + 1] = cuts.get(k)[1];
            }
            segHi[cuts.size()] = hi;
            return new XScale(segLo, segHi);
        }

        double lo() {
            return segLo[0];
        }

        double hi() {
            return segHi[segHi.length - 1];
        }

        double at(double v) {
            int n = segLo.length;
            for (int k = 0; k < n; k++) {
                if (v <= segHi[k] || k == n - 1) {
                    if (k > 0 && v < segLo[k]) { // inside the cut before segment k
                        return pxHi[k - 1] + (v - segHi[k - 1]) / (segLo[k] - segHi[k - 1]) * CUT_PX;
                    }
                    double span = Math.max(segHi[k] - segLo[k], 1);
                    return pxLo[k] + (v - segLo[k]) / span * (pxHi[k] - pxLo[k]);
                }
            }
            return pxHi[n - 1];
        }
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.5f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Scale(double lo, double hi, double from, double to) {
        double at(double v) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }
    }
}
