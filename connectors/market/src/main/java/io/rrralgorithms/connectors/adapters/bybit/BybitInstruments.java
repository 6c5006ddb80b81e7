package io.rrralgorithms.connectors.adapters.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bybit's v2 contract list, {@code GET /v2/public/symbols} ({@code {"ret_code":0,"result":[…]}}):
 * inverse perpetuals ({@code BTCUSD}, quote {@code USD}), USDT perpetuals ({@code BTCUSDT}) and
 * inverse quarterly futures ({@code BTCUSDM21}, whose {@code alias} {@code BTCUSD0625} gives the
 * delivery month and day; the year is the symbol's). Tick size is {@code price_filter.tick_size}
 * (a string), lot size {@code lot_size_filter.qty_step} (a JSON number, read exactly): contracts
 * of 1 USD on inverse contracts, base currency on USDT perpetuals. The list has no contract-size
 * field: the contract terms follow the quote currency, USD-quoted contracts being inverse contracts
 * of 1 USD each, USDT-quoted ones linear in the base.
 */
final class BybitInstruments extends RestInstrumentList {
    static final String URL = "https://api.bybit.com/v2/public/symbols";
    private static final Pattern DATED = Pattern.compile("[A-Z0-9]+USD[FGHJKMNQUVXZ]([0-9]{2})");
    private static final Pattern ALIAS_DATE = Pattern.compile(".*([0-9]{2})([0-9]{2})");

    BybitInstruments(String feed) {
        super(feed, "/v2/public/symbols", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = okResponse(tree(EXACT_JSON, url, body, "symbol list"), "ret_code", "0", url);
        return forEachListed(arrayAt(root, "result", url, "symbol list"), i -> {
            String name = listedText(i, "name");
            String quote = listedAsset(i, "quote_currency");
            Matcher dated = DATED.matcher(name);
            LocalDate expiry = null;
            if (dated.matches()) {
                Matcher a = ALIAS_DATE.matcher(listedText(i, "alias"));
                if (!a.matches()) {
                    throw new IOException("Bybit future " + name + ": alias without MMDD: " + i.get("alias"));
                }
                expiry = LocalDate.of(2000 + Integer.parseInt(dated.group(1)), Integer.parseInt(a.group(1)),
                        Integer.parseInt(a.group(2)));
            }
            return listed(expiry == null ? Instrument.Kind.PERPETUAL : Instrument.Kind.FUTURE, name,
                    listedText(i, "base_currency"), quote, expiry, decimal(i.path("price_filter"), "tick_size"),
                    decimal(i.path("lot_size_filter"), "qty_step"),
                    quote.equals("USD") ? ContractTerms.inverse(BigDecimal.ONE, quote) : ContractTerms.spot(quote));
        });
    }

    /** A filter's step, written as a string or an exact number; null where the filter has none. */
    private BigDecimal decimal(JsonNode filter, String field) throws IOException {
        JsonNode n = filter.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return (n.isTextual() ? listedDecimal(filter, field) : listedNumber(filter, field, false)).stripTrailingZeros();
    }
}
