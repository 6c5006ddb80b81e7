package io.rrralgorithms.connectors.adapters.upbit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-line oracle of the Upbit capture ({@code UPBIT.ws.62.0}, April 2021: {@code orderbook}
 * and {@code trade} of 10 markets in the SIMPLE format, about 15 s), read from the recorded
 * bytes literals ({@link CaptureLines#text}) with Jackson and {@link BigDecimal}, never with the
 * decoder or the synchronizer: frames per type as facts, trades per taker side; every
 * {@code orderbook} is the whole book (units of price 0 left out) and a synced top, the last one
 * per market the reference book.
 */
public final class UpbitOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private UpbitOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                raw.count(CaptureLines.isBytesLiteral(p) ? "bytes literals" : "text frames", 1);
                JsonNode j = JSON.readTree(CaptureLines.text(p));
                String type = j.get("ty").asText();
                raw.count(type + " " + j.get("st").asText(), 1);
                List<BigDecimal> values = new ArrayList<>();
                j.path("obu").forEach(u -> List.of("ap", "bp", "as", "bs").forEach(f -> values.add(u.get(f).decimalValue())));
                if (type.equals("trade")) {
                    values.add(j.get("tp").decimalValue());
                    values.add(j.get("tv").decimalValue());
                }
                if (!Mantissa.holdable(values)) {
                    raw.decodeErrors++;
                    raw.count(type + " (no long scale holds it)", 1);
                    continue;
                }
                switch (type) {
                    case "trade" -> {
                        raw.trades++;
                        raw.count("taker " + j.get("ab").asText(), 1);
                    }
                    case "orderbook" -> {
                        raw.snapshots++;
                        ReferenceBook b = new ReferenceBook();
                        for (JsonNode u : j.get("obu")) {
                            if (u.get("bp").decimalValue().signum() > 0) {
                                b.set(true, u.get("bp").decimalValue(), u.get("bs").decimalValue());
                            }
                            if (u.get("ap").decimalValue().signum() > 0) {
                                b.set(false, u.get("ap").decimalValue(), u.get("as").decimalValue());
                            }
                        }
                        raw.books.put(j.get("cd").asText(), b);
                        raw.syncedTop(j.get("cd").asText());
                    }
                    default -> throw new AssertionError("unknown type " + p);
                }
            }
        }
        raw.count("books", raw.books.size());
        return raw;
    }
}
