package io.rrralgorithms.jobs.local;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * CPU time while a local job runs, for benchmarks (steadier than wall clock on a shared machine):
 * the whole process (every thread: the broker, JIT compilers and GC too) and Flink's task threads
 * alone (the thread group {@code Flink Task Threads}: operators, their output flushers, the Kafka
 * source's fetcher), polled every 100 ms since those threads end with the job (what a thread
 * spends after its last poll is missed).
 */
public final class JobCpu implements AutoCloseable {
    private static final String TASK_THREADS = "Flink Task Threads";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long processStart = processCpuNanos();
    /** Last CPU ns seen per task thread id, and its name. */
    private final Map<Long, Long> taskNanos = new ConcurrentHashMap<>();
    private final Map<Long, String> taskNames = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rrr-job-cpu");
        t.setDaemon(true);
        return t;
    });
    private volatile Result result;

    /** CPU seconds of the process and of the task threads, with the task threads' seconds by name. */
    public record Result(double processSeconds, double taskSeconds, Map<String, Double> taskSecondsByName) {
        static final Result NONE = new Result(Double.NaN, Double.NaN, Map.of());

        /** {@code Source: raw-frames 9.0 s, features 4.4 s, ...}: the largest first, those of 0.1 s and more. */
        public String describeTasks() {
            return taskSecondsByName.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                    .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    public JobCpu() {
        poll.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        ThreadGroup[] groups = new ThreadGroup[root.activeGroupCount() + 16];
        int n = root.enumerate(groups, true);
        for (int i = 0; i < n; i++) {
            if (TASK_THREADS.equals(groups[i].getName())) {
                Thread[] ts = new Thread[groups[i].activeCount() + 16];
                int m = groups[i].enumerate(ts, true);
                for (int j = 0; j < m; j++) {
                    @SuppressWarnings("deprecation") // getId: threadId() is Java 19+
                    long id = ts[j].getId();
                    long ns = threads.getThreadCpuTime(id);
                    if (ns > 0) {
                        taskNanos.merge(id, ns, Math::max);
                        taskNames.putIfAbsent(id, shortName(ts[j].getName()));
                    }
                }
            }
        }
    }

    /** A task thread's name up to its first chained operator or subtask index. */
    static String shortName(String name) {
        int cut = name.length();
        for (String end : new String[] {" -> ", " (", "#"}) {
            int i = name.indexOf(end);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return name.substring(0, cut);
    }

    /** Stops polling (after one last poll); the result is then {@link #result()}. */
    @Override
    public void close() {
        if (result != null) {
            return;
        }
        try {
            poll.submit(this::sample).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the last poll is a refinement only
        }
        poll.shutdownNow();
        long processEnd = processCpuNanos();
        Map<String, Double> byName = new LinkedHashMap<>();
        taskNanos.forEach((id, ns) -> byName.merge(taskNames.getOrDefault(id, "?"), ns / 1e9, Double::sum));
        Map<String, Double> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        double tasks = taskNanos.values().stream().mapToLong(Long::longValue).sum() / 1e9;
        result = new Result(processStart < 0 ? Double.NaN : (processEnd - processStart) / 1e9, tasks, sorted);
    }

    /** After {@link #close()}; {@link Result#NONE} before. */
    public Result result() {
        return result == null ? Result.NONE : result;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1L;
    }
}
