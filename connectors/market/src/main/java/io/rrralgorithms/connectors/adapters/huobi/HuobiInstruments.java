package io.rrralgorithms.connectors.adapters.huobi;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Huobi's instrument lists, {@code {"status":"ok","data":[...]}} each:
 *
 * <ul>
 *   <li>spot, {@code GET https://api.huobi.pro/v1/common/symbols}: {@code symbol},
 *       {@code base-currency}, {@code quote-currency}, {@code price-precision} and
 *       {@code amount-precision} (decimal places: tick {@code 1e-price-precision}, lot
 *       {@code 1e-amount-precision}); offline pairs are listed too. 158 of the recorded 938 pairs
 *       price in 10 or 12 decimals, finer than the 8-decimal scale ({@link Instrument#fitsScale()}
 *       false: their prices are dead letters until the scale widens);
 *   <li>swaps, {@code GET https://api.hbdm.com/swap-api/v1/swap_contract_info} (coin-margined) and
 *       {@code .../linear-swap-api/v1/swap_contract_info} (USDT-margined): {@code contract_code}
 *       {@code BASE-QUOTE}, {@code price_tick}; sizes are whole contracts (lot 1) of
 *       {@code contract_size}: USD for the coin-margined ones (inverse: BTC-USD 100, the others 10),
 *       base currency for the USDT-margined ones (linear: BTC-USDT 0.001).
 * </ul>
 */
final class HuobiInstruments extends RestInstrumentList {
    private static final String SPOT_URL = "https://api.huobi.pro/v1/common/symbols";

    private final boolean spot;

    private HuobiInstruments(String feed, boolean spot, String marker, String... urls) {
        super(feed, marker, urls);
        this.spot = spot;
    }

    static HuobiInstruments spot(String feed) {
        return new HuobiInstruments(feed, true, "/v1/common/symbols", SPOT_URL);
    }

    static HuobiInstruments swaps(String feed) {
        return new HuobiInstruments(feed, false, "swap_contract_info",
                "https://api.hbdm.com/swap-api/v1/swap_contract_info",
                "https://api.hbdm.com/linear-swap-api/v1/swap_contract_info");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = okResponse(tree(EXACT_JSON, url, body, "instrument list"), "status", "ok", url);
        EntryReader reader = spot ? this::spotPair : this::swap;
        return forEachListed(arrayAt(root, "data", url, "instrument list"), reader);
    }

    private Instrument spotPair(JsonNode e) throws IOException {
        return spot(listedText(e, "symbol"), listedText(e, "base-currency"), listedText(e, "quote-currency"),
                placesStep(e, "price-precision"), placesStep(e, "amount-precision"));
    }

    private Instrument swap(JsonNode e) throws IOException {
        String[] pair = listedPair(e, "contract_code", '-');
        String quote = NormalizedSymbols.asset(pair[1]);
        BigDecimal size = listedNumber(e, "contract_size", true);
        // coin-margined contracts are quoted in USD and worth contract_size USD each
        ContractTerms terms = quote.equals("USD") ? ContractTerms.inverse(size, quote) : ContractTerms.linear(size, quote);
        return perpetual(listedText(e, "contract_code"), pair[0], quote,
                listedNumber(e, "price_tick", true).stripTrailingZeros(), BigDecimal.ONE, terms);
    }
}
