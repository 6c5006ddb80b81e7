package io.rrralgorithms.connectors.adapters.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Binance market's {@code exchangeInfo}: spot and Binance US {@code /api/v3/exchangeInfo},
 * USDⓈ-M {@code /fapi/v1/exchangeInfo}, COIN-M {@code /dapi/v1/exchangeInfo}. One instrument per
 * entry of {@code symbols}: tick size = the {@code PRICE_FILTER}'s {@code tickSize}, lot size =
 * the {@code LOT_SIZE} filter's {@code stepSize} (base asset on spot and USDⓈ-M, contracts on
 * COIN-M). A zero filter value (Binance's "no rule") is left null. Contract terms: spot and
 * USDⓈ-M sizes are in the base asset (linear, multiplier 1, notional in the quote asset); a
 * COIN-M contract is inverse, worth its {@code contractSize} in USD (100 for BTC, 10 for the others
 * in the 2021 list).
 *
 * <p>Every spot symbol is listed, whatever its {@code status} (a symbol in {@code BREAK} is still
 * a symbol the venue may stream). Futures: {@code contractType} {@code PERPETUAL} → perpetual
 * ({@code BTC-USDT-PERP}, {@code BTC-USD-PERP}); {@code CURRENT_QUARTER}/{@code NEXT_QUARTER}
 * (and {@code *_MONTH}, {@code *_DELIVERING}) → dated future, expiry = the UTC date of
 * {@code deliveryDate} ({@code BTCUSD_211231} delivers 2021-12-31 08:00 UTC → {@code BTC-USD-211231});
 * any other contract type (the recorded USDⓈ-M list has one {@code ""}, BTCSTUSDT in
 * {@code PENDING_TRADING}) is not a kind the feed carries and is left out.
 */
public final class BinanceInstruments implements InstrumentMetadata {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATED = Pattern.compile("(CURRENT|NEXT)_(QUARTER|MONTH)(_DELIVERING)?");

    private final String feed;
    private final BinanceMarket market;
    private final String url;

    BinanceInstruments(String feed, BinanceMarket market, String url) {
        this.feed = feed;
        this.market = market;
        this.url = url;
    }

    @Override
    public List<String> urls() {
        return List.of(url);
    }

    /** The market's exchangeInfo path on any host (api.binance.com, its mirrors, api.binance.us). */
    @Override
    public boolean isMetadataUrl(String u) {
        String path;
        try {
            path = URI.create(u.trim()).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return path != null && path.equals(URI.create(url).getPath());
    }

    @Override
    public List<Instrument> parse(String u, String body) throws IOException {
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : symbols(body)) {
            String nativeSymbol = text(s, "symbol");
            String base = NormalizedSymbols.asset(text(s, "baseAsset"));
            String quote = NormalizedSymbols.asset(text(s, "quoteAsset"));
            Instrument.Kind kind;
            LocalDate expiry = null;
            if (market == BinanceMarket.SPOT) {
                kind = Instrument.Kind.SPOT;
            } else {
                String contractType = text(s, "contractType");
                if (contractType.equals("PERPETUAL")) {
                    kind = Instrument.Kind.PERPETUAL;
                } else if (DATED.matcher(contractType).matches()) {
                    kind = Instrument.Kind.FUTURE;
                    JsonNode d = s.get("deliveryDate");
                    if (d == null || !d.canConvertToLong()) {
                        throw new IOException(nativeSymbol + ": dated contract without an integer deliveryDate");
                    }
                    expiry = Instant.ofEpochMilli(d.longValue()).atOffset(ZoneOffset.UTC).toLocalDate();
                } else {
                    continue; // not a contract the feed carries (e.g. "" while pending)
                }
            }
            ContractTerms terms = market == BinanceMarket.COINM_FUTURES
                    ? ContractTerms.inverse(contractSize(s, nativeSymbol), quote) : ContractTerms.spot(quote);
            out.add(new Instrument(feed, nativeSymbol, NormalizedSymbols.of(kind, base, quote, expiry), kind, base,
                    quote, expiry, filter(s, nativeSymbol, "PRICE_FILTER", "tickSize"),
                    filter(s, nativeSymbol, "LOT_SIZE", "stepSize"), terms));
        }
        return out;
    }

    /** A COIN-M contract's {@code contractSize}: USD per contract. */
    private static BigDecimal contractSize(JsonNode s, String symbol) throws IOException {
        JsonNode c = s.get("contractSize");
        if (c == null || !c.isIntegralNumber() && !c.isTextual()) {
            throw new IOException(symbol + ": COIN-M contract without an integer contractSize");
        }
        return new BigDecimal(c.asText());
    }

    private static JsonNode symbols(String body) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException("exchangeInfo is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode symbols = root == null ? null : root.get("symbols");
        if (symbols == null || !symbols.isArray()) {
            throw new IOException("exchangeInfo without a 'symbols' array");
        }
        return symbols;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("exchangeInfo symbol " + n.path("symbol").asText("?") + ": field '" + field
                    + "' must be a string");
        }
        return v.textValue();
    }

    /** The filter's step as the venue writes it; null where the filter is absent or 0 (no rule). */
    private static BigDecimal filter(JsonNode s, String symbol, String type, String field) throws IOException {
        JsonNode filters = s.get("filters");
        if (filters == null || !filters.isArray()) {
            throw new IOException(symbol + ": no 'filters' array");
        }
        for (JsonNode f : filters) {
            if (type.equals(f.path("filterType").asText())) {
                JsonNode v = f.get(field);
                if (v == null || !v.isTextual()) {
                    throw new IOException(symbol + ": " + type + "." + field + " must be a decimal string");
                }
                BigDecimal step;
                try {
                    step = new BigDecimal(v.textValue());
                } catch (NumberFormatException e) {
                    throw new IOException(symbol + ": " + type + "." + field + " is not a number: '" + v.textValue()
                            + "'");
                }
                if (step.signum() < 0) {
                    throw new IOException(symbol + ": " + type + "." + field + " is negative: " + step);
                }
                return step.signum() == 0 ? null : step;
            }
        }
        return null;
    }
}
