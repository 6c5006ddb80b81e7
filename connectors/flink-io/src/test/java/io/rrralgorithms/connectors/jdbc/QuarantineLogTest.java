package io.rrralgorithms.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuarantineLogTest {
    @Test
    void theFirstRowIsLoggedAndTheRestAtMostOncePerInterval() throws Exception {
        QuarantineLog log = new QuarantineLog("features", 200_000_000L);
        assertTrue(log.quarantined("22003", "numeric field overflow", "{\"mid\":1e40}"));
        for (int i = 0; i < 1000; i++) {
            assertFalse(log.quarantined("22003", "numeric field overflow", "{}"));
        }
        Thread.sleep(250);
        assertTrue(log.quarantined("23502", "null value", "{}"));
        assertFalse(log.quarantined("23502", "null value", "{}"));
    }
}
