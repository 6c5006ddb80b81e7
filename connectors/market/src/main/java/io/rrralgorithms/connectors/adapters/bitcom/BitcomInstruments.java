package io.rrralgorithms.connectors.adapters.bitcom;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * bit.com's instrument lists, {@code {"code":0,"data":[...]}}: spot {@code GET /spot/v1/instruments}
 * ({@code pair}, {@code base_currency}, {@code quote_currency}, {@code price_step}, {@code qty_step};
 * 183 pairs, one ticking finer than 1e-8) and linear {@code GET /linear/v1/instruments?currency=USD|USDT}
 * ({@code instrument_id} {@code BASE-QUOTE-PERPETUAL}, {@code price_step}, {@code size_step}; 34 + 52
 * perpetuals). Dated linear futures (none listed) would be refused. A perpetual's contract is
 * {@code contract_size} of {@code contract_size_currency}, the base (1 in every recorded listing):
 * linear, notional in the quote.
 */
final class BitcomInstruments extends RestInstrumentList {

    BitcomInstruments(String feed) {
        super(feed, "/v1/instruments", "https://spot-api.bit.com/spot/v1/instruments",
                "https://api.bit.com/linear/v1/instruments?currency=USD&active=true",
                "https://api.bit.com/linear/v1/instruments?currency=USDT&active=true");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(listAt(JSON, url, body, "data", "instrument list"), i -> {
            String base = listedAsset(i, "base_currency");
            String quote = listedAsset(i, "quote_currency");
            if (i.has("pair")) {
                return spot(listedText(i, "pair"), base, quote, step(i, "price_step"), step(i, "qty_step"));
            }
            if (!listedText(i, "instrument_id").endsWith("-PERPETUAL")) {
                throw new IOException(feed + " instrument that is no perpetual: " + i);
            }
            if (!listedAsset(i, "contract_size_currency").equals(base)) {
                throw new IOException(feed + " perpetual whose contract is not sized in its base: " + i);
            }
            return perpetual(listedText(i, "instrument_id"), base, quote, step(i, "price_step"), step(i, "size_step"),
                    ContractTerms.linear(step(i, "contract_size"), quote));
        });
    }

    /** bit.com writes its steps with trailing zeros ({@code "0.010000000000"}: 0.01). */
    private BigDecimal step(JsonNode i, String field) throws IOException {
        return plain(listedDecimal(i, field));
    }
}
