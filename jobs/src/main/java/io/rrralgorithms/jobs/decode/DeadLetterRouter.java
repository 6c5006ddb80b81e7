package io.rrralgorithms.jobs.decode;

import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.util.RateLimitedLog;
import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes frames the source could not decode to the dead-letter side output (logged, counted in
 * the {@code deadLetters} metric) and passes decoded events on, counting them per type for the
 * run summary.
 */
public class DeadLetterRouter extends ProcessFunction<MarketEvent, MarketEvent> implements CheckpointedFunction {
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
    public static final String ACC_DEAD_LETTERS = "deadLetters";
    public static final String ACC_PREFIX_EVENTS = "events.";
    public static final String ACC_INSTRUMENTS = "instruments";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouter.class);

    private transient Counter deadLetters;
    private transient LongCounter deadLettersAcc;
    private transient LongCounter[] perType;
    private transient ListAccumulator<String> instruments;
    private transient Set<String> seen;
    private transient FeedCounters perFeed;
    private transient RateLimitedLog log;
    /** Per feed: wall clock minus exchange time of its last timed event, in ms (the gauge feed.<feed>.eventTimeLagMs). */
    private transient Map<String, long[]> eventTimeLag;

    /** The accumulators in operator state: the summary counts each input once across restores. */
    private transient DurableAccumulators durable;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        durable = DurableAccumulators.restore(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        DurableAccumulators.orNone(durable).snapshot();
    }

    @Override
    public void open(OpenContext ctx) {
        durable = DurableAccumulators.orNone(durable).open(getRuntimeContext());
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
        deadLettersAcc = durable.counter(ACC_DEAD_LETTERS);
        instruments = durable.list(ACC_INSTRUMENTS);
        seen = new HashSet<>();
        log = new RateLimitedLog(LOG, 1_000L);
        perFeed = new FeedCounters(durable, getRuntimeContext().getMetricGroup(), "DEAD_LETTER", "TRADE", "BOOK_DELTA", "BOOK_SNAPSHOT", "BBO");
        eventTimeLag = new HashMap<>();
        perType = new LongCounter[EventType.values().length];
        for (EventType t : EventType.values()) {
            perType[t.ordinal()] = durable.counter(ACC_PREFIX_EVENTS + t.name());
        }
    }

    @Override
    public void processElement(MarketEvent ev, Context ctx, Collector<MarketEvent> out) {
        if (ev.type == EventType.DECODE_ERROR) {
            deadLetters.inc();
            deadLettersAcc.add(1);
            perFeed.add(ev.feed, "DEAD_LETTER", 1);
            DeadLetter d = DeadLetter.of(ev.feed, ev.nativeSymbol, ev.receiveTimeNs, ev.error, ev.payload);
            log.warn("dead letter from {} (key {}): {}", ev.feed, printable(ev.nativeSymbol), printable(ev.error));
            ctx.output(DEAD_LETTERS, d);
            return;
        }
        perType[ev.type.ordinal()].add(1);
        perFeed.add(ev.feed, ev.type.name(), 1);
        if (ev.exchangeTimeMs > 0 && ev.feed != null) {
            long[] lag = eventTimeLag.get(ev.feed);
            if (lag == null) {
                long[] cell = lag = new long[1];
                getRuntimeContext().getMetricGroup().addGroup(FeedCounters.METRIC_GROUP, ev.feed)
                        .gauge("eventTimeLagMs", (Gauge<Long>) () -> cell[0]);
                eventTimeLag.put(ev.feed, lag);
            }
            lag[0] = System.currentTimeMillis() - ev.exchangeTimeMs;
        }
        if (seen.add(ev.instrumentKey())) {
            instruments.add(ev.instrumentKey() + " " + ev.symbol);
        }
        out.collect(ev);
    }

    /** A frame's text as a log line may show it: control characters escaped, at most 200 chars. */
    static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
