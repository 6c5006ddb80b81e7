package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import io.rrralgorithms.connectors.venues.FrameInflater;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookOutput;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.live.LiveConnectionTest.CollectingSink;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A venue's live spec against its own recorded session on the loopback server: the capture service
 * connects, the server checks the subscribe message, answers it with the recorded frames of the
 * subscribed streams (acks included, in recorded order) and the first heartbeat {@code ping} with
 * {@code pong}; the published frames then decode with the venue's decoder into the events the
 * recorded frames hold, and their books sync with every checksum holding. The spec is the venue's
 * own in everything but its heartbeat interval (300 ms, not 20 s) and its feed id (a test id, so
 * that the venue's registration stays as it is).
 */
class RecordedSessionLoopbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The venue's live spec under {@code <feed>-loopback}, its heartbeat every 300 ms. */
    private static final class FastHeartbeat implements LiveVenue {
        private final LiveVenue spec;

        FastHeartbeat(LiveVenue spec) {
            this.spec = spec;
        }

        @Override
        public String feed() {
            return spec.feed() + "-loopback";
        }

        @Override
        public String defaultEndpoint() {
            return spec.defaultEndpoint();
        }

        @Override
        public URI endpoint(String endpoint, List<LiveStream> streams) {
            return spec.endpoint(endpoint, streams);
        }

        @Override
        public String nativeSymbol(String normalizedSymbol) {
            return spec.nativeSymbol(normalizedSymbol);
        }

        @Override
        public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
            return spec.streams(nativeSymbol, channels);
        }

        @Override
        public String subscribeMessage(List<LiveStream> streams, int id) {
            return spec.subscribeMessage(streams, id);
        }

        @Override
        public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
            return spec.subscribeMessages(streams, nextId);
        }

        @Override
        public VenueLimits limits() {
            return spec.limits();
        }

        @Override
        public String heartbeatMessage() {
            return spec.heartbeatMessage();
        }

        @Override
        public Duration heartbeatInterval() {
            return Duration.ofMillis(300);
        }

        @Override
        public FrameInflater inflater() {
            return spec.inflater();
        }

        @Override
        public String partitionKey(byte[] payload) {
            return spec.partitionKey(payload);
        }

        @Override
        public ConnectionKeyer connectionKeyer() {
            return spec.connectionKeyer();
        }

        @Override
        public String streamOf(byte[] payload) {
            return spec.streamOf(payload);
        }

        @Override
        public String errorOf(byte[] payload) {
            return spec.errorOf(payload);
        }
    }

    /** What one session gave: the subscribe messages, the frames sent and published, their events. */
    private record Session(List<String> subscribes, List<String> sent, List<RawFrame> published,
            Map<EventType, Integer> events, int ignored, int checksums, List<BookGap> gaps) {}

    private static Session play(String feed, String capture, String symbols) throws Exception {
        LiveVenue spec = new FastHeartbeat(Venues.liveForFeed(feed));
        synchronized (RecordedSessionLoopbackTest.class) {
            if (!Venues.liveFeeds().contains(spec.feed())) {
                Venues.register(Venue.liveOnly(spec));
            }
        }
        List<String> recorded = CaptureLines.payloads(SharedData.cryptofeed(capture));
        List<String> subscribes = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        CollectingSink sink = new CollectingSink();
        AtomicBoolean allSent = new AtomicBoolean(); // the frames are counted as sent before they are all out
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            String subscribe = c.nextText(5000);
            subscribes.add(subscribe);
            Set<String> streams = new HashSet<>();
            for (JsonNode a : JSON.readTree(subscribe).get("args")) {
                streams.add(a.get("channel").asText() + ":" + a.get("instId").asText());
            }
            for (String p : recorded) {
                JsonNode arg = JSON.readTree(p).path("arg");
                if (streams.contains(arg.path("channel").asText() + ":" + arg.path("instId").asText())) {
                    c.sendText(p);
                    sent.add(p);
                }
            }
            allSent.set(true);
            String t;
            while ((t = c.nextText(5000)) != null && !t.equals(spec.heartbeatMessage())) {
                subscribes.add(t); // a further subscribe: the test's expectation of one fails
            }
            if (t != null) {
                c.sendText("pong");
            }
            while (!c.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            CaptureConfig config = CaptureConfig.parse("""
                    connectTimeoutSeconds: 2
                    metrics: {logIntervalSeconds: 0}
                    venues:
                      - feed: %s
                        symbols: [%s]
                        url: "%s"
                    """.formatted(spec.feed(), symbols, server.url("/ws")), "test");
            try (CaptureService service = new CaptureService(config, sink, new CaptureMetrics()).start()) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while ((!allSent.get() || sink.frames.size() < sent.size() + 1) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
        }
        // the published frames through the venue's decoder and book synchronizer, in order
        FrameDecoder decoder = Venues.forFeed(feed).decoder();
        Map<EventType, Integer> events = new EnumMap<>(EventType.class);
        int ignored = 0;
        int[] checksums = {0};
        List<BookGap> gaps = new ArrayList<>();
        BookSynchronizer sync = new BookSynchronizer(10, 1000);
        Map<String, OrderBook> books = new HashMap<>();
        BookOutput out = new BookOutput() {
            @Override
            public void top(BookTop top) {}

            @Override
            public void gap(BookGap gap) {
                gaps.add(gap);
            }

            @Override
            public void checksum(String f, boolean ok) {
                checksums[0] += ok ? 1 : 0;
            }
        };
        for (RawFrame f : sink.frames) {
            List<MarketEvent> evs = new ArrayList<>();
            try {
                ignored += decoder.decode(f, evs::add) == FrameDecoder.Result.IGNORED ? 1 : 0;
            } catch (DecodeException e) {
                throw new AssertionError(e.getMessage() + " <- " + new String(f.payload, StandardCharsets.UTF_8), e);
            }
            for (MarketEvent ev : evs) {
                assertEquals(f.key, ev.nativeSymbol, "live frames keyed by the event's symbol");
                events.merge(ev.type, 1, Integer::sum);
                sync.process(books.computeIfAbsent(ev.nativeSymbol, s -> new OrderBook()), ev, out);
            }
        }
        return new Session(subscribes, sent, sink.frames, events, ignored, checksums[0], gaps);
    }

    private static void publishedAsSentThenPong(Session s) {
        assertEquals(s.sent().size() + 1, s.published().size(), "every frame sent, and the pong");
        for (int i = 0; i < s.sent().size(); i++) {
            assertEquals(s.sent().get(i), new String(s.published().get(i).payload, StandardCharsets.UTF_8));
        }
        assertEquals("pong", new String(s.published().get(s.sent().size()).payload, StandardCharsets.UTF_8));
        assertEquals(List.of(), s.gaps());
    }

    /**
     * OKCoin: OKX's subscribe with OKCoin's channels; of the recorded session's frames of BTC-USD
     * and USDT-USD, 12 acks, 4 tickers, 2 trades (from before the session: not counted), 2 book
     * snapshots and an update; the snapshots' and the update's checksums hold.
     */
    @Test
    void okcoin() throws Exception {
        Session s = play("okcoin", "OKCOIN.ws.1.0", "BTC-USD, USDT-USD");
        assertEquals(List.of("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USD\"},"
                + "{\"channel\":\"books\",\"instId\":\"BTC-USD\"},{\"channel\":\"tickers\",\"instId\":\"BTC-USD\"},"
                + "{\"channel\":\"trades\",\"instId\":\"USDT-USD\"},{\"channel\":\"books\",\"instId\":\"USDT-USD\"},"
                + "{\"channel\":\"tickers\",\"instId\":\"USDT-USD\"}]}"), s.subscribes());
        assertEquals(21, s.sent().size());
        publishedAsSentThenPong(s);
        assertEquals(Map.of(EventType.BBO, 4, EventType.BOOK_SNAPSHOT, 2, EventType.BOOK_DELTA, 1), s.events());
        assertEquals(12 + 2 + 1, s.ignored(), "acks, the pre-session trades, the pong");
        assertEquals(3, s.checksums());
    }

    /**
     * Bitget spot (API v1): of the recorded session's frames of EOSUSDT and CULTUSDT, 6 acks, 2
     * trade snapshots (before the subscription: not counted), 7 trades, 32 tickers, 2 book
     * snapshots and 106 updates; all 108 checksums hold.
     */
    @Test
    void bitget() throws Exception {
        Session s = play("bitget", "BITGET.ws.1.0", "EOS-USDT, CULT-USDT");
        assertEquals(List.of("{\"op\":\"subscribe\",\"args\":["
                + "{\"instType\":\"SP\",\"channel\":\"trade\",\"instId\":\"EOSUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"books\",\"instId\":\"EOSUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"ticker\",\"instId\":\"EOSUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"trade\",\"instId\":\"CULTUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"books\",\"instId\":\"CULTUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"ticker\",\"instId\":\"CULTUSDT\"}]}"), s.subscribes());
        assertEquals(155, s.sent().size());
        publishedAsSentThenPong(s);
        assertEquals(Map.of(EventType.TRADE, 7, EventType.BBO, 32, EventType.BOOK_SNAPSHOT, 2, EventType.BOOK_DELTA, 106),
                s.events());
        assertEquals(6 + 2 + 1, s.ignored(), "acks, the trade snapshots, the pong");
        assertEquals(108, s.checksums());
    }
}
