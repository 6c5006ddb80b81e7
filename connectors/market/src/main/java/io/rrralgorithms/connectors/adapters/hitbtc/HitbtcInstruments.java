package io.rrralgorithms.connectors.adapters.hitbtc;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HitbtcSymbols symbols;

    HitbtcInstruments(String feed, HitbtcSymbols symbols, String url) {
        super(pathMatching("/api/[23]/public/symbol/?"), feed, url);
        this.symbols = symbols;
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<Instrument> out = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode s : root) {
                String id = text(s, "id");
                if (!id.endsWith("_BQX")) {
                    out.add(spot(id, text(s, "baseCurrency"), text(s, "quoteCurrency"), step(s, "tickSize"),
                            step(s, "quantityIncrement")));
                }
            }
        } else if (root != null && root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Instrument i = v3(e.getKey(), e.getValue());
                if (i != null) {
                    out.add(i);
                }
            }
        } else {
            throw new IOException(feed + " symbol list is neither an array (v2) nor an object (v3): " + url);
        }
        return out;
    }

    private Instrument spot(String id, String base, String quote, BigDecimal tick, BigDecimal lot) {
        String b = symbols.asset(base);
        String q = symbols.asset(quote);
        return new Instrument(feed, id, NormalizedSymbols.spot(b, q), Instrument.Kind.SPOT, b, q, null, tick, lot);
    }

    private Instrument v3(String id, JsonNode s) throws IOException {
        String type = text(s, "type");
        BigDecimal tick = step(s, "tick_size");
        BigDecimal lot = step(s, "quantity_increment");
        switch (type) {
            case "spot" -> {
                return spot(id, text(s, "base_currency"), text(s, "quote_currency"), tick, lot);
            }
            case "futures" -> {
                if (s.hasNonNull("expiry")) {
                    return null; // a dated future: not decoded (none listed in the recording)
                }
                String b = symbols.asset(text(s, "underlying"));
                String q = symbols.asset(text(s, "quote_currency"));
                return new Instrument(feed, id, NormalizedSymbols.perpetual(b, q), Instrument.Kind.PERPETUAL, b, q, null,
                        tick, lot);
            }
            default -> {
                return null; // a type this feed does not decode (options, indices)
            }
        }
    }

    private String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " symbol without '" + field + "': " + n);
        }
        return v.textValue();
    }

    private BigDecimal step(JsonNode n, String field) throws IOException {
        BigDecimal v;
        try {
            v = new BigDecimal(text(n, field));
        } catch (NumberFormatException e) {
            throw new IOException(feed + " symbol with a '" + field + "' that is not a decimal: " + n);
        }
        if (v.signum() <= 0) {
            throw new IOException(feed + " symbol with a non-positive '" + field + "': " + n);
        }
        return v;
    }
}
