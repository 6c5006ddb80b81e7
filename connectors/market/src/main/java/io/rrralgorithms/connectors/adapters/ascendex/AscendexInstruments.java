package io.rrralgorithms.connectors.adapters.ascendex;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * AscendEX's instrument lists, {@code {"code":0,"data":[...]}}: spot {@code GET /api/pro/v1/products}
 * ({@code symbol} {@code BASE/QUOTE}, {@code baseAsset}, {@code quoteAsset}, {@code tickSize},
 * {@code lotSize}; the five {@code BASE-PERP} entries it also lists are the futures feed's, left
 * out; 64 of the 332 pairs tick finer than 1e-8), and perpetuals {@code GET /api/pro/v2/futures/contract}
 * ({@code symbol} {@code BASE-PERP}, {@code underlying} {@code BASE/QUOTE}, {@code settlementAsset},
 * {@code priceFilter.tickSize}, {@code lotSizeFilter.lotSize}).
 */
final class AscendexInstruments extends RestInstrumentList {
    private final boolean futures;

    private AscendexInstruments(String feed, boolean futures, String marker, String url) {
        super(feed, marker, url);
        this.futures = futures;
    }

    static AscendexInstruments spot(String feed) {
        return new AscendexInstruments(feed, false, "/api/pro/v1/products", "https://ascendex.com/api/pro/v1/products");
    }

    static AscendexInstruments futures(String feed) {
        return new AscendexInstruments(feed, true, "/api/pro/v2/futures/contract",
                "https://ascendex.com/api/pro/v2/futures/contract");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(listAt(JSON, url, body, "data", "instrument list"), i -> {
            String symbol = listedText(i, "symbol");
            if (futures) {
                return perpetual(symbol, listedText(i, "underlying").split("/")[0], listedText(i, "settlementAsset"),
                        listedDecimal(i.path("priceFilter"), "tickSize"), listedDecimal(i.path("lotSizeFilter"), "lotSize"),
                        null);
            }
            return !symbol.contains("/") ? null // the futures feed's BASE-PERP entries
                    : spot(symbol, listedText(i, "baseAsset"), listedText(i, "quoteAsset"), listedDecimal(i, "tickSize"),
                            listedDecimal(i, "lotSize"));
        });
    }
}
