package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.bench.ScalePipelineRun;
import io.rrralgorithms.jobs.bench.SyntheticInstruments;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many instruments with large books: 2,000 instruments (one real Binance capture renamed, each
 * with its 1,000-level depth snapshot) through the job on a MiniCluster, checkpointing to files.
 * Their state (tens of MiB) is far above what the JobManager's memory storage takes (5 MiB): the
 * job must complete with completed checkpoints of it, and the state per instrument stays within
 * the bound of {@code rrr.book.max-levels}.
 */
class ManyInstrumentsCheckpointIT {
    static final int INSTRUMENTS = 2_000;

    @TempDir
    Path checkpoints;

    @Test
    void twoThousandInstrumentsWithFullBooksCompleteWithCheckpoints() throws Exception {
        SyntheticInstruments in = SyntheticInstruments.fromCapture(
                SharedData.market("binance-spot/btcusdt_20240808.gz"), INSTRUMENTS, 30, 0);
        ScalePipelineRun.Result r = ScalePipelineRun.run(in, INSTRUMENTS, BookSynchronizer.DEFAULT_MAX_BOOK_LEVELS,
                checkpoints);
        System.out.println("scale run: " + r);
        assertEquals((long) INSTRUMENTS * ScalePipelineRun.singleEventFrames(in).length, r.events());
        assertTrue(r.completedCheckpoints() >= 1, "no checkpoint completed: " + r);
        assertTrue(r.largestCheckpointBytes() > 5L << 20, "the checkpoints should hold every book (> 5 MiB): " + r);
        // per instrument: two sides of at most 1,000 levels + 64 spare, two long arrays each (34 KiB),
        // plus features, bars and dedup state; an unpruned side that grew doubles its arrays
        long perInstrument = r.largestCheckpointBytes() / INSTRUMENTS;
        assertTrue(perInstrument < 64 << 10, "state per instrument " + perInstrument + " B");
    }
}
