package io.rrralgorithms.connectors.adapters.bitmex;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * BitMEX {@code GET /api/v1/instrument/active}: a JSON array of instruments. {@code typ}
 * {@code FFWCSX} is a perpetual swap, {@code FFCCSX} a dated future (delivery date from
 * {@code expiry}, in UTC); other types (indices, options, spot, up/down contracts) are left out.
 * Base is the {@code underlying} ({@code XBT} → {@code BTC}; a basket index such as
 * {@code ALTMEXUSD} has underlying {@code ALTMEX}), quote the {@code quoteCurrency}. Tick and lot
 * are {@code tickSize} and {@code lotSize}: sizes are in contracts (XBTUSD: 1 USD, in lots of 100),
 * whatever the contract's value ({@code multiplier}, inverse or quanto). BitMEX writes these as
 * JSON numbers ({@code 1e-8}); they are read exactly, never through a double.
 */
final class BitmexInstruments extends RestInstrumentList {
    static final String URL = "https://www.bitmex.com/api/v1/instrument/active";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    BitmexInstruments(String feed) {
        super(feed, "/api/v1/instrument/active", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isArray()) {
            throw new IOException("BitMEX instrument list is not a JSON array: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : root) {
            String typ = i.path("typ").asText();
            Instrument.Kind kind = switch (typ) {
                case "FFWCSX" -> Instrument.Kind.PERPETUAL;
                case "FFCCSX" -> Instrument.Kind.FUTURE;
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            String symbol = text(i, "symbol");
            String base = NormalizedSymbols.asset(text(i, "underlying"));
            String quote = NormalizedSymbols.asset(text(i, "quoteCurrency"));
            LocalDate expiry = kind == Instrument.Kind.FUTURE
                    ? Instant.parse(text(i, "expiry")).atZone(ZoneOffset.UTC).toLocalDate()
                    : null;
            out.add(new Instrument(feed, symbol, NormalizedSymbols.of(kind, base, quote, expiry), kind, base, quote,
                    expiry, decimal(i, "tickSize"), decimal(i, "lotSize")));
        }
        return out;
    }

    private static String text(JsonNode i, String field) throws IOException {
        JsonNode n = i.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new IOException("BitMEX instrument " + i.path("symbol").asText("?") + ": missing '" + field + "'");
        }
        return n.textValue();
    }

    private static BigDecimal decimal(JsonNode i, String field) throws IOException {
        JsonNode n = i.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || (n.isFloatingPointNumber() && !n.isBigDecimal())) {
            throw new IOException("BitMEX instrument " + i.path("symbol").asText("?") + ": '" + field
                    + "' is not an exact number");
        }
        return n.decimalValue().stripTrailingZeros();
    }
}
