package io.rrralgorithms.connectors.adapters.ascendex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * AscendEX's instrument lists, {@code {"code":0,"data":[...]}}: spot {@code GET /api/pro/v1/products}
 * ({@code symbol} {@code BASE/QUOTE}, {@code baseAsset}, {@code quoteAsset}, {@code tickSize},
 * {@code lotSize}; the five {@code BASE-PERP} entries it also lists are the futures feed's, left
 * out; 64 of the 332 pairs tick finer than 1e-8), and perpetuals {@code GET /api/pro/v2/futures/contract}
 * ({@code symbol} {@code BASE-PERP}, {@code underlying} {@code BASE/QUOTE}, {@code settlementAsset},
 * {@code priceFilter.tickSize}, {@code lotSizeFilter.lotSize}).
 */
final class AscendexInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final boolean futures;

    private AscendexInstruments(String feed, boolean futures, String marker, String url) {
        super(feed, marker, url);
        this.futures = futures;
    }

    static AscendexInstruments spot(String feed) {
        return new AscendexInstruments(feed, false, "/api/pro/v1/products", "https://ascendex.com/api/pro/v1/products");
    }

    static AscendexInstruments futures(String feed) {
        return new AscendexInstruments(feed, true, "/api/pro/v2/futures/contract",
                "https://ascendex.com/api/pro/v2/futures/contract");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode data = arrayAt(JSON.readTree(body), "data", url, "instrument list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : data) {
            String symbol = text(i, "symbol");
            if (futures) {
                String[] underlying = text(i, "underlying").split("/");
                String base = NormalizedSymbols.asset(underlying[0]);
                String quote = NormalizedSymbols.asset(text(i, "settlementAsset"));
                out.add(new Instrument(feed, symbol, NormalizedSymbols.perpetual(base, quote), Instrument.Kind.PERPETUAL,
                        base, quote, null, decimal(i.path("priceFilter"), "tickSize"),
                        decimal(i.path("lotSizeFilter"), "lotSize")));
            } else if (symbol.contains("/")) {
                String base = NormalizedSymbols.asset(text(i, "baseAsset"));
                String quote = NormalizedSymbols.asset(text(i, "quoteAsset"));
                out.add(new Instrument(feed, symbol, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base, quote,
                        null, decimal(i, "tickSize"), decimal(i, "lotSize")));
            }
        }
        return out;
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " instrument without '" + field + "': " + n);
        }
        return v.textValue();
    }

    private BigDecimal decimal(JsonNode n, String field) throws IOException {
        try {
            return new BigDecimal(text(n, field));
        } catch (NumberFormatException e) {
            throw new IOException(feed + " instrument with a bad '" + field + "': " + n, e);
        }
    }
}
