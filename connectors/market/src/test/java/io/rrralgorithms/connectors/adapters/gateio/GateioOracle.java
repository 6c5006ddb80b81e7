package io.rrralgorithms.connectors.adapters.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The raw-line oracle of the Gate.io captures with their REST order books, for both venue
 * contracts: spot of 2021-04-22 (10 pairs, ~30 s; order_book_update, trades, tickers, candlesticks)
 * and USDT perpetuals of 2023-05-24 (10 contracts, ~20 s; {@code with_id=true} books; trades
 * subscribed but none traded). Frames per {@code channel/event}, those whose decoded numbers are
 * finer than the scale (dead letters), and per book Gate.io's documented join (drop
 * {@code u <= id}, bridge, chain) replayed into TreeMaps.
 *
 * <p>What the spot data has: the REST books of OMG_USDT, INK_USDT, DIS_USDT and BTC_USDC hold sizes of
 * 9-10 decimals (dust left by quote-funded orders, finer than the pairs' lots), so those snapshots
 * are dead letters and the four books never sync (no gap, no top); so are the first OMG_USDT and
 * INK_USDT updates (their whole top-100 book) and two later OMG_USDT updates. The six other pairs
 * sync and chain without a break. Every futures number fits the scale. Gate.io sends no checksum.
 */
public final class GateioOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GateioOracle() {}

    /** One book by the raw lines: the snapshot, then the update-id join. */
    private static final class Join {
        final long id;
        boolean bridged;
        final ReferenceBook book = new ReferenceBook();

        Join(long id) {
            this.id = id;
        }

        /** Gate.io's documented join; whether the update is applied. */
        boolean update(RawCounts raw, long first, long last) {
            if (!bridged) {
                if (last <= id) {
                    raw.stale++;
                    return false;
                }
                if (first > id + 1) {
                    raw.gaps++;
                    return false;
                }
                bridged = true;
            } else if (first != book.lastUpdateId + 1) {
                raw.gaps++;
            }
            book.lastUpdateId = last;
            return true;
        }
    }

    /** The prices and sizes a decoder reads from a result: trade price/amount/size, level arrays a/b. */
    private static List<BigDecimal> decodedNumbers(JsonNode res) {
        List<BigDecimal> out = new ArrayList<>();
        for (JsonNode r : res.isArray() ? res : List.of(res)) {
            for (String f : List.of("price", "amount", "size")) {
                JsonNode v = r.get(f);
                if (v != null && (v.isNumber() || v.isTextual())) {
                    out.add(new BigDecimal(v.asText()));
                }
            }
            for (String side : List.of("a", "b", "asks", "bids")) {
                for (JsonNode l : r.path(side)) {
                    if (l.isArray()) {
                        out.add(new BigDecimal(l.get(0).asText()));
                        out.add(new BigDecimal(l.get(1).asText()));
                    } else {
                        out.add(new BigDecimal(l.get("p").asText()));
                        out.add(new BigDecimal(l.get("s").asText()));
                    }
                }
            }
        }
        return out;
    }

    public static RawCounts spot(List<Path> files) throws Exception {
        return count(files, "spot", "/spot/order_book?", "currency_pair", l -> new String[] {l.get(0).asText(), l.get(1).asText()});
    }

    public static RawCounts futures(List<Path> files) throws Exception {
        return count(files, "futures", "/futures/usdt/order_book?", "contract",
                l -> new String[] {l.get("p").asText(), l.get("s").asText()});
    }

    /** {@code market} is spot or futures; {@code level} gives a level's [price, size]. */
    private static RawCounts count(List<Path> files, String market, String rest, String key, Function<JsonNode, String[]> level)
            throws Exception {
        RawCounts raw = new RawCounts();
        Path http = files.get(0).resolveSibling(files.get(0).getFileName().toString().replace(".ws.1.0", ".http.0.0"));
        raw.count("REST books", CaptureLines.rest(http, rest).size());
        Map<String, Join> joins = new HashMap<>();
        for (CaptureLines.Rest r : raw.restBooks(http, rest)) {
            String name = r.url().replaceAll(".*" + key + "=([A-Z0-9_]+)&.*", "$1");
            JsonNode s = JSON.readTree(r.body());
            Join j = new Join(s.get("id").asLong());
            s.get("bids").forEach(l -> j.book.set(true, level.apply(l)[0], level.apply(l)[1]));
            s.get("asks").forEach(l -> j.book.set(false, level.apply(l)[0], level.apply(l)[1]));
            joins.put(name, j);
        }
        for (String p : CaptureLines.payloads(files.get(0))) {
            raw.frames++;
            JsonNode j = JSON.readTree(p);
            String channel = j.get("channel").asText();
            String kind = channel + "/" + j.get("event").asText();
            raw.count(kind, 1);
            if (!j.get("event").asText().equals("update") || channel.equals(market + ".candlesticks")) {
                raw.ignored++; // subscribe replies, candlesticks
                continue;
            }
            JsonNode res = j.get("result");
            // the numbers the decoder reads: a spot ticker's best bid/ask only (its volumes are not decoded)
            List<BigDecimal> decoded = kind.equals("spot.tickers/update")
                    ? List.of(new BigDecimal(res.get("highest_bid").asText()), new BigDecimal(res.get("lowest_ask").asText()))
                    : decodedNumbers(res);
            if (!Mantissa.holdable(decoded)) {
                raw.decodeErrors++;
                raw.count(kind + " (no long scale holds it)", 1);
                continue;
            }
            switch (channel.substring(market.length() + 1)) {
                case "trades" -> raw.trades += market.equals("spot") ? 1 : res.size();
                case "tickers", "book_ticker" -> raw.bbo++;
                case "order_book_update" -> {
                    raw.deltas++;
                    String name = res.get("s").asText();
                    Join join = joins.get(name);
                    if (join != null && join.update(raw, res.get("U").asLong(), res.get("u").asLong())) {
                        res.get("b").forEach(l -> join.book.set(true, level.apply(l)[0], level.apply(l)[1]));
                        res.get("a").forEach(l -> join.book.set(false, level.apply(l)[0], level.apply(l)[1]));
                        raw.syncedTop(name);
                        raw.books.put(name, join.book);
                    }
                }
                default -> throw new AssertionError(channel);
            }
        }
        raw.count("books", joins.size());
        return raw;
    }
}
