package io.rrralgorithms.connectors.adapters.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.ScaleFittingDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming Binance decoder against the tree decoder it replaces, on every Binance frame of
 * every capture in the shared data (hftbacktest spot and USDⓈ-M files, cryptofeed BINANCE* files)
 * and on mutated copies of them: the same result (events, field for field, or ignored) or the same
 * dead-letter reason, both through the scale guard as the job decodes. And the token pass itself
 * (not its fall-back to the tree decoder) must accept every frame the tree decoder accepts at the
 * default scale, so that the fast path is what is measured.
 */
class StreamingBinanceDecoderDifferentialTest {
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,])(-?[0-9]+(?:\\.[0-9]+)?)(?=[,}\\]])");
    private static final Pattern DECIMAL_STRING = Pattern.compile("\"([0-9]+\\.[0-9]+)\"");
    private static final Pattern FIRST_KEY = Pattern.compile("^\\{(\"[^\"]+\":(?:\"[^\"]*\"|[-0-9.]+|true|false|null)),");
    private static final Pattern SYMBOL = Pattern.compile("\"s\":\"([A-Z0-9_]+)\"");

    /** Ways to spoil a copy of a real frame; each gives null where the frame has nothing to spoil. */
    private static final Map<String, UnaryOperator<String>> MUTATIONS = mutations();

    private static Map<String, UnaryOperator<String>> mutations() {
        Map<String, UnaryOperator<String>> m = new TreeMap<>();
        m.put("truncated", t -> t.substring(0, t.length() / 2));
        m.put("numbers as [true]", t -> replaced(t, NUMBER, "[true]"));
        m.put("numbers negated", t -> replaced(t, NUMBER, "-$1"));
        m.put("numbers as floats", t -> replaced(t, NUMBER, "$1.5"));
        m.put("decimals negated", t -> replaced(t, DECIMAL_STRING, "\"-$1\""));
        m.put("decimals finer than the scale", t -> replaced(t, DECIMAL_STRING, "\"$1000000001\""));
        m.put("decimals too large for a long", t -> replaced(t, DECIMAL_STRING, "\"99999999999999$1\""));
        m.put("decimals not decimal", t -> replaced(t, DECIMAL_STRING, "\"$1e3\""));
        m.put("first key twice", t -> {
            var mt = FIRST_KEY.matcher(t);
            return mt.find() ? "{" + mt.group(1) + "," + t.substring(1) : null;
        });
        m.put("symbol with NUL", t -> replaced(t, SYMBOL, "\"s\":\"$1\\\\u0000\""));
        m.put("symbol lower case", t -> {
            var mt = SYMBOL.matcher(t);
            return mt.find() ? mt.replaceFirst("\"s\":\"" + mt.group(1).toLowerCase() + "\"") : null;
        });
        m.put("trailing garbage", t -> t + " }{ not json");
        m.put("huge integer", t -> replaced(t, NUMBER, "123456789012345678901234567890"));
        m.put("nested duplicate", t -> t.endsWith("}") ? t.substring(0, t.length() - 1)
                + ",\"extra\":[{\"k\":1,\"k\":2}]}" : null);
        m.put("not an object", t -> "[" + t + "]");
        m.put("whitespace", t -> "   ");
        m.put("invalid UTF-8", t -> null); // bytes, below
        return m;
    }

    private static String replaced(String text, Pattern p, String replacement) {
        String r = p.matcher(text).replaceAll(replacement);
        return r.equals(text) ? null : r;
    }

    /** What one decoder made of one frame. */
    private record Outcome(String result, List<MarketEvent> events) {}

    private static Outcome decode(FrameDecoder decoder, RawFrame frame) {
        List<MarketEvent> events = new ArrayList<>();
        try {
            return new Outcome(decoder.decode(frame, events::add).name(), events);
        } catch (DecodeException e) {
            return new Outcome("dead letter: " + e.getMessage() + (e.getCause() == null ? ""
                    : " (cause " + e.getCause().getClass().getSimpleName() + ")"), events);
        }
    }

    /** The decoders of one feed: the job's (streaming, with the guard) and the tree one, guarded alike. */
    private static final class Pair {
        final StreamingBinanceFrameDecoder streaming;
        final FrameDecoder guardedStreaming;
        final FrameDecoder tree;
        final FrameDecoder guardedTree;

        Pair(String feed) {
            guardedStreaming = Venues.forFeed(feed).decoder();
            streaming = (StreamingBinanceFrameDecoder) ((ScaleFittingDecoder) guardedStreaming).inner();
            tree = streaming.treeDecoder();
            guardedTree = new ScaleFittingDecoder(tree);
        }
    }

    private static List<Path> binanceCaptures() throws IOException {
        List<Path> files = new ArrayList<>();
        Path market = SharedData.root().resolve("market");
        for (String folder : List.of("binance-spot", "binance-usdm")) {
            try (Stream<Path> s = Files.list(market.resolve(folder))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        try (Stream<Path> s = Files.list(market.resolve("cryptofeed"))) {
            // the ws captures (each read with its http snapshots); BINANCE*.0 and *.http.* alone are
            // exchangeInfo and snapshot files read with them
            s.filter(p -> p.getFileName().toString().startsWith("BINANCE")
                    && p.getFileName().toString().contains(".ws.")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void sameEventsAndReasonsOnEveryFrameOfEveryBinanceCapture() throws IOException {
        Map<String, Pair> pairs = new TreeMap<>();
        Map<String, long[]> perFile = new TreeMap<>(); // file → frames, events, dead letters, ignored
        List<String> notBinance = new ArrayList<>();
        long frames = 0;
        long mutated = 0;
        long mutatedRefused = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path file : binanceCaptures()) {
            CaptureReader reader;
            try {
                // Binance TR (trbinance.com, feed binance-tr) sends binance.com's spot frames: compared as spot
                reader = CaptureFiles.open(file, file.getFileName().toString().startsWith("BINANCE_TR.")
                        ? BinanceVenue.SPOT_FEED : null);
            } catch (IOException | RuntimeException e) {
                notBinance.add(file.getFileName() + " (" + e.getMessage() + ")");
                continue;
            }
            try (reader) {
                String feed = reader.feed();
                if (feed == null || !feed.startsWith("binance")) {
                    notBinance.add(file.getFileName() + " (feed " + feed + ")");
                    continue;
                }
                Pair pair = pairs.computeIfAbsent(feed, Pair::new);
                long[] counts = perFile.computeIfAbsent(file.getFileName() + " as " + feed, k -> new long[4]);
                int index = 0;
                while (reader.hasNext()) {
                    RawFrame frame = reader.next();
                    frames++;
                    counts[0]++;
                    Outcome tree = decode(pair.guardedTree, frame);
                    long before = pair.streaming.treeDecodes();
                    Outcome streaming = decode(pair.guardedStreaming, frame);
                    long fellBack = pair.streaming.treeDecodes() - before;
                    check(mismatches, file + " frame " + index, frame, tree, streaming);
                    counts[tree.result.equals("EVENTS") ? 1 : tree.result.equals("IGNORED") ? 3 : 2]++;
                    Outcome treeAtDefaultScale = decode(pair.tree, frame);
                    if (!treeAtDefaultScale.result.startsWith("dead letter") && fellBack != 0 && mismatches.size() < 20) {
                        mismatches.add(file + " frame " + index + ": the token pass refused a frame the tree decoder "
                                + "accepts: " + text(frame));
                    }
                    // mutated copies of every 7th frame, each way
                    if (index % 7 == 0) {
                        for (Map.Entry<String, UnaryOperator<String>> m : MUTATIONS.entrySet()) {
                            byte[] spoiled = spoil(m.getKey(), m.getValue(), frame);
                            if (spoiled == null) {
                                continue;
                            }
                            RawFrame copy = new RawFrame(frame.feed, frame.key, frame.kind, frame.receiveTimeNs, spoiled);
                            Outcome t = decode(pair.guardedTree, copy);
                            Outcome s = decode(pair.guardedStreaming, copy);
                            mutated++;
                            mutatedRefused += t.result.startsWith("dead letter") ? 1 : 0;
                            check(mismatches, file + " frame " + index + " " + m.getKey(), copy, t, s);
                        }
                    }
                    index++;
                }
            }
        }
        StringBuilder report = new StringBuilder("streaming vs tree Binance decoder: " + frames + " frames, "
                + mutated + " mutated copies (" + mutatedRefused + " dead letters)\n");
        perFile.forEach((f, c) -> report.append("  ").append(f).append(": ").append(c[0]).append(" frames, ")
                .append(c[1]).append(" with events, ").append(c[2]).append(" dead letters, ").append(c[3])
                .append(" ignored\n"));
        System.out.print(report);
        assertTrue(notBinance.isEmpty(), "captures not read: " + notBinance);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " differences, first ones:\n"
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
        assertTrue(frames > 100_000, "the shared Binance captures hold well over 100,000 frames, read " + frames);
        assertTrue(mutatedRefused > 1000, "mutations must produce dead letters, got " + mutatedRefused);
        assertTrue(pairs.keySet().containsAll(List.of("binance-spot", "binance-usdm", "binance-coinm", "binance-us")),
                "every Binance feed was compared: " + pairs.keySet());
    }

    private static byte[] spoil(String name, UnaryOperator<String> mutation, RawFrame frame) {
        if (name.equals("invalid UTF-8")) {
            byte[] b = frame.payload.clone();
            int quote = new String(b, StandardCharsets.ISO_8859_1).indexOf("\":\"");
            if (quote < 0 || quote + 4 >= b.length) {
                return null;
            }
            b[quote + 3] = (byte) 0xC3; // a two-byte lead followed by an ASCII byte
            return b;
        }
        String spoiled = mutation.apply(text(frame));
        return spoiled == null ? null : spoiled.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(RawFrame frame) {
        return new String(frame.payload, StandardCharsets.UTF_8);
    }

    private static void check(List<String> mismatches, String where, RawFrame frame, Outcome tree, Outcome streaming) {
        if ((!tree.result.equals(streaming.result) || !tree.events.equals(streaming.events)) && mismatches.size() < 20) {
            String t = text(frame);
            mismatches.add(where + (frame.kind == FrameKind.REST_SNAPSHOT ? " (snapshot)" : "") + ":\n    tree      "
                    + tree + "\n    streaming " + streaming + "\n    frame " + t.substring(0, Math.min(300, t.length())));
        }
    }

    @Test
    void aDuplicateKeyIsRefusedWithTheTreeDecodersReasonAtAnyDepth() {
        Pair pair = new Pair("binance-spot");
        String trade = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":7,"
                + "\"p\":\"61799.59\",\"q\":\"0.5\",\"T\":1723075200000,\"m\":true%s}}";
        RawFrame clean = new RawFrame("binance-spot", null, FrameKind.WS, 1L,
                trade.formatted("").getBytes(StandardCharsets.UTF_8));
        assertEquals("EVENTS", decode(pair.guardedStreaming, clean).result);
        assertEquals(0, pair.streaming.treeDecodes(), "a clean trade is decoded by the token pass");
        for (String extra : List.of(",\"p\":\"1.00000000\"", ",\"x\":1,\"x\":1", ",\"k\":{\"o\":1,\"o\":2}",
                ",\"l\":[[\"1\",\"2\"],{\"z\":1,\"z\":1}]")) {
            RawFrame dup = new RawFrame("binance-spot", null, FrameKind.WS, 1L,
                    trade.formatted(extra).getBytes(StandardCharsets.UTF_8));
            Outcome tree = decode(pair.guardedTree, dup);
            Outcome streaming = decode(pair.guardedStreaming, dup);
            assertTrue(tree.result.startsWith("dead letter: malformed JSON: Duplicate field"), tree.result);
            assertEquals(tree, streaming, extra);
        }
    }

    /**
     * The one parser the streaming decoder feeds frame after frame: bytes after a frame's root
     * object (the start of a string, a number, an object, whitespace) are ignored as by the tree
     * decoder, and never run into the next frame, which the token pass then decodes as usual.
     */
    @Test
    void bytesAfterAFrameNeverReachTheNextFrame() {
        Pair pair = new Pair("binance-spot");
        String ticker = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":%d,\"s\":\"BTCUSDT\","
                + "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}";
        long u = 1;
        for (String after : List.of("\"", "1", "{\"s\":", " ", "\n", "[", "tr", "}", "\"s\":\"X\"}}")) {
            RawFrame spoiled = new RawFrame("binance-spot", null, FrameKind.WS, 1L,
                    (ticker.formatted(u++) + after).getBytes(StandardCharsets.UTF_8));
            assertEquals(decode(pair.guardedTree, spoiled), decode(pair.guardedStreaming, spoiled), "after: " + after);
            RawFrame clean = new RawFrame("binance-spot", null, FrameKind.WS, 1L,
                    ticker.formatted(u++).getBytes(StandardCharsets.UTF_8));
            long before = pair.streaming.treeDecodes();
            Outcome streaming = decode(pair.guardedStreaming, clean);
            assertEquals(decode(pair.guardedTree, clean), streaming, "the frame after one ending in " + after);
            assertEquals("EVENTS", streaming.result);
            assertEquals(before, pair.streaming.treeDecodes(), "decoded by the token pass after: " + after);
        }
    }
}
