package io.rrralgorithms.connectors.adapters.bitstamp;

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
 * Bitstamp instruments from {@code /api/v2/trading-pairs-info/}: native symbol {@code url_symbol},
 * base and quote from {@code name} ({@code ETH/USD}), tick 10^-{@code counter_decimals}, lot
 * 10^-{@code base_decimals}. Pairs whose trading is disabled are listed too (they still have books).
 */
final class BitstampInstruments extends RestInstrumentList {
    static final String URL = "https://www.bitstamp.net/api/v2/trading-pairs-info/";
    private static final ObjectMapper JSON = new ObjectMapper();

    BitstampInstruments(String feed) {
        super(feed, "/api/v2/trading-pairs-info", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "trading-pairs-info");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode p : root) {
            String symbol = text(p, "url_symbol");
            String name = text(p, "name");
            int slash = name.indexOf('/');
            if (slash <= 0 || slash == name.length() - 1) {
                throw new IOException("pair name '" + name + "' is not BASE/QUOTE");
            }
            String base = NormalizedSymbols.asset(name.substring(0, slash));
            String quote = NormalizedSymbols.asset(name.substring(slash + 1));
            out.add(new Instrument(feed, symbol, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base, quote,
                    null, BigDecimal.ONE.movePointLeft(decimals(p, "counter_decimals")),
                    BigDecimal.ONE.movePointLeft(decimals(p, "base_decimals"))));
        }
        return out;
    }

    private static String text(JsonNode p, String field) throws IOException {
        JsonNode n = p.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new IOException("trading pair without '" + field + "': " + p);
        }
        return n.textValue();
    }

    private static int decimals(JsonNode p, String field) throws IOException {
        JsonNode n = p.get(field);
        if (n == null || !n.isInt() || n.intValue() < 0 || n.intValue() > 18) {
            throw new IOException("trading pair without integer '" + field + "': " + p);
        }
        return n.intValue();
    }
}
