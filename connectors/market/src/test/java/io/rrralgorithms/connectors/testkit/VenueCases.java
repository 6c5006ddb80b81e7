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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A venue's decoder cases written as a text file ({@code src/test/resources/venue-cases/<name>.cases})
 * instead of Java: each frame on one line as the venue sends it, each expected event on one line.
 * {@code VenueTablesTest} runs every venue's file: {@code VenueCases.run(venue, "x.cases")} gives its dynamic tests.
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
 * also as an ISO instant; {@code pscale sscale} the mantissas' scales), {@code px sz} (decimals, compared exactly),
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
        List<String> lines;
        try (InputStream in = VenueCases.class.getResourceAsStream("/venue-cases/" + resource)) {
            lines = new String(Objects.requireNonNull(in, "no test resource " + resource).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runner runner = new Runner(venue);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith("== ")) {
                throw new IllegalArgumentException(resource + ":" + (i + 1) + ": a case starts with '== NAME'");
            }
            String name = line.substring(3).strip();
            String where = resource + ":" + (i + 1) + " " + name;
            List<String> body = new ArrayList<>();
            while (i + 1 < lines.size() && !lines.get(i + 1).strip().startsWith("== ")) {
                String l = lines.get(++i).strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    body.add(l);
                }
            }
            tests.add(DynamicTest.dynamicTest(name, () -> runner.runCase(where, body)));
        }
        if (tests.isEmpty()) {
            throw new IllegalArgumentException(resource + " holds no case");
        }
        return tests.stream();
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
                body.forEach(this::runLine);
                finishFrame();
            } finally {
                reset(); // a failed case leaves no frame for the next one to check
            }
        }

        private void runLine(String line) {
            int sp = line.indexOf(' ');
            String op = sp < 0 ? line : line.substring(0, sp);
            String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
            String[] two = arg.split(" ", 2);
            if (Set.of("key", ">", "...", "!", "!!", "-", "result").contains(op)) {
                if (frame == null) {
                    throw new IllegalArgumentException(where + ": '" + line + "' before any frame");
                }
                checked |= !op.equals("...");
            }
            switch (op) {
                case "fresh" -> {
                    finishFrame();
                    decoder = venue.decoder();
                }
                case "recv" -> receiveNs = Long.parseLong(arg.replace("_", ""));
                case "ws" -> decode(Frames.ws(venue, arg, receiveNs));
                case "rest" -> decode(frame(two[0], FrameKind.REST_SNAPSHOT, two[1]));
                case "wsk" -> decode(frame(two[0], FrameKind.WS, two[1]));
                case "pick" -> decode(Frames.ws(venue, pick(arg), receiveNs));
                case "pickk" -> decode(frame(two[0], FrameKind.WS, pick(two[1])));
                case "pickrest" -> {
                    CaptureLines.Rest r = CaptureLines.rest(SharedData.market(two[0]), two[1]).get(0);
                    decode(Frames.frame(venue.feed(), venue.snapshotKey(r.url()), FrameKind.REST_SNAPSHOT, receiveNs,
                            r.body()));
                }
                case "read" -> decode(read(arg));
                case "key" -> assertEquals(arg.equals("-") ? null : arg, frame.key, where + ": partition key");
                case ">" -> expectEvent(arg);
                case "..." -> moreEvents = true;
                case "!", "!!" -> {
                    if (error == null) {
                        fail(where + ": should be a dead letter naming '" + arg + "', decoded to " + events);
                    }
                    assertTrue(error.getMessage().contains(arg), where + ": '" + error.getMessage() + "' should name: " + arg);
                    assertTrue(op.equals("!") || events.isEmpty(), where + ": events emitted before the error: " + events);
                }
                case "-", "result" -> {
                    if (error != null) {
                        fail(where + ": should give " + (op.equals("-") ? "IGNORED" : arg) + ", is a dead letter: "
                                + error.getMessage());
                    }
                    assertEquals(op.equals("-") ? FrameDecoder.Result.IGNORED : FrameDecoder.Result.valueOf(arg), result,
                            where + ": the decoder's result: " + events);
                    assertTrue(!op.equals("-") || events.isEmpty(), where + ": an ignored frame's events: " + events);
                }
                default -> throw new IllegalArgumentException(where + ": unknown line '" + line + "'");
            }
        }

        private RawFrame frame(String key, FrameKind kind, String payload) {
            return Frames.frame(venue.feed(), key.equals("-") ? null : key, kind, receiveNs, payload);
        }

        private static List<String> parts(String substrings) {
            return Arrays.stream(substrings.split(" && ")).map(String::strip).toList();
        }

        private static String pick(String arg) {
            String[] p = arg.split(" ", 2);
            return CaptureLines.payloads(SharedData.market(p[0])).stream()
                    .filter(t -> parts(p[1]).stream().allMatch(CaptureLines.text(t)::contains)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no payload of " + p[0] + " contains " + p[1]));
        }

        private static RawFrame read(String arg) {
            String[] p = arg.split(" ", 2);
            try (CaptureReader r = CaptureFiles.open(SharedData.market(p[0]), null)) {
                while (r.hasNext()) {
                    RawFrame f = r.next();
                    String text = f.payload == null ? "" : new String(f.payload, StandardCharsets.UTF_8);
                    if (parts(p[1]).stream().allMatch(text::contains)) {
                        return f;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalArgumentException("the reader yields no frame of " + p[0] + " containing " + p[1]);
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
            reset();
        }

        private void reset() {
            frame = null;
            checkedEvents = 0;
            moreEvents = false;
            checked = false;
        }

        private void expectEvent(String spec) {
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
            want.put("type", Objects.requireNonNull(TYPES.get(tokens[0]), () -> where + ": unknown event type " + tokens[0]));
            got.put("type", ev.type);
            for (int i = 1; i < tokens.length; i++) {
                String[] kv = tokens[i].split("=", 2);
                Field f = Objects.requireNonNull(FIELDS.get(kv[0]), where + ": unknown field " + kv[0]);
                want.put(kv[0], f.expected().apply(kv.length > 1 ? kv[1] : kv[0]));
                got.put(kv[0], f.actual().apply(ev));
            }
            assertEquals(want, got, () -> where + ": " + ev);
        }
    }

    private static final Map<String, EventType> TYPES = Map.of("TRADE", EventType.TRADE, "DELTA", EventType.BOOK_DELTA,
            "SNAPSHOT", EventType.BOOK_SNAPSHOT, "BBO", EventType.BBO, "DERIVATIVES", EventType.DERIVATIVES);

    /** A field: its expected value from the case's text, its value in the event. */
    private record Field(Function<String, Object> expected, Function<MarketEvent, Object> actual) {}

    /** A DERIVATIVES field the event does not carry. */
    private static final String ABSENT = "absent";

    private static final Map<String, Field> FIELDS = fields();

    private static Map<String, Field> fields() {
        Map<String, Field> m = new HashMap<>();
        Function<String, Object> text = v -> v;
        Function<String, Object> number = v -> Long.parseLong(v.replace("_", ""));
        m.put("sym", new Field(text, e -> e.symbol));
        m.put("native", new Field(text, e -> e.nativeSymbol));
        m.put("feed", new Field(text, e -> e.feed));
        m.put("t", new Field(v -> v.contains("T") ? Instant.parse(v).toEpochMilli() : number.apply(v), e -> e.exchangeTimeMs));
        m.put("recv", new Field(number, e -> e.receiveTimeNs));
        m.put("first", new Field(number, e -> e.firstUpdateId));
        m.put("last", new Field(number, e -> e.lastUpdateId));
        m.put("prev", new Field(number, e -> e.prevUpdateId));
        m.put("id", new Field(number, e -> e.tradeId));
        m.put("checksum", new Field(number, e -> e.checksum));
        m.put("depth", new Field(number, e -> (long) e.bookDepth));
        m.put("pdec", new Field(number, e -> (long) e.priceDecimals));
        m.put("sdec", new Field(number, e -> (long) e.sizeDecimals));
        m.put("pscale", new Field(number, e -> (long) e.priceScale));
        m.put("sscale", new Field(number, e -> (long) e.sizeScale));
        m.put("nbids", new Field(number, e -> (long) length(e.bidPrices)));
        m.put("nasks", new Field(number, e -> (long) length(e.askPrices)));
        m.put("px", new Field(v -> exact(new BigDecimal(v)), e -> exact(Decimals.toBigDecimal(e.price, e.priceScale))));
        m.put("sz", new Field(v -> exact(new BigDecimal(v)), e -> exact(Decimals.toBigDecimal(e.size, e.sizeScale))));
        m.put("buy", new Field(text, e -> e.takerBuy ? "buy" : "sell"));
        m.put("sell", m.get("buy"));
        m.put("bids", new Field(VenueCases::levels, e -> levels(e, e.bidPrices, e.bidSizes, Integer.MAX_VALUE)));
        m.put("asks", new Field(VenueCases::levels, e -> levels(e, e.askPrices, e.askSizes, Integer.MAX_VALUE)));
        m.put("bid0", new Field(VenueCases::levels, e -> levels(e, e.bidPrices, e.bidSizes, 1)));
        m.put("ask0", new Field(VenueCases::levels, e -> levels(e, e.askPrices, e.askSizes, 1)));
        Function<String, Object> orAbsent = v -> v.equals("-") ? ABSENT : exact(new BigDecimal(v));
        m.put("mark", new Field(orAbsent, e -> derivative(e, MarketEvent.MARK_PRICE, e.markPrice, e.priceScale)));
        m.put("index", new Field(orAbsent, e -> derivative(e, MarketEvent.INDEX_PRICE, e.indexPrice, e.priceScale)));
        m.put("funding", new Field(orAbsent, e -> derivative(e, MarketEvent.FUNDING_RATE, e.fundingRate, e.priceScale)));
        m.put("oi", new Field(orAbsent, e -> derivative(e, MarketEvent.OPEN_INTEREST, e.openInterest, e.sizeScale)));
        m.put("nextfunding", new Field(v -> v.equals("-") ? ABSENT : number.apply(v),
                e -> e.has(MarketEvent.NEXT_FUNDING_TIME) ? (Object) e.nextFundingTimeMs : ABSENT));
        return m;
    }

    private static Object derivative(MarketEvent ev, int bit, long mantissa, int scale) {
        return ev.has(bit) ? exact(Decimals.toBigDecimal(mantissa, scale)) : ABSENT;
    }

    private static int length(long[] a) {
        return a == null ? 0 : a.length;
    }

    /** {@code P:S,P:S} as exact decimals. */
    private static Object levels(String v) {
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(l -> l.split(":"))
                .map(ps -> List.of(exact(new BigDecimal(ps[0])), exact(new BigDecimal(ps[1])))).toList();
    }

    private static List<List<BigDecimal>> levels(MarketEvent ev, long[] prices, long[] sizes, int max) {
        List<List<BigDecimal>> out = new ArrayList<>();
        for (int i = 0; i < Math.min(length(prices), max); i++) {
            out.add(List.of(exact(Decimals.toBigDecimal(prices[i], ev.priceScale)),
                    exact(Decimals.toBigDecimal(sizes[i], ev.sizeScale))));
        }
        return out;
    }

    /** A value compared by its exact decimal, whatever the mantissa's scale. */
    private static BigDecimal exact(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
