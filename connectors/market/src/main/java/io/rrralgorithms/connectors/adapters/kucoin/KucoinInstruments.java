package io.rrralgorithms.connectors.adapters.kucoin;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
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

    public KucoinInstruments(String feed) {
        super(pathMatching("/api/v[12]/symbols"), feed, URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = okResponse(tree(JSON, url, body, "symbols response"), "code", "200000", url);
        return forEachListed(arrayAt(root, "data", url, "symbols response"), s -> spot(listedText(s, "symbol"),
                listedText(s, "baseCurrency"), listedText(s, "quoteCurrency"), listedDecimal(s, "priceIncrement"),
                listedDecimal(s, "baseIncrement")));
    }
}
