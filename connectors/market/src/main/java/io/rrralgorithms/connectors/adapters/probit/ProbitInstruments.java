package io.rrralgorithms.connectors.adapters.probit;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * ProBit's market list, {@code GET /api/exchange/v1/market}: {@code {"data":[{"id","base_currency_id",
 * "quote_currency_id","price_increment","quantity_precision","closed",...}]}}; tick
 * {@code price_increment}, lot 10^-{@code quantity_precision}. Closed markets are listed too.
 */
final class ProbitInstruments extends RestInstrumentList {

    ProbitInstruments(String feed) {
        super(feed, "/api/exchange/v1/market", "https://api.probit.com/api/exchange/v1/market");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(listAt(JSON, url, body, "data", "market list"), m -> spot(listedText(m, "id"),
                listedText(m, "base_currency_id"), listedText(m, "quote_currency_id"), listedDecimal(m, "price_increment"),
                placesStep(m, "quantity_precision")));
    }
}
