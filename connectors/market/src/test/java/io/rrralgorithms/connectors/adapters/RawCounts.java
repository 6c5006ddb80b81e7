package io.rrralgorithms.connectors.adapters;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a capture's raw lines say, computed by a venue's one oracle with Jackson (never the decoder
 * or the synchronizer), for both contracts: the counts the decoder must report, the book-sync
 * counters, synced tops and reference books the replay must match, and venue-specific facts the
 * cases list literally. It is also the oracles' kit: the frames as exact JSON, ignored and dead
 * frames as facts, and the book-sync rule families, written once here (not from the main code).
 */
public final class RawCounts {
    /** Exact decimals, as the venues wrote them. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public long frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums;
    /** Book sync only: stale diffs, gaps, checksum mismatches. */
    public long stale, gaps, checksumFailures;
    public final Map<String, Long> facts = new TreeMap<>();
    /** Synced tops per native symbol (books without one are left out). */
    public final Map<String, Integer> syncedTops = new TreeMap<>();
    /** The books to compare with the pipeline's last top; {@link ReferenceBook#lastUpdateId} too where set. */
    public final Map<String, ReferenceBook> books = new TreeMap<>();
    /** Every frame's partition key in file order, where the oracle derives them (else null). */
    public List<String> keys;

    /** One received frame: its receive time as written, its text ({@link CaptureLines#text}) and JSON. */
    public record Frame(String seconds, String text, JsonNode json) {
        public long receiveMs() {
            return new BigDecimal(seconds).movePointRight(3).longValue();
        }
    }

    /** The received frames of {@code files}, one after the other, each counted as a frame. */
    public List<Frame> frames(List<Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        files.forEach(f -> lines.addAll(CaptureLines.lines(f)));
        return framesOf(lines);
    }

    /** The received frames of raw {@code lines}, each counted as a frame. */
    public List<Frame> framesOf(List<String> lines) throws IOException {
        List<Frame> out = new ArrayList<>();
        for (CaptureLines.Received r : CaptureLines.received(lines)) {
            String text = CaptureLines.text(r.payload());
            out.add(new Frame(r.seconds(), text, JSON.readTree(text)));
        }
        frames += out.size();
        return out;
    }

    /** The JSON of {@link #frames}. */
    public List<JsonNode> json(List<Path> files) throws IOException {
        return frames(files).stream().map(Frame::json).toList();
    }

    public void count(String fact, long n) {
        facts.merge(fact, n, Long::sum);
    }

    public long fact(String name) {
        return facts.getOrDefault(name, 0L);
    }

    /** A frame the decoder ignores, counted as the fact {@code kind}. */
    public void ignore(String kind) {
        ignored++;
        count(kind, 1);
    }

    /**
     * Whether a frame of {@code kind} holds numbers that no long mantissa scale holds: then it is a
     * dead letter, counted as the fact {@code "<kind> (no long scale holds it)"}.
     */
    public boolean dead(String kind, Collection<BigDecimal> values) {
        if (Mantissa.holdable(values)) {
            return false;
        }
        decodeErrors++;
        count(kind + " (no long scale holds it)", 1);
        return true;
    }

    /** The decimals (numbers or numeric strings) at {@code fields} of {@code n} or of each element of the array {@code n}. */
    public static List<BigDecimal> decimals(JsonNode n, String... fields) {
        List<BigDecimal> out = new ArrayList<>();
        for (JsonNode item : n.isArray() ? n : List.of(n)) {
            for (String f : fields) {
                JsonNode v = item.get(f);
                if (v != null && (v.isNumber() || v.isTextual() && !v.asText().isEmpty())) {
                    out.add(new BigDecimal(v.asText()));
                }
            }
        }
        return out;
    }

    /** The prices and sizes of {@code [price, size, ...]} levels, of every array given. */
    public static List<BigDecimal> levels(JsonNode... sides) {
        List<BigDecimal> out = new ArrayList<>();
        for (JsonNode side : sides) {
            side.forEach(l -> {
                out.add(new BigDecimal(l.get(0).asText()));
                out.add(new BigDecimal(l.get(1).asText()));
            });
        }
        return out;
    }

    /**
     * The REST books of {@code http} whose URL contains {@code url}, each a frame: one with a number
     * no long mantissa scale holds is a dead letter ("dead snapshots"), the others are snapshots and returned.
     */
    public List<CaptureLines.Rest> restBooks(Path http, String url) {
        List<CaptureLines.Rest> out = new ArrayList<>();
        for (CaptureLines.Rest r : CaptureLines.rest(http, url)) {
            frames++;
            if (!Mantissa.holdable(Mantissa.levelValues(r.body()))) {
                decodeErrors++;
                count("dead snapshots", 1);
            } else {
                snapshots++;
                out.add(r);
            }
        }
        return out;
    }

    /** The {@code .http.0.0} file of a {@code .ws.1.0} capture: its REST snapshots. */
    public static Path http(List<Path> files) {
        return files.get(0).resolveSibling(files.get(0).getFileName().toString().replace(".ws.1.0", ".http.0.0"));
    }

    public ReferenceBook book(String nativeSymbol) {
        return books.computeIfAbsent(nativeSymbol, s -> new ReferenceBook());
    }

    public void syncedTop(String nativeSymbol) {
        syncedTops.merge(nativeSymbol, 1, Integer::sum);
    }

    public long syncedTopsTotal() {
        return syncedTops.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The sequenced rule (HitBTC's {@code sequence + 1}, Poloniex's {@code lastId == id}): an update
     * at or below the book's id is stale; on a book lost to a gap it waits for the next snapshot; one
     * that does not {@code continues} the book is a gap that loses it. Whether to apply it (the
     * book's id is then {@code id}).
     */
    public boolean chained(ReferenceBook b, long id, boolean continues) {
        if (id <= b.lastUpdateId) {
            stale++;
            return false;
        }
        if (!b.synced) {
            return false; // lost until the next snapshot
        }
        if (!continues) {
            gaps++;
            b.synced = false;
            return false;
        }
        b.lastUpdateId = id;
        b.applied = true;
        return true;
    }

    /**
     * A link of a chain that is only counted (Kraken Futures' seq, KuCoin's sequence, the Binance and
     * Gate.io diffs once joined): a break is a gap, the update applied all the same.
     */
    public void link(ReferenceBook b, long id, boolean continues) {
        gaps += continues ? 0 : 1;
        b.lastUpdateId = id;
    }

    /** Keeps the books that are synced and gave a synced top (a snapshot alone reports none), the fact "books". */
    public void keepSyncedBooks() {
        books.entrySet().removeIf(e -> !e.getValue().synced || !syncedTops.containsKey(e.getKey()));
        count("books", books.size());
    }

    public DecoderCase.Counts counts() {
        return new DecoderCase.Counts(frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums);
    }
}
