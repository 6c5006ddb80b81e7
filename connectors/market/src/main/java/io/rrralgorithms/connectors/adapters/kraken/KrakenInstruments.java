package io.rrralgorithms.connectors.adapters.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Kraken spot instruments from {@code GET /0/public/AssetPairs}: {@code result} maps the REST pair
 * name ({@code XXMRZUSD}) to its description. The native symbol is the pair's {@code wsname}
 * ({@code XMR/USD}), the name the WebSocket frames use; base and quote come from it (not from
 * {@code base}/{@code quote}, which carry Kraken's X/Z prefixes: {@code XXMR}, {@code ZUSD}).
 * Dark-pool pairs ({@code XXBTZUSD.d}) have no {@code wsname} and are left out.
 *
 * <p>Tick size: {@code tick_size} where the response has it (newer API), else
 * {@code 10^-pair_decimals}; lot size {@code 10^-lot_decimals}. Note that the WebSocket book strings
 * may carry more fractional digits than {@code pair_decimals} (see {@link KrakenChecksum}).
 */
public final class KrakenInstruments extends RestInstrumentList {
    public static final String URL = "https://api.kraken.com/0/public/AssetPairs";

    public KrakenInstruments(String feed) {
        super(feed, "/0/public/AssetPairs", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = tree(JSON, url, body, "AssetPairs response");
        JsonNode errors = root.path("error");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new IOException("AssetPairs error: " + errors);
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) {
            throw new IOException("AssetPairs response without a 'result' object");
        }
        return forEachListed(result, p -> {
            String ws = p.path("wsname").asText("");
            int slash = ws.indexOf('/');
            if (slash <= 0 || slash == ws.length() - 1) {
                return null; // dark pool (.d) pairs: not on the WebSocket feed
            }
            BigDecimal tick = p.hasNonNull("tick_size") ? new BigDecimal(p.get("tick_size").asText())
                    : placesStepOrNull(p, "pair_decimals");
            return spot(ws, ws.substring(0, slash), ws.substring(slash + 1), tick, placesStepOrNull(p, "lot_decimals"));
        });
    }
}
