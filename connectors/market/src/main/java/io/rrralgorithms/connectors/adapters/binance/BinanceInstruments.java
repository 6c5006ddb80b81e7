package io.rrralgorithms.connectors.adapters.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
public final class BinanceInstruments extends RestInstrumentList {
    private static final long serialVersionUID = 1L;
    private static final Pattern DATED = Pattern.compile("(CURRENT|NEXT)_(QUARTER|MONTH)(_DELIVERING)?");

    private final BinanceMarket market;
    private final String path;

    BinanceInstruments(String feed, BinanceMarket market, String url) {
        super(feed, URI.create(url).getPath(), url);
        this.market = market;
        this.path = URI.create(url).getPath();
    }

    /** The market's exchangeInfo path on any host (api.binance.com, its mirrors, api.binance.us). */
    @Override
    public boolean isMetadataUrl(String u) {
        try {
            return path.equals(URI.create(u.trim()).getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public List<Instrument> parse(String u, String body) throws IOException {
        return forEachListed(listAt(JSON, u, body, "symbols", "exchangeInfo"), s -> {
            String nativeSymbol = listedText(s, "symbol");
            Instrument.Kind kind = Instrument.Kind.SPOT;
            LocalDate expiry = null;
            if (market != BinanceMarket.SPOT) {
                JsonNode contractType = s.get("contractType");
                if (contractType == null || !contractType.isTextual()) {
                    throw new IOException(feed + " contract " + nativeSymbol + " without a string 'contractType'");
                }
                if (contractType.textValue().equals("PERPETUAL")) {
                    kind = Instrument.Kind.PERPETUAL;
                } else if (DATED.matcher(contractType.textValue()).matches()) {
                    kind = Instrument.Kind.FUTURE;
                    JsonNode d = s.get("deliveryDate");
                    if (d == null || !d.canConvertToLong()) {
                        throw new IOException(nativeSymbol + ": dated contract without an integer deliveryDate");
                    }
                    expiry = Instant.ofEpochMilli(d.longValue()).atOffset(ZoneOffset.UTC).toLocalDate();
                } else {
                    return null; // not a contract the feed carries (e.g. "" while pending)
                }
            }
            String quote = listedAsset(s, "quoteAsset");
            ContractTerms terms = market == BinanceMarket.COINM_FUTURES
                    ? ContractTerms.inverse(contractSize(s, nativeSymbol), quote) : ContractTerms.spot(quote);
            return listed(kind, nativeSymbol, listedText(s, "baseAsset"), quote, expiry,
                    filter(s, nativeSymbol, "PRICE_FILTER", "tickSize"), filter(s, nativeSymbol, "LOT_SIZE", "stepSize"),
                    terms);
        });
    }

    /** A COIN-M contract's {@code contractSize}: USD per contract. */
    private static BigDecimal contractSize(JsonNode s, String symbol) throws IOException {
        JsonNode c = s.get("contractSize");
        if (c == null || !c.isIntegralNumber() && !c.isTextual()) {
            throw new IOException(symbol + ": COIN-M contract without an integer contractSize");
        }
        return new BigDecimal(c.asText());
    }

    /** The filter's step as the venue writes it; null where the filter is absent or 0 (no rule). */
    private BigDecimal filter(JsonNode s, String symbol, String type, String field) throws IOException {
        JsonNode filters = s.get("filters");
        if (filters == null || !filters.isArray()) {
            throw new IOException(symbol + ": no 'filters' array");
        }
        for (JsonNode f : filters) {
            if (type.equals(f.path("filterType").asText())) {
                BigDecimal step = listedDecimal(f, field);
                if (step.signum() < 0) {
                    throw new IOException(symbol + ": " + type + "." + field + " is negative: " + step);
                }
                return step.signum() == 0 ? null : step;
            }
        }
        return null;
    }
}
