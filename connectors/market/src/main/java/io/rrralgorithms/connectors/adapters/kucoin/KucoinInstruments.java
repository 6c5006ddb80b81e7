package io.rrralgorithms.connectors.adapters.kucoin;

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
 * KuCoin spot instruments from {@code GET /api/v1/symbols}:
 * {@code {"code":"200000","data":[{"symbol","baseCurrency","quoteCurrency","priceIncrement","baseIncrement",...}]}}.
 * The native symbol is {@code symbol} (the WebSocket name); the normalized one comes from
 * {@code baseCurrency}/{@code quoteCurrency}, which carry renamed assets' current codes
 * ({@code BCHSV-USDT} → {@code BSV-USDT}, see {@link KucoinSymbols}). Tick size
 * {@code priceIncrement}, lot size {@code baseIncrement}. Many BTC-quoted pairs have a tick of
 * 1e-10, finer than the system's 8-decimal scale ({@link Instrument#fitsScale()} is false).
 */
public final class KucoinInstruments extends RestInstrumentList {
    public static final String URL = "https://api.kucoin.com/api/v1/symbols";
    private static final ObjectMapper JSON = new ObjectMapper();

    public KucoinInstruments(String feed) {
        super(pathMatching("/api/v[12]/symbols"), feed, URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (!"200000".equals(root.path("code").asText())) {
            throw new IOException("KuCoin symbols error response: code " + root.path("code").asText() + " "
                    + root.path("msg").asText());
        }
        JsonNode data = arrayAt(root, "data", url, "symbols response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : data) {
            String symbol = text(s, "symbol");
            String base = text(s, "baseCurrency");
            String quote = text(s, "quoteCurrency");
            out.add(new Instrument(feed, symbol, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT,
                    NormalizedSymbols.asset(base), NormalizedSymbols.asset(quote), null,
                    new BigDecimal(text(s, "priceIncrement")), new BigDecimal(text(s, "baseIncrement"))));
        }
        return out;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException("KuCoin symbol without '" + field + "': " + n);
        }
        return v.textValue();
    }
}
