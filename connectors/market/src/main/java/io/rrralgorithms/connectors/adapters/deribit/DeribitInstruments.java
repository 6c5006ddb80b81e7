package io.rrralgorithms.connectors.adapters.deribit;

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
 *
 * <p>Contract terms: Deribit's amounts are already currency amounts. An inverse future
 * ({@code future_type} {@code reversed}; the 2021 BTC and ETH lists, which have no
 * {@code future_type}, list only inverse futures) trades amounts in USD ({@code contract_size}, 10
 * or 1 USD, is the step of the amount, not a multiplier of it): inverse, 1 USD per unit. A linear
 * future trades amounts in the base coin: linear, multiplier 1, in its quote currency. An option
 * trades {@code contract_size} coins per unit at a premium in its {@code quote_currency} (BTC for
 * BTC options, USDC for USDC ones): linear, multiplier {@code contract_size}, notional in the
 * premium currency, not the strike's.
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
        JsonNode list = arrayAt(JSON.readTree(body), "result", url, "instrument list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : list) {
            String name = text(i, "instrument_name");
            String kindText = text(i, "kind");
            String base = NormalizedSymbols.asset(text(i, "base_currency"));
            Instrument.Kind kind;
            String quote;
            LocalDate expiry = null;
            String symbol;
            ContractTerms terms;
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
                    String type = i.path("future_type").asText("reversed");
                    terms = switch (type) {
                        case "reversed" -> ContractTerms.inverse(BigDecimal.ONE, quote);
                        case "linear" -> ContractTerms.spot(quote);
                        default -> throw new IOException("Deribit instrument " + name + ": future_type '" + type + "'");
                    };
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
                    terms = ContractTerms.linear(decimal(i, "contract_size"),
                            NormalizedSymbols.asset(text(i, "quote_currency")));
                }
                default -> {
                    continue; // combos, spot
                }
            }
            out.add(new Instrument(feed, name, symbol, kind, base, quote, expiry, decimal(i, "tick_size"),
                    decimal(i, "min_trade_amount"), terms));
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
