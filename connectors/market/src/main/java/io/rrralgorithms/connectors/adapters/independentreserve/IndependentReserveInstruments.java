package io.rrralgorithms.connectors.adapters.independentreserve;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Independent Reserve lists currencies, not pairs: {@code GET /Public/GetValidPrimaryCurrencyCodes}
 * ({@code ["Xbt","Eth",...]}) and {@code GET /Public/GetValidSecondaryCurrencyCodes}
 * ({@code ["Aud","Usd","Nzd","Sgd"]}); every primary trades against every secondary (cryptofeed's
 * reading), so the pairs are read from the secondary list, crossed with the primary list read
 * before it (the order the venue's lists are fetched and recorded in). No tick or lot sizes.
 */
final class IndependentReserveInstruments extends RestInstrumentList {
    private static final String PRIMARY = "/Public/GetValidPrimaryCurrencyCodes";
    private static final String SECONDARY = "/Public/GetValidSecondaryCurrencyCodes";

    /** The primary currencies of the last primary list read. */
    private List<String> primaries = List.of();

    IndependentReserveInstruments(String feed) {
        super(feed, "/Public/GetValid", "https://api.independentreserve.com" + PRIMARY,
                "https://api.independentreserve.com" + SECONDARY);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        List<String> codes = codes(url, body);
        if (url.contains(PRIMARY)) {
            primaries = codes;
            return List.of();
        }
        if (!url.contains(SECONDARY)) {
            throw new IOException(feed + ": not a currency list: " + url);
        }
        if (primaries.isEmpty()) {
            throw new IOException(feed + ": the secondary currencies read before the primary ones: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (String p : primaries) {
            for (String q : codes) {
                out.add(spot(p + "-" + q, IndependentReserveSymbols.asset(p), IndependentReserveSymbols.asset(q), null, null));
            }
        }
        return out;
    }

    private List<String> codes(String url, String body) throws IOException {
        JsonNode list = tree(JSON, url, body, "currency list");
        if (!list.isArray() || list.isEmpty()) {
            throw new IOException(feed + " currency list is not a non-empty array: " + url);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode c : list) {
            if (!c.isTextual() || !c.textValue().matches("[A-Za-z0-9]+")) {
                throw new IOException(feed + " currency list holds " + c + ": " + url);
            }
            out.add(c.textValue().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
