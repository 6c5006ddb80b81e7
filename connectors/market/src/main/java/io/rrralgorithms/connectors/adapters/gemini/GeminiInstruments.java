package io.rrralgorithms.connectors.adapters.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
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

    GeminiInstruments(String feed) {
        super(feed, "/v1/symbols/details/", SYMBOLS_URL);
    }

    static String detailsUrl(String symbol) {
        return SYMBOLS_URL + "/details/" + symbol;
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode d = tree(EXACT_JSON, url, body, "symbol details");
        if (!d.isObject()) {
            throw new IOException("symbol details must be an object: " + url);
        }
        return List.of(spot(listedText(d, "symbol"), listedText(d, "base_currency"), listedText(d, "quote_currency"),
                listedNumber(d, "quote_increment", true), listedNumber(d, "tick_size", true)));
    }
}
