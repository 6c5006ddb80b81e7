package io.rrralgorithms.connectors.adapters.krakenfutures;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.RestInstrumentList;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Kraken Futures instruments from {@code GET /derivatives/api/v3/instruments}: every entry whose
 * {@code type} is a future ({@code futures_inverse}, {@code futures_vanilla},
 * {@code flexible_futures}); indices ({@code spot index}) are left out. The native symbol is the
 * upper-cased {@code symbol} ({@code pi_xbtusd} → {@code PI_XBTUSD}, as the WebSocket frames write
 * it), the normalized one follows {@link KrakenFuturesSymbols}.
 *
 * <p>Tick size: {@code tickSize}. Lot size (in contracts): {@code 10^-contractValueTradePrecision}
 * where the response has it (newer API, linear {@code PF_} contracts trade fractions), else 1 —
 * the inverse contracts of the 2021 response ({@code contractSize} 1 USD) trade in whole contracts.
 *
 * <p>Contract terms: {@code futures_inverse}: each contract is worth {@code contractSize} USD
 * (inverse); {@code futures_vanilla} and {@code flexible_futures}: {@code contractSize} of the base
 * per contract (linear, notional in the quote).
 */
public final class KrakenFuturesInstruments extends RestInstrumentList {
    public static final String URL = "https://futures.kraken.com/derivatives/api/v3/instruments";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public KrakenFuturesInstruments(String feed) {
        super(feed, "/derivatives/api/v3/instruments", URL);
    }

    @Override
    public List<Instrument> parse(String url, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (!"success".equals(root.path("result").asText())) {
            throw new IOException("instruments response is not a success: " + root.path("error").asText());
        }
        JsonNode list = arrayAt(root, "instruments", url, "instruments response");
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : list) {
            String type = i.path("type").asText("");
            if (!type.startsWith("futures_") && !type.equals("flexible_futures")) {
                continue;
            }
            KrakenFuturesSymbols.Parsed p = KrakenFuturesSymbols.parse(i.path("symbol").asText(""));
            if (p == null) {
                throw new IOException("unrecognized Kraken Futures symbol '" + i.path("symbol").asText() + "'");
            }
            BigDecimal tick = i.hasNonNull("tickSize") ? i.get("tickSize").decimalValue() : null;
            BigDecimal lot = i.hasNonNull("contractValueTradePrecision")
                    ? BigDecimal.ONE.movePointLeft(i.get("contractValueTradePrecision").asInt())
                    : BigDecimal.ONE;
            JsonNode size = i.get("contractSize");
            if (size == null || !size.isNumber() || size.decimalValue().signum() <= 0) {
                throw new IOException("Kraken Futures instrument " + p.nativeSymbol() + " without a positive contractSize");
            }
            ContractTerms terms = type.equals("futures_inverse") ? ContractTerms.inverse(size.decimalValue(), p.quote())
                    : ContractTerms.linear(size.decimalValue(), p.quote());
            out.add(new Instrument(feed, p.nativeSymbol(), p.symbol(), p.kind(), p.base(), p.quote(), p.expiry(),
                    tick, lot, terms));
        }
        return out;
    }
}
