package io.rrralgorithms.connectors.adapters.bitcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.adapters.SequencedBooks;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the bit.com captures ({@code BIT.COM.ws.1.0}: 9 spot pairs;
 * {@code BIT.COM.ws.2.0}: NEAR-USDT-PERPETUAL; January 2024, {@code depth}, {@code ticker},
 * {@code trade}, about 60 s), read with Jackson and {@code BigDecimal}: frames per channel (and
 * depth type) as facts; a ticker with an empty best bid or ask gives no BBO (6 spot tickers of
 * pairs no one quotes, sent on subscribing, minutes old) and, with no perpetual data, is ignored;
 * a perpetual's ticker is a derivatives fact; trades per taker side; the books by the documented
 * {@code prev_sequence} chain ({@link SequencedBooks#chained}).
 */
public final class BitcomOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BitcomOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        SequencedBooks books = new SequencedBooks(raw);
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                String channel = j.get("channel").asText();
                JsonNode d = j.get("data");
                switch (channel) {
                    case "subscription" -> {
                        raw.count(channel, 1);
                        raw.ignored++;
                    }
                    case "trade" -> {
                        raw.count(channel, 1);
                        d.forEach(t -> {
                            raw.trades++;
                            raw.count("taker " + t.get("side").asText(), 1);
                        });
                    }
                    case "ticker" -> {
                        raw.count(channel, 1);
                        boolean top = !d.get("best_bid").asText().isEmpty() && !d.get("best_ask").asText().isEmpty();
                        boolean perpetual = d.has("instrument_id");
                        raw.bbo += top ? 1 : 0;
                        raw.count("derivatives", perpetual ? 1 : 0);
                        raw.ignored += top || perpetual ? 0 : 1;
                    }
                    default -> {
                        String type = d.get("type").asText();
                        raw.count(channel + ":" + type, 1);
                        String symbol = d.has("pair") ? d.get("pair").asText() : d.get("instrument_id").asText();
                        long sequence = d.get("sequence").asLong();
                        if (type.equals("snapshot")) {
                            raw.snapshots++;
                            books.snapshot(symbol, sequence, b -> {
                                d.get("bids").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
                                d.get("asks").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
                            });
                        } else {
                            raw.deltas++;
                            books.chained(symbol, d.get("prev_sequence").asLong(), sequence, b -> changes(b, d));
                        }
                    }
                }
            }
        }
        books.finish();
        return raw;
    }

    private static void changes(ReferenceBook book, JsonNode d) {
        d.get("changes").forEach(c -> book.set(c.get(0).asText().equals("buy"), c.get(1).asText(), c.get(2).asText()));
    }
}
