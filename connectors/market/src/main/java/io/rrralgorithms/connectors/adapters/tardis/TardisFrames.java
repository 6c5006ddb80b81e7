package io.rrralgorithms.connectors.adapters.tardis;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The normalized-frame format the CSV importers publish into {@code raw.tardis}: one JSON object
 * per group of CSV rows that one exchange message made (the rows of one {@code local_timestamp}
 * of one instrument; one row of {@code quotes} and {@code book_snapshot_N}), numbers as the CSV's
 * exact decimal strings, both times kept in µs (a group's {@code timestamp} is its first row's; each
 * trade keeps its own). Fields, in this order (the partition key's byte
 * scan finds {@code exchange} and {@code symbol} at the start):
 *
 * <pre>
 * {"exchange":"binance","symbol":"BTCUSDT","source":"tardis","dataset":"incremental_book_L2",
 *  "timestamp":1723161255208000,"local_timestamp":1723161253937085,
 *  ...the dataset's own fields:
 *  incremental_book_L2:  "snapshot":true|false,"changes":[["bid|ask","price","amount"],…]  (rows in CSV order)
 *  book_snapshot_N:      "depth":N,"check":true|false,"bids":[…],"asks":[…]   (best first)
 *  quotes:               "bid":["price","amount"]|null,"ask":[…]|null
 *  trades:               "trades":[{"timestamp":µs,"id":"…","side":"buy|sell|unknown","price":"…","amount":"…"},…]
 *  nautilus depth:       "snapshot":…,"first_update_id":U,"last_update_id":u,"pu":pu|null,"changes":[["b|a",…],…]}
 * </pre>
 *
 * {@code source} is {@code tardis} or {@code nautilus} (nautilus_trader's Binance depth CSV,
 * whose dataset is {@code binance_depth}); a {@code book_snapshot_N} frame with {@code check} true
 * is the top N that the set's own {@code incremental_book_L2} must give (verified, not applied).
 * Values are copied from the CSV cells as text: the decoder, not the importer, refuses bad
 * numbers and sides, so that they are dead letters with a reason.
 */
public final class TardisFrames {
    public static final String SOURCE_TARDIS = "tardis";
    public static final String SOURCE_NAUTILUS = "nautilus";
    public static final String INCREMENTAL = "incremental_book_L2";
    public static final String TRADES = "trades";
    public static final String QUOTES = "quotes";
    /** {@code book_snapshot_25}, {@code book_snapshot_5}: the prefix of the top-N datasets. */
    public static final String BOOK_SNAPSHOT_PREFIX = "book_snapshot_";
    public static final String NAUTILUS_DEPTH = "binance_depth";

    private TardisFrames() {}

    /** One price level as the CSV wrote it. */
    public record Level(String price, String amount) {}

    /** One row of a book's changes: its side as the CSV wrote it, price and amount. */
    public record Change(String side, String price, String amount) {}

    /** One trade row. */
    public record Trade(long timestampUs, String id, String side, String price, String amount) {}

    /** The start of every frame: key fields, source, dataset and the two times (µs). */
    public static StringBuilder start(String exchange, String symbol, String source, String dataset, long timestampUs,
            long localTimestampUs) {
        StringBuilder sb = new StringBuilder(256).append("{\"exchange\":");
        string(sb, exchange);
        text(sb, "symbol", symbol);
        text(sb, "source", source);
        text(sb, "dataset", dataset);
        return sb.append(",\"timestamp\":").append(timestampUs).append(",\"local_timestamp\":").append(localTimestampUs);
    }

    /** {@code ,"bids":[…],"asks":[…]}. */
    public static StringBuilder levels(StringBuilder sb, List<Level> bids, List<Level> asks) {
        array(sb.append(",\"bids\":"), bids, TardisFrames::pair);
        return array(sb.append(",\"asks\":"), asks, TardisFrames::pair);
    }

    /** {@code ,"changes":[["side","price","amount"],…]}. */
    public static StringBuilder changes(StringBuilder sb, List<Change> changes) {
        return array(sb.append(",\"changes\":"), changes, (b, c) -> cells(b, c.side(), c.price(), c.amount()));
    }

    /** {@code ,"name":["price","amount"]} or {@code ,"name":null}. */
    public static StringBuilder level(StringBuilder sb, String name, Level level) {
        sb.append(",\"").append(name).append("\":");
        return level == null ? sb.append("null") : pair(sb, level);
    }

    /** {@code ,"trades":[…]}. */
    public static StringBuilder trades(StringBuilder sb, List<Trade> trades) {
        return array(sb.append(",\"trades\":"), trades, (b, t) -> {
            b.append("{\"timestamp\":").append(t.timestampUs());
            text(b, "id", t.id());
            text(b, "side", t.side());
            text(b, "price", t.price());
            text(b, "amount", t.amount()).append('}');
        });
    }

    /** {@code [item,item,…]}. */
    private static <T> StringBuilder array(StringBuilder sb, List<T> items, BiConsumer<StringBuilder, T> item) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            item.accept(sb, items.get(i));
        }
        return sb.append(']');
    }

    private static StringBuilder pair(StringBuilder sb, Level l) {
        return cells(sb, l.price(), l.amount());
    }

    /** {@code ["cell","cell",…]}. */
    private static StringBuilder cells(StringBuilder sb, String... cells) {
        return array(sb, List.of(cells), TardisFrames::string);
    }

    /** {@code ,"name":"value"}. */
    private static StringBuilder text(StringBuilder sb, String name, String value) {
        string(sb.append(",\"").append(name).append("\":"), value);
        return sb;
    }

    /** A JSON string of a CSV cell: quotes, backslashes and control characters escaped. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
