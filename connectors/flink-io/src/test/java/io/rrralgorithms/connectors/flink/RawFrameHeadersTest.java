package io.rrralgorithms.connectors.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The raw frame a record gives: its headers read as bytes (kind, receive time), as the capture writes them. */
class RawFrameHeadersTest {
    private static ConsumerRecord<byte[], byte[]> record(String kind, String receiveNs) {
        var r = new ConsumerRecord<>("raw.kraken", 0, 0L, "XBT/USD".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        if (kind != null) {
            r.headers().add(RawTopics.HEADER_KIND, kind.getBytes(StandardCharsets.US_ASCII));
        }
        if (receiveNs != null) {
            r.headers().add(RawTopics.HEADER_RECEIVE_NS, receiveNs.getBytes(StandardCharsets.US_ASCII));
        }
        return r;
    }

    @Test
    void kindHeaderNamesTheFrameKindAndAnythingElseIsAWebSocketFrame() {
        assertEquals(FrameKind.REST_SNAPSHOT, DecodingRawFrameDeserializer.toRawFrame(record("REST_SNAPSHOT", "1")).kind);
        assertEquals(FrameKind.WS, DecodingRawFrameDeserializer.toRawFrame(record("WS", "1")).kind);
        assertEquals(FrameKind.WS, DecodingRawFrameDeserializer.toRawFrame(record("REST_SNAPSHOTX", "1")).kind);
        assertEquals(FrameKind.WS, DecodingRawFrameDeserializer.toRawFrame(record(null, "1")).kind);
    }

    @Test
    void receiveTimeHeaderIsADecimalNanosecondCount() {
        RawFrame f = DecodingRawFrameDeserializer.toRawFrame(record("WS", "1723161600123456789"));
        assertEquals(1723161600123456789L, f.receiveTimeNs);
        assertEquals("XBT/USD", f.key);
        for (String bad : new String[] {"", "-5", "12a", "0", "99999999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> DecodingRawFrameDeserializer.toRawFrame(record("WS", bad)),
                    bad);
        }
    }
}
