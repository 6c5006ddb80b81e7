package io.rrralgorithms.connectors.adapters.bithumb;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bithumb's markets, from its public tickers {@code GET /public/ticker/ALL_<QUOTE>} (KRW, BTC):
 * {@code {"status":"0000","data":{"<BASE>":{...ticker...},...,"date":"<ms>"}}}, one market per
 * object entry of {@code data}. No tick or lot is listed.
 */
final class BithumbInstruments extends RestInstrumentList {
    private static final Pattern QUOTE = Pattern.compile("/public/ticker/ALL_([A-Z]+)");

    BithumbInstruments(String feed) {
        super(feed, "/public/ticker/ALL_", "https://api.bithumb.com/public/ticker/ALL_KRW",
                "https://api.bithumb.com/public/ticker/ALL_BTC");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        Matcher q = QUOTE.matcher(url);
        JsonNode data = tree(JSON, url, body, "ticker list").path("data");
        if (!q.find() || !data.isObject()) {
            throw new IOException(feed + " ticker list without a quote or a 'data' object: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            if (e.getValue().isObject()) { // "date" is the list's time
                out.add(spot(e.getKey() + "_" + q.group(1), e.getKey(), q.group(1), null, null));
            }
        }
        return out;
    }
}
