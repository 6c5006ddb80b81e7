package io.rrralgorithms.connectors.adapters.phemex;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phemex's product list, {@code GET /exchange/public/cfg/v2/products}: {@code data.products} holds
 * contracts ({@code "type":"Perpetual"}: {@code tickSize}, {@code lotSize} in contracts,
 * {@code priceScale}) and spot pairs ({@code "type":"Spot"}: {@code quoteTickSizeEv} at the spot
 * price scale 8, {@code baseTickSizeEv} at the base currency's {@code valueScale} from
 * {@code data.currencies}). Base and quote are the two sides of {@code displaySymbol}
 * ({@code "BTC / USD"}). Other product types (none in the recording) are left out.
 */
final class PhemexInstruments extends RestInstrumentList {

    PhemexInstruments(String feed) {
        super(feed, "/cfg/v2/products", "https://api.phemex.com/exchange/public/cfg/v2/products");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode data = tree(EXACT_JSON, url, body, "product list").path("data");
        Map<String, Integer> valueScales = new HashMap<>();
        for (JsonNode c : data.path("currencies")) {
            valueScales.put(listedText(c, "currency"), c.path("valueScale").asInt());
        }
        return forEachListed(data.path("products"), p -> {
            String symbol = listedText(p, "symbol");
            String[] display = listedPair(p, "displaySymbol", '/');
            String quote = NormalizedSymbols.asset(display[1]);
            return switch (listedText(p, "type")) {
                case "Perpetual" -> perpetual(symbol, display[0], quote, listedNumber(p, "tickSize", true),
                        listedNumber(p, "lotSize", true), terms(p, quote));
                case "Spot" -> {
                    Integer baseScale = valueScales.get(listedText(p, "baseCurrency"));
                    if (baseScale == null) {
                        throw new IOException("phemex spot product of a currency not listed: " + p);
                    }
                    yield spot(symbol, display[0], quote,
                            BigDecimal.valueOf(listedUnits(p, "quoteTickSizeEv"), PhemexScales.SPOT_PRICE_SCALE),
                            BigDecimal.valueOf(listedUnits(p, "baseTickSizeEv"), baseScale));
                }
                default -> null; // a product type this feed does not decode
            };
        });
    }

    /**
     * A perpetual's contract of {@code contractSize} {@code contractUnderlyingAssets}: of the quote
     * currency, an inverse contract (BTCUSD: 1 USD, settled in BTC); else of the base, linear where it
     * settles in the quote (ETHUSD: 0.005 ETH, settled in USD), quanto in its settlement currency otherwise.
     */
    private ContractTerms terms(JsonNode p, String quote) throws IOException {
        BigDecimal size = listedNumber(p, "contractSize", true);
        String unit = listedAsset(p, "contractUnderlyingAssets");
        String settle = listedAsset(p, "settleCurrency");
        return unit.equals(quote) ? ContractTerms.inverse(size, quote)
                : settle.equals(quote) ? ContractTerms.linear(size, quote) : ContractTerms.quanto(size, settle);
    }
}
