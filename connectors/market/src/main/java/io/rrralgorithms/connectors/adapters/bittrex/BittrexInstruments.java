package io.rrralgorithms.connectors.adapters.bittrex;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.List;

/**
 * Bittrex's market list, {@code GET /v3/markets}: an array of {@code {"symbol","baseCurrencySymbol",
 * "quoteCurrencySymbol","minTradeSize","precision","status",...}}; the tick is 10^-precision (3 to 8
 * decimals). The list gives no quantity step ({@code minTradeSize} is a minimum): the lot is left
 * unknown. OFFLINE markets (10 of 909) are listed too.
 */
final class BittrexInstruments extends RestInstrumentList {

    BittrexInstruments(String feed) {
        super(pathMatching("/v3/markets/?"), feed, "https://api.bittrex.com/v3/markets");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "market list"), m -> spot(listedText(m, "symbol"),
                listedText(m, "baseCurrencySymbol"), listedText(m, "quoteCurrencySymbol"), placesStep(m, "precision"), null));
    }
}
