package io.rrralgorithms.connectors.adapters.poloniex;

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
 * Poloniex's market list, {@code GET /markets} (API v3): an array of {@code {"symbol",
 * "baseCurrencyName","quoteCurrencyName","state","symbolTradeLimit":{"priceScale","quantityScale",
 * ...}}}; the tick is 10^-priceScale, the lot 10^-quantityScale. Paused markets are listed too.
 * 62 of the 524 recorded markets tick finer than 1e-8 (priceScale 9 to 12: {@link Instrument#fitsScale()}
 * false, their prices are dead letters until the scale widens).
 */
final class PoloniexInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    PoloniexInstruments(String feed) {
        super(pathMatching("/markets/?"), feed, "https://api.poloniex.com/markets");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "market list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode m : root) {
            String base = NormalizedSymbols.asset(text(m, "baseCurrencyName"));
            String quote = NormalizedSymbols.asset(text(m, "quoteCurrencyName"));
            JsonNode limits = m.path("symbolTradeLimit");
            out.add(new Instrument(feed, text(m, "symbol"), NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                    base, quote, null, step(limits, "priceScale"), step(limits, "quantityScale")));
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

    /** 10^-scale for a scale field. */
    private BigDecimal step(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt() || v.intValue() < 0) {
            throw new IOException(feed + " market without a non-negative '" + field + "': " + n);
        }
        return BigDecimal.ONE.movePointLeft(v.intValue());
    }
}
