package io.rrralgorithms.connectors.adapters.dydx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dYdX v3's market list, {@code GET /v3/markets}: {@code {"markets":{"BTC-USD":{"market","status",
 * "baseAsset","quoteAsset","stepSize","tickSize","type":"PERPETUAL",...}}}}; tick {@code tickSize},
 * lot {@code stepSize}. Every market is listed, whatever its status.
 */
final class DydxInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    DydxInstruments(String feed) {
        super(feed, "/v3/markets", "https://api.dydx.exchange/v3/markets");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode markets = JSON.readTree(body).path("markets");
        if (!markets.isObject()) {
            throw new IOException(feed + " market list has no 'markets' object: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : markets.properties()) {
            JsonNode m = e.getValue();
            if (!"PERPETUAL".equals(m.path("type").asText())) {
                throw new IOException(feed + " market of an unknown type: " + m);
            }
            String base = NormalizedSymbols.asset(text(m, "baseAsset"));
            String quote = NormalizedSymbols.asset(text(m, "quoteAsset"));
            out.add(new Instrument(feed, text(m, "market"), NormalizedSymbols.perpetual(base, quote),
                    Instrument.Kind.PERPETUAL, base, quote, null, new BigDecimal(text(m, "tickSize")),
                    new BigDecimal(text(m, "stepSize"))));
        }
        return out;
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " market without '" + field + "': " + n);
        }
        return v.textValue();
    }
}
