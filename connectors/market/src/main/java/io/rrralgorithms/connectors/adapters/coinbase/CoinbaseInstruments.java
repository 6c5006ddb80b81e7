package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.net.URI;
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
        return forEachListed(arrayRoot(JSON, url, body, "products response"), p -> spot(listedText(p, "id"),
                listedText(p, "base_currency"), listedText(p, "quote_currency"), listedStep(p, "quote_increment"),
                listedStep(p, "base_increment")));
    }
}
