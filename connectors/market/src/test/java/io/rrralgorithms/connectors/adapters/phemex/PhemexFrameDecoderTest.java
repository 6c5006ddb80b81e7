package io.rrralgorithms.connectors.adapters.phemex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phemex beyond its contract entry, {@code phemex.cases} and table rows: the per-event checks and the
 * scale table against the recorded product list.
 */
public class PhemexFrameDecoderTest {

    /** Exchange times of the session; a sequence on every book event; trade ids from the sequence. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(PhemexVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 60_000L && ev.exchangeTimeMs < receiveMs + 5_000L, ev.toString());
        switch (ev.type) {
            case BOOK_DELTA -> assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.lastUpdateId > 0, ev.toString());
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0, ev.toString());
            default -> {
                assertEquals(EventType.TRADE, ev.type);
                assertEquals(0, ev.tradeId % PhemexFrameDecoder.TRADES_PER_SEQUENCE, "one trade a message: row 0");
            }
        }
    }

    /** A trade message of {@code nativeSymbol}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String nativeSymbol) {
        return "{\"sequence\":1,\"symbol\":\"" + nativeSymbol
                + "\",\"trades\":[[1625342246173227295,\"Buy\",1,1]],\"type\":\"incremental\"}";
    }

    /**
     * The decoder's scale table is the recorded product list, both ways: every listed product has
     * the listing's scales (a contract its {@code priceScale} and whole-contract lots, a spot pair
     * the documented spot price scale 8 and its base currency's {@code valueScale}), and the table
     * holds no other product.
     */
    @Test
    void theScaleTableIsTheRecordedProductList() throws Exception {
        String body = CaptureLines.rest(SharedData.cryptofeed("PHEMEX.0"), "/cfg/v2/products").get(0).body();
        JsonNode data = new ObjectMapper().readTree(body).get("data");
        Map<String, Integer> valueScale = new HashMap<>();
        data.get("currencies").forEach(c -> valueScale.put(c.get("currency").asText(), c.get("valueScale").asInt()));
        Map<String, PhemexScales.Scale> listed = new HashMap<>();
        for (JsonNode p : data.get("products")) {
            String type = p.get("type").asText();
            if (type.equals("Spot")) {
                assertFalse(p.has("priceScale"), "a spot product listing its own price scale: " + p);
                listed.put(p.get("symbol").asText(), new PhemexScales.Scale(8, valueScale.get(p.get("baseCurrency").asText())));
            } else {
                assertEquals("Perpetual", type);
                assertEquals(1, p.get("lotSize").asInt(), "contracts traded in whole contracts: " + p);
                listed.put(p.get("symbol").asText(), new PhemexScales.Scale(p.get("priceScale").asInt(), 0));
            }
        }
        assertEquals(67, listed.size());
        assertEquals(listed, PhemexScales.BY_SYMBOL);
    }

}
