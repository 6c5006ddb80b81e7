package io.rrralgorithms.connectors.adapters.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OKX instruments from {@code GET /api/v5/public/instruments?instType=SPOT|SWAP|FUTURES|OPTION}
 * (options need {@code uly}: BTC-USD and ETH-USD, as cryptofeed recorded them):
 * {@code {"code":"0","data":[{"instId","instType","baseCcy","quoteCcy","uly","tickSz","lotSz",...}]}}.
 * Spot takes {@code baseCcy}/{@code quoteCcy}; derivatives the underlying {@code uly}
 * ({@code BTC-USD}); futures and options the expiry of the id ({@code BTC-USD-220527}; the
 * {@code expTime} is that day 08:00 UTC). Tick {@code tickSz}; lot {@code lotSz} (contracts for
 * swaps, futures and options). The symbol is {@link OkxSymbols#normalize} of the id, which a
 * listed instrument's fields must agree with, else the response is refused.
 *
 * <p>Contract terms: a contract is {@code ctVal × ctMult} of {@code ctValCcy}. Swaps and futures
 * of {@code ctType} {@code inverse} are worth that many USD each (BTC-USD-SWAP: 100), {@code linear}
 * ones that much of the base (linear, notional in the quote); an option is that much of the
 * underlying at a premium in its {@code settleCcy} (BTC-USD options: 0.1 BTC, premium in BTC):
 * linear in the settlement currency. Spot sizes are in the base.
 */
public final class OkxInstruments extends RestInstrumentList {
    public static final String BASE = "https://www.okx.com/api/v5/public/instruments?instType=";
    private static final ObjectMapper JSON = new ObjectMapper();

    public OkxInstruments(String feed) {
        this(feed, BASE, "SPOT", "SWAP", "FUTURES", "OPTION&uly=BTC-USD", "OPTION&uly=ETH-USD");
    }

    /**
     * The instrument list of a feed speaking OKX's v5 API at another host (OKCoin:
     * {@code https://www.okcoin.com/api/v5/public/instruments?instType=}, spot only).
     *
     * @param base the URL up to the {@code instType} value
     * @param instTypes the {@code instType} values (and extra query) of the full list
     */
    public OkxInstruments(String feed, String base, String... instTypes) {
        super(pathMatching("/api/v5/public/instruments"), feed, Arrays.stream(instTypes).map(t -> base + t)
                .toArray(String[]::new));
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (!"0".equals(root.path("code").asText())) {
            throw new IOException("OKX instruments error response: code " + root.path("code").asText() + " "
                    + root.path("msg").asText());
        }
        JsonNode data = arrayAt(root, "data", url, "instruments response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : data) {
            String id = text(s, "instId");
            String type = text(s, "instType");
            String[] p = id.split("-");
            String base;
            String quote;
            Instrument.Kind kind;
            switch (type) {
                case "SPOT" -> {
                    base = text(s, "baseCcy");
                    quote = text(s, "quoteCcy");
                    kind = Instrument.Kind.SPOT;
                }
                case "SWAP", "FUTURES", "OPTION" -> {
                    String[] u = text(s, "uly").split("-");
                    if (u.length != 2) {
                        throw new IOException("OKX instrument with an underlying that is not BASE-QUOTE: " + s);
                    }
                    base = u[0];
                    quote = u[1];
                    kind = type.equals("SWAP") ? Instrument.Kind.PERPETUAL
                            : type.equals("FUTURES") ? Instrument.Kind.FUTURE : Instrument.Kind.OPTION;
                }
                default -> throw new IOException("OKX instrument of unknown instType '" + type + "': " + id);
            }
            String symbol;
            try {
                symbol = OkxSymbols.normalize(id);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage());
            }
            if (OkxSymbols.kind(id) != kind || !p[0].equals(base) || !p[1].equals(quote)) {
                throw new IOException("OKX instrument whose id disagrees with its fields: " + s);
            }
            String q = NormalizedSymbols.asset(quote);
            out.add(new Instrument(feed, id, symbol, kind, NormalizedSymbols.asset(base), q,
                    kind == Instrument.Kind.FUTURE || kind == Instrument.Kind.OPTION ? OkxSymbols.expiry(p[2], id) : null,
                    new BigDecimal(text(s, "tickSz")), new BigDecimal(text(s, "lotSz")), terms(s, kind, q)));
        }
        return out;
    }

    /** The contract terms of one listed instrument (see the class comment). */
    private static ContractTerms terms(JsonNode s, Instrument.Kind kind, String quote) throws IOException {
        if (kind == Instrument.Kind.SPOT) {
            return ContractTerms.spot(quote);
        }
        BigDecimal value = new BigDecimal(text(s, "ctVal")).multiply(new BigDecimal(text(s, "ctMult")));
        if (kind == Instrument.Kind.OPTION) {
            return ContractTerms.linear(value, NormalizedSymbols.asset(text(s, "settleCcy")));
        }
        return switch (text(s, "ctType")) {
            case "inverse" -> ContractTerms.inverse(value, quote);
            case "linear" -> ContractTerms.linear(value, quote);
            default -> throw new IOException("OKX contract of unknown ctType: " + s);
        };
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException("OKX instrument without '" + field + "': " + n);
        }
        return v.textValue();
    }
}
