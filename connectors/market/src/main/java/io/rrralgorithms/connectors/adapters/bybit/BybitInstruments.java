package io.rrralgorithms.connectors.adapters.bybit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern DATED = Pattern.compile("[A-Z0-9]+USD[FGHJKMNQUVXZ]([0-9]{2})");
    private static final Pattern ALIAS_DATE = Pattern.compile(".*([0-9]{2})([0-9]{2})");

    BybitInstruments(String feed) {
        super(feed, "/v2/public/symbols", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode result = root == null ? null : root.get("result");
        if (result == null || !result.isArray() || root.path("ret_code").asInt(-1) != 0) {
            throw new IOException("Bybit symbol list is not {\"ret_code\":0,\"result\":[…]}: " + url);
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : result) {
            String name = text(i, "name");
            String base = NormalizedSymbols.asset(text(i, "base_currency"));
            String quote = NormalizedSymbols.asset(text(i, "quote_currency"));
            Matcher dated = DATED.matcher(name);
            LocalDate expiry = null;
            Instrument.Kind kind = Instrument.Kind.PERPETUAL;
            if (dated.matches()) {
                Matcher a = ALIAS_DATE.matcher(text(i, "alias"));
                if (!a.matches()) {
                    throw new IOException("Bybit future " + name + ": alias without MMDD: " + i.get("alias"));
                }
                kind = Instrument.Kind.FUTURE;
                expiry = LocalDate.of(2000 + Integer.parseInt(dated.group(1)), Integer.parseInt(a.group(1)),
                        Integer.parseInt(a.group(2)));
            }
            out.add(new Instrument(feed, name, NormalizedSymbols.of(kind, base, quote, expiry), kind, base, quote,
                    expiry, decimal(i.path("price_filter").get("tick_size"), name, "tick_size"),
                    decimal(i.path("lot_size_filter").get("qty_step"), name, "qty_step"),
                    quote.equals("USD") ? ContractTerms.inverse(BigDecimal.ONE, quote) : ContractTerms.spot(quote)));
        }
        return out;
    }

    private static String text(JsonNode i, String field) throws IOException {
        JsonNode n = i.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new IOException("Bybit symbol " + i.path("name").asText("?") + ": missing '" + field + "'");
        }
        return n.textValue();
    }

    private static BigDecimal decimal(JsonNode n, String name, String field) throws IOException {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            if (n.isTextual()) {
                return new BigDecimal(n.textValue()).stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            throw new IOException("Bybit symbol " + name + ": '" + field + "' is not a decimal: " + n);
        }
        if (!n.isNumber() || (n.isFloatingPointNumber() && !n.isBigDecimal())) {
            throw new IOException("Bybit symbol " + name + ": '" + field + "' is not an exact number");
        }
        return n.decimalValue().stripTrailingZeros();
    }
}
