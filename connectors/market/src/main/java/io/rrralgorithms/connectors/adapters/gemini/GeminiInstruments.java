package io.rrralgorithms.connectors.adapters.gemini;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Gemini instruments from {@code /v1/symbols/details/<symbol>} (one response per symbol, listed by
 * {@code /v1/symbols}): native symbol {@code symbol} ({@code BTCUSD}, as the WebSocket names it),
 * base and quote from {@code base_currency}/{@code quote_currency}, tick {@code quote_increment}
 * (price step) and lot {@code tick_size} (quantity step: Gemini's "tick size" is of the base
 * currency). Both are JSON numbers, some written {@code 1E-8}: read as exact decimals.
 *
 * <p>{@link #urls()} is the symbol list; a fetcher then asks for the details of each listed symbol
 * ({@link #detailsUrl}). The list itself holds no increments and is not parsed into instruments.
 */
final class GeminiInstruments extends RestInstrumentList {
    static final String SYMBOLS_URL = "https://api.gemini.com/v1/symbols";
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    GeminiInstruments(String feed) {
        super(feed, "/v1/symbols/details/", SYMBOLS_URL);
    }

    static String detailsUrl(String symbol) {
        return SYMBOLS_URL + "/details/" + symbol;
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode d = EXACT.readTree(body);
        if (d == null || !d.isObject()) {
            throw new IOException("symbol details must be an object: " + url);
        }
        String symbol = text(d, "symbol");
        String base = NormalizedSymbols.asset(text(d, "base_currency"));
        String quote = NormalizedSymbols.asset(text(d, "quote_currency"));
        return List.of(new Instrument(feed, symbol, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base, quote,
                null, step(d, "quote_increment"), step(d, "tick_size")));
    }

    private static String text(JsonNode d, String field) throws IOException {
        JsonNode n = d.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new IOException("symbol details without '" + field + "': " + d);
        }
        return n.textValue();
    }

    private static BigDecimal step(JsonNode d, String field) throws IOException {
        JsonNode n = d.get(field);
        if (n == null || !n.isNumber() || (n.isFloatingPointNumber() && !n.isBigDecimal())) {
            throw new IOException("symbol details without a number '" + field + "': " + d);
        }
        BigDecimal v = n.decimalValue();
        if (v.signum() <= 0) {
            throw new IOException("symbol details with a non-positive '" + field + "': " + d);
        }
        return v;
    }
}
