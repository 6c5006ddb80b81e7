package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The capture service runs without Flink (its image is a JRE and rrr-capture.jar): none on its class path. */
class CaptureClassPathTest {
    @Test
    void noFlinkOnTheCaptureModulesClassPath() {
        for (String flinkClass : new String[] {"org.apache.flink.api.common.JobID",
                "org.apache.flink.connector.kafka.source.KafkaSource", "org.apache.flink.configuration.Configuration"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(flinkClass), flinkClass);
        }
    }
}
