package io.rrralgorithms.connectors.adapters.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
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
        JsonNode root = okResponse(tree(JSON, url, body, "instruments response"), "code", "0", url);
        return forEachListed(arrayAt(root, "data", url, "instruments response"), s -> {
            String id = listedText(s, "instId");
            String type = listedText(s, "instType");
            String[] p = id.split("-");
            String[] baseQuote = type.equals("SPOT") ? new String[] {listedText(s, "baseCcy"), listedText(s, "quoteCcy")}
                    : listedPair(s, "uly", '-');
            Instrument.Kind kind = switch (type) {
                case "SPOT" -> Instrument.Kind.SPOT;
                case "SWAP" -> Instrument.Kind.PERPETUAL;
                case "FUTURES" -> Instrument.Kind.FUTURE;
                case "OPTION" -> Instrument.Kind.OPTION;
                default -> throw new IOException("OKX instrument of unknown instType '" + type + "': " + id);
            };
            String symbol;
            try {
                symbol = OkxSymbols.normalize(id);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage());
            }
            if (OkxSymbols.kind(id) != kind || !p[0].equals(baseQuote[0]) || !p[1].equals(baseQuote[1])) {
                throw new IOException("OKX instrument whose id disagrees with its fields: " + s);
            }
            String q = NormalizedSymbols.asset(baseQuote[1]);
            return new Instrument(feed, id, symbol, kind, NormalizedSymbols.asset(baseQuote[0]), q,
                    kind == Instrument.Kind.FUTURE || kind == Instrument.Kind.OPTION ? OkxSymbols.expiry(p[2], id) : null,
                    listedDecimal(s, "tickSz"), listedDecimal(s, "lotSz"), terms(s, kind, q));
        });
    }

    /** The contract terms of one listed instrument (see the class comment). */
    private ContractTerms terms(JsonNode s, Instrument.Kind kind, String quote) throws IOException {
        if (kind == Instrument.Kind.SPOT) {
            return ContractTerms.spot(quote);
        }
        BigDecimal value = listedDecimal(s, "ctVal").multiply(listedDecimal(s, "ctMult"));
        if (kind == Instrument.Kind.OPTION) {
            return ContractTerms.linear(value, listedAsset(s, "settleCcy"));
        }
        return switch (listedText(s, "ctType")) {
            case "inverse" -> ContractTerms.inverse(value, quote);
            case "linear" -> ContractTerms.linear(value, quote);
            default -> throw new IOException("OKX contract of unknown ctType: " + s);
        };
    }
}
