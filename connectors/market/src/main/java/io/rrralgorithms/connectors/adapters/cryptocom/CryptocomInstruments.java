package io.rrralgorithms.connectors.adapters.cryptocom;

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
 * Crypto.com Exchange's instrument list, {@code GET /v2/public/get-instruments}:
 * {@code {"id","method":"public/get-instruments","code":0,"result":{"instruments":[{"instrument_name":"BTC_USDT",
 * "quote_currency","base_currency","price_decimals","quantity_decimals",...}]}}}; every instrument is a
 * spot pair, tick {@code 10^-price_decimals}, lot {@code 10^-quantity_decimals}. A response whose
 * {@code code} is not 0 is refused.
 */
final class CryptocomInstruments extends RestInstrumentList {
    static final String URL = "https://api.crypto.com/v2/public/get-instruments";
    private static final ObjectMapper JSON = new ObjectMapper();

    CryptocomInstruments(String feed) {
        super(feed, "/public/get-instruments", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || root.path("code").asInt(-1) != 0) {
            throw new IOException(feed + " instrument list is an error response: " + url + " "
                    + (root == null ? "empty" : root.path("code").asText() + " " + root.path("message").asText()));
        }
        JsonNode list = root.path("result").path("instruments");
        if (!list.isArray()) {
            throw new IOException(feed + " instrument list has no 'result.instruments' array: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : list) {
            String base = NormalizedSymbols.asset(listedText(i, "base_currency"));
            String quote = NormalizedSymbols.asset(listedText(i, "quote_currency"));
            out.add(new Instrument(feed, listedText(i, "instrument_name"), NormalizedSymbols.spot(base, quote),
                    Instrument.Kind.SPOT, base, quote, null, step(i, "price_decimals"), step(i, "quantity_decimals")));
        }
        return out;
    }

    /** {@code 10^-decimals} of a non-negative integer field. */
    private BigDecimal step(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt() || v.intValue() < 0) {
            throw new IOException(feed + " instrument without a non-negative '" + field + "': " + n);
        }
        return BigDecimal.ONE.movePointLeft(v.intValue());
    }
}
