package io.rrralgorithms.connectors.adapters.poloniex;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * Poloniex's market list, {@code GET /markets} (API v3): an array of {@code {"symbol",
 * "baseCurrencyName","quoteCurrencyName","state","symbolTradeLimit":{"priceScale","quantityScale",
 * ...}}}; the tick is 10^-priceScale, the lot 10^-quantityScale. Paused markets are listed too.
 * 62 of the 524 recorded markets tick finer than 1e-8 (priceScale 9 to 12: {@link Instrument#fitsScale()}
 * false, their prices are dead letters until the scale widens).
 */
final class PoloniexInstruments extends RestInstrumentList {

    PoloniexInstruments(String feed) {
        super(pathMatching("/markets/?"), feed, "https://api.poloniex.com/markets");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "market list"), m -> spot(listedText(m, "symbol"),
                listedText(m, "baseCurrencyName"), listedText(m, "quoteCurrencyName"),
                placesStep(m.path("symbolTradeLimit"), "priceScale"), placesStep(m.path("symbolTradeLimit"), "quantityScale")));
    }
}
