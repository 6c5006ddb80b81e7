package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.decode.TradeDedupFunction;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzz suite over every venue's real captures: copies of real frames, mutated in each
 * of the ways below, are inserted right after their originals (where a redelivery would arrive),
 * and the capture is replayed through the job's operators (in-process: the same decoder, frame
 * guard, watermarks, book sync, dedup, features and bars as the Flink job). Every mutated frame
 * must be dead-lettered (a duplicate trade counted once instead), and every output (book tops,
 * gaps, feature rows and book samples, bars) must equal the clean replay's, element for element.
 */
class VenueFuzzTest {
    private static final long SEED = 20261203L;
    private static final int PER_KIND = 3;
    /** kind → [venues, mutations inserted, dead-lettered or counted once] for the closing report. */
    private static final Map<String, long[]> REPORT = new TreeMap<>();

    /** A mutation: the copy's payload from the original frame and its text, or null where there is nothing to mutate. */
    interface Spoil {
        byte[] apply(String feed, RawFrame f, String text);
    }

    enum Mutation {
        /** Cut in the middle: malformed JSON. */
        STRUCTURAL((feed, f, text) -> Arrays.copyOf(f.payload, f.payload.length / 2)),
        /** Every number replaced by {@code [true]}: wrong types. */
        TYPE((feed, f, text) -> replaced(text, mt -> "[true]")),
        /** Every number negated: non-positive prices, negative sizes (Bitfinex: the side's sign too). */
        VALUE((feed, f, text) -> replaced(text, mt -> mt.group(1)
                + (mt.group(2).startsWith("-") ? mt.group(2).substring(1) : "-" + mt.group(2)) + mt.group(3))),
        /** Every epoch time in the frame moved past 2100 (a µs time read as ms, a clock gone wrong). */
        TIME((feed, f, text) -> {
            String t = ISO.matcher(EPOCH_S.matcher(EPOCH_MS_OR_FINER.matcher(text).replaceAll("$1000"))
                    .replaceAll("41$1")).replaceAll("\"2100-$1");
            return t.equals(text) ? null : t.getBytes(StandardCharsets.UTF_8);
        }),
        /** The native symbol (of the frame's first event) with a NUL inside ({@code \u0000}, valid JSON). */
        NUL_SYMBOL((feed, f, text) -> {
            List<MarketEvent> events = decode(Venues.forFeed(feed).decoder(), f);
            String sym = events == null || events.isEmpty() ? null : events.get(0).nativeSymbol;
            if (sym == null || sym.length() < 2 || !text.contains("\"" + sym + "\"")) {
                return null;
            }
            String poisoned = sym.substring(0, 1) + "\\u0000" + sym.substring(1);
            return text.replace("\"" + sym + "\"", "\"" + poisoned + "\"").getBytes(StandardCharsets.UTF_8);
        }),
        /** Invalid UTF-8 bytes inside the first string: a lead byte (0xC3) followed by a non-continuation byte ('('). */
        INVALID_UTF8((feed, f, text) -> {
            String bytes = new String(f.payload, StandardCharsets.ISO_8859_1); // one char per byte
            int q = bytes.indexOf('"');
            return q < 0 ? null : (bytes.substring(0, q + 1) + "\u00C3(" + bytes.substring(q + 1))
                    .getBytes(StandardCharsets.ISO_8859_1);
        }),
        /** The first object starts with the same key twice. */
        DUPLICATE_KEY((feed, f, text) -> text.indexOf('{') < 0 ? null : text.replaceFirst("\\{", "{\"rrr\":0,\"rrr\":1,")
                .getBytes(StandardCharsets.UTF_8)),
        /**
         * A WebSocket frame padded with spaces past the 4 MiB frame limit (a REST snapshot has its own,
         * larger limit: its padded copy would be valid).
         */
        OVERSIZE((feed, f, text) -> {
            if (f.kind == FrameKind.REST_SNAPSHOT) {
                return null;
            }
            byte[] out = Arrays.copyOf(f.payload, f.payload.length + (4 << 20) + 1);
            Arrays.fill(out, f.payload.length, out.length, (byte) ' ');
            return out;
        }),
        /** The same trade frame again: a replay or redelivery (trades with a venue trade id). */
        DUPLICATE_TRADE((feed, f, text) -> f.payload.clone());

        private final Spoil spoil;

        Mutation(Spoil spoil) {
            this.spoil = spoil;
        }
    }

    static Stream<String> feeds() throws Exception {
        return capturesByFeed().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void mutatedFramesAreDeadLetteredAndLeaveEveryOutputUnchanged(String capture) throws Exception {
        List<RawFrame> frames = CaptureReplay.read(capturesByFeed().get(capture));
        String feed = frames.get(0).feed;
        Run clean = run(frames);
        assertTrue(clean.outputs.size() > 0, feed + ": the clean replay produced nothing");

        Random random = new Random(SEED ^ capture.hashCode());
        Sources sources = Sources.of(feed, frames);
        List<String> failures = new ArrayList<>();
        Map<Mutation, Integer> counts = new TreeMap<>();
        for (Mutation m : Mutation.values()) {
            Map<Integer, RawFrame> inserts = inserts(m, feed, frames, sources, random, PER_KIND);
            if (inserts.isEmpty()) {
                continue;
            }
            counts.put(m, inserts.size());
            List<Integer> positions = new ArrayList<>(inserts.keySet());
            Run fuzzed = run(withInserts(frames, inserts));
            boolean duplicate = m == Mutation.DUPLICATE_TRADE;
            long deadLettered = fuzzed.counters.decodeErrors - clean.counters.decodeErrors;
            long countedOnce = fuzzed.counters.duplicateTrades - clean.counters.duplicateTrades;
            // a duplicated frame adds each of its trades once (a Huobi swap message can hold several)
            long duplicatedTrades = inserts.values().stream().mapToLong(f -> checkedTrades(feed, f)).sum();
            if ((duplicate ? countedOnce : deadLettered) != (duplicate ? duplicatedTrades : inserts.size())) {
                failures.add(m + ": " + inserts.size() + " inserted after frames " + positions + ", "
                        + (duplicate ? countedOnce + " counted once" : deadLettered + " dead-lettered"));
            }
            if (!clean.outputs.equals(fuzzed.outputs)) {
                int i = 0;
                while (i < Math.min(clean.outputs.size(), fuzzed.outputs.size())
                        && clean.outputs.get(i).equals(fuzzed.outputs.get(i))) {
                    i++;
                }
                failures.add(m + ": outputs differ from #" + i + " (" + clean.outputs.size() + " vs "
                        + fuzzed.outputs.size() + ")");
            }
            synchronized (REPORT) {
                long[] r = REPORT.computeIfAbsent(m.name(), x -> new long[3]);
                r[0]++;
                r[1] += inserts.size();
                r[2] += duplicate ? countedOnce : deadLettered;
            }
        }
        assertEquals(List.of(), failures, capture + " (" + frames.size() + " frames)");
        System.out.println("fuzz " + capture + ": " + frames.size() + " frames, inserted " + counts
                + ", every one dead-lettered or counted once, " + clean.outputs.size() + " outputs unchanged");
    }

    /**
     * The mutation sources of a capture, decoded in order by one decoder: the frames whose events (one
     * at least) all decode, all carry an exchange time (a time can only be judged where the venue
     * sends one), all are trades the trade dedup checks.
     */
    record Sources(List<Integer> withEvents, List<Integer> withTimes, List<Integer> withTrades) {
        static Sources of(String feed, List<RawFrame> frames) {
            Sources s = new Sources(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            FrameDecoder decoder = Venues.forFeed(feed).decoder();
            for (int i = 0; i < frames.size(); i++) {
                List<MarketEvent> events = decode(decoder, frames.get(i));
                if (events == null || events.isEmpty()) {
                    continue;
                }
                if (events.stream().allMatch(e -> e.type != EventType.DECODE_ERROR)) {
                    s.withEvents.add(i);
                }
                if (events.stream().allMatch(e -> e.exchangeTimeMs > 0)) {
                    s.withTimes.add(i);
                }
                // a trade the frame guard's clock check refuses (Huobi swaps' 39-min-old BTT-USDT repeat) is a dead letter,
                // never a duplicate: not a frame to duplicate (which frames are drawn depends on the feeds before)
                if (events.stream().allMatch(e -> e.type == EventType.TRADE && TradeDedupFunction.checked(feed, e.tradeId)
                        && e.receiveTimeNs / 1_000_000L - e.exchangeTimeMs <= 300_000L)) {
                    s.withTrades.add(i);
                }
            }
            return s;
        }

        List<Integer> of(Mutation m) {
            return m == Mutation.DUPLICATE_TRADE ? withTrades : m == Mutation.TIME ? withTimes : withEvents;
        }
    }

    /** The events of {@code f}, or null where it is a dead letter. */
    static List<MarketEvent> decode(FrameDecoder decoder, RawFrame f) {
        List<MarketEvent> events = new ArrayList<>();
        try {
            decoder.decode(f, events::add);
            return events;
        } catch (Exception e) {
            return null;
        }
    }

    /** Up to {@code n} frames mutated by {@code m} from its {@code sources}, by the position of the original they follow. */
    static Map<Integer, RawFrame> inserts(Mutation m, String feed, List<RawFrame> frames, Sources sources, Random random,
            int n) {
        List<Integer> candidates = sources.of(m);
        Map<Integer, RawFrame> inserts = new TreeMap<>();
        for (int attempt = 0; attempt < 50 * n && inserts.size() < n && !candidates.isEmpty(); attempt++) {
            int at = candidates.get(random.nextInt(candidates.size()));
            RawFrame src = frames.get(at);
            byte[] payload = inserts.containsKey(at) ? null
                    : m.spoil.apply(feed, src, new String(src.payload, StandardCharsets.UTF_8));
            if (payload != null) {
                inserts.put(at, new RawFrame(src.feed, src.key, src.kind, src.receiveTimeNs, payload));
            }
        }
        return inserts;
    }

    /** {@code frames} with each insert placed right after the frame it copies. */
    static List<RawFrame> withInserts(List<RawFrame> frames, Map<Integer, RawFrame> inserts) {
        List<RawFrame> mutated = new ArrayList<>(frames);
        List<Integer> positions = new ArrayList<>(inserts.keySet());
        for (int k = positions.size() - 1; k >= 0; k--) { // from the back: earlier positions stay valid
            mutated.add(positions.get(k) + 1, inserts.get(positions.get(k)));
        }
        return mutated;
    }

    @AfterAll
    static void report() {
        REPORT.forEach((m, r) -> System.out.println("fuzz report " + m + ": venues " + r[0] + ", inserted " + r[1]
                + ", dead-lettered or counted once " + r[2]));
    }

    // ---------------------------------------------------------------- mutations

    /** A number as a JSON value, quoted or not: after {@code : [ ,}, before {@code , ] }}. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<=[:\\[,])(\"?)(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)(\"?)(?=[,\\]}])");
    private static final Pattern EPOCH_MS_OR_FINER = Pattern.compile("(?<![0-9.])(1[4-9][0-9]{11}(?:[0-9]{3}){0,2})(?![0-9])");
    private static final Pattern EPOCH_S = Pattern.compile("(?<![0-9.])1[4-9]([0-9]{8}\\.[0-9]+)(?![0-9])");
    private static final Pattern ISO = Pattern.compile("\"20[0-9]{2}-([0-9]{2}-[0-9]{2}T)");

    private static byte[] replaced(String text, Function<MatchResult, String> with) {
        Matcher mt = NUMBER.matcher(text);
        return mt.find() ? mt.replaceAll(r -> Matcher.quoteReplacement(with.apply(r))).getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The trades of a frame that the trade dedup checks: what a duplicate of the frame adds to its count. */
    static long checkedTrades(String feed, RawFrame frame) {
        // the candidates are frames that decode: a duplicate of one is the same frame
        List<MarketEvent> events = decode(Venues.forFeed(feed).decoder(), frame);
        return events == null ? 0 : events.stream()
                .filter(ev -> ev.type == EventType.TRADE && TradeDedupFunction.checked(feed, ev.tradeId)).count();
    }

    // ---------------------------------------------------------------- replay

    record Run(InProcessPipeline.Counters counters, List<String> outputs) {}

    static Run run(List<RawFrame> frames) {
        List<String> outputs = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(10, 100_000, 2_000L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                outputs.add("top " + render(t));
            }

            @Override
            public void gap(BookGap g) {
                outputs.add("gap " + render(g));
            }

            @Override
            public void featureRow(FeatureRow row, BookTop sample) {
                outputs.add("features " + render(row) + (sample == null ? "" : " sample " + render(sample)));
            }

            @Override
            public void bar(TradeBar bar) {
                outputs.add("bar " + render(bar));
            }
        });
        for (RawFrame f : frames) {
            p.frame(f);
        }
        p.finish();
        return new Run(p.counters(), outputs);
    }

    /** Every public field of a row, arrays by content. */
    static String render(Object o) {
        StringBuilder b = new StringBuilder(o.getClass().getSimpleName()).append('{');
        for (Field f : o.getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                try {
                    String v = Arrays.deepToString(new Object[] {f.get(o)});
                    b.append(f.getName()).append('=').append(v, 1, v.length() - 1).append(' ');
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return b.append('}').toString();
    }

    /** The hftbacktest Binance captures and the cryptofeed capture of every supported feed. */
    static Map<String, List<Path>> capturesByFeed() throws Exception {
        Map<String, List<Path>> m = new TreeMap<>(VenueCapturesIT.capturesByFeed());
        for (String feed : List.of("binance-spot", "binance-usdm")) {
            try (Stream<Path> files = Files.list(SharedData.market(feed))) {
                // one day each keeps the suite quick; the other days are the same kind of data
                m.put(feed + " hftbacktest", List.of(files.sorted().findFirst().orElseThrow()));
            }
        }
        return m;
    }
}
