package io.rrralgorithms.jobs.bars;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.util.RateLimitedLog;
import io.rrralgorithms.jobs.decode.FeedCounters;
import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts trades that arrived after their minute's bar was closed by the watermark, per feed for
 * the run summary ({@code feed.<feed>.LATE_TRADE}); logs them rate-limited, never line by line.
 */
public class LateTradeCounter extends ProcessFunction<MarketEvent, Void> implements CheckpointedFunction {
    public static final String ACC_LATE_TRADES = "lateTrades";
    private static final Logger LOG = LoggerFactory.getLogger(LateTradeCounter.class);

    private transient Counter late;
    private transient LongCounter lateAcc;
    private transient FeedCounters perFeed;
    private transient RateLimitedLog log;

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
        late = getRuntimeContext().getMetricGroup().counter("lateTrades");
        lateAcc = durable.counter(ACC_LATE_TRADES);
        perFeed = new FeedCounters(durable, getRuntimeContext().getMetricGroup(), "LATE_TRADE");
        log = new RateLimitedLog(LOG, 1_000L);
    }

    @Override
    public void processElement(MarketEvent t, Context ctx, Collector<Void> out) {
        late.inc();
        lateAcc.add(1);
        perFeed.add(t.feed, "LATE_TRADE", 1);
        log.warn("late trade dropped from its bar: {}", t);
    }
}
