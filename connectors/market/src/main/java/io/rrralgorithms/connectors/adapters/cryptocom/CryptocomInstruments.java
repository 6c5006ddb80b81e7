package io.rrralgorithms.connectors.adapters.cryptocom;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
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

    CryptocomInstruments(String feed) {
        super(feed, "/public/get-instruments", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = okResponse(tree(JSON, url, body, "instrument list"), "code", "0", url);
        return forEachListed(arrayAt(root.path("result"), "instruments", url, "instrument list 'result'"),
                i -> spot(listedText(i, "instrument_name"), listedText(i, "base_currency"), listedText(i, "quote_currency"),
                        placesStep(i, "price_decimals"), placesStep(i, "quantity_decimals")));
    }
}
