package io.rrralgorithms.connectors.adapters.bittrex;

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
 * Bittrex's market list, {@code GET /v3/markets}: an array of {@code {"symbol","baseCurrencySymbol",
 * "quoteCurrencySymbol","minTradeSize","precision","status",...}}; the tick is 10^-precision (3 to 8
 * decimals). The list gives no quantity step ({@code minTradeSize} is a minimum): the lot is left
 * unknown. OFFLINE markets (10 of 909) are listed too.
 */
final class BittrexInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    BittrexInstruments(String feed) {
        super(pathMatching("/v3/markets/?"), feed, "https://api.bittrex.com/v3/markets");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "market list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode m : root) {
            String base = NormalizedSymbols.asset(text(m, "baseCurrencySymbol"));
            String quote = NormalizedSymbols.asset(text(m, "quoteCurrencySymbol"));
            JsonNode precision = m.get("precision");
            if (precision == null || !precision.isInt() || precision.intValue() < 0) {
                throw new IOException(feed + " market without a non-negative 'precision': " + m);
            }
            out.add(new Instrument(feed, text(m, "symbol"), NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                    base, quote, null, BigDecimal.ONE.movePointLeft(precision.intValue()), null));
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
