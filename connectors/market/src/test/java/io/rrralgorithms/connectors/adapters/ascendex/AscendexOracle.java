package io.rrralgorithms.connectors.adapters.ascendex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.adapters.SequencedBooks;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-line oracle of the AscendEX captures ({@code ASCENDEX.ws.1.0}, April 2021, spot API v1;
 * {@code ASCENDEX_FUTURES.ws.1.0}, April 2022, perpetuals API v2: {@code depth} and {@code trades}
 * of 10 instruments each, about 30 s), read with Jackson and {@code BigDecimal}: frames per
 * {@code m} as facts ({@code connected}, {@code sub}, {@code ping}, {@code pong} ignored); a frame
 * with a value no long mantissa scale holds a dead letter; trades per taker side ({@code bm}: the
 * taker sold); the books by the documented procedure on {@code seqnum} ({@link SequencedBooks}).
 */
public final class AscendexOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AscendexOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        SequencedBooks books = new SequencedBooks(raw);
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                String m = j.get("m").asText();
                raw.count(m, 1);
                if (!m.equals("depth") && !m.equals("depth-snapshot") && !m.equals("trades")) {
                    raw.ignored++;
                    continue;
                }
                if (!Mantissa.holdableStrings(values(j))) {
                    raw.decodeErrors++;
                    raw.count(m + " (no long scale holds it)", 1);
                    continue;
                }
                String symbol = j.get("symbol").asText();
                JsonNode d = j.get("data");
                switch (m) {
                    case "trades" -> d.forEach(t -> {
                        raw.trades++;
                        raw.count(t.get("bm").asBoolean() ? "taker sell" : "taker buy", 1);
                    });
                    case "depth-snapshot" -> {
                        raw.snapshots++;
                        books.snapshot(symbol, d.get("seqnum").asLong(), b -> set(b, d));
                    }
                    default -> {
                        raw.deltas++;
                        long seqnum = d.get("seqnum").asLong();
                        books.diff(symbol, seqnum, seqnum, b -> set(b, d));
                    }
                }
            }
        }
        books.finish();
        return raw;
    }

    private static void set(ReferenceBook book, JsonNode d) {
        d.get("bids").forEach(l -> book.set(true, l.get(0).asText(), l.get(1).asText()));
        d.get("asks").forEach(l -> book.set(false, l.get(0).asText(), l.get(1).asText()));
    }

    private static List<String> values(JsonNode j) {
        List<String> out = new ArrayList<>();
        JsonNode d = j.get("data");
        if (d.isArray()) {
            d.forEach(t -> {
                out.add(t.get("p").asText());
                out.add(t.get("q").asText());
            });
        } else {
            for (String side : List.of("bids", "asks")) {
                d.get(side).forEach(l -> {
                    out.add(l.get(0).asText());
                    out.add(l.get(1).asText());
                });
            }
        }
        return out;
    }
}
