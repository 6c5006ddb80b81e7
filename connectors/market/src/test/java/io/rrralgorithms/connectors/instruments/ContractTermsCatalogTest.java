package io.rrralgorithms.connectors.instruments;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract terms of every derivative of the recorded catalogs ({@code <EXCHANGE>.0}) against the
 * recorded JSON: each venue's own fields (Binance {@code contractSize}, BitMEX {@code multiplier} /
 * {@code isInverse} / {@code isQuanto}, Deribit {@code contract_size} / {@code future_type}, OKX
 * {@code ctVal} × {@code ctMult} / {@code ctType}, Kraken Futures {@code contractSize} / {@code type},
 * Huobi {@code contract_size}, Gate.io {@code quanto_multiplier}, Phemex {@code contractSize},
 * Delta {@code contract_value}, bit.com {@code contract_size}) read here from the raw responses, and
 * a few contracts whose value the listing spells out, written as the venues document them.
 */
class ContractTermsCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Each recorded REST response of {@code exchange}.0 whose URL contains {@code marker}, parsed, in file order. */
    private static void responses(String exchange, String marker, BiConsumer<String, JsonNode> each) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(SharedData.cryptofeed(exchange + ".0"), StandardCharsets.UTF_8)) {
            int arrow = line.indexOf(" -> ");
            int colon = arrow < 0 ? -1 : line.indexOf(": ", arrow);
            if (colon > 0 && line.substring(0, arrow).contains(marker)) {
                each.accept(line.substring(0, arrow), JSON.readTree(line.substring(colon + 2)));
                n++;
            }
        }
        assertTrue(n > 0, exchange + ": no " + marker + " response recorded");
    }

    private static InstrumentCatalog catalog(String feed) throws IOException {
        Venue v = Venues.forFeed(feed);
        return InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed(v.cryptofeedExchange() + ".0"), v);
    }

    private static String asset(JsonNode n) {
        return NormalizedSymbols.asset(n.asText());
    }

    private static String terms(String kind, BigDecimal multiplier, String currency) {
        return new ContractTerms(ContractTerms.Kind.valueOf(kind), multiplier, currency).describe();
    }

    /** What the recorded responses say each instrument's terms are: native symbol → {@link ContractTerms#describe}. */
    @FunctionalInterface
    interface Oracle {
        void read(String url, JsonNode response, Map<String, String> want);
    }

    /** Every derivative {@code oracle} reads from the recorded {@code marker} responses is in the catalog with those terms. */
    private static void verify(String feed, String exchange, String marker, Oracle oracle) throws IOException {
        Map<String, String> want = new LinkedHashMap<>();
        responses(exchange, marker, (url, r) -> oracle.read(url, r, want));
        assertEquals(want.size(), check(feed, want), feed + ": every derivative of the list");
    }

    /** Every instrument of the catalog named in {@code expected} has those terms; returns how many were checked. */
    private static int check(String feed, Map<String, String> expected) throws IOException {
        assertFalse(expected.isEmpty(), feed + ": no derivative in the recorded list");
        InstrumentCatalog c = catalog(feed);
        int checked = 0;
        for (Instrument i : c.all()) {
            String want = expected.get(i.nativeSymbol());
            if (want != null) {
                assertEquals(want, i.terms().describe(), i.toString());
                checked++;
            }
        }
        return checked;
    }

    @Test
    void binanceCoinmContractSize() throws IOException {
        verify("binance-coinm", "BINANCE_DELIVERY", "/dapi/v1/exchangeInfo", (url, r, want) -> r.get("symbols").forEach(s ->
                want.put(s.get("symbol").asText(), terms("INVERSE", s.get("contractSize").decimalValue(), "USD"))));
    }

    /**
     * BitMEX contract value in its settlement unit (XBt = 1e-8 BTC): inverse multiplier / price, quanto
     * multiplier × price, linear multiplier × price / quoteToSettle.
     */
    @Test
    void bitmexMultipliers() throws IOException {
        verify("bitmex", "BITMEX", "/api/v1/instrument/active", (url, r, want) -> r.forEach(i -> {
            if (!i.get("typ").asText().matches("FFWCSX|FFCCSX")) {
                return; // indices, spot, options: not in the catalog
            }
            BigDecimal m = i.get("multiplier").decimalValue();
            String quote = asset(i.get("quoteCurrency"));
            String w;
            if (i.get("isInverse").asBoolean()) {
                w = terms("INVERSE", m.abs().divide(i.get("underlyingToSettleMultiplier").decimalValue().abs()), quote);
            } else if (i.get("isQuanto").asBoolean()) {
                assertEquals("XBt", i.get("settlCurrency").asText());
                w = terms("QUANTO", m.movePointLeft(8), "BTC");
            } else {
                w = terms("LINEAR", m.divide(i.get("quoteToSettleMultiplier").decimalValue()), quote);
            }
            want.put(i.get("symbol").asText(), w);
        }));
    }

    @Test
    void deribitContractSize() throws IOException {
        verify("deribit", "DERIBIT", "/api/v2/public/get_instruments", (url, r, want) -> r.get("result").forEach(i -> {
            String name = i.get("instrument_name").asText();
            switch (i.get("kind").asText()) {
                // amounts of inverse futures are USD already (contract_size is their step): 1 USD per unit
                case "future" -> want.put(name, i.path("future_type").asText("reversed").equals("reversed")
                        ? terms("INVERSE", BigDecimal.ONE, asset(i.get("quote_currency")))
                        : terms("LINEAR", BigDecimal.ONE, asset(i.get("quote_currency"))));
                // options: contract_size coins per unit, premium in the quote_currency (BTC, ETH, SOL, USDC)
                case "option" -> want.put(name, terms("LINEAR", i.get("contract_size").decimalValue(),
                        asset(i.get("quote_currency"))));
                default -> { }
            }
        }));
    }

    @Test
    void okxContractValue() throws IOException {
        verify("okx", "OKX", "/api/v5/public/instruments", (url, r, want) -> r.get("data").forEach(s -> {
            String type = s.get("instType").asText();
            if (type.equals("SPOT")) {
                return;
            }
            BigDecimal value = new BigDecimal(s.get("ctVal").asText()).multiply(new BigDecimal(s.get("ctMult").asText()));
            String quote = NormalizedSymbols.asset(s.get("uly").asText().split("-")[1]);
            want.put(s.get("instId").asText(), type.equals("OPTION") ? terms("LINEAR", value, asset(s.get("settleCcy")))
                    : terms(s.get("ctType").asText().equals("inverse") ? "INVERSE" : "LINEAR", value, quote));
        }));
    }

    @Test
    void krakenFuturesContractSize() throws IOException {
        verify("kraken-futures", "KRAKEN_FUTURES", "/derivatives/api/v3/instruments", (url, r, want) -> r.get("instruments").forEach(i -> {
            String type = i.get("type").asText();
            if (type.startsWith("futures_")) {
                String symbol = i.get("symbol").asText().toUpperCase(Locale.ROOT);
                want.put(symbol, terms(type.equals("futures_inverse") ? "INVERSE" : "LINEAR",
                        i.get("contractSize").decimalValue(), "USD"));
            }
        }));
    }

    @Test
    void huobiSwapContractSize() throws IOException {
        verify("huobi-swap", "HUOBI_SWAP", "swap_contract_info", (url, r, want) -> r.get("data").forEach(c -> {
            String code = c.get("contract_code").asText();
            // swap-api: coin-margined, contract_size USD; linear-swap-api: contract_size of the base
            boolean coinMargined = !url.contains("linear-swap-api");
            want.put(code, terms(coinMargined ? "INVERSE" : "LINEAR", c.get("contract_size").decimalValue(),
                    NormalizedSymbols.asset(code.split("-")[1])));
        }));
    }

    @Test
    void gateioQuantoMultiplier() throws IOException {
        verify("gateio-futures", "GATEIO_FUTURES", "/api/v4/futures/usdt/contracts", (url, r, want) -> r.forEach(c ->
                want.put(c.get("name").asText(), terms("LINEAR", new BigDecimal(c.get("quanto_multiplier").asText()), "USDT"))));
    }

    @Test
    void phemexContractSize() throws IOException {
        verify("phemex", "PHEMEX", "/cfg/v2/products", (url, r, want) -> r.get("data").get("products").forEach(p -> {
            if (p.get("type").asText().equals("Perpetual")) {
                String quote = asset(p.get("quoteCurrency"));
                String unit = asset(p.get("contractUnderlyingAssets"));
                String settle = asset(p.get("settleCurrency"));
                want.put(p.get("symbol").asText(), unit.equals(quote) ? terms("INVERSE", p.get("contractSize").decimalValue(), quote)
                        : settle.equals(quote) ? terms("LINEAR", p.get("contractSize").decimalValue(), quote)
                        : terms("QUANTO", p.get("contractSize").decimalValue(), settle));
            }
        }));
    }

    @Test
    void deltaContractValue() throws IOException {
        verify("delta", "DELTA", "/v2/products", (url, r, want) -> r.get("result").forEach(p -> {
            String type = p.get("contract_type").asText();
            if (type.equals("perpetual_futures") || type.equals("call_options") || type.equals("put_options")) {
                String base = asset(p.get("underlying_asset").get("symbol"));
                String quote = asset(p.get("quoting_asset").get("symbol"));
                String unit = asset(p.get("contract_unit_currency"));
                want.put(p.get("symbol").asText(), terms(unit.equals(base) ? "LINEAR" : "INVERSE",
                        new BigDecimal(p.get("contract_value").asText()), quote));
            }
        }));
    }

    @Test
    void bitcomContractSize() throws IOException {
        verify("bitcom", "BIT.COM", "/linear/v1/instruments", (url, r, want) -> r.get("data").forEach(i ->
                want.put(i.get("instrument_id").asText(), terms("LINEAR", new BigDecimal(i.get("contract_size").asText()),
                        asset(i.get("quote_currency"))))));
    }

    /** Bybit's v2 list has no size field: USD-quoted contracts are inverse contracts of 1 USD (Bybit's documents). */
    @Test
    void bybitByQuote() throws IOException {
        verify("bybit", "BYBIT", "/v2/public/symbols", (url, r, want) -> r.get("result").forEach(i -> {
            String quote = asset(i.get("quote_currency"));
            want.put(i.get("name").asText(), terms(quote.equals("USD") ? "INVERSE" : "LINEAR", BigDecimal.ONE, quote));
        }));
    }

    /** Contracts whose value the listing spells out, in the venues' own words. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "bitmex|XBTUSD|inverse 1 USD", // 1 USD per contract
        "bitmex|ETHUSD|quanto 0.000001 BTC", // 100 XBt per 1 USD of the price
        "bitmex|XRPU21|linear 1 BTC", // 1 XRP per contract, priced in XBT
        "binance-coinm|BTCUSD_PERP|inverse 100 USD", "binance-coinm|ETHUSD_210924|inverse 10 USD",
        "okx|BTC-USD-SWAP|inverse 100 USD", "okx|BTC-USD-220514-22000-C|linear 0.1 BTC",
        "kraken-futures|PI_XBTUSD|inverse 1 USD",
        "huobi-swap|BTC-USD|inverse 100 USD", "huobi-swap|BTC-USDT|linear 0.001 USDT",
        "gateio-futures|OOKI_USDT|linear 100 USDT", "gateio-futures|KNC_USDT|linear 1 USDT",
        "phemex|BTCUSD|inverse 1 USD", "phemex|ETHUSD|linear 0.005 USD",
        "delta|BTCUSD|inverse 1 USD", "delta|C-BTC-59000-301121|linear 0.001 USDT",
        "deribit|BTC-PERPETUAL|inverse 1 USD", "deribit|BTC-24SEP21-40000-P|linear 1 BTC",
        "bybit|BTCUSD|inverse 1 USD", "bybit|BTCUSDT|linear 1 USDT",
        "binance-usdm|BTCUSDT|linear 1 USDT", "coinbase|BTC-USD|linear 1 USD",
    })
    void listedValues(String feed, String nativeSymbol, String terms) throws IOException {
        assertEquals(terms, catalog(feed).byNative(nativeSymbol).orElseThrow().terms().describe());
    }

    @Test
    void notionalByKind() {
        BigDecimal price = new BigDecimal("50000.5");
        BigDecimal size = new BigDecimal("3");
        assertEquals(new BigDecimal("300"), ContractTerms.inverse(new BigDecimal("100"), "USD").notional(price, size));
        assertEquals(new BigDecimal("150.0015"), ContractTerms.linear(new BigDecimal("0.001"), "USDT").notional(price, size));
        assertEquals(new BigDecimal("0.150001500"), ContractTerms.quanto(new BigDecimal("0.000001"), "BTC")
                .notional(price, size).setScale(9));
        assertEquals(new BigDecimal("150001.5"), ContractTerms.spot("USD").notional(price, size));
        assertThrows(IllegalArgumentException.class, () -> ContractTerms.linear(BigDecimal.ZERO, "USD"));
    }
}
