package io.rrralgorithms.connectors.adapters.bitmex;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
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
 * are {@code tickSize} and {@code lotSize}: sizes are in contracts (XBTUSD: 1 USD, in lots of 100).
 * BitMEX writes these as JSON numbers ({@code 1e-8}); they are read exactly, never through a double.
 *
 * <p>Contract terms from BitMEX's contract value in the settlement currency's unit ({@code XBt} =
 * 1e-8 BTC, {@code USDt} = 1e-6 USDT): {@code isInverse}: value = multiplier / price, so a contract
 * is worth |multiplier| / |underlyingToSettleMultiplier| of the quote currency (XBTUSD: 1 USD);
 * {@code isQuanto}: value = multiplier × price in the settlement unit (ETHUSD: 100 XBt per USD,
 * quanto 0.000001 BTC); else linear, value = multiplier × price / quoteToSettleMultiplier of the
 * quote currency (XRPU21: 1 XRP per contract, priced in XBT).
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
        JsonNode root = arrayRoot(JSON, url, body, "instrument list");
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
                    expiry, decimal(i, "tickSize"), decimal(i, "lotSize"), terms(i, quote)));
        }
        return out;
    }

    /** The contract's terms from its multipliers (see the class comment). */
    static ContractTerms terms(JsonNode i, String quote) throws IOException {
        BigDecimal multiplier = decimal(i, "multiplier");
        if (multiplier == null || multiplier.signum() == 0) {
            throw new IOException("BitMEX instrument " + i.path("symbol").asText("?") + ": no 'multiplier'");
        }
        try {
            if (i.path("isInverse").asBoolean(false)) {
                return ContractTerms.inverse(multiplier.abs().divide(required(i, "underlyingToSettleMultiplier").abs()), quote);
            }
            if (i.path("isQuanto").asBoolean(false)) {
                String unit = text(i, "settlCurrency");
                return switch (unit) {
                    case "XBt" -> ContractTerms.quanto(multiplier.movePointLeft(8), "BTC");
                    case "USDt" -> ContractTerms.quanto(multiplier.movePointLeft(6), "USDT");
                    default -> throw new IOException("BitMEX instrument " + i.path("symbol").asText("?")
                            + ": settlement unit '" + unit + "' of unknown size");
                };
            }
            return ContractTerms.linear(multiplier.divide(required(i, "quoteToSettleMultiplier")), quote);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IOException("BitMEX instrument " + i.path("symbol").asText("?") + ": contract terms: " + e.getMessage(), e);
        }
    }

    private static BigDecimal required(JsonNode i, String field) throws IOException {
        BigDecimal d = decimal(i, field);
        if (d == null || d.signum() == 0) {
            throw new IOException("BitMEX instrument " + i.path("symbol").asText("?") + ": no '" + field + "'");
        }
        return d;
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
