package io.rrralgorithms.jobs.bars;

import io.rrralgorithms.connectors.model.MarketEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and logs trades that arrived after their minute's bar was closed by the watermark. */
public class LateTradeCounter extends ProcessFunction<MarketEvent, Void> {
    public static final String ACC_LATE_TRADES = "lateTrades";
    private static final Logger LOG = LoggerFactory.getLogger(LateTradeCounter.class);

    private transient Counter late;
    private transient LongCounter lateAcc;

    @Override
    public void open(OpenContext ctx) {
        late = getRuntimeContext().getMetricGroup().counter("lateTrades");
        lateAcc = getRuntimeContext().getLongCounter(ACC_LATE_TRADES);
    }

    @Override
    public void processElement(MarketEvent t, Context ctx, Collector<Void> out) {
        late.inc();
        lateAcc.add(1);
        LOG.warn("late trade dropped from its bar: {}", t);
    }
}
