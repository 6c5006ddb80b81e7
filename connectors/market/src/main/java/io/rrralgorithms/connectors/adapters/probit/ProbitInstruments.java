package io.rrralgorithms.connectors.adapters.probit;

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
 * ProBit's market list, {@code GET /api/exchange/v1/market}: {@code {"data":[{"id","base_currency_id",
 * "quote_currency_id","price_increment","quantity_precision","closed",...}]}}; tick
 * {@code price_increment}, lot 10^-{@code quantity_precision}. Closed markets are listed too.
 */
final class ProbitInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    ProbitInstruments(String feed) {
        super(feed, "/api/exchange/v1/market", "https://api.probit.com/api/exchange/v1/market");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode data = arrayAt(JSON.readTree(body), "data", url, "market list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode m : data) {
            String base = NormalizedSymbols.asset(text(m, "base_currency_id"));
            String quote = NormalizedSymbols.asset(text(m, "quote_currency_id"));
            JsonNode precision = m.get("quantity_precision");
            if (precision == null || !precision.isInt() || precision.intValue() < 0) {
                throw new IOException(feed + " market without a non-negative 'quantity_precision': " + m);
            }
            out.add(new Instrument(feed, text(m, "id"), NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base,
                    quote, null, new BigDecimal(text(m, "price_increment")), BigDecimal.ONE.movePointLeft(precision.intValue())));
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
