package io.rrralgorithms.connectors.adapters.coinbase;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Coinbase {@code /products} reader over the response recorded in {@code COINBASE.0}: every product
 * with its increments against an independent Jackson read, the session's subscription against the
 * decoded symbols, bad responses. Exact products are rows of {@code VenueTablesTest.catalogs}.
 */
class CoinbaseInstrumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("coinbase");
    private static final List<String> METADATA = CaptureLines.lines(SharedData.cryptofeed("COINBASE.0"));
    private static final String OK = "{\"id\":\"BTC-USD\",\"base_currency\":\"BTC\",\"quote_currency\":\"USD\","
            + "\"quote_increment\":\"0.01\",\"base_increment\":\"0.00000001\"}";

    private static InstrumentCatalog catalog() throws IOException {
        return InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("COINBASE.0"), ADAPTER);
    }

    @Test
    void catalogHoldsEveryProductWithItsIncrements() throws IOException {
        String line = METADATA.get(0);
        assertTrue(line.startsWith("https://api.pro.coinbase.com/products -> "), line.substring(0, 60));
        JsonNode products = JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2));
        assertEquals(162, products.size());
        InstrumentCatalog c = catalog();
        assertEquals("coinbase", c.feed());
        assertEquals(162, c.size());
        for (JsonNode p : products) {
            Instrument i = c.byNative(p.get("id").textValue()).orElseThrow();
            assertEquals(Instrument.Kind.SPOT, i.kind());
            assertEquals(p.get("base_currency").textValue() + "-" + p.get("quote_currency").textValue(), i.symbol());
            assertEquals(i.nativeSymbol(), i.symbol(), "Coinbase ids are already BASE-QUOTE");
            assertEquals(0, new BigDecimal(p.get("quote_increment").textValue()).compareTo(i.tickSize()));
            assertEquals(0, new BigDecimal(p.get("base_increment").textValue()).compareTo(i.lotSize()));
            assertTrue(i.fitsScale(), i::toString);
        }
    }

    @Test
    void everyCapturedSymbolAgreesWithTheCatalog() throws Exception {
        InstrumentCatalog c = catalog();
        // the subscription of the session
        String config = METADATA.stream().filter(l -> l.startsWith("configuration: ")).findFirst().orElseThrow();
        Set<String> subscribed = new TreeSet<>();
        JSON.readTree(config.substring("configuration: ".length())).get("l2_book").forEach(n -> subscribed.add(n.textValue()));
        assertEquals(10, subscribed.size());
        Set<String> decoded = new TreeSet<>();
        List<MarketEvent> out = new ArrayList<>();
        try (CaptureReader r = CaptureFiles.open(SharedData.cryptofeed("COINBASE.ws.28.0"), null)) {
            while (r.hasNext()) {
                ADAPTER.decoder().decode(r.next(), out::add);
            }
        }
        for (MarketEvent ev : out) {
            Instrument i = c.byNative(ev.nativeSymbol).orElseThrow(() -> new AssertionError(ev.nativeSymbol));
            assertEquals(i.symbol(), ev.symbol);
            decoded.add(i.symbol());
        }
        assertEquals(subscribed, decoded);
        assertTrue(out.size() > 9000, "events " + out.size());
    }

    @Test
    void metadataUrlsAndAGoodResponse() throws IOException {
        InstrumentMetadata m = ADAPTER.instrumentMetadata();
        assertNotNull(m);
        assertEquals("BTC-USD", m.parse(m.urls().get(0), "[" + OK + "]").get(0).symbol());
    }

    /** A body written as OK with FROM replaced by TO ("-": as is). */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "[{\"id\":|  -| not JSON",
        "{\"message\":\"NotFound\"}| -| not a JSON array",
        "\"quote_currency\":\"USD\",| | 'quote_currency'",
        "\"0.01\"| \"0\"| positive",
        "\"0.01\"| \"abc\"| not a number",
    })
    void badResponsesAreErrors(String from, String to, String reason) {
        InstrumentMetadata m = ADAPTER.instrumentMetadata();
        String body = "-".equals(to) ? from : "[" + OK.replace(from, to == null ? "" : to) + "]";
        assertTrue(assertThrows(IOException.class, () -> m.parse(m.urls().get(0), body)).getMessage().contains(reason));
    }
}
