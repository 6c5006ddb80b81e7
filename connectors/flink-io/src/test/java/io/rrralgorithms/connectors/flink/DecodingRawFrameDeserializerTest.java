package io.rrralgorithms.connectors.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records of several topics, interleaved: each decoded as its own feed (the feed is resolved once per run of a topic). */
class DecodingRawFrameDeserializerTest {
    private static final String SPOT_TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
            + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,"
            + "\"m\":true,\"M\":true}}";
    private static final String USDM_TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1721347022956,"
            + "\"T\":1721347022956,\"s\":\"BTCUSDT\",\"t\":5182005737,\"p\":\"63943.90\",\"q\":\"0.003\",\"X\":\"MARKET\","
            + "\"m\":true}}";

    private static ConsumerRecord<byte[], byte[]> record(String topic, String json, long receiveNs) {
        var r = new ConsumerRecord<>(topic, 0, 0L, "BTCUSDT".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
        r.headers().add(RawTopics.HEADER_RECEIVE_NS, Long.toString(receiveNs).getBytes(StandardCharsets.US_ASCII));
        return r;
    }

    @Test
    void interleavedTopicsDecodeAsTheirOwnFeeds() {
        DecodingRawFrameDeserializer d = new DecodingRawFrameDeserializer(RawTopics.DEFAULT_PREFIX);
        List<MarketEvent> events = new ArrayList<>();
        Collector<MarketEvent> out = new Collector<>() {
            @Override
            public void collect(MarketEvent e) {
                events.add(e);
            }

            @Override
            public void close() {}
        };
        // new String: a topic equal to but not the same object as the last one's is still that feed
        d.deserialize(record("raw.binance-spot", SPOT_TRADE, 1723161254087896568L), out);
        d.deserialize(record("raw.binance-usdm", USDM_TRADE, 1721347021434994132L), out);
        d.deserialize(record("raw.no-such-venue", SPOT_TRADE, 1L), out);
        d.deserialize(record(new String("raw.binance-spot"), SPOT_TRADE, 1723161254087896569L), out);
        d.deserialize(record("other.binance-spot", SPOT_TRADE, 2L), out);

        assertEquals(5, events.size(), events.toString());
        assertEquals(List.of("binance-spot", "binance-usdm", "?", "binance-spot", "?"),
                events.stream().map(e -> e.type == EventType.DECODE_ERROR ? "?" : e.feed).toList());
        assertEquals(EventType.TRADE, events.get(0).type);
        assertEquals(EventType.TRADE, events.get(1).type);
        assertEquals(1723161254087896569L, events.get(3).receiveTimeNs);
        assertEquals("unknown feed for topic 'raw.no-such-venue'", events.get(2).error);
        assertEquals("unknown feed for topic 'other.binance-spot'", events.get(4).error);
    }
}
