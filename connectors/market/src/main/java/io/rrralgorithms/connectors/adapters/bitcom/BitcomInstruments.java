package io.rrralgorithms.connectors.adapters.bitcom;

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
 * bit.com's instrument lists, {@code {"code":0,"data":[...]}}: spot {@code GET /spot/v1/instruments}
 * ({@code pair}, {@code base_currency}, {@code quote_currency}, {@code price_step}, {@code qty_step};
 * 183 pairs, one ticking finer than 1e-8) and linear {@code GET /linear/v1/instruments?currency=USD|USDT}
 * ({@code instrument_id} {@code BASE-QUOTE-PERPETUAL}, {@code price_step}, {@code size_step}; 34 + 52
 * perpetuals). Dated linear futures (none listed) would be refused. A perpetual's contract is
 * {@code contract_size} of {@code contract_size_currency}, the base (1 in every recorded listing):
 * linear, notional in the quote.
 */
final class BitcomInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    BitcomInstruments(String feed) {
        super(feed, "/v1/instruments", "https://spot-api.bit.com/spot/v1/instruments",
                "https://api.bit.com/linear/v1/instruments?currency=USD&active=true",
                "https://api.bit.com/linear/v1/instruments?currency=USDT&active=true");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode data = arrayAt(JSON.readTree(body), "data", url, "instrument list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : data) {
            String base = NormalizedSymbols.asset(text(i, "base_currency"));
            String quote = NormalizedSymbols.asset(text(i, "quote_currency"));
            if (i.has("pair")) {
                out.add(new Instrument(feed, text(i, "pair"), NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                        base, quote, null, decimal(i, "price_step"), decimal(i, "qty_step")));
            } else if (text(i, "instrument_id").endsWith("-PERPETUAL")) {
                out.add(new Instrument(feed, text(i, "instrument_id"), NormalizedSymbols.perpetual(base, quote),
                        Instrument.Kind.PERPETUAL, base, quote, null, decimal(i, "price_step"), decimal(i, "size_step"),
                        ContractTerms.linear(contractSize(i, base), quote)));
            } else {
                throw new IOException(feed + " instrument that is no perpetual: " + i);
            }
        }
        return out;
    }

    private BigDecimal contractSize(JsonNode i, String base) throws IOException {
        if (!NormalizedSymbols.asset(text(i, "contract_size_currency")).equals(base)) {
            throw new IOException(feed + " perpetual whose contract is not sized in its base: " + i);
        }
        return decimal(i, "contract_size");
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " instrument without '" + field + "': " + n);
        }
        return v.textValue();
    }

    private BigDecimal decimal(JsonNode n, String field) throws IOException {
        try {
            BigDecimal step = new BigDecimal(text(n, field)).stripTrailingZeros(); // "0.010000000000": 0.01
            return step.scale() < 0 ? step.setScale(0) : step;
        } catch (NumberFormatException e) {
            throw new IOException(feed + " instrument with a bad '" + field + "': " + n, e);
        }
    }
}
