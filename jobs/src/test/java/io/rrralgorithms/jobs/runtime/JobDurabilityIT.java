package io.rrralgorithms.jobs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durability settings on a real local cluster: bounded restarts, and state beyond the JobManager's 5 MiB. */
class JobDurabilityIT {
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final AtomicLong STATE_BYTES = new AtomicLong();
    static final AtomicLong BIG_CHECKPOINTS = new AtomicLong();

    @Test
    void aTaskThatAlwaysThrowsFailsTheJobAfterTheRestartAttempts(@TempDir Path dir) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
        JobDurability d = new JobDurability();
        d.checkpointDir = dir.toUri().toString();
        d.restartAttempts = 2;
        d.restartInitialBackoff = Duration.ofMillis(50);
        d.restartMaxBackoff = Duration.ofMillis(100);
        d.apply(env, true);
        ATTEMPTS.set(0);
        env.fromSequence(1, 1000).map(new AlwaysThrows()).sinkTo(new DiscardingSink<>());
        long t0 = System.nanoTime();
        Exception e = assertThrows(Exception.class, () -> env.execute("always throws"));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertTrue(seconds < 60, "took " + seconds + " s");
        assertEquals(3, ATTEMPTS.get(), "the first attempt and 2 restarts");
        Throwable root = ExceptionUtils.findThrowableWithMessage(e, "poison element 1").orElseThrow();
        assertEquals(IllegalStateException.class, root.getClass());
    }

    @Test
    void keyedStateLargerThanTheJobManagersLimitCheckpointsAndTheJobFinishes(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
        JobDurability d = new JobDurability();
        d.checkpointDir = dir.toUri().toString();
        d.checkpointInterval = Duration.ofMillis(300);
        d.tolerableCheckpointFailures = 0; // a checkpoint that fails fails the job: none may
        d.apply(env, true);
        STATE_BYTES.set(0);
        BIG_CHECKPOINTS.set(0);
        env.fromSequence(0, 399).keyBy(i -> i % 16).process(new BigState()).sinkTo(new DiscardingSink<>());
        JobExecutionResult r = env.execute("big state");
        assertTrue(r.getJobID() != null);
        assertTrue(STATE_BYTES.get() > 8L << 20, "state " + STATE_BYTES.get());
        assertTrue(BIG_CHECKPOINTS.get() > 0, "no checkpoint completed with more than 5 MiB of state");
    }

    static final class AlwaysThrows extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext ctx) {
            ATTEMPTS.incrementAndGet();
        }

        @Override
        public Long map(Long value) {
            throw new IllegalStateException("poison element " + value);
        }
    }

    /** 16 keys of 1 MiB each once the input is half read; slow enough for several checkpoints. */
    static final class BigState extends KeyedProcessFunction<Long, Long, Long> implements CheckpointListener {
        private transient ValueState<byte[]> blob;

        @Override
        public void open(OpenContext ctx) {
            blob = getRuntimeContext().getState(new ValueStateDescriptor<>("blob", byte[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            if (blob.value() == null) {
                byte[] b = new byte[1 << 20];
                new Random(value).nextBytes(b); // incompressible
                blob.update(b);
                STATE_BYTES.addAndGet(b.length);
            }
            Thread.sleep(15);
            out.collect(value);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (STATE_BYTES.get() > 5L << 20) { // all 16 keys exist after the first 16 elements
                BIG_CHECKPOINTS.incrementAndGet();
            }
        }
    }
}
