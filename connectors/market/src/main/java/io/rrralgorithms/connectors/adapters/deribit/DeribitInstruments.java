package io.rrralgorithms.connectors.adapters.deribit;

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
 * Deribit {@code GET /api/v2/public/get_instruments?currency=…&expired=false}, one request per
 * currency (BTC, ETH, SOL, USDC as recorded), a JSON-RPC envelope with the list in {@code result}.
 * {@code kind} {@code future} with {@code settlement_period} {@code perpetual} is a perpetual,
 * other futures are dated (delivery date: {@code expiration_timestamp} in UTC), {@code option}s are
 * kept with their {@code strike} and {@code option_type} (symbol {@link NormalizedSymbols#option});
 * combos and spot are left out. Base is {@code base_currency}; quote is the {@code quote_currency}
 * of a future (USD for the inverse ones, USDC for the linear ones) and, for an option, the currency
 * of its strike: {@code counter_currency} where the list gives it, else USD (the 2021 list: BTC and
 * ETH options, premium in BTC/ETH, strikes in USD). Tick is {@code tick_size}; lot is
 * {@code min_trade_amount} (futures: USD; options: contracts of one coin). Numbers are read exactly.
 */
final class DeribitInstruments extends RestInstrumentList {
    static final String URL = "https://www.deribit.com/api/v2/public/get_instruments?currency=%s&expired=false";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    DeribitInstruments(String feed) {
        super(feed, "/api/v2/public/get_instruments", String.format(URL, "BTC"), String.format(URL, "ETH"), String.format(URL, "SOL"),
                String.format(URL, "USDC"));
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode list = root == null ? null : root.get("result");
        if (list == null || !list.isArray()) {
            throw new IOException("Deribit instrument list has no 'result' array: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : list) {
            String name = text(i, "instrument_name");
            String kindText = text(i, "kind");
            String base = NormalizedSymbols.asset(text(i, "base_currency"));
            Instrument.Kind kind;
            String quote;
            LocalDate expiry = null;
            String symbol;
            switch (kindText) {
                case "future" -> {
                    quote = NormalizedSymbols.asset(text(i, "quote_currency"));
                    if ("perpetual".equals(i.path("settlement_period").asText())) {
                        kind = Instrument.Kind.PERPETUAL;
                    } else {
                        kind = Instrument.Kind.FUTURE;
                        expiry = expiry(i);
                    }
                    symbol = NormalizedSymbols.of(kind, base, quote, expiry);
                }
                case "option" -> {
                    kind = Instrument.Kind.OPTION;
                    quote = i.hasNonNull("counter_currency")
                            ? NormalizedSymbols.asset(text(i, "counter_currency")) : "USD";
                    expiry = expiry(i);
                    String type = text(i, "option_type");
                    if (!type.equals("call") && !type.equals("put")) {
                        throw new IOException("Deribit instrument " + name + ": option_type '" + type + "'");
                    }
                    symbol = NormalizedSymbols.option(base, quote, expiry, decimal(i, "strike"), type.equals("call"));
                }
                default -> {
                    continue; // combos, spot
                }
            }
            out.add(new Instrument(feed, name, symbol, kind, base, quote, expiry, decimal(i, "tick_size"),
                    decimal(i, "min_trade_amount")));
        }
        return out;
    }

    private static LocalDate expiry(JsonNode i) throws IOException {
        JsonNode n = i.get("expiration_timestamp");
        if (n == null || !n.canConvertToLong()) {
            throw new IOException("Deribit instrument " + i.path("instrument_name").asText("?")
                    + ": missing 'expiration_timestamp'");
        }
        return Instant.ofEpochMilli(n.longValue()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String text(JsonNode i, String field) throws IOException {
        JsonNode n = i.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new IOException("Deribit instrument " + i.path("instrument_name").asText("?") + ": missing '"
                    + field + "'");
        }
        return n.textValue();
    }

    private static BigDecimal decimal(JsonNode i, String field) throws IOException {
        JsonNode n = i.get(field);
        if (n == null || !n.isNumber() || (n.isFloatingPointNumber() && !n.isBigDecimal())) {
            throw new IOException("Deribit instrument " + i.path("instrument_name").asText("?") + ": '" + field
                    + "' is not an exact number");
        }
        return n.decimalValue().stripTrailingZeros();
    }
}
