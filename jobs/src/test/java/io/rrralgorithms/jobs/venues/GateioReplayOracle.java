package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Gate.io captures with their REST order books in the replay contract: spot of 2021-04-22 (10
 * pairs, ~30 s; order_book_update, trades, tickers, candlesticks) and USDT perpetuals of 2023-05-24
 * (10 contracts, ~20 s; {@code with_id=true} books; trades subscribed but none traded). Per book the
 * oracle replays Gate.io's documented join (drop {@code u <= id}, bridge, chain) into TreeMaps.
 *
 * <p>What the spot data has: the REST books of OMG_USDT, INK_USDT, DIS_USDT and BTC_USDC hold sizes of
 * 9-10 decimals (dust left by quote-funded orders, finer than the pairs' lots), so those snapshots
 * are dead letters and the four books never sync (no gap, no top); so are the first OMG_USDT and
 * INK_USDT updates (their whole top-100 book) and two later OMG_USDT updates. The six other pairs
 * sync and chain without a break. Every futures number fits the scale. Gate.io sends no checksum.
 */
final class GateioReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GateioReplayOracle() {}

    /** One book by the raw lines: the snapshot, then the update-id join. */
    private static final class Join {
        final long id;
        boolean bridged;
        final ReferenceBook book = new ReferenceBook();

        Join(long id) {
            this.id = id;
        }

        /** Gate.io's documented join; whether the update is applied. */
        boolean update(RawCounts e, long first, long last) {
            if (!bridged) {
                if (last <= id) {
                    e.stale++;
                    return false;
                }
                if (first > id + 1) {
                    e.gaps++;
                    return false;
                }
                bridged = true;
            } else if (first != book.lastUpdateId + 1) {
                e.gaps++;
            }
            book.lastUpdateId = last;
            return true;
        }
    }

    /** {@code market} is spot or futures; {@code level} gives a level's [price, size]. */
    static ReplayCase.Oracle oracle(String market, String rest, String key, Function<JsonNode, String[]> level) {
        return files -> {
            RawCounts e = new RawCounts();
            String ws = files.get(0).getFileName().toString();
            Map<String, Join> joins = new HashMap<>();
            for (CaptureLines.Rest r : e.restBooks(CaptureReplay.file(ws.replace(".ws.1.0", ".http.0.0")), rest)) {
                String name = r.url().replaceAll(".*" + key + "=([A-Z0-9_]+)&.*", "$1");
                JsonNode s = JSON.readTree(r.body());
                Join j = new Join(s.get("id").asLong());
                s.get("bids").forEach(l -> j.book.set(true, level.apply(l)[0], level.apply(l)[1]));
                s.get("asks").forEach(l -> j.book.set(false, level.apply(l)[0], level.apply(l)[1]));
                joins.put(name, j);
            }
            for (String p : CaptureLines.payloads(files.get(0))) {
                e.frames++;
                JsonNode j = JSON.readTree(p);
                String channel = j.get("channel").asText();
                if (!j.get("event").asText().equals("update") || channel.equals(market + ".candlesticks")) {
                    e.ignored++; // subscribe replies, candlesticks
                    continue;
                }
                JsonNode res = j.get("result");
                switch (channel.substring(market.length() + 1)) {
                    case "trades" -> e.trades += market.equals("spot") ? 1 : res.size();
                    case "tickers", "book_ticker" -> e.bbo++;
                    case "order_book_update" -> {
                        if (Mantissa.finerThanScale(p)) {
                            e.decodeErrors++;
                            e.count("dead updates", 1);
                            continue;
                        }
                        e.deltas++;
                        String name = res.get("s").asText();
                        Join join = joins.get(name);
                        if (join != null && join.update(e, res.get("U").asLong(), res.get("u").asLong())) {
                            res.get("b").forEach(l -> join.book.set(true, level.apply(l)[0], level.apply(l)[1]));
                            res.get("a").forEach(l -> join.book.set(false, level.apply(l)[0], level.apply(l)[1]));
                            e.syncedTop(name);
                            e.books.put(name, join.book);
                        }
                    }
                    default -> throw new AssertionError(channel);
                }
            }
            e.count("books", joins.size());
            return e;
        };
    }

    static final ReplayCase.Oracle SPOT = oracle("spot", "/spot/order_book?", "currency_pair",
            l -> new String[] {l.get(0).asText(), l.get(1).asText()});
    static final ReplayCase.Oracle FUTURES = oracle("futures", "/futures/usdt/order_book?", "contract",
            l -> new String[] {l.get("p").asText(), l.get("s").asText()});

    static void spotExtra(RawCounts e, CaptureReplay r) {
        assertEquals(4, e.fact("dead snapshots"));
        assertEquals(4, e.fact("dead updates"));
        assertEquals(Map.of("FAST_USDT", 20, "HAI_ETH", 5, "NANO_USDT", 4, "NEO_BTC", 36, "QTUM3S_USDT", 16,
                "ZKS_ETH", 11), e.syncedTops);
        assertEquals(1 + 2 + 1 + 1 + 3 + 1, e.stale, "HAI, QTUM3S, FAST, ZKS, NEO, NANO; incl. the top-100 books sent as"
                + " the first update of HAI_ETH, QTUM3S_USDT, ZKS_ETH and NEO_BTC");
    }

    static void futuresExtra(RawCounts e, CaptureReplay r) {
        assertEquals(10, e.fact("books"));
    }

    /** The 20th NEO_BTC update lost: the next one's U is not the book's u + 1. */
    static final ReplayCase.Drop DROP = new ReplayCase.Drop("NEO_BTC",
            s -> s.contains("spot.order_book_update\",\"event\":\"update\"") && s.contains("\"s\":\"NEO_BTC\""), 20,
            (String dropped, BookGap g) -> {
                JsonNode res = JSON.readTree(dropped).get("result");
                assertEquals(res.get("U").asLong() - 1, g.lastUpdateId);
                assertEquals(res.get("u").asLong() + 1, g.firstUpdateId);
                assertEquals("sequence break: expected U == " + res.get("U").asLong(), g.reason);
            });
}
