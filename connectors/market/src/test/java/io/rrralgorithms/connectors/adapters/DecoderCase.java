package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One entry of the venue decoder contract ({@link VenueDecoderContractTest}), written as a chain in
 * {@link DecoderCases}: a feed, its capture file(s), the venue's raw-line oracle, the counts the data
 * is known to have (literally, so that oracle and decoder cannot drift together), the frames the
 * decoder must dead-letter, and the instrument catalog where the venue has one.
 */
public final class DecoderCase {
    final String name;
    final String feed;
    /** The cryptofeed exchange name of the captures, or null (not a cryptofeed capture). */
    final String exchange;
    /** Capture files under {@code market/}, decoded one after the other. */
    final List<String> files;
    Oracle oracle;
    Counts counts;
    final Map<String, Long> facts = new TreeMap<>();
    boolean keyIsSymbol;
    /** The oracle gives every frame's key (a connection keyer's), which the capture reader's must equal. */
    boolean keysFromRawLines;
    /** The venue sends book checksums (its sync rules verify them), whether or not these files hold one. */
    boolean sendsChecksums;
    /** Check id ("bad JSON", "unknown type", "bad number") to frames and the reasons they must name. */
    final Map<String, List<Reject>> rejects = new LinkedHashMap<>();
    EventCheck event;
    DecodedCheck decoded;
    Catalog catalog;

    private DecoderCase(String name, String feed, String exchange, List<String> files) {
        this.name = name;
        this.feed = feed;
        this.exchange = exchange;
        this.files = files;
    }

    /** A case of cryptofeed captures {@code market/cryptofeed/<file>} of {@code exchange}. */
    public static DecoderCase cryptofeed(String name, String feed, String exchange, String... files) {
        return new DecoderCase(name, feed, exchange, List.of(files).stream().map(f -> "cryptofeed/" + f).toList());
    }

    /**
     * A case of a feed no capture holds (its frames are checked on documented shapes in its
     * {@code .cases} file): only the checks that need no capture run (registered, the dead letters,
     * the checksum declaration and, with {@code exchange}'s recorded REST file, the catalog).
     *
     * @param exchange the cryptofeed exchange name of the feed, or null where it has none
     */
    public static DecoderCase documented(String name, String feed, String exchange) {
        return new DecoderCase(name, feed, exchange, List.of());
    }

    /** Whether the case has capture files (else it is {@link #documented}). */
    public boolean captured() {
        return !files.isEmpty();
    }

    /** A case of capture files {@code market/<file>} whose reader the path names (hftbacktest's, say). */
    public static DecoderCase capture(String name, String feed, String... files) {
        return new DecoderCase(name, feed, null, List.of(files));
    }

    /** What the decoder must report over the files: frames read, ignored, dead letters, events per type, checksums. */
    public record Counts(long frames, long ignored, long decodeErrors, long trades, long deltas, long snapshots, long bbo,
            long checksums) {}

    /** A frame the decoder must dead-letter with a reason containing {@code reason}. */
    public record Reject(String json, String reason) {}

    /**
     * The recorded instrument list and how many instruments it has.
     *
     * @param frameOf a frame of a native symbol, so that the decoder's normalization of every
     *     instrument is compared with the catalog's; null where none is written
     * @param fitsScale whether every instrument's tick and lot fit the 8-decimal scale
     * @param minValuesOnSteps every price and size of the capture lies on its instrument's tick and
     *     lot, more than this many prices checked; 0 to skip
     */
    public record Catalog(String file, int size, Function<String, String> frameOf, boolean fitsScale,
            int minValuesOnSteps) {}

    @FunctionalInterface
    public interface Oracle {
        RawCounts count(List<Path> files) throws Exception;
    }

    @FunctionalInterface
    public interface EventCheck {
        void check(RawFrame frame, MarketEvent event, Decoded decoded) throws Exception;
    }

    @FunctionalInterface
    public interface DecodedCheck {
        void check(RawCounts raw, Decoded decoded) throws Exception;
    }

    /** The oracle, and the counts it and the decoder must both give. */
    public DecoderCase counts(Oracle oracle, long frames, long ignored, long decodeErrors, long trades, long deltas,
            long snapshots, long bbo, long checksums) {
        this.oracle = oracle;
        this.counts = new Counts(frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums);
        return this;
    }

    /** A venue-specific number of the oracle's. */
    public DecoderCase fact(String name, long n) {
        facts.put(name, n);
        return this;
    }

    /** The frame's partition key is the event's native symbol. */
    public DecoderCase keyIsSymbol() {
        keyIsSymbol = true;
        return this;
    }

    public DecoderCase keysFromRawLines() {
        keysFromRawLines = true;
        return this;
    }

    public DecoderCase sendsChecksums() {
        sendsChecksums = true;
        return this;
    }

    /** Frames written {@code json| reason}, each a dead letter naming the reason, under the check {@code id}. */
    public DecoderCase rejects(String id, String... jsonAndReason) {
        List<Reject> out = new ArrayList<>();
        for (String s : jsonAndReason) {
            int bar = s.lastIndexOf("| ");
            out.add(new Reject(s.substring(0, bar), s.substring(bar + 2)));
        }
        rejects.put(id, out);
        return this;
    }

    public DecoderCase badJson(String... jsonAndReason) {
        return rejects("bad JSON", jsonAndReason);
    }

    public DecoderCase unknownType(String... jsonAndReason) {
        return rejects("unknown type", jsonAndReason);
    }

    public DecoderCase badNumber(String... jsonAndReason) {
        return rejects("bad number", jsonAndReason);
    }

    public DecoderCase event(EventCheck check) {
        this.event = check;
        return this;
    }

    /** The events name exactly {@code n} native symbols. */
    public DecoderCase symbols(int n) {
        return decoded((raw, d) -> assertEquals(n, d.symbols.size(), "symbols with data: " + d.symbols));
    }

    public DecoderCase decoded(DecodedCheck check) {
        this.decoded = check;
        return this;
    }

    public DecoderCase catalog(String file, int size, Function<String, String> frameOf, boolean fitsScale,
            int minValuesOnSteps) {
        this.catalog = new Catalog(file, size, frameOf, fitsScale, minValuesOnSteps);
        return this;
    }

    public List<Path> paths() {
        return files.stream().map(SharedData::market).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
