package io.rrralgorithms.connectors.adapters.bittrex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.adapters.SequencedBooks;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The raw-line oracle of the Bittrex capture ({@code BITTREX.ws.1.0} + {@code BITTREX.http.0.0},
 * June 2021: SignalR frames of 10 markets' {@code orderbook_<m>_500}, {@code trade}, {@code ticker}
 * and {@code candle}, about 90 s; 8 REST books), read with Jackson, {@code BigDecimal} and
 * {@link InflaterInputStream}: the REST books merged with the frames by receive time; frames per
 * kind as facts (a frame without messages, the keep-alive and invocation results ignored, as is
 * a frame of candles only); hub messages per method; the books by the documented procedure, the
 * snapshot at its {@code Sequence} response header ({@link SequencedBooks}).
 */
public final class BittrexOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEQUENCE = Pattern.compile("\"Sequence\": \"([0-9]+)\"");
    private static final Pattern MARKET = Pattern.compile("/v3/markets/([^/]+)/orderbook");

    private BittrexOracle() {}

    private record Line(BigDecimal seconds, String url, String payload) {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        SequencedBooks books = new SequencedBooks(raw);
        List<Line> lines = new ArrayList<>();
        for (Path file : files) {
            CaptureLines.received(file).forEach(r -> lines.add(new Line(new BigDecimal(r.seconds()), null, r.payload())));
            Path http = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.ws\\..*", ".http.0.0"));
            CaptureLines.rest(http, "/orderbook").forEach(r -> lines.add(new Line(new BigDecimal(r.seconds()), r.url(),
                    r.body())));
        }
        lines.sort(Comparator.comparing(Line::seconds)); // stable: frames before REST books on a tie
        for (Line l : lines) {
            raw.frames++;
            if (l.url() != null) {
                raw.snapshots++;
                Matcher seq = SEQUENCE.matcher(l.payload());
                Matcher market = MARKET.matcher(l.url());
                if (!seq.find() || !market.find()) {
                    throw new AssertionError("REST book without Sequence header or market: " + l.url());
                }
                JsonNode body = JSON.readTree(l.payload().substring(0, l.payload().lastIndexOf(" header: ")));
                books.snapshot(market.group(1), Long.parseLong(seq.group(1)), b -> set(b, body, "bid", "ask"));
                continue;
            }
            JsonNode j = JSON.readTree(l.payload());
            int events = 0;
            for (JsonNode m : j.path("M")) {
                String method = m.get("M").asText();
                for (JsonNode a : m.get("A")) {
                    raw.count(method, 1);
                    JsonNode d = JSON.readTree(inflate(a.asText()));
                    switch (method) {
                        case "orderBook" -> {
                            raw.deltas++;
                            events++;
                            long sequence = d.get("sequence").asLong();
                            books.diff(d.get("marketSymbol").asText(), sequence, sequence,
                                    b -> set(b, d, "bidDeltas", "askDeltas"));
                        }
                        case "ticker" -> {
                            raw.bbo++;
                            events++;
                        }
                        case "trade" -> {
                            raw.trades += d.get("deltas").size();
                            events += d.get("deltas").size();
                        }
                        default -> { } // candles
                    }
                }
            }
            if (events == 0) {
                raw.ignored++;
                raw.count(j.has("R") ? "invocation results" : j.isEmpty() ? "keep-alive" : "frames without data", 1);
            }
        }
        books.finish();
        return raw;
    }

    private static void set(ReferenceBook book, JsonNode d, String bids, String asks) {
        d.get(bids).forEach(l -> book.set(true, l.get("rate").asText(), l.get("quantity").asText()));
        d.get(asks).forEach(l -> book.set(false, l.get("rate").asText(), l.get("quantity").asText()));
    }

    /** The inflated messages of a SignalR frame's payload, {@code method:json} each, in order. */
    public static List<String> messages(String payload) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(payload).path("M")) {
            for (JsonNode a : m.get("A")) {
                out.add(m.get("M").asText() + ":" + new String(inflate(a.asText()), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] inflate(String base64) throws Exception {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)),
                new Inflater(true))) {
            return in.readAllBytes();
        }
    }

}
