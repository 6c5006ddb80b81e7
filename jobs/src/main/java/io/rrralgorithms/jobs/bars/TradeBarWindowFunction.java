package io.rrralgorithms.jobs.bars;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Stamps a finished bar with its window start. */
public class TradeBarWindowFunction extends ProcessWindowFunction<TradeBar, TradeBar, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<TradeBar> bars, Collector<TradeBar> out) {
        for (TradeBar b : bars) {
            b.windowStartMs = ctx.window().getStart();
            out.collect(b);
        }
    }
}
