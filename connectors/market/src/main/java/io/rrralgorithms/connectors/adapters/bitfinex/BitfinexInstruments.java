package io.rrralgorithms.connectors.adapters.bitfinex;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitfinex instruments from {@code /v2/conf/pub:list:pair:exchange} (spot pairs) and
 * {@code /v2/conf/pub:list:pair:future} (perpetuals), each a {@code [[pair, …]]} list of names.
 * The native symbol is {@code t} + pair, as the channels name it.
 *
 * <p>These lists carry no increments. Bitfinex amounts have at most 8 decimals (lot 1e-8); prices
 * are quoted to 5 significant digits, a relative precision, so there is no fixed tick (null):
 * every price of the capture fits 8 decimals (the smallest, {@code 2e-8}, exactly).
 */
final class BitfinexInstruments extends RestInstrumentList {
    static final String SPOT_URL = "https://api-pub.bitfinex.com/v2/conf/pub:list:pair:exchange";
    static final String PERP_URL = "https://api-pub.bitfinex.com/v2/conf/pub:list:pair:future";
    private static final BigDecimal LOT = new BigDecimal("0.00000001");

    BitfinexInstruments(String feed) {
        super(feed, "/conf/pub:list:pair:", SPOT_URL, PERP_URL);
    }

    @Override
    public boolean isMetadataUrl(String url) {
        return url.contains("/conf/pub:list:pair:exchange") || url.contains("/conf/pub:list:pair:future");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = tree(JSON, url, body, "pair list");
        if (!root.isArray() || root.size() != 1 || !root.get(0).isArray()) {
            throw new IOException("Bitfinex pair list must be [[pair, ...]]: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode n : root.get(0)) {
            if (!n.isTextual()) {
                throw new IOException("Bitfinex pair list holds a " + n.getNodeType() + ": " + url);
            }
            String pair = n.textValue();
            String[] s;
            try {
                s = BitfinexSymbols.split(pair);
            } catch (DecodeException e) {
                throw new IOException(e.getMessage());
            }
            Instrument.Kind kind = Instrument.Kind.valueOf(s[0]);
            out.add(listed(kind, "t" + pair, s[1], s[2], null, null, LOT, null));
        }
        return out;
    }
}
