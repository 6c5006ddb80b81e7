package io.rrralgorithms.connectors.adapters.phemex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Phemex decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link PhemexOracle}); the exact fields of real contract and spot frames, hand-written edge cases
 * and dead letters are {@code venue-cases/phemex.cases}; here the scale table against the recorded
 * product list, the symbols and the sequence rules.
 */
public class PhemexFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(PhemexVenue.VENUE, "phemex.cases");
    }

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

    @Test
    void symbols() {
        VenueSymbols s = PhemexVenue.VENUE.symbols();
        assertEquals("BTC-USD-PERP", s.normalize("BTCUSD"), "the inverse perpetual");
        assertEquals("XMR-USD-PERP", s.normalize("XMRUSD"), "a quanto perpetual");
        assertEquals("SUSHI-USDT", s.normalize("sSUSHIUSDT"));
        assertEquals("sSUSHIUSDT", s.toNative("sushi-usdt"));
        assertEquals("GOLDUSD", s.toNative("GOLD-USD-PERP"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("SUSHIUSDT"), "spot without its s prefix");
        assertThrows(IllegalArgumentException.class, () -> s.normalize("s\u0000BTCUSDT"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD"), "no USD spot pair");
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USDT-PERP"), "no USDT perpetual in the listing");
    }

    @Test
    void sequencesOnlyNeverGoBack() {
        BookSyncRules rules = PhemexVenue.RULES;
        assertTrue(rules.isStale(delta(100), 100), "already in the snapshot");
        assertTrue(rules.bridgesSnapshot(delta(170), 100), "the sequence skips: any later message joins");
        assertTrue(rules.continues(delta(106), 100));
        assertTrue(rules.continues(delta(100), 100), "a redelivery, applied again harmlessly");
        assertFalse(rules.continues(delta(99), 100), "a reordering");
        assertFalse(rules.isDuplicate(delta(100), 100));
        MarketEvent again = MarketEvent.snapshot(PhemexVenue.FEED, "sSUSHIUSDT", "SUSHI-USDT", 1L);
        again.lastUpdateId = 146075021;
        assertTrue(rules.isOlderSnapshot(again, 146075021), "the re-sent snapshot at the book's sequence changes nothing");
        assertNull(rules.checksum());
        assertEquals(0, rules.maxDepth(again), "the venue deletes what leaves its window");
        assertEquals("sequence >= 100", rules.describeExpectation(100));
    }

    private static MarketEvent delta(long sequence) {
        MarketEvent d = MarketEvent.delta(PhemexVenue.FEED, "BTCUSD", "BTC-USD-PERP", 1L);
        d.firstUpdateId = sequence;
        d.lastUpdateId = sequence;
        return d;
    }
}
