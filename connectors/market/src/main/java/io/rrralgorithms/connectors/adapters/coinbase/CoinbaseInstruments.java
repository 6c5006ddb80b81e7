package io.rrralgorithms.connectors.adapters.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Coinbase Exchange {@code GET /products}: a JSON array of products, each a spot instrument with
 * native symbol {@code id} ({@code SKL-EUR}), {@code base_currency}/{@code quote_currency}, tick
 * size {@code quote_increment} and lot size {@code base_increment}. Every product is listed,
 * whatever its {@code status} or {@code trading_disabled}. The recorded session fetched the old
 * host {@code api.pro.coinbase.com}; the live URL is {@code api.exchange.coinbase.com}, same path
 * and body.
 */
public final class CoinbaseInstruments extends RestInstrumentList {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String URL = "https://api.exchange.coinbase.com/products";
    private static final Set<String> HOSTS = Set.of("api.exchange.coinbase.com", "api.pro.coinbase.com");

    CoinbaseInstruments(String feed) {
        super(feed, "/products", URL);
    }

    @Override
    public boolean isMetadataUrl(String url) {
        try {
            URI u = URI.create(url.trim());
            return u.getHost() != null && HOSTS.contains(u.getHost()) && "/products".equals(u.getPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = arrayRoot(JSON, url, body, "products response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode p : root) {
            String id = text(p, "id");
            String base = NormalizedSymbols.asset(text(p, "base_currency"));
            String quote = NormalizedSymbols.asset(text(p, "quote_currency"));
            out.add(new Instrument(feed, id, NormalizedSymbols.spot(base, quote), Instrument.Kind.SPOT, base, quote,
                    null, step(p, id, "quote_increment"), step(p, id, "base_increment")));
        }
        return out;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException("product " + n.path("id").asText("?") + ": field '" + field
                    + "' must be a non-empty string");
        }
        return v.textValue();
    }

    private static BigDecimal step(JsonNode p, String id, String field) throws IOException {
        String s = text(p, field);
        BigDecimal step;
        try {
            step = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IOException("product " + id + ": field '" + field + "' is not a number: '" + s + "'");
        }
        if (step.signum() <= 0) {
            throw new IOException("product " + id + ": field '" + field + "' must be positive, got " + s);
        }
        return step;
    }
}
