package io.rrralgorithms.jobs.bars;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A 1-minute bar's notional (and the features' {@code notional_1s}) is a currency amount: replayed as the job is fed (the capture's frames
 * with each instrument's metadata frame ahead of it, {@code CaptureFeeds.open}), the bars of BitMEX
 * and Binance COIN-M captures sum each trade's contract value, computed here from the raw lines:
 * BitMEX's own {@code foreignNotional} (USD) of an inverse contract's trade and {@code grossValue}
 * (XBt = 1e-8 BTC) of the others', COIN-M's quantity × the recorded {@code contractSize}. With the
 * multiplier ignored (price × contracts) every one of these sums would differ.
 */
class ContractNotionalReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Per native symbol: the bars' Σ notional, the currency, and Σ price × size. */
    private record Sums(Map<String, BigDecimal> notional, Map<String, String> currency, Map<String, BigDecimal> priceTimesSize,
            Map<String, Double> featureNotional, Map<String, String> featureCurrency, InProcessPipeline.Counters counters,
            long instrumentFrames) {
        /** The features' Σ notional_1s equals the bars' notional (as doubles), in the same currency. */
        void featuresAgree() {
            notional.forEach((s, v) -> {
                assertEquals(v.doubleValue(), featureNotional.get(s), 1e-9 * v.doubleValue(), s + " notional_1s");
                assertEquals(currency.get(s), featureCurrency.get(s), s);
            });
        }
    }

    private static Sums replay(Path capture) throws Exception {
        Map<String, BigDecimal> notional = new TreeMap<>();
        Map<String, String> currency = new TreeMap<>();
        Map<String, BigDecimal> pq = new TreeMap<>();
        Map<String, Double> features = new TreeMap<>();
        Map<String, String> featureCurrency = new TreeMap<>();
        // 10 minutes of out-of-orderness: no trade of a 30 s capture is late for its second
        InProcessPipeline p = new InProcessPipeline(10, 100_000, 600_000L, new InProcessPipeline.Listener() {
            @Override
            public void featureRow(FeatureRow row, BookTop sample) {
                if (row.tradeCount1s > 0) {
                    features.merge(row.nativeSymbol, row.notional1s, Double::sum);
                    featureCurrency.put(row.nativeSymbol, row.notionalCurrency);
                }
            }

            @Override
            public void bar(TradeBar b) {
                notional.merge(b.nativeSymbol, b.notional, BigDecimal::add);
                pq.merge(b.nativeSymbol, b.priceVolume, BigDecimal::add);
                String before = currency.put(b.nativeSymbol, b.notionalCurrency);
                assertTrue(before == null || before.equals(b.notionalCurrency), "one currency per instrument");
            }
        });
        long instrumentFrames = 0;
        try (CaptureReader r = CaptureFeeds.INFERRED.open(capture)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                instrumentFrames += f.kind == FrameKind.INSTRUMENT ? 1 : 0;
                p.frame(f);
            }
        }
        p.finish();
        assertEquals(0, p.counters().lateBarTrades);
        assertEquals(0, p.counters().lateFeatureElements);
        return new Sums(notional, currency, pq, features, featureCurrency, p.counters(), instrumentFrames);
    }

    /** The trade JSON objects of a capture's {@code <ts>: <payload>} lines that {@code pick} returns. */
    private static List<JsonNode> trades(Path capture, Function<JsonNode, Iterable<JsonNode>> pick)
            throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(": {");
            if (colon > 0 && Character.isDigit(line.charAt(0))) {
                pick.apply(JSON.readTree(line.substring(colon + 2))).forEach(out::add);
            }
        }
        return out;
    }

    /** Per BitMEX symbol, whether its contract is inverse, from the recorded instrument list. */
    static Map<String, Boolean> bitmexInverse() throws Exception {
        Map<String, Boolean> inverse = new TreeMap<>();
        for (String line : Files.readAllLines(SharedData.cryptofeed("BITMEX.0"), StandardCharsets.UTF_8)) {
            if (line.startsWith("https://www.bitmex.com/api/v1/instrument/active -> ")) {
                JSON.readTree(line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2))
                        .forEach(i -> inverse.put(i.get("symbol").asText(), i.get("isInverse").asBoolean()));
            }
        }
        return inverse;
    }

    /**
     * Per symbol, Σ of the venue's own notional of each trade of the BitMEX capture: USD of an
     * inverse contract ({@code foreignNotional}), else its value in XBt ({@code grossValue}) as BTC.
     */
    static Map<String, BigDecimal> bitmexVenueNotionals(Path capture) throws Exception {
        Map<String, Boolean> inverse = bitmexInverse();
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (JsonNode t : bitmexTrades(capture)) {
            String s = t.get("symbol").asText();
            BigDecimal value = inverse.get(s) ? t.get("foreignNotional").decimalValue()
                    : t.get("grossValue").decimalValue().movePointLeft(8);
            expected.merge(s, value, BigDecimal::add);
        }
        return expected;
    }

    private static List<JsonNode> bitmexTrades(Path capture) throws Exception {
        return trades(capture, j -> j.path("table").asText().equals("trade")
                && j.path("action").asText().equals("insert") ? j.get("data") : List.of());
    }

    @Test
    void bitmexBarsSumTheVenuesOwnNotionals() throws Exception {
        Path capture = SharedData.cryptofeed("BITMEX.ws.1.0");
        Map<String, Boolean> inverse = bitmexInverse();
        Map<String, BigDecimal> expected = bitmexVenueNotionals(capture);
        Map<String, BigDecimal> pq = new TreeMap<>();
        for (JsonNode t : bitmexTrades(capture)) {
            pq.merge(t.get("symbol").asText(), t.get("price").decimalValue().multiply(t.get("size").decimalValue()),
                    BigDecimal::add);
        }
        Sums got = replay(capture);
        assertEquals(expected.keySet(), got.notional().keySet());
        assertTrue(expected.containsKey("XBTUSD") && expected.size() >= 3, "inverse and quanto trades: " + expected);
        expected.forEach((s, v) -> {
            assertEquals(0, v.compareTo(got.notional().get(s)), s + ": " + got.notional().get(s) + " vs the venue's " + v);
            assertNotEquals(0, v.compareTo(pq.get(s)), s + ": the multiplier matters");
            assertEquals(0, pq.get(s).compareTo(got.priceTimesSize().get(s)), s + ": VWAP's Σ price × size");
            assertEquals(inverse.get(s) ? "USD" : "BTC", got.currency().get(s), s);
        });
        assertEquals(0, got.counters().instrumentsWithoutTerms);
        assertTrue(got.instrumentFrames() >= expected.size());
        got.featuresAgree();
    }

    @Test
    void coinmBarsAreContractsTimesContractSize() throws Exception {
        Path capture = SharedData.cryptofeed("BINANCE_DELIVERY.ws.1.0");
        Map<String, BigDecimal> contractSize = new TreeMap<>();
        String info = Files.readAllLines(SharedData.cryptofeed("BINANCE_DELIVERY.0"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("https://dapi.binance.com/dapi/v1/exchangeInfo -> ")).findFirst().orElseThrow();
        JSON.readTree(info.substring(info.indexOf(": ", info.indexOf(" -> ")) + 2)).get("symbols")
                .forEach(s -> contractSize.put(s.get("symbol").asText(), s.get("contractSize").decimalValue()));
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (JsonNode t : trades(capture, j -> j.path("data").path("e").asText().equals("aggTrade")
                ? List.of(j.get("data")) : List.of())) {
            String s = t.get("s").asText();
            expected.merge(s, new BigDecimal(t.get("q").asText()).multiply(contractSize.get(s)), BigDecimal::add);
        }
        Sums got = replay(capture);
        assertFalse(expected.isEmpty());
        assertEquals(expected.keySet(), got.notional().keySet());
        expected.forEach((s, v) -> {
            assertEquals(0, v.compareTo(got.notional().get(s)), s + ": " + got.notional().get(s) + " vs " + v);
            assertNotEquals(0, v.compareTo(got.priceTimesSize().get(s)), s + ": the multiplier matters");
            assertEquals("USD", got.currency().get(s));
        });
        got.featuresAgree();
    }

    @Test
    void withoutMetadataTheNotionalStaysPriceTimesSizeAndIsCounted() throws Exception {
        // hftbacktest's files carry no instrument list: no terms, counted once per instrument
        Sums got = replay(SharedData.market("binance-usdm/btcusdt_20240718.gz"));
        assertEquals(0, got.instrumentFrames());
        assertEquals(1, got.counters().instrumentsWithoutTerms);
        got.notional().forEach((s, v) -> assertEquals(0, v.compareTo(got.priceTimesSize().get(s)), s));
        assertNull(got.currency().get("BTCUSDT"));
    }
}
