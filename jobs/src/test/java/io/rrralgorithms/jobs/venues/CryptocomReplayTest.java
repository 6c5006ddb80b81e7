package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.cryptocom.CryptocomVenue;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short Crypto.com session written in the documented frame shapes (no capture holds Crypto.com
 * WebSocket frames) through the in-process pipeline (decode → {@code BookSynchronizer} → features):
 * BTC_USDT on the delta subscription (a book with {@code u}, then {@code book.update}s chained by
 * {@code pu}, kept to the subscribed depth, here 3 for brevity), ETH_USDT on the snapshot
 * subscription (whole books without {@code u}, v2's JSON numbers). A {@code pu} that names no
 * earlier update is one gap; the next book resyncs and the update buffered meanwhile is stale.
 * The tops equal an independent replay of the documented rule (Jackson and a sorted map, not the
 * decoder).
 */
class CryptocomReplayTest {
    private static final int TOP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_704_484_068_000L;

    private static String result(String instrument, String channel, int depth, String data) {
        return "{\"id\":-1,\"method\":\"subscribe\",\"code\":0,\"result\":{\"instrument_name\":\"" + instrument
                + "\",\"subscription\":\"" + (channel.startsWith("book") ? "book." + instrument + "." + depth : channel + "."
                + instrument) + "\",\"channel\":\"" + channel + "\"" + (depth > 0 ? ",\"depth\":" + depth : "")
                + ",\"data\":[" + data + "]}}";
    }

    private static String book(long u, String bids, String asks) {
        return result("BTC_USDT", "book", 3, "{\"bids\":[" + bids + "],\"asks\":[" + asks + "],\"t\":" + (T0 + u)
                + ",\"tt\":" + (T0 + u - 1) + ",\"u\":" + u + "}");
    }

    private static String update(long pu, long u, String bids, String asks) {
        return result("BTC_USDT", "book.update", 3, "{\"update\":{\"bids\":[" + bids + "],\"asks\":[" + asks + "]},\"t\":"
                + (T0 + u) + ",\"tt\":" + (T0 + u - 1) + ",\"u\":" + u + ",\"pu\":" + pu + "}");
    }

    private static String wholeBook(long t, String bids, String asks) {
        return result("ETH_USDT", "book", 10, "{\"bids\":[" + bids + "],\"asks\":[" + asks + "],\"t\":" + t + "}");
    }

    private static List<String> frames() {
        List<String> f = new ArrayList<>();
        f.add("{\"id\":1,\"method\":\"subscribe\",\"code\":0}");
        f.add(update(98, 99, "[\"99.9\",\"1\",\"1\"]", "")); // before the book: buffered, then stale (99 <= 100)
        f.add(book(100, "[\"100.0\",\"1\",\"1\"],[\"99.5\",\"2\",\"1\"],[\"99.0\",\"3\",\"2\"]",
                "[\"100.5\",\"1\",\"1\"],[\"101.0\",\"2\",\"1\"],[\"101.5\",\"3\",\"1\"]"));
        // a new level inside the window pushes 99.0 out of the top 3
        f.add(update(100, 105, "[\"99.8\",\"4\",\"1\"]", "[\"100.5\",\"0\",\"0\"]"));
        f.add(wholeBook(T0 + 106, "[2250.1,1.5,1],[2250.0,2,2]", "[2250.5,0.7,1]"));
        f.add(result("BTC_USDT", "trade", 0, "{\"d\":\"4611686018455979970\",\"s\":\"BUY\",\"p\":\"101.0\",\"q\":\"0.5\",\"t\":"
                + (T0 + 107) + ",\"i\":\"BTC_USDT\"}"));
        f.add("{\"id\":1704484068108,\"method\":\"public/heartbeat\",\"code\":0}");
        f.add(update(105, 110, "", "[\"100.7\",\"1.5\",\"1\"]"));
        f.add(wholeBook(T0 + 111, "[2250.2,1,1]", "[2250.6,2,1],[2250.9,1,1]"));
        f.add(update(111, 115, "[\"99.7\",\"1\",\"1\"]", "")); // pu 111: no such update (110 was last): a gap
        f.add(update(115, 120, "[\"99.6\",\"1\",\"1\"]", "")); // buffered while the book is invalid
        f.add(book(130, "[\"99.0\",\"1\",\"1\"],[\"98.5\",\"2\",\"1\"]", "[\"99.5\",\"1\",\"1\"],[\"100.0\",\"2\",\"1\"]"));
        f.add(update(130, 131, "[\"99.1\",\"0.5\",\"1\"]", ""));
        f.add(result("BTC_USDT", "ticker", 0, "{\"i\":\"BTC_USDT\",\"b\":\"99.1\",\"bs\":\"0.5\",\"k\":\"99.5\",\"ks\":\"1\",\"a\":\"99.3\",\"t\":"
                + (T0 + 132) + "}"));
        f.add(result("ETH_USDT", "candlestick", 0, "{\"t\":1704484020000,\"o\":2250.1,\"h\":2251,\"l\":2249,\"c\":2250.2,\"v\":3}"));
        return f;
    }

    @Test
    void deltaChainWindowGapAndWholeBooks() throws Exception {
        List<String> frames = frames();
        CaptureReplay p = new CaptureReplay(TOP).feedWritten(CryptocomVenue.VENUE, frames, (T0 + 500) * 1_000_000L).finish();
        System.out.println(p.summary("cryptocom (documented frames)"));
        // ignored: the ack, the heartbeat, the candlestick; stale: u=99 at book 100, and at book 130 the breaking
        // u=115 (kept for the next book) and u=120 buffered after it; synced tops: every book (whole books are
        // updates) and every applied update
        assertEquals(new ReplayCase.Counts(frames.size(), 3, 0, 1, 6, 4, 1, 3, 1, 0, 0, 7), p.counts());
        assertEquals(0, p.counters.crossed);
        assertEquals(1, p.gaps.size());
        BookGap g = p.gaps.get(0);
        assertEquals(List.of("BTC_USDT", "BTC-USDT", 110L, 115L, 111L),
                List.of(g.nativeSymbol, g.symbol, g.lastUpdateId, g.updateId, g.prevUpdateId));
        assertTrue(g.reason.contains("pu == 110"), g.reason);

        // the documented rule, plainly: a book restarts; an update applies when its pu is the last u, and
        // the book keeps the top `depth` levels; else the book is lost until the next book
        Map<String, ReferenceBook> books = new HashMap<>();
        Map<Long, long[][]> btcTops = new HashMap<>();
        for (String s : frames) {
            JsonNode r = JSON.readTree(s).path("result");
            String channel = r.path("channel").asText();
            if (!channel.startsWith("book")) {
                continue;
            }
            JsonNode d = r.get("data").get(0);
            String instrument = r.get("instrument_name").asText();
            ReferenceBook b = books.computeIfAbsent(instrument, i -> new ReferenceBook());
            if (channel.equals("book")) {
                b.snapshot(d.path("u").asLong(-1)).apply(d.get("bids"), d.get("asks"));
            } else if (b.synced && d.get("pu").asLong() == b.lastUpdateId) {
                b.apply(d.get("update").get("bids"), d.get("update").get("asks"));
                b.lastUpdateId = d.get("u").asLong();
            } else {
                b.synced = false;
                continue;
            }
            b.truncate(r.get("depth").asInt());
            if (instrument.equals("BTC_USDT")) {
                btcTops.put(b.lastUpdateId, levels(b));
            }
        }
        books.forEach((instrument, b) -> {
            BookTop last = p.lastTop.get(instrument);
            assertArrayEquals(levels(b), new long[][] {last.bidPrices, last.bidSizes, last.askPrices, last.askSizes}, instrument);
        });
        // every synced BTC top is the replay's at the same u (110: 99.0 pushed out of the window at 105)
        List<BookTop> btc = p.tops.stream().filter(t -> t.synced && t.nativeSymbol.equals("BTC_USDT")).toList();
        assertEquals(List.of(100L, 105L, 110L, 130L, 131L), btc.stream().map(t -> t.lastUpdateId).toList());
        for (BookTop t : btc) {
            assertArrayEquals(btcTops.get(t.lastUpdateId), new long[][] {t.bidPrices, t.bidSizes, t.askPrices, t.askSizes},
                    "u=" + t.lastUpdateId);
        }
        assertEquals(3, btcTops.get(110L)[0].length);
    }

    private static long[][] levels(ReferenceBook b) {
        return new long[][] {b.prices(true, TOP), b.sizes(true, TOP), b.prices(false, TOP), b.sizes(false, TOP)};
    }
}
