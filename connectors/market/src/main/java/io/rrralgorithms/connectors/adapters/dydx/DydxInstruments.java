package io.rrralgorithms.connectors.adapters.dydx;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * dYdX v3's market list, {@code GET /v3/markets}: {@code {"markets":{"BTC-USD":{"market","status",
 * "baseAsset","quoteAsset","stepSize","tickSize","type":"PERPETUAL",...}}}}; tick {@code tickSize},
 * lot {@code stepSize}. Every market is listed, whatever its status.
 */
final class DydxInstruments extends RestInstrumentList {

    DydxInstruments(String feed) {
        super(feed, "/v3/markets", "https://api.dydx.exchange/v3/markets");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode markets = tree(JSON, url, body, "market list").path("markets");
        if (!markets.isObject()) {
            throw new IOException(feed + " market list has no 'markets' object: " + url);
        }
        return forEachListed(markets, m -> {
            if (!"PERPETUAL".equals(m.path("type").asText())) {
                throw new IOException(feed + " market of an unknown type: " + m);
            }
            return perpetual(listedText(m, "market"), listedText(m, "baseAsset"), listedText(m, "quoteAsset"),
                    listedDecimal(m, "tickSize"), listedDecimal(m, "stepSize"), null);
        });
    }
}
