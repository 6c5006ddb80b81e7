package io.rrralgorithms.connectors.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Upbit's market list, {@code GET /v1/market/all}: {@code [{"market":"KRW-BTC","korean_name",
 * "english_name"}]}, quote first. No tick or lot sizes (Upbit's ticks depend on the price).
 */
final class UpbitInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    UpbitInstruments(String feed) {
        super(feed, "/v1/market/all", "https://api.upbit.com/v1/market/all");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "market list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode m : root) {
            String code = m.path("market").asText("");
            int dash = code.indexOf('-');
            if (dash <= 0 || dash == code.length() - 1) {
                throw new IOException(feed + " market without a QUOTE-BASE 'market': " + m);
            }
            String quote = NormalizedSymbols.asset(code.substring(0, dash));
            String base = NormalizedSymbols.asset(code.substring(dash + 1));
            out.add(new Instrument(feed, code, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base, quote,
                    null, null, null));
        }
        return out;
    }
}
