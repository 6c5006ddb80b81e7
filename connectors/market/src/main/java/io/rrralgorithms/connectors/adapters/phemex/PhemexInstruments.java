package io.rrralgorithms.connectors.adapters.phemex;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phemex's product list, {@code GET /exchange/public/cfg/v2/products}: {@code data.products} holds
 * contracts ({@code "type":"Perpetual"}: {@code tickSize}, {@code lotSize} in contracts,
 * {@code priceScale}) and spot pairs ({@code "type":"Spot"}: {@code quoteTickSizeEv} at the spot
 * price scale 8, {@code baseTickSizeEv} at the base currency's {@code valueScale} from
 * {@code data.currencies}). Base and quote are the two sides of {@code displaySymbol}
 * ({@code "BTC / USD"}). Other product types (none in the recording) are left out.
 */
final class PhemexInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    PhemexInstruments(String feed) {
        super(feed, "/cfg/v2/products", "https://api.phemex.com/exchange/public/cfg/v2/products");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode data = JSON.readTree(body).path("data");
        Map<String, Integer> valueScales = new HashMap<>();
        for (JsonNode c : data.path("currencies")) {
            valueScales.put(text(c, "currency"), c.path("valueScale").asInt());
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode p : data.path("products")) {
            String symbol = text(p, "symbol");
            String[] display = text(p, "displaySymbol").split("/");
            if (display.length != 2) {
                throw new IOException("phemex product with a displaySymbol that is not BASE / QUOTE: " + p);
            }
            String base = NormalizedSymbols.asset(display[0].strip());
            String quote = NormalizedSymbols.asset(display[1].strip());
            switch (text(p, "type")) {
                case "Perpetual" -> out.add(new Instrument(feed, symbol, NormalizedSymbols.perpetual(base, quote),
                        Instrument.Kind.PERPETUAL, base, quote, null, decimal(p, "tickSize"), decimal(p, "lotSize"),
                        terms(p, quote)));
                case "Spot" -> {
                    Integer baseScale = valueScales.get(text(p, "baseCurrency"));
                    if (baseScale == null) {
                        throw new IOException("phemex spot product of a currency not listed: " + p);
                    }
                    out.add(new Instrument(feed, symbol, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base,
                            quote, null, scaled(p, "quoteTickSizeEv", PhemexScales.SPOT_PRICE_SCALE),
                            scaled(p, "baseTickSizeEv", baseScale)));
                }
                default -> {
                    // a product type this feed does not decode
                }
            }
        }
        return out;
    }

    /**
     * A perpetual's contract of {@code contractSize} {@code contractUnderlyingAssets}: of the quote
     * currency, an inverse contract (BTCUSD: 1 USD, settled in BTC); else of the base, linear where it
     * settles in the quote (ETHUSD: 0.005 ETH, settled in USD), quanto in its settlement currency otherwise.
     */
    private ContractTerms terms(JsonNode p, String quote) throws IOException {
        BigDecimal size = decimal(p, "contractSize");
        String unit = NormalizedSymbols.asset(text(p, "contractUnderlyingAssets"));
        String settle = NormalizedSymbols.asset(text(p, "settleCurrency"));
        return unit.equals(quote) ? ContractTerms.inverse(size, quote)
                : settle.equals(quote) ? ContractTerms.linear(size, quote) : ContractTerms.quanto(size, settle);
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " product without '" + field + "': " + n);
        }
        return v.textValue();
    }

    private BigDecimal decimal(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || v.decimalValue().signum() <= 0) {
            throw new IOException(feed + " product without a positive '" + field + "': " + n);
        }
        return v.decimalValue();
    }

    private BigDecimal scaled(JsonNode n, String field, int scale) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || v.longValue() <= 0) {
            throw new IOException(feed + " product without a positive integer '" + field + "': " + n);
        }
        return BigDecimal.valueOf(v.longValue(), scale);
    }
}
