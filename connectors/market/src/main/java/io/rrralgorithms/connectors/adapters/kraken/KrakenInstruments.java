package io.rrralgorithms.connectors.adapters.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    public KrakenInstruments(String feed) {
        super(feed, "/0/public/AssetPairs", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode errors = root.path("error");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new IOException("AssetPairs error: " + errors);
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) {
            throw new IOException("AssetPairs response without a 'result' object");
        }
        List<Instrument> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            JsonNode p = it.next().getValue();
            String ws = p.path("wsname").asText("");
            int slash = ws.indexOf('/');
            if (slash <= 0 || slash == ws.length() - 1) {
                continue; // dark pool (.d) pairs: not on the WebSocket feed
            }
            String base = ws.substring(0, slash);
            String quote = ws.substring(slash + 1);
            BigDecimal tick = p.hasNonNull("tick_size") ? new BigDecimal(p.get("tick_size").asText())
                    : p.has("pair_decimals") ? BigDecimal.ONE.movePointLeft(p.get("pair_decimals").asInt()) : null;
            BigDecimal lot = p.has("lot_decimals") ? BigDecimal.ONE.movePointLeft(p.get("lot_decimals").asInt()) : null;
            out.add(new Instrument(feed, ws, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                    NormalizedSymbols.asset(base), NormalizedSymbols.asset(quote), null, tick, lot));
        }
        return out;
    }
}
