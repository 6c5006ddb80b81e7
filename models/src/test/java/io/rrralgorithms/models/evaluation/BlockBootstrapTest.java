package io.rrralgorithms.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockBootstrapTest {
    @Test
    void resampleIsMadeOfCircularBlocks() {
        int n = 103;
        int[] idx = new BlockBootstrap(10).resample(n, new SplittableRandom(1));
        assertEquals(n, idx.length);
        for (int i = 0; i < n; i++) {
            assertTrue(idx[i] >= 0 && idx[i] < n);
            if (i % 10 != 0) {
                assertEquals((idx[i - 1] + 1) % n, idx[i], "inside a block the rows are consecutive, wrapping");
            }
        }
        assertArrayEquals(idx, new BlockBootstrap(10).resample(n, new SplittableRandom(1)));
    }

    @Test
    void defaultBlockCoversTheHorizon() {
        assertEquals(30, BlockBootstrap.defaultBlockLength(1000, 30));
        assertEquals(10, BlockBootstrap.defaultBlockLength(1000, 1));
        assertEquals(5, BlockBootstrap.defaultBlockLength(5, 30));
    }

    @Test
    void percentileInterval() {
        double[] v = new double[101];
        for (int i = 0; i <= 100; i++) {
            v[i] = i;
        }
        Interval ci = BlockBootstrap.percentile(v, 0.9);
        assertEquals(5.0, ci.low(), 1e-12);
        assertEquals(95.0, ci.high(), 1e-12);
        assertTrue(!BlockBootstrap.percentile(new double[] {Double.NaN}, 0.9).defined());
    }
}
