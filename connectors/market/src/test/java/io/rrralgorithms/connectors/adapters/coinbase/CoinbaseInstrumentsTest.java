package io.rrralgorithms.connectors.adapters.coinbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Coinbase {@code /products} reader over the response recorded in the cryptofeed
 * {@code COINBASE.0}: every product with its increments (checked against an independent Jackson
 * read), and the decoder's symbols of the whole capture equal to the catalog's.
 */
class CoinbaseInstrumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("coinbase");

    private static Path metadataFile() {
        return SharedData.cryptofeed("COINBASE.0");
    }

    private static InstrumentCatalog catalog() throws IOException {
        return InstrumentCatalog.fromCryptofeed(metadataFile(), ADAPTER);
    }

    private static JsonNode recordedProducts() throws IOException {
        String line = Files.readAllLines(metadataFile(), StandardCharsets.UTF_8).get(0);
        assertTrue(line.startsWith("https://api.pro.coinbase.com/products -> "), line.substring(0, 60));
        return JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2));
    }

    @Test
    void catalogHoldsEveryProductWithItsIncrements() throws IOException {
        JsonNode products = recordedProducts();
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
    void capturedProductsAreExact() throws IOException {
        InstrumentCatalog c = catalog();
        assertEquals(new Instrument("coinbase", "BAND-BTC", "BAND-BTC", Instrument.Kind.SPOT, "BAND", "BTC", null,
                new BigDecimal("0.00000001"), new BigDecimal("0.01")), c.byNative("BAND-BTC").orElseThrow());
        Instrument yfi = c.byNative("YFI-BTC").orElseThrow();
        assertEquals(5, yfi.priceDecimals());
        assertEquals(6, yfi.sizeDecimals());
        Instrument skl = c.byNative("SKL-EUR").orElseThrow();
        assertEquals(4, skl.priceDecimals());
        assertEquals(1, skl.sizeDecimals());
    }

    @Test
    void everyCapturedSymbolAgreesWithTheCatalog() throws Exception {
        InstrumentCatalog c = catalog();
        // the subscription of the session
        String config = Files.readAllLines(metadataFile(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("configuration: ")).findFirst().orElseThrow();
        Set<String> subscribed = new TreeSet<>();
        JSON.readTree(config.substring("configuration: ".length())).get("l2_book")
                .forEach(n -> subscribed.add(n.textValue()));
        assertEquals(10, subscribed.size());

        Set<String> decoded = new TreeSet<>();
        int events = 0;
        try (CaptureReader r = CaptureFiles.open(SharedData.cryptofeed("COINBASE.ws.28.0"), null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                List<MarketEvent> out = new ArrayList<>();
                ADAPTER.decoder().decode(f, out::add);
                for (MarketEvent ev : out) {
                    Instrument i = c.byNative(ev.nativeSymbol).orElseThrow(() -> new AssertionError(ev.nativeSymbol));
                    assertEquals(i.symbol(), ev.symbol);
                    decoded.add(i.symbol());
                    events++;
                }
            }
        }
        assertEquals(subscribed, decoded);
        assertTrue(events > 9000, "events " + events);
    }

    @Test
    void metadataUrls() {
        InstrumentMetadata m = ADAPTER.instrumentMetadata();
        assertNotNull(m);
        assertEquals(List.of("https://api.exchange.coinbase.com/products"), m.urls());
        assertTrue(m.isMetadataUrl("https://api.pro.coinbase.com/products"));
        assertTrue(m.isMetadataUrl("https://api.exchange.coinbase.com/products"));
        assertFalse(m.isMetadataUrl("https://api.exchange.coinbase.com/products/BTC-USD/book?level=2"));
        assertFalse(m.isMetadataUrl("https://example.com/products"));
        assertFalse(m.isMetadataUrl("::"));
    }

    @Test
    void badResponsesAreErrors() {
        InstrumentMetadata m = ADAPTER.instrumentMetadata();
        String url = m.urls().get(0);
        assertTrue(assertThrows(IOException.class, () -> m.parse(url, "[{\"id\":")).getMessage().contains("not JSON"));
        assertTrue(assertThrows(IOException.class, () -> m.parse(url, "{\"message\":\"NotFound\"}")).getMessage()
                .contains("not a JSON array"));
        String ok = "{\"id\":\"BTC-USD\",\"base_currency\":\"BTC\",\"quote_currency\":\"USD\","
                + "\"quote_increment\":\"0.01\",\"base_increment\":\"0.00000001\"}";
        try {
            assertEquals("BTC-USD", m.parse(url, "[" + ok + "]").get(0).symbol());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String noQuote = ok.replace("\"quote_currency\":\"USD\",", "");
        assertTrue(assertThrows(IOException.class, () -> m.parse(url, "[" + noQuote + "]")).getMessage()
                .contains("'quote_currency'"));
        String zero = ok.replace("\"0.01\"", "\"0\"");
        assertTrue(assertThrows(IOException.class, () -> m.parse(url, "[" + zero + "]")).getMessage()
                .contains("positive"));
        String nan = ok.replace("\"0.01\"", "\"abc\"");
        assertTrue(assertThrows(IOException.class, () -> m.parse(url, "[" + nan + "]")).getMessage()
                .contains("not a number"));
    }
}
