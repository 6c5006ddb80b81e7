package io.rrralgorithms.jobs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The CPU of threads in Flink's task thread group is counted, by task name; other threads' is not. */
class JobCpuTest {
    private static volatile long sink;

    /** Burns {@code cpuMillis} of its own CPU time (not wall time: the machine may be loaded), then waits for {@code done}. */
    private static Thread burner(ThreadGroup group, String name, long cpuMillis, CountDownLatch done) {
        return new Thread(group, () -> {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long end = mx.getCurrentThreadCpuTime() + cpuMillis * 1_000_000L;
            long x = 0;
            while (mx.getCurrentThreadCpuTime() < end) {
                for (int i = 0; i < 10_000; i++) {
                    x += x * 31 + 7;
                }
            }
            sink = x;
            try {
                done.await(); // alive until JobCpu's last poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    @Test
    void countsTaskThreadsByName() throws Exception {
        ThreadGroup tasks = new ThreadGroup("Flink Task Threads");
        ThreadGroup other = new ThreadGroup("not-a-task");
        CountDownLatch done = new CountDownLatch(1);
        JobCpu.Result r;
        try (JobCpu cpu = new JobCpu()) {
            Thread task = burner(tasks, "features -> (count-book_top, count-features) (1/1)#0", 150, done);
            Thread notTask = burner(other, "some-other-thread", 150, done);
            task.start();
            notTask.start();
            while (ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId(task)) < 150_000_000L
                    || ManagementFactory.getThreadMXBean().getThreadCpuTime(threadId(notTask)) < 150_000_000L) {
                Thread.sleep(20);
            }
            cpu.close(); // its last poll sees the task thread still alive
            r = cpu.result();
            done.countDown();
            task.join();
            notTask.join();
        }
        double features = r.taskSecondsByName().getOrDefault("features", 0.0);
        assertTrue(features >= 0.15 && features < 1.0, r.toString());
        // other tests' Flink jobs may have left threads in a task group of this JVM: only ours are asserted
        assertFalse(r.taskSecondsByName().containsKey("some-other-thread"), "a thread outside the task group: " + r);
        assertTrue(r.taskSeconds() >= features, r.toString());
        assertTrue(r.processSeconds() >= r.taskSeconds(), r.toString());
        assertTrue(r.describeTasks().startsWith("features "), r.describeTasks());
    }

    @SuppressWarnings("deprecation") // threadId() is Java 19+
    private static long threadId(Thread t) {
        return t.getId();
    }

    @Test
    void shortNameIsTheTaskUpToItsFirstChainedOperatorOrSubtask() {
        assertEquals("Source: raw-frames", JobCpu.shortName("Source: raw-frames -> dead-letter-router (1/1)#0"));
        assertEquals("trade-dedup", JobCpu.shortName("trade-dedup (1/2)#0"));
        assertEquals("OutputFlusher for order-book", JobCpu.shortName("OutputFlusher for order-book -> count-book_gaps"));
        assertEquals("plain", JobCpu.shortName("plain"));
    }
}
