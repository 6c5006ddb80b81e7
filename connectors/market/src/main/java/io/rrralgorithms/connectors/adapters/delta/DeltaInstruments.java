package io.rrralgorithms.connectors.adapters.delta;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Delta Exchange's product list, {@code GET /v2/products}: {@code {"result":[{"symbol","contract_type",
 * "underlying_asset":{"symbol"},"quoting_asset":{"symbol"},"strike_price","settlement_time","tick_size",
 * "contract_value",...}]}}; tick {@code tick_size}, no lot (sizes are whole contracts of
 * {@code contract_value}). Spot pairs, perpetuals and call/put options are read; dated futures,
 * move options, interest-rate swaps and spreads are left out ({@link DeltaSymbols}).
 */
final class DeltaInstruments extends RestInstrumentList {

    DeltaInstruments(String feed) {
        super(feed, "/v2/products", "https://api.delta.exchange/v2/products");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(listAt(JSON, url, body, "result", "product list"), p -> {
            String type = listedText(p, "contract_type");
            String base = listedAsset(p.path("underlying_asset"), "symbol");
            String quote = listedAsset(p.path("quoting_asset"), "symbol");
            BigDecimal tick = listedDecimal(p, "tick_size");
            String symbol = listedText(p, "symbol");
            return switch (type) {
                case "spot" -> spot(symbol, base, quote, tick, null);
                case "perpetual_futures" -> perpetual(symbol, base, quote, tick, null, terms(p, base, quote));
                case "call_options", "put_options" -> option(symbol, base, quote,
                        LocalDate.parse(listedText(p, "settlement_time").substring(0, 10)), listedDecimal(p, "strike_price"),
                        type.startsWith("call"), tick, null, terms(p, base, quote));
                default -> null; // futures, move options, swaps, spreads: not decoded
            };
        });
    }

    /**
     * A contract of {@code contract_value} {@code contract_unit_currency}: of the base, linear (USDT
     * perpetuals, options: 0.001 BTC); of the quote, inverse (BTCUSD, ETHUSD: 1 USD, settled in the coin).
     */
    private ContractTerms terms(JsonNode p, String base, String quote) throws IOException {
        return sizedIn(listedAsset(p, "contract_unit_currency"), listedDecimal(p, "contract_value"), base, quote, p);
    }
}
