package io.rrralgorithms.jobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "ideal simple implementation" {@code rrr bench decode-book-features} prints beside the
 * pipeline: what a hand-written Binance book builder with no checks does with the same frames in
 * the same JVM. One pass over Jackson's tokens per frame, decimal strings parsed to scale-8 longs
 * (no exactness checks), depth levels applied to a {@code TreeMap} book per symbol (a snapshot
 * replaces it, size 0 removes a level), the best bid and ask read after every book change, trade
 * price × size and best bid/offer summed into a checksum. No sequence checks, no dead letters, no
 * features, no bars, no time handling: a floor for the decode + book part, not equal work.
 */
public final class SimpleTokenBookBaseline {
    private static final JsonFactory JSON = new JsonFactory();

    private SimpleTokenBookBaseline() {}

    /** One pass over the frames: wall and thread-CPU time, and a checksum so that nothing is dropped. */
    public record Result(long nanos, long cpuNanos, long messages, long checksum) {
        public double nanosPerMessage() {
            return nanos / (double) messages;
        }

        public double cpuNanosPerMessage() {
            return cpuNanos < 0 ? Double.NaN : cpuNanos / (double) messages;
        }

        public double messagesPerSecond() {
            return messages * 1e9 / nanos;
        }
    }

    private static final class Book {
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
    }

    public static Result runOnce(List<RawFrame> frames) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        Map<String, Book> books = new HashMap<>();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long checksum = 0;
        for (int i = 0; i < frames.size(); i++) {
            checksum = checksum * 31 + frame(frames.get(i), books);
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : -1;
        return new Result(nanos, cpuNanos, frames.size(), checksum);
    }

    private static long frame(RawFrame frame, Map<String, Book> books) {
        try (JsonParser p = JSON.createParser(frame.payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            State s = new State(frame);
            object(p, s, books);
            return s.sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class State {
        final RawFrame frame;
        String symbol;
        Book book;
        boolean snapshot;
        long sum;

        State(RawFrame frame) {
            this.frame = frame;
            this.snapshot = frame.kind == FrameKind.REST_SNAPSHOT;
        }
    }

    private static void object(JsonParser p, State s, Map<String, Book> books) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "data" -> {
                    if (v == JsonToken.START_OBJECT) {
                        object(p, s, books);
                    } else {
                        p.skipChildren();
                    }
                }
                case "s" -> s.symbol = p.getText();
                case "lastUpdateId" -> s.snapshot |= true;
                case "b", "a", "bids", "asks", "p", "q", "B", "A" -> {
                    if (v == JsonToken.START_ARRAY) {
                        levels(p, s, books, name.charAt(0) == 'b');
                    } else if (v == JsonToken.VALUE_STRING) {
                        s.sum += decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static void levels(JsonParser p, State s, Map<String, Book> books, boolean bids) throws IOException {
        if (s.book == null) {
            String symbol = s.symbol != null ? s.symbol : s.frame.key;
            s.book = books.computeIfAbsent(symbol == null ? "" : symbol, k -> new Book());
            if (s.snapshot) {
                s.book.bids.clear();
                s.book.asks.clear();
            }
        }
        TreeMap<Long, Long> side = bids ? s.book.bids : s.book.asks;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            long price = decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            p.nextToken();
            long size = decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
            if (size == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }
        if (!side.isEmpty()) {
            s.sum += side.firstKey();
        }
    }

    /** A plain decimal at scale 8, no checks (a baseline, not a parser to trust). */
    private static long decimal(char[] c, int off, int len) {
        long v = 0;
        int frac = -1;
        for (int i = off; i < off + len; i++) {
            char ch = c[i];
            if (ch == '.') {
                frac = 0;
            } else if (frac < 8) {
                v = v * 10 + (ch - '0');
                if (frac >= 0) {
                    frac++;
                }
            }
        }
        for (int f = Math.max(frac, 0); f < 8; f++) {
            v *= 10;
        }
        return v;
    }
}
