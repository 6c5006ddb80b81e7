package io.rrralgorithms.connectors.adapters.bitstamp;

import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import org.junit.jupiter.api.Test;

/**
 * Bitstamp ({@code BITSTAMP.ws.1.0} with its REST books {@code BITSTAMP.http.0.0}) beyond its contract
 * entry, {@code bitstamp.cases} and table rows: the per-event checks and a whole REST book.
 */
public class BitstampFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("bitstamp");

    /** Snapshots are the REST books; times in the capture's minute; book update id = microtimestamp. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.type == EventType.BOOK_SNAPSHOT, f.kind == FrameKind.REST_SNAPSHOT);
        assertTrue(ev.exchangeTimeMs > 1_641_343_690_000L && ev.exchangeTimeMs < 1_641_343_730_000L, ev.toString());
        if (ev.type != EventType.TRADE) {
            assertEquals(ev.exchangeTimeMs, ev.lastUpdateId / 1000, "update id = microtimestamp");
        }
    }

    /** The ethusd REST book (its literal facts are in the cases): every one of its 1971 ask levels as the body lists it. */
    @Test
    void restSnapshotLevels() throws Exception {
        String body = CaptureLines.rest(SharedData.cryptofeed("BITSTAMP.http.0.0"), "order_book/ethusd").get(0).body();
        JsonNode asks = new ObjectMapper().readTree(body).get("asks");
        MarketEvent s = Frames.decode(ADAPTER, Frames.frame("bitstamp", "ethusd", FrameKind.REST_SNAPSHOT, 1L, body)).get(0);
        assertEquals(asks.size(), s.askPrices.length);
        for (int i = 0; i < s.askPrices.length; i++) {
            assertEquals(m(asks.get(i).get(0).asText()), s.askPrices[i]);
            assertEquals(m(asks.get(i).get(1).asText()), s.askSizes[i]);
        }
    }

}
