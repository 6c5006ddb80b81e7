package io.rrralgorithms.connectors.adapters.bitflyer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * bitFlyer's market lists, {@code GET /v1/markets} (Japan), {@code /v1/markets/usa},
 * {@code /v1/markets/eu} (and their old names {@code /v1/getmarkets…}): arrays of
 * {@code {"product_code","market_type":"Spot"|"FX"|"Futures","alias"}}. They give no tick or lot
 * (bitFlyer publishes them only in its documentation): both unknown. A product listed by several
 * regions is one instrument.
 */
final class BitflyerInstruments extends RestInstrumentList {
    private static final ObjectMapper JSON = new ObjectMapper();

    BitflyerInstruments(String feed) {
        super(pathMatching("/v1/(get)?markets(/usa|/eu)?/?"), feed, "https://api.bitflyer.com/v1/markets",
                "https://api.bitflyer.com/v1/markets/usa", "https://api.bitflyer.com/v1/markets/eu");
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "market list");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode m : root) {
            String code = m.path("product_code").asText("");
            Instrument.Kind kind = switch (m.path("market_type").asText("")) {
                case "Spot" -> Instrument.Kind.SPOT;
                case "FX" -> Instrument.Kind.PERPETUAL;
                case "Futures" -> Instrument.Kind.FUTURE;
                default -> throw new IOException(feed + " market of an unknown market_type: " + m);
            };
            String symbol;
            try {
                symbol = BitflyerSymbols.normalize(code);
            } catch (DecodeException e) {
                throw new IOException(feed + " market: " + e.getMessage(), e);
            }
            Parts p = NormalizedSymbols.parts(symbol);
            if (p.kind() != kind) {
                throw new IOException(feed + " market " + code + " is listed as " + kind + ", its code reads " + p.kind());
            }
            out.add(new Instrument(feed, code, symbol, kind, p.base(), p.quote(),
                    p.expiry() == null ? null : LocalDate.parse("20" + p.expiry(), DateTimeFormatter.BASIC_ISO_DATE), null, null));
        }
        return out;
    }
}
