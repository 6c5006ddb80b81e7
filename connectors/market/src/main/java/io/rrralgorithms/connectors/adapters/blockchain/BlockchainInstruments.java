package io.rrralgorithms.connectors.adapters.blockchain;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Blockchain.com Exchange's instrument list, {@code GET /mercury-gateway/v1/instruments}:
 * {@code [{"symbol","base_currency","counter_currency","min_price_increment","min_price_increment_scale",
 * "lot_size","lot_size_scale","status",...}]}; the tick is {@code min_price_increment} ×
 * 10^-{@code min_price_increment_scale}, the lot {@code lot_size} × 10^-{@code lot_size_scale}. Closed
 * and halted instruments are listed too.
 */
final class BlockchainInstruments extends RestInstrumentList {

    BlockchainInstruments(String feed) {
        super(feed, "/mercury-gateway/v1/instruments", "https://api.blockchain.com/mercury-gateway/v1/instruments");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        return forEachListed(arrayRoot(JSON, url, body, "instrument list"), i -> spot(listedText(i, "symbol"),
                listedText(i, "base_currency"), listedText(i, "counter_currency"), scaled(i, "min_price_increment"),
                scaled(i, "lot_size")));
    }

    /** {@code field} × 10^-{@code field_scale}. */
    private BigDecimal scaled(JsonNode i, String field) throws IOException {
        return BigDecimal.valueOf(listedUnits(i, field), listedPlaces(i, field + "_scale"));
    }
}
