package io.rrralgorithms.connectors.adapters.gateio;

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
 * Gate.io spot pairs from {@code GET /api/v4/spot/currency_pairs}: an array of
 * {@code {"id":"BTC_USDT","base","quote","precision","amount_precision","trade_status",...}}.
 * Tick size {@code 10^-precision}, lot size {@code 10^-amount_precision}. Every listed pair is
 * kept, whatever its {@code trade_status}. Note that book sizes may be finer than the lot (see
 * {@link GateioFrameDecoder}).
 */
public final class GateioInstruments extends RestInstrumentList {
    public static final String URL = "https://api.gateio.ws/api/v4/spot/currency_pairs";
    private static final ObjectMapper JSON = new ObjectMapper();

    public GateioInstruments(String feed) {
        super(feed, "/api/v4/spot/currency_pairs", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "currency_pairs response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode p : root) {
            String id = p.path("id").asText("");
            String base = p.path("base").asText("");
            String quote = p.path("quote").asText("");
            if (id.isEmpty() || base.isEmpty() || quote.isEmpty()) {
                throw new IOException("Gate.io currency pair without id/base/quote: " + p);
            }
            BigDecimal tick = p.has("precision") ? BigDecimal.ONE.movePointLeft(p.get("precision").asInt()) : null;
            BigDecimal lot = p.has("amount_precision")
                    ? BigDecimal.ONE.movePointLeft(p.get("amount_precision").asInt()) : null;
            out.add(new Instrument(feed, id, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                    NormalizedSymbols.asset(base), NormalizedSymbols.asset(quote), null, tick, lot));
        }
        return out;
    }
}
