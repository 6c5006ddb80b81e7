package io.rrralgorithms.connectors.adapters.huobi;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
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
        JsonNode root = JSON.readTree(body);
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || !"ok".equals(root.path("status").asText())) {
            throw new IOException(feed + " instrument list without status ok and a data array: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode e : data) {
            out.add(spot ? spotPair(e) : swap(e));
        }
        return out;
    }

    private Instrument spotPair(JsonNode e) throws IOException {
        String base = NormalizedSymbols.asset(text(e, "base-currency"));
        String quote = NormalizedSymbols.asset(text(e, "quote-currency"));
        return new Instrument(feed, text(e, "symbol"), NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base, quote,
                null, BigDecimal.ONE.movePointLeft(places(e, "price-precision")),
                BigDecimal.ONE.movePointLeft(places(e, "amount-precision")));
    }

    private Instrument swap(JsonNode e) throws IOException {
        String code = text(e, "contract_code");
        String[] parts = code.split("-");
        if (parts.length != 2) {
            throw new IOException(feed + " contract code is not BASE-QUOTE: " + e);
        }
        String base = NormalizedSymbols.asset(parts[0]);
        String quote = NormalizedSymbols.asset(parts[1]);
        JsonNode tick = e.get("price_tick");
        if (tick == null || !tick.isNumber() || tick.decimalValue().signum() <= 0) {
            throw new IOException(feed + " contract without a positive 'price_tick': " + e);
        }
        JsonNode size = e.get("contract_size");
        if (size == null || !size.isNumber() || size.decimalValue().signum() <= 0) {
            throw new IOException(feed + " contract without a positive 'contract_size': " + e);
        }
        // coin-margined contracts are quoted in USD and worth contract_size USD each
        ContractTerms terms = quote.equals("USD") ? ContractTerms.inverse(size.decimalValue(), quote)
                : ContractTerms.linear(size.decimalValue(), quote);
        return new Instrument(feed, code, NormalizedSymbols.perpetual(base, quote), Instrument.Kind.PERPETUAL, base, quote,
                null, tick.decimalValue().stripTrailingZeros(), BigDecimal.ONE, terms);
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " instrument without '" + field + "': " + n);
        }
        return v.textValue();
    }

    private int places(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0 || v.intValue() > 18) {
            throw new IOException(feed + " pair without a decimal-places '" + field + "' of 0 to 18: " + n);
        }
        return v.intValue();
    }
}
