package io.rrralgorithms.connectors.adapters.deribit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    DeribitInstruments(String feed) {
        super(feed, "/api/v2/public/get_instruments", String.format(URL, "BTC"), String.format(URL, "ETH"), String.format(URL, "SOL"),
                String.format(URL, "USDC"));
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(listAt(EXACT_JSON, url, body, "result", "instrument list"), i -> {
            String name = listedText(i, "instrument_name");
            String kind = listedText(i, "kind");
            String base = listedText(i, "base_currency");
            return switch (kind) {
                case "future" -> {
                    String quote = listedAsset(i, "quote_currency");
                    boolean perpetual = "perpetual".equals(i.path("settlement_period").asText());
                    String type = i.path("future_type").asText("reversed");
                    ContractTerms terms = switch (type) {
                        case "reversed" -> ContractTerms.inverse(BigDecimal.ONE, quote);
                        case "linear" -> ContractTerms.spot(quote);
                        default -> throw new IOException("Deribit instrument " + name + ": future_type '" + type + "'");
                    };
                    yield listed(perpetual ? Instrument.Kind.PERPETUAL : Instrument.Kind.FUTURE, name, base, quote,
                            perpetual ? null : expiry(i), decimal(i, "tick_size"), decimal(i, "min_trade_amount"), terms);
                }
                case "option" -> {
                    String type = listedText(i, "option_type");
                    if (!type.equals("call") && !type.equals("put")) {
                        throw new IOException("Deribit instrument " + name + ": option_type '" + type + "'");
                    }
                    yield option(name, base, i.hasNonNull("counter_currency") ? listedText(i, "counter_currency") : "USD",
                            expiry(i), decimal(i, "strike"), type.equals("call"), decimal(i, "tick_size"), decimal(i, "min_trade_amount"),
                            ContractTerms.linear(decimal(i, "contract_size"), listedAsset(i, "quote_currency")));
                }
                default -> null; // combos, spot
            };
        });
    }

    private LocalDate expiry(JsonNode i) throws IOException {
        return Instant.ofEpochMilli(listedUnits(i, "expiration_timestamp")).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private BigDecimal decimal(JsonNode i, String field) throws IOException {
        return listedNumber(i, field, false).stripTrailingZeros();
    }
}
