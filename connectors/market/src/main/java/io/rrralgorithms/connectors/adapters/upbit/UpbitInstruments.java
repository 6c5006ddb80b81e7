package io.rrralgorithms.connectors.adapters.upbit;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * Upbit's market list, {@code GET /v1/market/all}: {@code [{"market":"KRW-BTC","korean_name",
 * "english_name"}]}, quote first. No tick or lot sizes (Upbit's ticks depend on the price).
 */
final class UpbitInstruments extends RestInstrumentList {

    UpbitInstruments(String feed) {
        super(feed, "/v1/market/all", "https://api.upbit.com/v1/market/all");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "market list"), m -> {
            String[] quoteBase = listedPair(m, "market", '-');
            return spot(listedText(m, "market"), quoteBase[1], quoteBase[0], null, null);
        });
    }
}
