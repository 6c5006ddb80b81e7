package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.gateio.GateioVenue;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookTop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A short Gate.io API v3 session written in the documented frame shapes (no capture holds v3 frames)
 * through the in-process pipeline (decode → {@code BookSynchronizer} → features): clean books start
 * and reset each market's book, diffs apply on top, a diff received before its market's first clean
 * book is stale, trades are counted, tickers ignored; each market's final top equals an independent
 * sorted-map replay of the frames (Jackson, not the decoder).
 */
class GateioV3ReplayTest {
    private static final int TOP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String depth(boolean clean, String market, String bids, String asks) {
        return "{\"method\": \"depth.update\", \"params\": [" + clean + ", {\"asks\": [" + asks + "], \"bids\": [" + bids
                + "]}, \"" + market + "\"], \"id\": null}";
    }

    private static List<String> frames() {
        List<String> f = new ArrayList<>();
        f.add("{\"error\": null, \"result\": {\"status\": \"success\"}, \"id\": 1}");
        f.add(depth(false, "ETH_BTC", "[\"0.0301\", \"9\"]", "")); // before ETH_BTC's clean book: stale
        f.add(depth(true, "BTC_USDT", "[\"11680.86\", \"0.0089\"], [\"11680.24\", \"0.0082\"], [\"11679.09\", \"0.7506\"]",
                "[\"11681.19\", \"0.15\"], [\"11681.83\", \"0.0049\"], [\"11682.06\", \"0.005\"]"));
        f.add(depth(false, "BTC_USDT", "[\"11680.86\", \"0\"], [\"11680.5\", \"1.25\"]", ""));
        f.add(depth(true, "ETH_BTC", "[\"0.03\", \"4\"], [\"0.0299\", \"2\"]", "[\"0.0302\", \"1\"], [\"0.0303\", \"5\"]"));
        f.add("{\"method\": \"trades.update\", \"params\": [\"BTC_USDT\", [{\"id\": 274655681, \"time\": 1598060303.5162649, "
                + "\"price\": \"11681.19\", \"amount\": \"0.05\", \"type\": \"buy\"}, {\"id\": 274655680, \"time\": "
                + "1598060303.5160251, \"price\": \"11681.19\", \"amount\": \"0.1\", \"type\": \"buy\"}]], \"id\": null}");
        f.add(depth(false, "BTC_USDT", "", "[\"11681.19\", \"0\"], [\"11681.5\", \"0.3\"]"));
        f.add("{\"method\": \"ticker.update\", \"params\": [\"BTC_USDT\", {\"period\": 86400, \"open\": \"11836.29\", "
                + "\"last\": \"11681.19\"}], \"id\": null}");
        f.add(depth(false, "ETH_BTC", "[\"0.0299\", \"0\"]", "[\"0.0302\", \"0.5\"]"));
        f.add("{\"error\": null, \"result\": \"pong\", \"id\": 2}");
        // the periodic clean book: the whole book again, replacing the local one
        f.add(depth(true, "BTC_USDT", "[\"11680.5\", \"1.25\"], [\"11680.24\", \"0.0082\"]",
                "[\"11681.5\", \"0.3\"], [\"11681.83\", \"0.0049\"], [\"11684.46\", \"0.1076\"]"));
        f.add(depth(false, "BTC_USDT", "[\"11680.7\", \"0.02\"]", "[\"11681.83\", \"0\"]"));
        f.add(depth(false, "ETH_BTC", "", "[\"0.0301\", \"7\"]"));
        return f;
    }

    @Test
    void cleanBooksAndDiffsGiveTheReplayedBook() throws Exception {
        List<String> frames = frames();
        // received after the trades' own times
        CaptureReplay p = new CaptureReplay(TOP).feedWritten(GateioVenue.V3, frames, 1_598_060_304_000_000_000L).finish();
        System.out.println(p.summary("gateio-v3 (documented frames)"));
        // ignored: the two replies and the ticker; stale: ETH_BTC's diff before its clean book; a top after each
        // applied diff (5; a clean book with nothing pending reports none)
        assertEquals(new ReplayCase.Counts(frames.size(), 3, 0, 2, 6, 3, 0, 1, 0, 0, 0, 5), p.counts());
        assertEquals(0, p.counters.crossed);
        assertTrue(p.tops.stream().allMatch(t -> t.synced), "no gap, no invalid top");

        Map<String, ReferenceBook> books = new TreeMap<>();
        for (String s : frames) {
            JsonNode n = JSON.readTree(s);
            if (!n.path("method").asText().equals("depth.update")) {
                continue;
            }
            JsonNode params = n.get("params");
            String market = params.get(2).asText();
            if (params.get(0).asBoolean()) {
                books.computeIfAbsent(market, m -> new ReferenceBook()).snapshot(0);
            }
            ReferenceBook b = books.get(market);
            if (b != null) { // diffs before the market's first clean book are dropped
                b.apply(params.get(1).path("bids"), params.get(1).path("asks"));
            }
        }
        assertEquals(List.of("BTC_USDT", "ETH_BTC"), List.copyOf(books.keySet()));
        books.forEach((market, b) -> {
            BookTop last = p.lastTop.get(market);
            assertArrayEquals(new long[][] {b.prices(true, TOP), b.sizes(true, TOP), b.prices(false, TOP), b.sizes(false, TOP)},
                    new long[][] {last.bidPrices, last.bidSizes, last.askPrices, last.askSizes}, market);
        });
        assertEquals(3, p.lastTop.get("BTC_USDT").bidPrices.length, "11680.7, 11680.5, 11680.24");
    }
}
