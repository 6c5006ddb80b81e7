package io.rrralgorithms.jobs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's Flink- and database-free parts: downsampling, statistics, the SVG's countable points. */
class ReportCoreTest {

    @Test
    void shortSeriesAreDrawnWhole() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Downsample.minMax(new double[5]));
        assertArrayEquals(new int[] {0, 1, 2}, Downsample.stride(3));
        assertEquals(Downsample.MAX_POINTS, Downsample.minMax(new double[Downsample.MAX_POINTS]).length);
    }

    @Test
    void longLinesKeepEveryBucketsMinimumAndMaximumInOrder() {
        Random r = new Random(7);
        for (int n : new int[] {Downsample.MAX_POINTS + 1, 2 * Downsample.MAX_POINTS + 3, 86_400}) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(5); // many ties, and constant stretches
            }
            int[] idx = Downsample.minMax(y);
            assertEquals(Downsample.MAX_POINTS, idx.length, "points of " + n);
            assertEquals(Downsample.points(n), idx.length);
            for (int k = 1; k < idx.length; k++) {
                assertTrue(idx[k] > idx[k - 1], "rows in order, each once");
            }
            // the global extremes survive
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i : idx) {
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            assertEquals(0, min);
            assertEquals(4, max);
        }
        double[] flat = new double[10_000];
        assertEquals(Downsample.MAX_POINTS, Downsample.minMax(flat).length, "a constant series too");
        int[] spike = Downsample.minMax(withSpike(10_000, 6_789));
        assertTrue(Arrays.stream(spike).anyMatch(i -> i == 6_789), "a one-row spike is kept");
        assertEquals(Downsample.MAX_POINTS, Downsample.stride(5_000).length);
    }

    private static double[] withSpike(int n, int at) {
        double[] y = new double[n];
        y[at] = 100;
        return y;
    }

    @Test
    void statisticsOfAnEquityCurve() {
        // equity 0 before; then 1, 3, 2, 5, 4: returns 2, -1, 3, -1 over the sampled seconds
        List<BigDecimal> eq = dec("1", "3", "2", "5", "4");
        TradingStatistics s = TradingStatistics.of(BigDecimal.ZERO, BigDecimal.ZERO, eq, new BigDecimal("0.5"),
                dec("2", "-1", "0", "3"), new BigDecimal("1000"), 7);
        assertEquals(new BigDecimal("4"), s.netPnl());
        assertEquals(new BigDecimal("0.5"), s.fees());
        assertEquals(new BigDecimal("1"), s.maxDrawdown()); // 3 → 2 and 5 → 4
        double mean = (2 - 1 + 3 - 1) / 4.0;
        double sd = Math.sqrt(((2 - mean) * (2 - mean) + 2 * (-1 - mean) * (-1 - mean) + (3 - mean) * (3 - mean)) / 3);
        assertEquals(mean / sd, s.sharpe(), 1e-12);
        assertEquals(mean / Math.sqrt(2.0 / 4), s.sortino(), 1e-12);
        assertEquals(4, s.closingFills());
        assertEquals(2, s.wins());
        assertEquals(0.5, s.winRate(), 0);
        assertEquals(5.0, s.profitFactor(), 1e-12); // (2 + 3) / |-1|
        assertEquals(new BigDecimal("4"), s.realized());
        assertEquals(5, s.samples());

        // a range starting after a peak: the drawdown counts from the equity before it
        TradingStatistics later = TradingStatistics.of(new BigDecimal("10"), new BigDecimal("2"), dec("8", "9"),
                new BigDecimal("3"), List.of(), BigDecimal.ZERO, 0);
        assertEquals(new BigDecimal("-1"), later.netPnl());
        assertEquals(new BigDecimal("1"), later.fees());
        assertEquals(new BigDecimal("2"), later.maxDrawdown());
        assertTrue(Double.isNaN(later.sharpe()) && Double.isNaN(later.winRate()) && Double.isNaN(later.profitFactor()),
                "undefined with one return and no closing fill");
    }

    private static List<BigDecimal> dec(String... v) {
        List<BigDecimal> out = new ArrayList<>();
        for (String s : v) {
            out.add(new BigDecimal(s));
        }
        return out;
    }

    @Test
    void everyPointIsCountableInTheSvg() {
        int n = 5_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1_700_000_000_000L + 1000L * i;
            y[i] = Math.sin(i / 50.0);
        }
        String svg = SvgChart.overTime("t <&>").line("sin", "#000", x, y)
                .markers("buy", "#0f0", SvgChart.Shape.UP, new double[] {x[3], x[9]}, new double[] {0, 1})
                .events("gaps", "#f00", new double[] {x[100]}).bars("v", "#00f", x, y, 1000).render();
        assertTrue(svg.contains("t &lt;&amp;&gt;"), "the title is escaped");
        Matcher m = Pattern.compile("data-series=\"sin\" data-kind=\"line\" data-rows=\"5000\" data-points=\"2000\">"
                + "<polyline[^>]*points=\"([^\"]*)\"").matcher(svg);
        assertTrue(m.find(), svg.substring(0, 2000));
        assertEquals(2000, m.group(1).split(" ").length);
        assertTrue(svg.contains("data-series=\"buy\" data-kind=\"markers\" data-rows=\"2\" data-points=\"2\">"));
        assertEquals(2 + 1 + 2000, svg.split("class=\"pt\"", -1).length - 1, "markers, events and bars");
        assertFalse(svg.contains(">no data in the range<"));
        assertTrue(SvgChart.overTime("empty").line("x", "#000", new double[0], new double[0]).render()
                .contains(">no data in the range<"));
    }

    @Test
    void aTimeAxisCutsOutWeeksWithoutData() {
        long july = 1_721_347_000_000L;
        long august = july + 21L * 86_400_000L;
        double[] t = new double[1200];
        for (int i = 0; i < 600; i++) {
            t[i] = july + 1000L * i;
            t[600 + i] = august + 1000L * i;
        }
        SvgChart.XScale x = SvgChart.XScale.cut(t[0], t[t.length - 1], t);
        assertEquals(2, x.segLo.length, "one cut");
        assertEquals(t[599], x.segHi[0]);
        assertEquals(t[600], x.segLo[1]);
        double prev = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            double px = x.at(v);
            assertTrue(px > prev, "in order");
            prev = px;
        }
        // each ten minutes gets about half of the width, not a 1/3000 sliver
        assertTrue(x.at(t[599]) - x.at(t[0]) > 0.45 * (SvgChart.WIDTH - 100), "width of the first stretch");
        // an even series is not cut
        double[] even = new double[3600];
        for (int i = 0; i < even.length; i++) {
            even[i] = july + 1000L * i;
        }
        assertEquals(1, SvgChart.XScale.cut(even[0], even[even.length - 1], even).segLo.length);
        String svg = SvgChart.overTime("two days").line("y", "#000", t, new double[t.length]).render();
        assertTrue(svg.contains("<rect class=\"cut\"") && svg.contains("no data for 21.0 days"), "the cut is drawn");
    }
}
