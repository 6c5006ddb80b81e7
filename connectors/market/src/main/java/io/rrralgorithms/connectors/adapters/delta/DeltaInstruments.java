package io.rrralgorithms.connectors.adapters.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Delta Exchange's product list, {@code GET /v2/products}: {@code {"result":[{"symbol","contract_type",
 * "underlying_asset":{"symbol"},"quoting_asset":{"symbol"},"strike_price","settlement_time","tick_size",
 * "contract_value",...}]}}; tick {@code tick_size}, no lot (sizes are whole contracts of
 * {@code contract_value}). Spot pairs, perpetuals and call/put options are read; dated futures,
 * move options, interest-rate swaps and spreads are left out ({@link DeltaSymbols}).
 */
final class DeltaInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    DeltaInstruments(String feed) {
        super(feed, "/v2/products", "https://api.delta.exchange/v2/products");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode result = arrayAt(JSON.readTree(body), "result", url, "product list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode p : result) {
            String type = text(p, "contract_type");
            String base = NormalizedSymbols.asset(text(p.path("underlying_asset"), "symbol"));
            String quote = NormalizedSymbols.asset(text(p.path("quoting_asset"), "symbol"));
            BigDecimal tick = new BigDecimal(text(p, "tick_size"));
            String symbol = text(p, "symbol");
            switch (type) {
                case "spot" -> out.add(new Instrument(feed, symbol, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                        base, quote, null, tick, null));
                case "perpetual_futures" -> out.add(new Instrument(feed, symbol, NormalizedSymbols.perpetual(base, quote),
                        Instrument.Kind.PERPETUAL, base, quote, null, tick, null, terms(p, base, quote)));
                case "call_options", "put_options" -> {
                    LocalDate expiry = LocalDate.parse(text(p, "settlement_time").substring(0, 10));
                    out.add(new Instrument(feed, symbol, NormalizedSymbols.option(base, quote, expiry,
                            new BigDecimal(text(p, "strike_price")), type.startsWith("call")), Instrument.Kind.OPTION,
                            base, quote, expiry, tick, null, terms(p, base, quote)));
                }
                default -> { } // futures, move options, swaps, spreads: not decoded
            }
        }
        return out;
    }

    /**
     * A contract of {@code contract_value} {@code contract_unit_currency}: of the base, linear (USDT
     * perpetuals, options: 0.001 BTC); of the quote, inverse (BTCUSD, ETHUSD: 1 USD, settled in the coin).
     */
    private ContractTerms terms(JsonNode p, String base, String quote) throws IOException {
        BigDecimal value = new BigDecimal(text(p, "contract_value"));
        String unit = NormalizedSymbols.asset(text(p, "contract_unit_currency"));
        if (unit.equals(base)) {
            return ContractTerms.linear(value, quote);
        }
        if (unit.equals(quote)) {
            return ContractTerms.inverse(value, quote);
        }
        throw new IOException(feed + " product whose contract unit is neither its base nor its quote: " + p.path("symbol"));
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " product without '" + field + "': " + n);
        }
        return v.textValue();
    }
}
