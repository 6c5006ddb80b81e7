package io.rrralgorithms.connectors.adapters.bitfinex;

import static io.rrralgorithms.connectors.testkit.Frames.utf8;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Bitfinex ({@code BITFINEX.ws.11.0}: WS v2, 7 pairs, book P0/100, trades, ticker, SEQ_ALL; 2021-04-17)
 * beyond its contract entry, {@code bitfinex.cases} and table rows: the connection keyer and the checksum.
 */
public class BitfinexFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("bitfinex");

    /** SEQ_ALL: every event numbered. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertTrue(ev.lastUpdateId > 0, "SEQ_ALL: every frame numbered");
    }

    @Test
    void connectionKeyerLearnsChannelsFromTheAcks() {
        ConnectionKeyer k = ADAPTER.connectionKeyer();
        assertTrue(k != ADAPTER.connectionKeyer(), "one keyer per connection");
        assertNull(k.key(utf8("[232954,\"hb\",139]")), "before the ack");
        assertEquals("tBFTUSD", k.key(utf8("{\"event\":\"subscribed\",\"channel\":\"book\",\"chanId\":232954,\"symbol\":\"tBFTUSD\","
                + "\"prec\":\"P0\",\"freq\":\"F0\",\"len\":\"100\",\"pair\":\"BFTUSD\"}")));
        assertEquals("tBFTUSD", k.key(utf8("[232954,\"hb\",1096]")));
        assertEquals("tBFTUSD", k.key(utf8("[232954,[0.068965,3,6098.17017201],600]")));
        assertEquals("tBTCUSD", k.key(utf8("{\"event\":\"subscribed\",\"channel\":\"book\",\"chanId\":9,\"symbol\":\"tBTCUSD\","
                + "\"prec\":\"R0\",\"len\":\"25\"}")));
        assertNull(k.key(utf8("[9,[8537681660,136.39,8.688],7]")), "raw books are not decoded: no key");
        k.key(utf8("{\"event\":\"subscribed\",\"channel\":\"candles\",\"chanId\":10,\"key\":\"trade:1m:tBTCUSD\"}"));
        assertNull(k.key(utf8("[10,[1574698260000,7379.7,7379.7,7379.7,7379.7,0.00660825],8]")));
        k.key(utf8("{\"event\":\"subscribed\",\"channel\":\"book\",\"chanId\":11,\"symbol\":\"fUSD\",\"prec\":\"P0\"}"));
        assertNull(k.key(utf8("[11,[0.0002,2,1,-100],9]")), "funding: no key");
        assertEquals("tBFTUSD", k.key(utf8("{\"event\":\"unsubscribed\",\"status\":\"OK\",\"chanId\":232954}")));
        assertNull(k.key(utf8("[232954,\"hb\",1200]")), "forgotten after unsubscribed");
        assertNull(k.key(utf8("{\"event\":\"info\",\"version\":2}")));
    }

    @Test
    void checksumFormatsNumbersAsTheVenueDoes() throws Exception {
        assertEquals("60400", BitfinexChecksum.jsNumber(m("60400")));
        assertEquals("0.0010262", BitfinexChecksum.jsNumber(m("0.0010262")));
        assertEquals("0.000001", BitfinexChecksum.jsNumber(m("0.000001")));
        assertEquals("9.1e-7", BitfinexChecksum.jsNumber(m("0.00000091")));
        assertEquals("2e-8", BitfinexChecksum.jsNumber(2L));
        assertEquals("-1.1e-7", BitfinexChecksum.jsNumber(-11L));
        assertEquals("-0.00426663", BitfinexChecksum.jsNumber(-426_663L));

        // hand-built: bids 0.0000002 x 5, 1.1e-7 x 0.5; ask 0.00000025 x 3 — the venue's text of each
        String text = "2e-7:5:2.5e-7:-3:1.1e-7:0.5";
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        assertEquals((long) (int) crc.getValue(), new BitfinexChecksum().compute(new long[] {20, 11},
                new long[] {m("5"), m("0.5")}, new long[] {25}, new long[] {m("3")}, -1, -1));

        // every real book snapshot: the CRC of its top 25 built from the frame's own number text (the oracle's book)
        Map<Long, String> bookChannels = new HashMap<>();
        int checked = 0;
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("BITFINEX.ws.11.0"))) {
            JsonNode j = JSON.readTree(p);
            if (j.isObject() && "book".equals(j.path("channel").asText())) {
                bookChannels.put(j.get("chanId").asLong(), j.get("symbol").asText());
            }
            if (!j.isArray() || !j.get(1).isArray() || !j.get(1).get(0).isArray()
                    || !bookChannels.containsKey(j.get(0).asLong())) {
                continue;
            }
            BitfinexOracle.TextBook book = new BitfinexOracle.TextBook();
            Matcher rows = BitfinexOracle.ROW.matcher(p.substring(p.indexOf(',') + 1));
            while (rows.find()) {
                book.apply(rows.group(1), rows.group(2), rows.group(3));
            }
            String key = bookChannels.get(j.get(0).asLong());
            MarketEvent snap = Frames.decode(ADAPTER, Frames.frame("bitfinex", key, FrameKind.WS, 1L, p)).get(0);
            int nb = Math.min(25, snap.bidPrices.length), na = Math.min(25, snap.askPrices.length);
            assertEquals(book.checksum(), new BitfinexChecksum().compute(
                    Arrays.copyOf(snap.bidPrices, nb), Arrays.copyOf(snap.bidSizes, nb),
                    Arrays.copyOf(snap.askPrices, na), Arrays.copyOf(snap.askSizes, na), -1, -1),
                    "checksum of the snapshot " + p.substring(0, 40));
            checked++;
        }
        assertEquals(7, checked);
    }

}
