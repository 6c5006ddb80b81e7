package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.local.RunSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingTaskMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderBookFunction} reports the books that produce no output: instruments that saw book
 * events, loaded a snapshot and synced are accumulators, the never-synced ones a gauge; the run
 * summary turns them into warnings.
 */
class BookSyncTrackingTest {
    /** The operator's metrics, as registered. */
    final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();

    @Test
    void booksWithoutSnapshotAndUnbridgedSnapshotsAreNeverSyncedButAGapLaterIsNot() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(diff("NOSNAP", 11, 12), 1);
            h.processElement(diff("NOSNAP", 13, 14), 2);
            h.processElement(snapshot("SYNCED", 10), 3);
            h.processElement(diff("SYNCED", 11, 12), 4);
            h.processElement(diff("SYNCED", 20, 21), 5); // a gap: invalid now, but it was synced
            h.processElement(snapshot("STALE", 10), 6);
            h.processElement(diff("STALE", 5, 8), 7); // older than the snapshot: never bridges it

            assertEquals(2, neverSyncedGauge().getValue());
            Map<String, Object> acc = accumulators(h.getEnvironment());
            assertEquals(new TreeSet<>(List.of("binance-spot:NOSNAP", "binance-spot:STALE", "binance-spot:SYNCED")),
                    new TreeSet<>((List<?>) acc.get(OrderBookFunction.ACC_BOOKS_SEEN)));
            assertEquals(new TreeSet<>(List.of("binance-spot:STALE", "binance-spot:SYNCED")),
                    new TreeSet<>((List<?>) acc.get(OrderBookFunction.ACC_BOOKS_WITH_SNAPSHOT)));
            assertEquals(List.of("binance-spot:SYNCED"), acc.get(OrderBookFunction.ACC_BOOKS_SYNCED));

            RunSummary summary = RunSummary.fromAccumulators(acc, 1.0);
            assertEquals(List.of("binance-spot:NOSNAP"), summary.booksWithoutSnapshot());
            assertEquals(List.of("binance-spot:STALE"), summary.booksNeverBridged());
            List<String> warnings = summary.warnings();
            assertEquals(3, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("1 book(s) never synced, no snapshot arrived: binance-spot:NOSNAP;"),
                    warnings.get(0));
            assertTrue(warnings.get(1).startsWith("1 book(s) never synced, no diff bridged the snapshot: "
                    + "binance-spot:STALE;"), warnings.get(1));
            assertTrue(warnings.get(2).startsWith("1 book gap(s) (binance-spot 1): "), warnings.get(2));
            assertTrue(summary.toJson().contains("\"books_never_synced\":[\"binance-spot:NOSNAP\","
                    + "\"binance-spot:STALE\"],\"warnings\":[\"1 book(s) never synced"), summary.toJson());
        }
    }

    @Test
    void aBookThatSyncedBeforeARestartStillCountsAsSynced() throws Exception {
        OperatorSubtaskState state;
        try (var h = harness()) {
            h.open();
            h.processElement(snapshot("SYNCED", 10), 1);
            h.processElement(diff("SYNCED", 11, 12), 2);
            h.processElement(diff("SYNCED", 20, 21), 3); // invalid at the checkpoint
            state = h.snapshot(1, 4);
        }
        try (var restored = harness()) {
            restored.initializeState(state);
            restored.open();
            restored.processElement(diff("SYNCED", 22, 23), 5);

            assertEquals(0, neverSyncedGauge().getValue());
            assertEquals(List.of("binance-spot:SYNCED"),
                    accumulators(restored.getEnvironment()).get(OrderBookFunction.ACC_BOOKS_SYNCED));
        }
    }

    @Test
    void aCompleteRunHasNoWarnings() {
        RunSummary summary = RunSummary.fromAccumulators(Map.of(
                OrderBookFunction.ACC_BOOKS_SEEN, List.of("binance-spot:BTCUSDT"),
                OrderBookFunction.ACC_BOOKS_WITH_SNAPSHOT, List.of("binance-spot:BTCUSDT"),
                OrderBookFunction.ACC_BOOKS_SYNCED, List.of("binance-spot:BTCUSDT"),
                "feed.binance-spot.BOOK_DELTA", 1000L, "feed.binance-spot.DEAD_LETTER", 9L), 1.0);

        assertEquals(List.of(), summary.warnings());
        assertEquals(List.of(), summary.booksNeverSynced());
    }

    @Test
    void deadLettersWarnWhenMostOrAPercentOfTheFeedsFrames() {
        RunSummary mostly = RunSummary.fromAccumulators(Map.of("feed.binance-usdm.DEAD_LETTER", 177L,
                "feed.binance-usdm.BBO", 83L), 1.0);
        RunSummary some = RunSummary.fromAccumulators(Map.of("feed.binance-usdm.DEAD_LETTER", 3451L,
                "feed.binance-usdm.BBO", 37000L), 1.0);

        assertEquals(List.of("feed binance-usdm: mostly dead letters, 177 against 83 decoded events, so most of its "
                + "output is missing; check that the files are binance-usdm data (--feed), the dead_letters table "
                + "holds the decode errors"), mostly.warnings());
        assertEquals(1, some.warnings().size());
        assertTrue(some.warnings().get(0).startsWith("feed binance-usdm: 3,451 dead letters (8.5% of its frames)"),
                some.warnings().get(0));
    }

    private KeyedOneInputStreamOperatorTestHarness<String, MarketEvent, BookTop> harness() throws Exception {
        InterceptingTaskMetricGroup task = new InterceptingTaskMetricGroup() {
            @Override
            public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name) {
                return metrics;
            }
        };
        MockEnvironment env = new MockEnvironmentBuilder().setMetricGroup(task).build();
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new OrderBookFunction(5, 100)),
                MarketEvent::instrumentKey, Types.STRING, env);
        h.setup();
        return h;
    }

    @SuppressWarnings("unchecked")
    private Gauge<Integer> neverSyncedGauge() {
        Metric m = metrics.get(OrderBookFunction.METRIC_BOOKS_NEVER_SYNCED);
        assertTrue(m instanceof Gauge, "no gauge " + OrderBookFunction.METRIC_BOOKS_NEVER_SYNCED);
        return (Gauge<Integer>) m;
    }

    private static Map<String, Object> accumulators(MockEnvironment env) {
        Map<String, Object> out = new HashMap<>();
        env.getAccumulatorRegistry().getUserMap().forEach((k, v) -> out.put(k, v.getLocalValue()));
        return out;
    }

    private static MarketEvent diff(String symbol, long first, long last) {
        MarketEvent e = event(EventType.BOOK_DELTA, symbol);
        e.firstUpdateId = first;
        e.lastUpdateId = last;
        e.bidPrices = new long[] {Decimals.parse("99")};
        e.bidSizes = new long[] {Decimals.parse("1")};
        e.askPrices = new long[0];
        e.askSizes = new long[0];
        return e;
    }

    private static MarketEvent snapshot(String symbol, long id) {
        MarketEvent e = event(EventType.BOOK_SNAPSHOT, symbol);
        e.lastUpdateId = id;
        e.bidPrices = new long[] {Decimals.parse("100")};
        e.bidSizes = new long[] {Decimals.parse("1")};
        e.askPrices = new long[] {Decimals.parse("101")};
        e.askSizes = new long[] {Decimals.parse("1")};
        return e;
    }

    private static MarketEvent event(EventType type, String symbol) {
        MarketEvent e = new MarketEvent();
        e.type = type;
        e.feed = "binance-spot";
        e.nativeSymbol = symbol;
        e.symbol = symbol;
        return e;
    }
}
