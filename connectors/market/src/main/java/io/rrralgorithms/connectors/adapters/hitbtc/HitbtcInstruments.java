package io.rrralgorithms.connectors.adapters.hitbtc;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instrument list of a venue of the HitBTC family, {@code GET /api/2/public/symbol} or
 * {@code GET /api/3/public/symbol}:
 *
 * <ul>
 *   <li>v2 (HitBTC, Bequant): an array of {@code {"id","baseCurrency","quoteCurrency","tickSize",
 *       "quantityIncrement",...}}; the native symbol is {@code id}, the normalized one comes from the
 *       base and quote codes renamed as the venue means them ({@link HitbtcSymbols}: v2 {@code USD} is
 *       Tether). Bequant's {@code _BQX} broker pairs are left out (each duplicates a listed pair).
 *   <li>v3 (FMFW): an object of symbol → {@code {"type":"spot"|"futures","base_currency",
 *       "quote_currency","tick_size","quantity_increment",...}}; a {@code futures} without
 *       {@code expiry} is a perpetual whose base is its {@code underlying} ({@code BTCUSDT_PERP}).
 * </ul>
 *
 * Tick size {@code tickSize}/{@code tick_size}, lot size {@code quantityIncrement}/{@code quantity_increment}.
 * Many BTC-quoted pairs tick at 1e-9 to 1e-12, finer than the 8-decimal scale
 * ({@link Instrument#fitsScale()} false: their prices are dead letters until the scale widens).
 */
final class HitbtcInstruments extends RestInstrumentList {

    private final HitbtcSymbols symbols;

    HitbtcInstruments(String feed, HitbtcSymbols symbols, String url) {
        super(pathMatching("/api/[23]/public/symbol/?"), feed, url);
        this.symbols = symbols;
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = tree(JSON, url, body, "symbol list");
        if (root.isArray()) {
            return forEachListed(root, s -> {
                String id = listedText(s, "id");
                return id.endsWith("_BQX") ? null : spot(id, symbols.asset(listedText(s, "baseCurrency")),
                        symbols.asset(listedText(s, "quoteCurrency")), listedStep(s, "tickSize"),
                        listedStep(s, "quantityIncrement"));
            });
        }
        if (!root.isObject()) {
            throw new IOException(feed + " symbol list is neither an array (v2) nor an object (v3): " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            Instrument i = v3(e.getKey(), e.getValue());
            if (i != null) {
                out.add(i);
            }
        }
        return out;
    }

    private Instrument v3(String id, JsonNode s) throws IOException {
        String type = listedText(s, "type");
        BigDecimal tick = listedStep(s, "tick_size");
        BigDecimal lot = listedStep(s, "quantity_increment");
        return switch (type) {
            case "spot" -> spot(id, symbols.asset(listedText(s, "base_currency")),
                    symbols.asset(listedText(s, "quote_currency")), tick, lot);
            // a dated future: not decoded (none listed in the recording)
            case "futures" -> s.hasNonNull("expiry") ? null : perpetual(id, symbols.asset(listedText(s, "underlying")),
                    symbols.asset(listedText(s, "quote_currency")), tick, lot, null);
            default -> null; // a type this feed does not decode (options, indices)
        };
    }
}
