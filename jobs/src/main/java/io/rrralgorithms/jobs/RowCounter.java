package io.rrralgorithms.jobs;

import io.rrralgorithms.jobs.backfill.EmitFrom;
import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Passes rows through, counting them per output table (metric and accumulator {@code rows.<table>}). */
public class RowCounter<T> extends ProcessFunction<T, T> implements CheckpointedFunction {
    public static final String ACC_PREFIX = "rows.";

    private final String table;
    /** A backfill counts only the rows it writes, those from its start on; {@link Long#MIN_VALUE}: all. */
    private final long countFromMs;
    private transient LongCounter acc;
    private transient Counter metric;

    public RowCounter(String table) {
        this(table, Long.MIN_VALUE);
    }

    /** Counts only the rows a backfill from {@code countFromMs} writes ({@link EmitFrom#written}). */
    public RowCounter(String table, long countFromMs) {
        this.table = table;
        this.countFromMs = countFromMs;
    }

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
        acc = durable.counter(ACC_PREFIX + table);
        metric = getRuntimeContext().getMetricGroup().counter("rows_" + table);
    }

    @Override
    public void processElement(T row, Context ctx, Collector<T> out) {
        if (countFromMs == Long.MIN_VALUE || EmitFrom.written(row, countFromMs)) {
            acc.add(1);
            metric.inc();
        }
        out.collect(row);
    }
}
