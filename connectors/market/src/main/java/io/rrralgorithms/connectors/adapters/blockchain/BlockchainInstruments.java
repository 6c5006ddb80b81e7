package io.rrralgorithms.connectors.adapters.blockchain;

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
 * Blockchain.com Exchange's instrument list, {@code GET /mercury-gateway/v1/instruments}:
 * {@code [{"symbol","base_currency","counter_currency","min_price_increment","min_price_increment_scale",
 * "lot_size","lot_size_scale","status",...}]}; the tick is {@code min_price_increment} ×
 * 10^-{@code min_price_increment_scale}, the lot {@code lot_size} × 10^-{@code lot_size_scale}. Closed
 * and halted instruments are listed too.
 */
final class BlockchainInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    BlockchainInstruments(String feed) {
        super(feed, "/mercury-gateway/v1/instruments", "https://api.blockchain.com/mercury-gateway/v1/instruments");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "instrument list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : root) {
            String base = NormalizedSymbols.asset(text(i, "base_currency"));
            String quote = NormalizedSymbols.asset(text(i, "counter_currency"));
            out.add(new Instrument(feed, text(i, "symbol"), NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                    base, quote, null, step(i, "min_price_increment"), step(i, "lot_size")));
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

    /** {@code field} × 10^-{@code field_scale}. */
    private BigDecimal step(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        JsonNode scale = n.get(field + "_scale");
        if (v == null || !v.canConvertToLong() || v.longValue() <= 0 || scale == null || !scale.isInt()) {
            throw new IOException(feed + " instrument without a positive '" + field + "' and its scale: " + n);
        }
        return BigDecimal.valueOf(v.longValue(), scale.intValue());
    }
}
