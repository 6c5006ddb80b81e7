package io.rrralgorithms.connectors.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.kafka.RawTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawFrameKafkaSourceTest {
    private static RawFrameKafkaSource source() {
        return RawFrameKafkaSource.builder().feeds(List.of("binance-spot"));
    }

    @Test
    void acceptsEveryDocumentedStartPosition() {
        for (String p : List.of("earliest", "latest", "committed", "timestamp:1723161600000",
                "timestamp:2024-08-09T00:00:00Z", "offsets:raw.binance-spot:0:42,raw.binance-usdm:1:7")) {
            assertNotNull(source().startingFrom(p).build(), p);
        }
    }

    @Test
    void rejectsMalformedStartPositions() {
        for (String p : List.of("first", "timestamp:yesterday", "offsets:raw.binance-spot:0", "offsets:x")) {
            var e = assertThrows(RuntimeException.class, () -> source().startingFrom(p));
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), p);
        }
    }

    @Test
    void topicsAreOnePerFeed() {
        assertEquals("raw.binance-usdm", RawTopics.topicOf(RawTopics.DEFAULT_PREFIX, "binance-usdm"));
        assertEquals("binance-usdm", RawTopics.feedOf("raw.", "raw.binance-usdm"));
        assertEquals(null, RawTopics.feedOf("raw.", "other.binance-usdm"));
    }
}
