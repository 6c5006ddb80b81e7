package io.rrralgorithms.jobs.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;

/**
 * A function's accumulators (the run summary's counts) kept in its operator state, so that they
 * count each input once across failovers and resumes: Flink starts the accumulators of a restarted
 * task from zero, while its input starts again from the last checkpoint. Each counter starts from
 * the value in the restored checkpoint; {@link #snapshot()} stores the current values.
 *
 * <p>Use: create in {@code initializeState} ({@link #restore}), {@link #open} it and take the
 * counters in {@code open}, call {@link #snapshot()} in {@code snapshotState}. Accumulator names must be unique per task.
 */
public final class DurableAccumulators {
    private static final ListStateDescriptor<String> STATE = new ListStateDescriptor<>("rrr-accumulators", String.class);
    private static final char COUNTER = 'c';
    private static final char LIST = 'l';

    private final ListState<String> state;
    private final Map<String, Long> restoredCounts = new HashMap<>();
    private final Map<String, List<String>> restoredLists = new HashMap<>();
    private final Map<String, LongCounter> counters = new LinkedHashMap<>();
    private final Map<String, ListAccumulator<String>> lists = new LinkedHashMap<>();
    private RuntimeContext ctx;

    private DurableAccumulators(ListState<String> state) {
        this.state = state;
    }

    /** From the function's operator state (restored or empty). */
    public static DurableAccumulators restore(FunctionInitializationContext ctx) throws Exception {
        DurableAccumulators a = new DurableAccumulators(ctx.getOperatorStateStore().getListState(STATE));
        if (ctx.isRestored()) {
            for (String entry : a.state.get()) {
                int tab = entry.indexOf('\t', 2);
                String name = entry.substring(2, tab);
                String value = entry.substring(tab + 1);
                if (entry.charAt(0) == COUNTER) {
                    a.restoredCounts.merge(name, Long.parseLong(value), Long::sum);
                } else {
                    a.restoredLists.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return a;
    }

    /** Where the function runs without checkpointed state (a test opening it directly): plain accumulators. */
    public static DurableAccumulators orNone(DurableAccumulators a) {
        return a != null ? a : new DurableAccumulators(null);
    }

    /**
     * Binds to the task (in {@code open}) and registers every restored accumulator at once: a
     * count of before the restore is in the result even where nothing adds to it afterwards.
     */
    public DurableAccumulators open(RuntimeContext context) {
        this.ctx = context;
        new ArrayList<>(restoredCounts.keySet()).forEach(this::counter);
        new ArrayList<>(restoredLists.keySet()).forEach(this::list);
        return this;
    }

    /** The task's counter {@code name}, starting at its restored value. */
    public LongCounter counter(String name) {
        LongCounter c = counters.get(name);
        if (c == null) {
            c = ctx.getLongCounter(name);
            Long restored = restoredCounts.remove(name);
            if (restored != null) {
                c.add(restored);
            }
            counters.put(name, c);
        }
        return c;
    }

    /** A list accumulator {@code name}, starting with its restored values. */
    public ListAccumulator<String> list(String name) {
        ListAccumulator<String> l = lists.get(name);
        if (l == null) {
            l = new ListAccumulator<>();
            ctx.addAccumulator(name, l);
            List<String> restored = restoredLists.remove(name);
            if (restored != null) {
                restored.forEach(l::add);
            }
            lists.put(name, l);
        }
        return l;
    }

    /** Stores the current values. */
    public void snapshot() throws Exception {
        if (state == null) {
            return;
        }
        List<String> entries = new ArrayList<>();
        counters.forEach((name, c) -> entries.add(COUNTER + "\t" + name + "\t" + c.getLocalValue()));
        lists.forEach((name, l) -> l.getLocalValue().forEach(v -> entries.add(LIST + "\t" + name + "\t" + v)));
        state.update(entries);
    }
}
