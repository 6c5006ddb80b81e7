package io.rrralgorithms.connectors.adapters.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Gate.io perpetual contracts from {@code GET /api/v4/futures/usdt/contracts}: an array of
 * {@code {"name":"BTC_USDT","order_price_round","quanto_multiplier","order_size_min",...}}, all
 * perpetual. Tick size {@code order_price_round}; sizes are whole contracts, so the lot is 1
 * contract, each {@code quanto_multiplier} of the base asset (linear, notional in USDT; despite
 * its name, a USDT contract's multiplier is in the base asset, not a quanto one).
 */
public final class GateioFuturesInstruments extends RestInstrumentList {
    public static final String URL = "https://api.gateio.ws/api/v4/futures/usdt/contracts";
    private static final ObjectMapper JSON = new ObjectMapper();

    public GateioFuturesInstruments(String feed) {
        super(pathMatching("/api/v4/futures/(usdt|btc)/contracts"), feed, URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "contracts response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode c : root) {
            String name = c.path("name").asText("");
            int us = name.indexOf('_');
            if (us <= 0 || us == name.length() - 1 || name.indexOf('_', us + 1) >= 0) {
                throw new IOException("Gate.io contract name is not BASE_QUOTE: " + name);
            }
            String base = name.substring(0, us);
            String quote = name.substring(us + 1);
            BigDecimal tick = c.hasNonNull("order_price_round") ? new BigDecimal(c.get("order_price_round").asText()) : null;
            BigDecimal multiplier;
            try {
                multiplier = new BigDecimal(c.path("quanto_multiplier").asText(""));
            } catch (NumberFormatException e) {
                throw new IOException("Gate.io contract without a decimal 'quanto_multiplier': " + name, e);
            }
            out.add(new Instrument(feed, name, NormalizedSymbols.perpetual(base, quote), Instrument.Kind.PERPETUAL,
                    NormalizedSymbols.asset(base), NormalizedSymbols.asset(quote), null, tick, BigDecimal.ONE,
                    ContractTerms.linear(multiplier, NormalizedSymbols.asset(quote))));
        }
        return out;
    }
}
