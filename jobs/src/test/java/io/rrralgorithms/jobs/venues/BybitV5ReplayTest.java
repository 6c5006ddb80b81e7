package io.rrralgorithms.jobs.venues;

import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bybit v5 frames (the live capture's {@code orderbook.50} / {@code orderbook.1} / {@code publicTrade}
 * topics; hand-written in the documented format, as no v5 recording exists) through the in-process
 * pipeline (decode → {@code BookSynchronizer} → features): the {@code u} chain joins the snapshot,
 * a skipped {@code u} is a gap, the book resyncs on the next snapshot (the buffered deltas of the
 * broken chain are stale then), a restart snapshot ({@code u = 1}) resets a synced book, and the final
 * top equals an independent replay of the frames.
 */
class BybitV5ReplayTest {
    private static final int TOP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String book(String type, long u, String bids, String asks) {
        return "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"" + type + "\",\"ts\":" + (1672304484000L + u)
                + ",\"data\":{\"s\":\"BTCUSDT\",\"b\":[" + bids + "],\"a\":[" + asks + "],\"u\":" + u
                + ",\"seq\":" + (7961638000L + u) + "},\"cts\":" + (1672304483990L + u) + "}";
    }

    private static List<String> frames() {
        List<String> f = new ArrayList<>();
        f.add("{\"success\":true,\"ret_msg\":\"\",\"op\":\"subscribe\",\"conn_id\":\"c1\"}");
        f.add(book("snapshot", 100, "[\"100.0\",\"1\"],[\"99.0\",\"2\"]", "[\"101.0\",\"1\"],[\"102.0\",\"3\"]"));
        f.add(book("delta", 100, "[\"98.0\",\"9\"]", "")); // u not above the snapshot's: stale
        f.add(book("delta", 101, "[\"100.0\",\"0\"],[\"99.5\",\"4\"]", ""));
        f.add(book("delta", 102, "", "[\"101.0\",\"2\"]"));
        f.add("{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304485000,\"data\":["
                + "{\"T\":1672304484999,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.5\",\"p\":\"101.0\",\"L\":\"PlusTick\","
                + "\"i\":\"20f43950-d8dd-5b31-9112-a178eb6023af\",\"BT\":false},"
                + "{\"T\":1672304484999,\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"1\",\"p\":\"99.5\",\"L\":\"MinusTick\","
                + "\"i\":\"30f43950-d8dd-5b31-9112-a178eb6023af\",\"BT\":false}]}");
        f.add("{\"topic\":\"orderbook.1.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304485001,\"data\":{\"s\":\"BTCUSDT\","
                + "\"b\":[[\"99.5\",\"4\"]],\"a\":[[\"101.0\",\"2\"]],\"u\":5000,\"seq\":7961638103},\"cts\":1672304485000}");
        f.add(book("delta", 104, "[\"99.0\",\"0\"]", "")); // 103 skipped: gap
        f.add(book("delta", 105, "", "[\"103.0\",\"1\"]")); // buffered while invalid
        f.add("{\"req_id\":\"ping\",\"op\":\"pong\",\"args\":[\"1672304486000\"],\"conn_id\":\"c1\"}");
        // resubscribed: a fresh snapshot; the buffered 104 and 105 are in it (stale)
        f.add(book("snapshot", 110, "[\"99.0\",\"1\"],[\"98.0\",\"2\"]", "[\"100.5\",\"1\"],[\"101.5\",\"1\"]"));
        f.add(book("delta", 111, "[\"99.5\",\"3\"]", "[\"100.5\",\"0\"]"));
        f.add(book("delta", 112, "", "[\"101.0\",\"7\"]"));
        f.add(book("delta", 112, "", "[\"101.0\",\"8\"]")); // redelivered u: dropped as one the book holds
        // the venue's service restarted: snapshot u=1 resets the synced book
        f.add(book("snapshot", 1, "[\"97.0\",\"5\"],[\"96.0\",\"6\"]", "[\"98.0\",\"1\"],[\"99.0\",\"2\"]"));
        f.add(book("delta", 2, "[\"97.5\",\"1\"],[\"96.0\",\"0\"]", "[\"98.0\",\"0\"]"));
        f.add(book("delta", 3, "", "[\"98.5\",\"4\"]"));
        return f;
    }

    @Test
    void gapResyncAndRestart() throws Exception {
        CaptureReplay p = new CaptureReplay(TOP);
        List<String> frames = frames();
        long ns = 1_672_304_484_000_000_000L;
        for (String s : frames) {
            p.feed(new RawFrame("bybit", "BTCUSDT", FrameKind.WS, ns += 1_000_000L, s.getBytes(StandardCharsets.UTF_8)));
        }
        p.finish();
        List<BookTop> tops = p.tops;
        List<BookGap> gaps = p.gaps;
        InProcessPipeline.Counters c = p.counters;
        String counts = String.format("frames=%d ignored=%d decodeErrors=%d trades=%d deltas=%d snapshots=%d bbo=%d"
                + " stale=%d crossed=%d", c.frames, c.ignoredFrames, c.decodeErrors, c.trades,
                c.eventsByType[EventType.BOOK_DELTA.ordinal()], c.snapshots, c.eventsByType[EventType.BBO.ordinal()],
                c.staleDiffs, c.crossed);
        System.out.println("bybit v5 (hand-written): " + counts + " syncedTops=" + c.syncedTops + " gaps=" + c.gaps);
        // ignored: the subscribe reply and the pong; stale: u=100 against snapshot 100, the buffered 104 and 105
        // against snapshot 110, the redelivered 112
        assertEquals("frames=" + frames.size() + " ignored=2 decodeErrors=0 trades=2 deltas=10 snapshots=3 bbo=1 stale=4"
                + " crossed=0", counts);
        // exactly one gap: u=104 after 102
        assertEquals(1, gaps.size());
        BookGap g = gaps.get(0);
        assertEquals(List.of("BTCUSDT", "BTC-USDT-PERP", 102L, 104L, 103L),
                List.of(g.nativeSymbol, g.symbol, g.lastUpdateId, g.updateId, g.prevUpdateId));
        assertTrue(g.reason.contains("u = 103"), g.reason);

        // tops: synced after 101, 102; one invalid top at the gap; synced after 111, 112; after the
        // restart snapshot none until 2 and 3 (a snapshot with nothing pending reports no top)
        assertEquals(List.of(101L, 102L, 102L, 111L, 112L, 2L, 3L), tops.stream().map(t -> t.lastUpdateId).toList());
        assertEquals(List.of(true, true, false, true, true, true, true), tops.stream().map(t -> t.synced).toList());
        assertEquals(0, tops.get(2).bidPrices.length);
        assertArrayEquals(new long[] {m("99.5"), m("99"), m("98")}, tops.get(3).bidPrices);
        assertArrayEquals(new long[] {m("101.5")}, tops.get(3).askPrices);

        // the final top equals an independent replay (Jackson + a reference book) from the last snapshot on
        ReferenceBook book = new ReferenceBook();
        for (String s : frames) {
            JsonNode n = JSON.readTree(s);
            if (!n.path("topic").asText().startsWith("orderbook.50.")) {
                continue;
            }
            if (n.get("type").asText().equals("snapshot")) {
                book.clear();
            }
            book.apply(n.get("data").get("b"), n.get("data").get("a"));
            if (n.get("data").get("u").asLong() == 112 && n.get("data").get("a").get(0).get(1).asText().equals("8")) {
                book.set(false, "101.0", "7"); // the redelivered frame is not applied
            }
        }
        BookTop last = tops.get(tops.size() - 1);
        long[][] levels = {last.bidPrices, last.bidSizes, last.askPrices, last.askSizes};
        assertArrayEquals(new long[][] {book.prices(true, TOP), book.sizes(true, TOP), book.prices(false, TOP),
            book.sizes(false, TOP)}, levels);
        assertArrayEquals(new long[][] {{m("97.5"), m("97")}, {m("1"), m("5")}, {m("98.5"), m("99")}, {m("4"), m("2")}}, levels);
    }
}
