package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
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

    public GateioFuturesInstruments(String feed) {
        super(pathMatching("/api/v4/futures/(usdt|btc)/contracts"), feed, URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "contracts response"), c -> {
            String[] pair = listedPair(c, "name", '_');
            return perpetual(listedText(c, "name"), pair[0], pair[1],
                    c.hasNonNull("order_price_round") ? listedDecimal(c, "order_price_round") : null, BigDecimal.ONE,
                    ContractTerms.linear(listedDecimal(c, "quanto_multiplier"), NormalizedSymbols.asset(pair[1])));
        });
    }
}
