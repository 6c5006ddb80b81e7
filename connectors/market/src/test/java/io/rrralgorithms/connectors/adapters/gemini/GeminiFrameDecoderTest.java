package io.rrralgorithms.connectors.adapters.gemini;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gemini decoder over the real capture {@code GEMINI.ws.1.0} (market data v2, {@code l2} of 10
 * symbols, 2021-06-24): counts per frame kind from the raw lines (Jackson), exact fields of real
 * frames, bad frames, and the instrument catalog from {@code /v1/symbols/details/*}. The standard
 * checks are the contract's ({@code DecoderCases}); here the oracle and the venue's own fields.
 */
public class GeminiFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("gemini");

    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_624_493_670_760_541_000L);

    /** Book events: the receive time orders them (no sequence); l2_updates carry no time. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.type == EventType.TRADE ? MarketEvent.NONE : f.receiveTimeNs, ev.lastUpdateId);
        if (ev.type == EventType.TRADE) {
            assertTrue(ev.exchangeTimeMs > 1_624_493_666_000L, ev.toString());
        } else {
            assertEquals(0L, ev.exchangeTimeMs, "l2_updates carry no time");
        }
    }

    @Test
    void realFramesAreExact() throws Exception {
        MarketEvent t = CAPTURED.decode("{\"type\":\"trade\",\"symbol\":\"ANKRUSD\",\"event_id\":45465818387,\"timestamp\":1624493670759,"
                + "\"price\":\"0.07946\",\"quantity\":\"1020.482111\",\"side\":\"buy\"}").get(0);
        assertFields(t, "type", EventType.TRADE, "symbol", "ANKR-USD", "tradeId", 45465818387L,
                "exchangeTimeMs", 1624493670759L, "price", m("0.07946"), "size", m("1020.482111"));
        assertTrue(t.takerBuy, "side is the taker's");
        assertFalse(CAPTURED.decode("{\"type\":\"trade\",\"symbol\":\"BTCGBP\",\"event_id\":1,\"timestamp\":1,\"price\":\"1\","
                + "\"quantity\":\"1\",\"side\":\"sell\"}").get(0).takerBuy);

        MarketEvent d = CAPTURED.decode("{\"type\":\"l2_updates\",\"symbol\":\"FILUSD\",\"changes\":[[\"buy\",\"58.4033\",\"84.272973\"],"
                + "[\"sell\",\"58.5\",\"0\"]]}").get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "symbol", "FIL-USD", "bidPrices", new long[] {m("58.4033")},
                "bidSizes", new long[] {m("84.272973")}, "askPrices", new long[] {m("58.5")},
                "askSizes", new long[] {0L});

        // the ALCXUSD book, the capture's first frame, against its own text
        String first = CaptureLines.payloads(SharedData.cryptofeed("GEMINI.ws.1.0")).get(0);
        MarketEvent s = CAPTURED.decode(first).get(0);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "nativeSymbol", "ALCXUSD", "symbol", "ALCX-USD");
        JsonNode changes = JSON.readTree(first).get("changes");
        int nb = 0, na = 0;
        for (JsonNode c : changes) {
            if (c.get(0).asText().equals("buy")) {
                assertEquals(m(c.get(1).asText()), s.bidPrices[nb]);
                assertEquals(m(c.get(2).asText()), s.bidSizes[nb++]);
            } else {
                assertEquals(m(c.get(1).asText()), s.askPrices[na]);
                assertEquals(m(c.get(2).asText()), s.askSizes[na++]);
            }
        }
        assertEquals(133, nb);
        assertEquals(26, na);
        assertEquals(m("302.75"), s.bidPrices[0]);
        assertEquals(m("0.00001"), s.bidSizes[0]);
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(new RawFrame("gemini", null, FrameKind.WS, 1L,
                "{\"type\":\"heartbeat\",\"timestamp\":1624493666869}".getBytes(StandardCharsets.UTF_8)), e -> { }));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"symbol\":\"BTCUSD\"}| missing field 'type'",
        "{\"result\":\"error\",\"reason\":\"InvalidJson\",\"message\":\"bad\"}| venue error message: InvalidJson",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\"}| missing field 'changes'",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1\"]]}| must be a [side, price, quantity] array",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"bid\",\"1\",\"1\"]]}| must be buy or sell",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1\",\"-1\"]]}| a negative quantity",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1\",\"0\"]],\"trades\":[]}| a non-positive quantity in a snapshot",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[],\"trades\":{}}| field 'trades' must be an array",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCXYZ\",\"changes\":[]}| unknown Gemini symbol 'BTCXYZ'",
        "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":1,\"timestamp\":1,\"price\":\"1\",\"quantity\":\"1\",\"side\":\"up\"}| field 'side' must be buy or sell",
        "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":\"1\",\"timestamp\":1,\"price\":\"1\",\"quantity\":\"1\",\"side\":\"buy\"}| field 'event_id' must be an integer",
        "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":1,\"timestamp\":1,\"price\":1,\"quantity\":\"1\",\"side\":\"buy\"}| field 'price' must be a decimal string",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }

    @Test
    void catalogSymbolsAndSteps() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GEMINI.0"), ADAPTER);
        Instrument btc = c.byNative("BTCUSD").orElseThrow();
        assertEquals("BTC-USD", btc.symbol());
        assertEquals(0, new BigDecimal("0.01").compareTo(btc.tickSize()), "quote_increment");
        assertEquals(0, new BigDecimal("1E-8").compareTo(btc.lotSize()), "tick_size, written 1E-8, is the quantity step");
        assertEquals("BTC-GUSD", c.byNative("BTCGUSD").orElseThrow().symbol());
        assertEquals("GUSD-USD", c.byNative("GUSDUSD").orElseThrow().symbol());
        assertEquals("1INCH-USD", c.byNative("1INCHUSD").orElseThrow().symbol());
        assertEquals("PAXG-USD", c.byNative("PAXGUSD").orElseThrow().symbol(), "Paxos Gold, not PAX-GUSD");
    }
}
