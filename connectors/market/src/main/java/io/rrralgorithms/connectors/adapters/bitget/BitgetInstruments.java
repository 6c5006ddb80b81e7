package io.rrralgorithms.connectors.adapters.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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
        JsonNode root = JSON.readTree(body);
        if (root == null || !"00000".equals(root.path("code").asText())) {
            throw new IOException("Bitget instruments error response: code " + (root == null ? "none"
                    : root.path("code").asText() + " " + root.path("msg").asText()) + ": " + url);
        }
        JsonNode data = arrayAt(root, "data", url, "instruments response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : data) {
            out.add(url.contains(SPOT_PATH) ? spot(s) : perpetual(s));
        }
        return out;
    }

    private Instrument spot(JsonNode s) throws IOException {
        String id = text(s, "symbol");
        String base = text(s, "baseCoin");
        String quote = text(s, "quoteCoin");
        if (!id.equals(text(s, "symbolName") + BitgetSymbols.SPOT) || !text(s, "symbolName").equals(base + quote)) {
            throw new IOException("Bitget spot product whose id disagrees with its coins: " + s);
        }
        return new Instrument(feed, id, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                NormalizedSymbols.asset(base), NormalizedSymbols.asset(quote), null, BigDecimal.ONE.movePointLeft(places(s,
                "priceScale")), BigDecimal.ONE.movePointLeft(places(s, "quantityScale")));
    }

    private Instrument perpetual(JsonNode s) throws IOException {
        String id = text(s, "symbol");
        String base = text(s, "baseCoin");
        String quote = text(s, "quoteCoin");
        String suffix = quote.equals("USDT") ? BitgetSymbols.USDT_PERPETUAL : BitgetSymbols.USD_PERPETUAL;
        if (!id.equals(base + quote + suffix)) {
            throw new IOException("Bitget contract whose id disagrees with its coins: " + s);
        }
        BigDecimal step;
        try {
            step = new BigDecimal(text(s, "priceEndStep"));
        } catch (NumberFormatException e) {
            throw new IOException("Bitget contract with a 'priceEndStep' that is not a decimal: " + s);
        }
        return new Instrument(feed, id, NormalizedSymbols.perpetual(base, quote), Instrument.Kind.PERPETUAL,
                NormalizedSymbols.asset(base), NormalizedSymbols.asset(quote), null,
                step.movePointLeft(places(s, "pricePlace")), BigDecimal.ONE.movePointLeft(places(s, "volumePlace")));
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException("Bitget instrument without '" + field + "': " + n);
        }
        return v.textValue();
    }

    /** A number of decimal places written as a string ({@code "4"}). */
    private static int places(JsonNode n, String field) throws IOException {
        String v = text(n, field);
        if (!v.matches("[0-9]{1,2}")) {
            throw new IOException("Bitget instrument with a '" + field + "' that is not a number of places: " + n);
        }
        return Integer.parseInt(v);
    }
}
