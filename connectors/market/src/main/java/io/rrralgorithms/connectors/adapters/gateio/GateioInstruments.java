package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * Gate.io spot pairs from {@code GET /api/v4/spot/currency_pairs}: an array of
 * {@code {"id":"BTC_USDT","base","quote","precision","amount_precision","trade_status",...}}.
 * Tick size {@code 10^-precision}, lot size {@code 10^-amount_precision}. Every listed pair is
 * kept, whatever its {@code trade_status}. Note that book sizes may be finer than the lot (see
 * {@link GateioFrameDecoder}).
 */
public final class GateioInstruments extends RestInstrumentList {
    public static final String URL = "https://api.gateio.ws/api/v4/spot/currency_pairs";

    public GateioInstruments(String feed) {
        super(feed, "/api/v4/spot/currency_pairs", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "currency_pairs response"), p -> spot(listedText(p, "id"),
                listedText(p, "base"), listedText(p, "quote"), placesStepOrNull(p, "precision"),
                placesStepOrNull(p, "amount_precision")));
    }
}
