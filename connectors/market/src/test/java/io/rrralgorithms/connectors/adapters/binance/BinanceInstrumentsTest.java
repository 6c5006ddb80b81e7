package io.rrralgorithms.connectors.adapters.binance;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Binance {@code exchangeInfo} readers over the responses recorded in the cryptofeed
 * {@code BINANCE.0}, {@code BINANCE_US.0}, {@code BINANCE_FUTURES.0} and {@code BINANCE_DELIVERY.0}
 * files: every listed symbol against an independent Jackson read of the same responses, the dated
 * contracts' expiries, COIN-M contract sizes, the captures' symbols against cryptofeed's subscription,
 * bad responses. Exact instruments are rows of {@code VenueTablesTest.catalogs}; the decoder's symbol of
 * every listed one is the contract's catalog check.
 */
class BinanceInstrumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path file(String name) {
        return SharedData.cryptofeed(name);
    }

    private static InstrumentCatalog catalog(String exchange, String feed) throws IOException {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(file(exchange + ".0"), Venues.forFeed(feed));
        assertEquals(feed, c.feed());
        return c;
    }

    /** The {@code symbols} of the recorded exchangeInfo, read here without the reader. */
    private static JsonNode recordedSymbols(String exchange) throws IOException {
        List<String> lines = Files.readAllLines(file(exchange + ".0"), StandardCharsets.UTF_8);
        String line = lines.stream().filter(l -> l.contains("/exchangeInfo -> ")).findFirst().orElseThrow();
        return JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2)).get("symbols");
    }

    private static void assertStep(String expected, BigDecimal actual) {
        assertNotNull(actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    // ---------------------------------------------------------------- the catalogs

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // exchange, feed, listed, in catalog, spot, perpetual, future
        "BINANCE, binance-spot, 1695, 1695, 1695, 0, 0",
        "BINANCE_US, binance-us, 121, 121, 121, 0, 0",
        "BINANCE_FUTURES, binance-usdm, 122, 121, 0, 119, 2",
        "BINANCE_DELIVERY, binance-coinm, 36, 36, 0, 18, 18",
    })
    void catalogHoldsEveryListedSymbol(String exchange, String feed, int listed, int inCatalog, int spot, int perp,
            int future) throws IOException {
        JsonNode symbols = recordedSymbols(exchange);
        assertEquals(listed, symbols.size());
        InstrumentCatalog c = catalog(exchange, feed);
        assertEquals(inCatalog, c.size());
        Map<Instrument.Kind, Integer> kinds = new TreeMap<>();
        for (Instrument i : c.all()) {
            kinds.merge(i.kind(), 1, Integer::sum);
            assertEquals(feed, i.feed());
            assertTrue(i.fitsScale(), () -> "tick/lot finer than 1e-8: " + i);
            assertNotNull(i.tickSize(), i::toString);
            assertNotNull(i.lotSize(), i::toString);
            assertEquals(i.kind() == Instrument.Kind.FUTURE, i.expiry() != null, i::toString);
        }
        assertEquals(spot, kinds.getOrDefault(Instrument.Kind.SPOT, 0));
        assertEquals(perp, kinds.getOrDefault(Instrument.Kind.PERPETUAL, 0));
        assertEquals(future, kinds.getOrDefault(Instrument.Kind.FUTURE, 0));

        // every listed symbol is in the catalog with the filters' steps and assets, but the one
        // USDⓈ-M contract with contractType "" (BTCSTUSDT, PENDING_TRADING)
        Set<String> leftOut = new TreeSet<>();
        for (JsonNode s : symbols) {
            String sym = s.get("symbol").textValue();
            Instrument i = c.byNative(sym).orElse(null);
            if (i == null) {
                leftOut.add(sym + " " + s.path("contractType").asText() + " " + s.path("status").asText());
                continue;
            }
            assertEquals(s.get("baseAsset").textValue(), i.base());
            assertEquals(s.get("quoteAsset").textValue(), i.quote());
            for (JsonNode f : s.get("filters")) {
                switch (f.get("filterType").textValue()) {
                    case "PRICE_FILTER" -> assertStep(f.get("tickSize").textValue(), i.tickSize());
                    case "LOT_SIZE" -> assertStep(f.get("stepSize").textValue(), i.lotSize());
                    default -> { }
                }
            }
        }
        assertEquals(feed.equals("binance-usdm") ? Set.of("BTCSTUSDT  PENDING_TRADING") : Set.of(), leftOut);
    }

    @Test
    void datedContractsExpireOnTheirSymbolsDate() throws IOException {
        InstrumentCatalog usdm = catalog("BINANCE_FUTURES", "binance-usdm");
        InstrumentCatalog coinm = catalog("BINANCE_DELIVERY", "binance-coinm");
        // the symbol's yyMMdd is the UTC date of deliveryDate for every dated contract
        for (InstrumentCatalog c : List.of(usdm, coinm)) {
            for (Instrument i : c.all()) {
                if (i.kind() == Instrument.Kind.FUTURE) {
                    String suffix = i.nativeSymbol().substring(i.nativeSymbol().indexOf('_') + 1);
                    assertEquals(suffix, String.format("%02d%02d%02d", i.expiry().getYear() % 100,
                            i.expiry().getMonthValue(), i.expiry().getDayOfMonth()), i::toString);
                }
            }
        }
    }

    @Test
    void coinmContractSizes() throws IOException {
        InstrumentCatalog coinm = catalog("BINANCE_DELIVERY", "binance-coinm");
        assertEquals(36, coinm.size());
        // every COIN-M contract is inverse, worth its contractSize in USD
        assertTrue(coinm.all().stream().allMatch(i -> i.terms().kind() == ContractTerms.Kind.INVERSE
                && i.notionalCurrency().equals("USD")));
        assertEquals(new BigDecimal("100"), coinm.byNative("BTCUSD_PERP").orElseThrow().terms().multiplier());
        assertEquals(new BigDecimal("100"), coinm.byNative("BTCUSD_211231").orElseThrow().terms().multiplier());
        assertEquals(new BigDecimal("10"), coinm.byNative("ETHUSD_210924").orElseThrow().terms().multiplier());
        assertEquals(33, coinm.all().stream().filter(i -> i.terms().multiplier().intValue() == 10).count(),
                "all but the 3 BTC contracts: 10 USD");
        // 3 contracts of BTCUSD_PERP at any price: 300 USD
        assertEquals(0, new BigDecimal("300").compareTo(coinm.byNative("BTCUSD_PERP").orElseThrow()
                .notional(new BigDecimal("61234.5"), new BigDecimal("3"))));
        // the other markets size in the base asset: linear, multiplier 1, in the quote
        assertTrue(catalog("BINANCE_FUTURES", "binance-usdm").all().stream().allMatch(i -> i.terms().isUnitLinear()
                && i.notionalCurrency().equals(i.quote())));
    }

    // ---------------------------------------------------------------- the decoders agree

    /** The cryptofeed name of a dated contract, {@code BTC-USD-21Z31}, in our scheme: {@code BTC-USD-211231}. */
    private static String fromCryptofeed(String symbol) {
        Matcher m = Pattern.compile("^(.*)-(\\d\\d)([FGHJKMNQUVXZ])(\\d\\d)$").matcher(symbol);
        if (!m.matches()) {
            return symbol;
        }
        int month = "FGHJKMNQUVXZ".indexOf(m.group(3).charAt(0)) + 1;
        return m.group(1) + "-" + m.group(2) + String.format("%02d", month) + m.group(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "BINANCE, binance-spot, 4",
        "BINANCE_US, binance-us, 4",
        "BINANCE_FUTURES, binance-usdm, 4",
        "BINANCE_DELIVERY, binance-coinm, 10",
    })
    void capturedSymbolsAgreeWithTheCatalog(String exchange, String feed, int instruments) throws Exception {
        InstrumentCatalog c = catalog(exchange, feed);
        // every symbol the capture streams (read from the raw lines) is in the catalog
        Set<String> streamed = new TreeSet<>();
        for (String payload : CaptureLines.payloads(file(exchange + ".ws.1.0"))) {
            streamed.add(JSON.readTree(payload).get("data").get("s").textValue());
        }
        assertEquals(instruments, streamed.size());
        for (String s : streamed) {
            assertTrue(c.byNative(s).isPresent(), () -> s + " streamed but not in the catalog");
        }

        // cryptofeed's subscription names the same instruments (its dated-futures code translated)
        String config = Files.readAllLines(file(exchange + ".0"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("configuration: ")).findFirst().orElseThrow();
        Set<String> subscribed = new TreeSet<>();
        JSON.readTree(config.substring("configuration: ".length())).get("l2_book")
                .forEach(n -> subscribed.add(fromCryptofeed(n.textValue())));
        Set<String> catalogued = new TreeSet<>();
        streamed.forEach(s -> catalogued.add(c.byNative(s).orElseThrow().symbol()));
        assertEquals(subscribed, catalogued, "cryptofeed's normalized symbols");
    }

    // ---------------------------------------------------------------- URLs and bad input

    /** One reader per feed (its URLs: {@code VenueTablesTest.urls}). */
    @Test
    void metadataReaderIsTheVenues() {
        assertSame(Venues.forFeed("binance-spot").instrumentMetadata(), Venues.forFeed("binance-spot").instrumentMetadata());
    }

    @Test
    void badResponsesAreErrors() throws IOException {
        BinanceInstruments spot = (BinanceInstruments) Venues.forFeed("binance-spot").instrumentMetadata();
        BinanceInstruments coinm = (BinanceInstruments) Venues.forFeed("binance-coinm").instrumentMetadata();
        String url = spot.urls().get(0);
        assertTrue(assertThrows(IOException.class, () -> spot.parse(url, "{\"symbols\":[")).getMessage()
                .contains("not JSON"));
        assertTrue(assertThrows(IOException.class, () -> spot.parse(url, "{\"code\":-1121,\"msg\":\"x\"}"))
                .getMessage().contains("'symbols'"));
        String ok = "{\"symbol\":\"ETHBTC\",\"baseAsset\":\"ETH\",\"quoteAsset\":\"BTC\",\"filters\":["
                + "{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.00000100\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.00010000\"}]}";
        assertEquals(1, spot.parse(url, "{\"symbols\":[" + ok + "]}").size());
        String noBase = ok.replace("\"baseAsset\":\"ETH\",", "");
        assertTrue(assertThrows(IOException.class, () -> spot.parse(url, "{\"symbols\":[" + noBase + "]}"))
                .getMessage().contains("'baseAsset'"));
        String badTick = ok.replace("0.00000100", "a lot");
        assertTrue(assertThrows(IOException.class, () -> spot.parse(url, "{\"symbols\":[" + badTick + "]}"))
                .getMessage().contains("tickSize"));
        String dated = ok.replace("\"symbol\":\"ETHBTC\"", "\"symbol\":\"ETHUSD_210924\",\"contractType\":\"CURRENT_QUARTER\"");
        assertTrue(assertThrows(IOException.class, () -> coinm.parse(url, "{\"symbols\":[" + dated + "]}"))
                .getMessage().contains("deliveryDate"));
        // a zero step is Binance's "no rule": no tick
        String zeroTick = ok.replace("0.00000100", "0.00000000");
        assertNull(spot.parse(url, "{\"symbols\":[" + zeroTick + "]}").get(0).tickSize());
    }
}
