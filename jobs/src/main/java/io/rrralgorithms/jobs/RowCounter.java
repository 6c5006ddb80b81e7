package io.rrralgorithms.jobs;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Passes rows through, counting them per output table (metric and accumulator {@code rows.<table>}). */
public class RowCounter<T> extends ProcessFunction<T, T> {
    public static final String ACC_PREFIX = "rows.";

    private final String table;
    private transient LongCounter acc;
    private transient org.apache.flink.metrics.Counter metric;

    public RowCounter(String table) {
        this.table = table;
    }

    @Override
    public void open(OpenContext ctx) {
        acc = getRuntimeContext().getLongCounter(ACC_PREFIX + table);
        metric = getRuntimeContext().getMetricGroup().counter("rows_" + table);
    }

    @Override
    public void processElement(T row, Context ctx, Collector<T> out) {
        acc.add(1);
        metric.inc();
        out.collect(row);
    }
}
