package io.rrralgorithms.connectors.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A venue's decoder cases written as a text file ({@code src/test/resources/venue-cases/<name>.cases})
 * instead of Java: each frame on one line as the venue sends it, each expected event on one line.
 * A venue test runs them with {@code @TestFactory Stream<DynamicTest> cases() { return VenueCases.run(VENUE, "x.cases"); }}.
 * Cases run in file order on one decoder (stateful decoders see one stream), one dynamic test each.
 *
 * <pre>
 * # comment
 * == NAME                  a case: the lines up to the next "==" (its frames and what they must give)
 * fresh                    a new decoder from here on (a new stream)
 * recv NS                  receive time (ns) of the following frames; 1 until set
 * ws JSON                  a WebSocket frame, keyed by the venue's partition-key rule
 * rest KEY JSON            a REST snapshot frame of key KEY ("-": none)
 * wsk KEY JSON             a WebSocket frame of key KEY ("-": none), for venues keyed by connection
 * pick FILE SUB[ &amp;&amp; SUB]   the first WebSocket payload of capture market/FILE containing every SUB
 *                          (in its text: a recorded bytes literal read back, see CaptureLines.text), as recorded
 * pickrest FILE URLPART    the first REST snapshot of market/FILE whose URL contains URLPART, keyed by the venue's rule
 * pickk KEY FILE SUB ...   as pick, the frame of key KEY (venues keyed by connection)
 * read FILE SUB[ &amp;&amp; SUB]   the first frame the capture reader yields from market/FILE whose payload contains every SUB
 *                          (its key, kind and receive time as the reader gives them)
 * key VALUE                the last frame's partition key ("-": none)
 * &gt; TYPE FIELD=VALUE ...     the last frame's next event: its type (TRADE, DELTA, SNAPSHOT, BBO, DERIVATIVES) and the named fields
 * ...                      the last frame gives more events than listed (else exactly the listed ones)
 * ! REASON                 the last frame is a dead letter whose reason contains REASON
 * !! REASON                as "!", and the decoder emitted no event before the error
 * result RESULT            the decoder's result for the last frame: EVENTS or IGNORED
 * - ignored                the last frame decodes to no event
 * </pre>
 *
 * Fields: {@code sym native t recv first last prev id checksum depth pdec sdec} (numbers; {@code t}
 * also as an ISO instant), {@code px sz} (decimals, compared as the model's mantissa),
 * {@code buy}/{@code sell} (the taker's side, no value), {@code bids asks} ({@code P:S,P:S}, empty
 * for none), {@code bid0 ask0} (the first level, {@code P:S}), {@code nbids nasks} (level counts).
 * {@code feed} (the event's feed id). DERIVATIVES: {@code mark index funding oi} (decimals),
 * {@code nextfunding} (ms), each {@code -} where the event does not carry it.
 * Expected values are read from the frame's own text, never copied from the decoder's output.
 */
public final class VenueCases {
    private VenueCases() {}

    /** The cases of {@code venue-cases/<resource>} as dynamic tests. */
    public static Stream<DynamicTest> run(Venue venue, String resource) {
        List<String> lines = read("/venue-cases/" + resource);
        Runner runner = new Runner(venue);
        List<DynamicTest> tests = new ArrayList<>();
        String name = null;
        List<String> body = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                if (name != null) {
                    tests.add(test(runner, resource, name, start, List.copyOf(body)));
                }
                name = line.substring(3).strip();
                start = lineNo;
                body.clear();
            } else if (name == null) {
                throw new IllegalArgumentException(resource + ":" + lineNo + ": a case starts with '== NAME'");
            } else {
                body.add(line);
            }
        }
        if (name != null) {
            tests.add(test(runner, resource, name, start, List.copyOf(body)));
        }
        if (tests.isEmpty()) {
            throw new IllegalArgumentException(resource + " holds no case");
        }
        return tests.stream();
    }

    private static DynamicTest test(Runner runner, String resource, String name, int line, List<String> body) {
        return DynamicTest.dynamicTest(name, () -> runner.runCase(resource + ":" + line + " " + name, body));
    }

    private static List<String> read(String resource) {
        try (InputStream in = VenueCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoder and the frame under check, carried from case to case. */
    private static final class Runner {
        private final Venue venue;
        private FrameDecoder decoder;
        private long receiveNs = 1L;
        private String where;
        private RawFrame frame;
        private List<MarketEvent> events;
        private DecodeException error;
        private FrameDecoder.Result result;
        private int checkedEvents;
        private boolean moreEvents;
        private boolean checked;

        Runner(Venue venue) {
            this.venue = venue;
            this.decoder = venue.decoder();
        }

        void runCase(String caseName, List<String> body) {
            where = caseName;
            try {
                runLines(body);
                finishFrame();
            } finally {
                // a failed case leaves no frame for the next one to check
                frame = null;
                checkedEvents = 0;
                moreEvents = false;
                checked = false;
            }
        }

        private void runLines(List<String> body) {
            for (String line : body) {
                int sp = line.indexOf(' ');
                String op = sp < 0 ? line : line.substring(0, sp);
                String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
                switch (op) {
                    case "fresh" -> {
                        finishFrame();
                        decoder = venue.decoder();
                    }
                    case "recv" -> receiveNs = Long.parseLong(arg.replace("_", ""));
                    case "ws" -> decode(Frames.ws(venue, arg, receiveNs));
                    case "rest" -> {
                        int k = arg.indexOf(' ');
                        String key = arg.substring(0, k);
                        decode(Frames.frame(venue.feed(), key.equals("-") ? null : key, FrameKind.REST_SNAPSHOT,
                                receiveNs, arg.substring(k + 1)));
                    }
                    case "wsk" -> {
                        int k = arg.indexOf(' ');
                        String key = arg.substring(0, k);
                        decode(Frames.frame(venue.feed(), key.equals("-") ? null : key, FrameKind.WS, receiveNs,
                                arg.substring(k + 1)));
                    }
                    case "pick" -> decode(Frames.ws(venue, pick(arg), receiveNs));
                    case "pickk" -> {
                        int k = arg.indexOf(' ');
                        decode(Frames.frame(venue.feed(), arg.substring(0, k), FrameKind.WS, receiveNs,
                                pick(arg.substring(k + 1))));
                    }
                    case "pickrest" -> {
                        String[] p = arg.split(" ", 2);
                        CaptureLines.Rest r = CaptureLines.rest(SharedData.market(p[0]), p[1]).get(0);
                        decode(Frames.frame(venue.feed(), venue.snapshotKey(r.url()), FrameKind.REST_SNAPSHOT, receiveNs,
                                r.body()));
                    }
                    case "key" -> {
                        requireFrame(line);
                        checked = true;
                        assertEquals(arg.equals("-") ? null : arg, frame.key, where + ": partition key");
                    }
                    case ">" -> expectEvent(arg);
                    case "..." -> {
                        requireFrame(line);
                        moreEvents = true;
                    }
                    case "!" -> {
                        requireFrame(line);
                        checked = true;
                        if (error == null) {
                            fail(where + ": should be a dead letter naming '" + arg + "', decoded to " + events);
                        }
                        assertTrue(error.getMessage().contains(arg), where + ": '" + error.getMessage() + "' should name: " + arg);
                    }
                    case "-" -> {
                        requireFrame(line);
                        checked = true;
                        if (error != null) {
                            fail(where + ": should be ignored, is a dead letter: " + error.getMessage());
                        }
                        assertEquals(FrameDecoder.Result.IGNORED, result, where + ": should be ignored: " + events);
                        assertEquals(List.of(), events, where);
                    }
                    case "read" -> decode(read(arg));
                    case "!!" -> {
                        requireFrame(line);
                        checked = true;
                        if (error == null) {
                            fail(where + ": should be a dead letter naming '" + arg + "', decoded to " + events);
                        }
                        assertTrue(error.getMessage().contains(arg), where + ": '" + error.getMessage() + "' should name: " + arg);
                        assertEquals(List.of(), events, where + ": events emitted before the error");
                    }
                    case "result" -> {
                        requireFrame(line);
                        checked = true;
                        if (error != null) {
                            fail(where + ": should give " + arg + ", is a dead letter: " + error.getMessage());
                        }
                        assertEquals(FrameDecoder.Result.valueOf(arg), result, where + ": the decoder's result");
                    }
                    default -> throw new IllegalArgumentException(where + ": unknown line '" + line + "'");
                }
            }
        }

        private static String pick(String arg) {
            int sp = arg.indexOf(' ');
            String file = arg.substring(0, sp);
            List<String> parts = Arrays.stream(arg.substring(sp + 1).split(" && ")).map(String::strip).toList();
            return CaptureLines.payloads(SharedData.market(file)).stream()
                    .filter(p -> parts.stream().allMatch(CaptureLines.text(p)::contains)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no payload of " + file + " contains " + parts));
        }

        private RawFrame read(String arg) {
            int sp = arg.indexOf(' ');
            List<String> parts = Arrays.stream(arg.substring(sp + 1).split(" && ")).map(String::strip).toList();
            try (CaptureReader r = CaptureFiles.open(SharedData.market(arg.substring(0, sp)), null)) {
                while (r.hasNext()) {
                    RawFrame f = r.next();
                    String p = f.payload == null ? "" : new String(f.payload, StandardCharsets.UTF_8);
                    if (parts.stream().allMatch(p::contains)) {
                        return f;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalArgumentException("the reader yields no frame of " + arg + " containing " + parts);
        }

        private void decode(RawFrame f) {
            finishFrame();
            frame = f;
            events = new ArrayList<>();
            error = null;
            try {
                result = decoder.decode(f, events::add);
            } catch (DecodeException e) {
                error = e;
            }
        }

        private void requireFrame(String line) {
            if (frame == null) {
                throw new IllegalArgumentException(where + ": '" + line + "' before any frame");
            }
        }

        /** The previous frame had what it was checked for, and exactly the listed events unless "...". */
        private void finishFrame() {
            if (frame == null) {
                return;
            }
            if (!checked) {
                fail(where + ": a frame without any expectation (> / ! / - / key): "
                        + new String(frame.payload, StandardCharsets.UTF_8));
            }
            if (checkedEvents > 0 && !moreEvents) {
                assertEquals(checkedEvents, events.size(), where + ": events of the frame: " + events);
            }
            frame = null;
            checkedEvents = 0;
            moreEvents = false;
            checked = false;
        }

        private void expectEvent(String spec) {
            requireFrame("> " + spec);
            checked = true;
            if (error != null) {
                fail(where + ": expected events, got the dead letter '" + error.getMessage() + "'");
            }
            if (checkedEvents >= events.size()) {
                fail(where + ": expected event " + (checkedEvents + 1) + " (" + spec + "), the frame gave " + events.size()
                        + ": " + events);
            }
            MarketEvent ev = events.get(checkedEvents++);
            String[] tokens = spec.split("\\s+");
            Map<String, Object> want = new LinkedHashMap<>();
            Map<String, Object> got = new LinkedHashMap<>();
            want.put("type", type(tokens[0]));
            got.put("type", ev.type);
            for (int i = 1; i < tokens.length; i++) {
                String t = tokens[i];
                int eq = t.indexOf('=');
                String field = eq < 0 ? t : t.substring(0, eq);
                String value = eq < 0 ? "" : t.substring(eq + 1);
                want.put(field, expected(field, value));
                got.put(field, actual(field, ev));
            }
            assertEquals(want, got, () -> where + ": " + ev);
        }

        private EventType type(String name) {
            return switch (name) {
                case "TRADE" -> EventType.TRADE;
                case "DELTA" -> EventType.BOOK_DELTA;
                case "SNAPSHOT" -> EventType.BOOK_SNAPSHOT;
                case "BBO" -> EventType.BBO;
                case "DERIVATIVES" -> EventType.DERIVATIVES;
                default -> throw new IllegalArgumentException(where + ": unknown event type " + name);
            };
        }

        private Object expected(String field, String v) {
            return switch (field) {
                case "sym", "native" -> v;
                case "feed" -> v;
                case "t" -> v.contains("T") ? Instant.parse(v).toEpochMilli() : Long.parseLong(v.replace("_", ""));
                case "recv", "first", "last", "prev", "id", "checksum", "depth", "pdec", "sdec", "nbids", "nasks",
                        "pscale", "sscale" -> Long.parseLong(v.replace("_", ""));
                case "px", "sz" -> exact(new BigDecimal(v));
                case "buy" -> "buy";
                case "sell" -> "sell";
                case "bids", "asks", "bid0", "ask0" -> levels(v);
                case "mark", "index", "funding", "oi" -> v.equals("-") ? ABSENT : exact(new BigDecimal(v));
                case "nextfunding" -> v.equals("-") ? ABSENT : Long.parseLong(v.replace("_", ""));
                default -> throw new IllegalArgumentException(where + ": unknown field " + field);
            };
        }

        /** A DERIVATIVES field the event does not carry. */
        private static final String ABSENT = "absent";

        private static List<List<BigDecimal>> levels(String v) {
            if (v.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(v.split(",")).map(l -> {
                String[] ps = l.split(":");
                return List.of(exact(new BigDecimal(ps[0])), exact(new BigDecimal(ps[1])));
            }).toList();
        }

        /** A value compared by its exact decimal, whatever the mantissa's scale. */
        private static BigDecimal exact(BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }

        private static Object actual(String field, MarketEvent ev) {
            return switch (field) {
                case "sym" -> ev.symbol;
                case "feed" -> ev.feed;
                case "native" -> ev.nativeSymbol;
                case "t" -> ev.exchangeTimeMs;
                case "recv" -> ev.receiveTimeNs;
                case "first" -> ev.firstUpdateId;
                case "last" -> ev.lastUpdateId;
                case "prev" -> ev.prevUpdateId;
                case "id" -> ev.tradeId;
                case "checksum" -> ev.checksum;
                case "depth" -> (long) ev.bookDepth;
                case "pdec" -> (long) ev.priceDecimals;
                case "sdec" -> (long) ev.sizeDecimals;
                case "pscale" -> (long) ev.priceScale;
                case "sscale" -> (long) ev.sizeScale;
                case "nbids" -> (long) length(ev.bidPrices);
                case "nasks" -> (long) length(ev.askPrices);
                case "px" -> exact(Decimals.toBigDecimal(ev.price, ev.priceScale));
                case "sz" -> exact(Decimals.toBigDecimal(ev.size, ev.sizeScale));
                case "buy", "sell" -> ev.takerBuy ? "buy" : "sell";
                case "bids" -> levels(ev, ev.bidPrices, ev.bidSizes, Integer.MAX_VALUE);
                case "asks" -> levels(ev, ev.askPrices, ev.askSizes, Integer.MAX_VALUE);
                case "bid0" -> levels(ev, ev.bidPrices, ev.bidSizes, 1);
                case "ask0" -> levels(ev, ev.askPrices, ev.askSizes, 1);
                case "mark" -> derivative(ev, MarketEvent.MARK_PRICE, ev.markPrice, ev.priceScale);
                case "index" -> derivative(ev, MarketEvent.INDEX_PRICE, ev.indexPrice, ev.priceScale);
                case "funding" -> derivative(ev, MarketEvent.FUNDING_RATE, ev.fundingRate, ev.priceScale);
                case "oi" -> derivative(ev, MarketEvent.OPEN_INTEREST, ev.openInterest, ev.sizeScale);
                case "nextfunding" -> ev.has(MarketEvent.NEXT_FUNDING_TIME) ? (Object) ev.nextFundingTimeMs : ABSENT;
                default -> throw new IllegalArgumentException(field);
            };
        }

        private static Object derivative(MarketEvent ev, int bit, long mantissa, int scale) {
            return ev.has(bit) ? exact(Decimals.toBigDecimal(mantissa, scale)) : ABSENT;
        }

        private static int length(long[] a) {
            return a == null ? 0 : a.length;
        }

        private static List<List<BigDecimal>> levels(MarketEvent ev, long[] prices, long[] sizes, int max) {
            List<List<BigDecimal>> out = new ArrayList<>();
            for (int i = 0; i < Math.min(length(prices), max); i++) {
                out.add(List.of(exact(Decimals.toBigDecimal(prices[i], ev.priceScale)),
                        exact(Decimals.toBigDecimal(sizes[i], ev.sizeScale))));
            }
            return out;
        }
    }
}
