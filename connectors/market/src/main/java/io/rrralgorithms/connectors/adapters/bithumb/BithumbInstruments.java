package io.rrralgorithms.connectors.adapters.bithumb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTE = Pattern.compile("/public/ticker/ALL_([A-Z]+)");

    BithumbInstruments(String feed) {
        super(feed, "/public/ticker/ALL_", "https://api.bithumb.com/public/ticker/ALL_KRW",
                "https://api.bithumb.com/public/ticker/ALL_BTC");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        Matcher q = QUOTE.matcher(url);
        JsonNode data = JSON.readTree(body).path("data");
        if (!q.find() || !data.isObject()) {
            throw new IOException(feed + " ticker list without a quote or a 'data' object: " + url);
        }
        String quote = NormalizedSymbols.asset(q.group(1));
        List<Instrument> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) { // "date" is the list's time
                String base = NormalizedSymbols.asset(e.getKey());
                out.add(new Instrument(feed, e.getKey() + "_" + q.group(1), NormalizedSymbols.spot(base, quote),
                        Instrument.Kind.SPOT, base, quote, null, null, null));
            }
        }
        return out;
    }
}
