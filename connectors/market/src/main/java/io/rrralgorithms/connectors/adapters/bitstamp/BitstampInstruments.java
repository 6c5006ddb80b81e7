package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * Bitstamp instruments from {@code /api/v2/trading-pairs-info/}: native symbol {@code url_symbol},
 * base and quote from {@code name} ({@code ETH/USD}), tick 10^-{@code counter_decimals}, lot
 * 10^-{@code base_decimals}. Pairs whose trading is disabled are listed too (they still have books).
 */
final class BitstampInstruments extends RestInstrumentList {
    static final String URL = "https://www.bitstamp.net/api/v2/trading-pairs-info/";

    BitstampInstruments(String feed) {
        super(feed, "/api/v2/trading-pairs-info", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "trading-pairs-info"), p -> {
            String[] pair = listedPair(p, "name", '/');
            return spot(listedText(p, "url_symbol"), pair[0], pair[1], placesStep(p, "counter_decimals"),
                    placesStep(p, "base_decimals"));
        });
    }
}
