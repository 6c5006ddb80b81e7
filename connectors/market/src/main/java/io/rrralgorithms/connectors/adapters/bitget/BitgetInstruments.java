package io.rrralgorithms.connectors.adapters.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Bitget's API v1 instrument lists, {@code {"code":"00000","data":[...]}}:
 *
 * <ul>
 *   <li>spot {@code /api/spot/v1/public/products}: {@code symbol} ({@code ALPHAUSDT_SPBL}),
 *       {@code symbolName}, {@code baseCoin}, {@code quoteCoin}; tick {@code 10^-priceScale}, lot
 *       {@code 10^-quantityScale};
 *   <li>perpetuals {@code /api/mix/v1/market/contracts?productType=umcbl} (USDT-margined,
 *       {@code BTCUSDT_UMCBL}) and {@code ?productType=dmcbl} (coin-margined, {@code BTCUSD_DMCBL}):
 *       {@code symbol}, {@code baseCoin}, {@code quoteCoin}; tick {@code priceEndStep × 10^-pricePlace},
 *       lot {@code 10^-volumePlace}.
 * </ul>
 *
 * The normalized symbol is built from the listing's base and quote, and the id must spell them
 * ({@code symbolName + "_SPBL"}, {@code base + quote + "_UMCBL"}), else the response is refused.
 */
public final class BitgetInstruments extends RestInstrumentList {
    private static final String SPOT_PATH = "/api/spot/v1/public/products";
    private static final String MIX_PATH = "/api/mix/v1/market/contracts";

    public BitgetInstruments(String feed) {
        super(feed, SPOT_PATH, "https://api.bitget.com" + SPOT_PATH,
                "https://api.bitget.com" + MIX_PATH + "?productType=umcbl",
                "https://api.bitget.com" + MIX_PATH + "?productType=dmcbl");
    }

    @Override
    public boolean isMetadataUrl(String url) {
        return url.contains(SPOT_PATH) || url.contains(MIX_PATH);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = okResponse(tree(JSON, url, body, "instruments response"), "code", "00000", url);
        EntryReader reader = url.contains(SPOT_PATH) ? this::spotPair : this::perpetual;
        return forEachListed(arrayAt(root, "data", url, "instruments response"), reader);
    }

    private Instrument spotPair(JsonNode s) throws IOException {
        String id = listedText(s, "symbol");
        String base = listedText(s, "baseCoin");
        String quote = listedText(s, "quoteCoin");
        if (!id.equals(listedText(s, "symbolName") + BitgetSymbols.SPOT) || !listedText(s, "symbolName").equals(base + quote)) {
            throw new IOException("Bitget spot product whose id disagrees with its coins: " + s);
        }
        return spot(id, base, quote, BigDecimal.ONE.movePointLeft(places(s, "priceScale")),
                BigDecimal.ONE.movePointLeft(places(s, "quantityScale")));
    }

    private Instrument perpetual(JsonNode s) throws IOException {
        String id = listedText(s, "symbol");
        String base = listedText(s, "baseCoin");
        String quote = listedText(s, "quoteCoin");
        String suffix = quote.equals("USDT") ? BitgetSymbols.USDT_PERPETUAL : BitgetSymbols.USD_PERPETUAL;
        if (!id.equals(base + quote + suffix)) {
            throw new IOException("Bitget contract whose id disagrees with its coins: " + s);
        }
        return perpetual(id, base, quote, listedDecimal(s, "priceEndStep").movePointLeft(places(s, "pricePlace")),
                BigDecimal.ONE.movePointLeft(places(s, "volumePlace")), null);
    }

    /** A number of decimal places written as a string ({@code "4"}). */
    private int places(JsonNode n, String field) throws IOException {
        String v = listedText(n, field);
        if (!v.matches("[0-9]{1,2}")) {
            throw new IOException("Bitget instrument with a '" + field + "' that is not a number of places: " + n);
        }
        return Integer.parseInt(v);
    }
}
