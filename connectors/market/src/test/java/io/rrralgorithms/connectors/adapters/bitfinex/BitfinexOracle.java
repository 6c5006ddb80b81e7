package io.rrralgorithms.connectors.adapters.bitfinex;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw-line oracle of the Bitfinex capture (WS v2, book P0/100 + trades + ticker of 7 pairs,
 * SEQ_ALL) for both venue contracts, with Jackson and regexes, never the decoder: the frame kinds
 * (chanId → channel and symbol from the {@code subscribed} acks, which also give every frame's
 * key), the connection's sequence numbering, and a replay of every book as the venue prints it.
 */
public final class BitfinexOracle {
    /** A book row {@code [price,count,amount]} of a frame's text. */
    public static final Pattern ROW = Pattern.compile("\\[([^\\[\\],]+),([^\\[\\],]+),([^\\[\\],]+)\\]");

    private BitfinexOracle() {}

    /** A book as the venue prints it: amounts as sent, negative for asks. */
    // qualified: the kit's book of texts, under the name the Bitfinex tests know
    public static final class TextBook extends io.rrralgorithms.connectors.testkit.TextBook {
        public void apply(String price, String count, String amount) {
            set(new BigDecimal(amount).signum() > 0, price, amount, new BigDecimal(count).signum() == 0);
        }

        /** The rows of a book frame's text ({@link #ROW}) applied in order. */
        public void applyRows(String payload) {
            Matcher rows = ROW.matcher(payload.substring(payload.indexOf(',') + 1));
            while (rows.find()) {
                apply(rows.group(1), rows.group(2), rows.group(3));
            }
        }

        /** The venue's checksum over this book (top 25). */
        public long checksum() {
            return crc32(25);
        }

        /** The book as the contract compares it: price → size (the amount's magnitude). */
        ReferenceBook reference() {
            ReferenceBook r = new ReferenceBook();
            bids.forEach((p, t) -> r.set(true, p, new BigDecimal(t[1]).abs()));
            asks.forEach((p, t) -> r.set(false, p, new BigDecimal(t[1]).abs()));
            return r;
        }
    }

    public static RawCounts count(List<Path> files) throws Exception {
        return scan(CaptureLines.lines(files.get(0)));
    }

    /**
     * What the raw lines say: frame kinds ({@code event:<name>}, the labels hb/te/tu/cs,
     * {@code <channel>:snapshot|update}) as facts, SEQ_ALL breaks, every frame's key, and the books
     * with updates.
     */
    public static RawCounts scan(List<String> lines) throws Exception {
        RawCounts raw = new RawCounts();
        raw.keys = new ArrayList<>();
        Map<Long, String[]> channels = new HashMap<>(); // chanId -> {channel, symbol}
        Map<String, TextBook> books = new HashMap<>();
        long seq = 0;
        for (RawCounts.Frame f : raw.framesOf(lines)) {
            JsonNode j = f.json();
            if (j.isObject()) {
                raw.ignore("event:" + j.get("event").asText()); // info, conf, subscription acks
                raw.keys.add(j.has("symbol") ? j.get("symbol").asText() : null);
                if ("subscribed".equals(j.get("event").asText())) {
                    channels.put(j.get("chanId").asLong(), new String[] {j.get("channel").asText(), j.get("symbol").asText()});
                }
                continue;
            }
            raw.count("seq breaks", j.get(j.size() - 1).asLong() == ++seq ? 0 : 1);
            String[] ch = channels.get(j.get(0).asLong());
            raw.keys.add(ch == null ? null : ch[1]);
            JsonNode body = j.get(1);
            if (body.isTextual()) {
                raw.count(body.asText(), 1);
                switch (body.asText()) {
                    case "te" -> raw.trades++;
                    case "cs" -> {
                        raw.deltas++; // a checksum is an empty delta
                        raw.checksums++;
                    }
                    default -> raw.ignored++; // hb, tu (a te again)
                }
                continue;
            }
            boolean snapshot = body.get(0).isArray();
            raw.count(ch[0] + (snapshot ? ":snapshot" : ":update"), 1);
            switch (ch[0]) {
                case "ticker" -> raw.bbo++;
                case "trades" -> raw.ignored++; // the trade snapshot: of before the session
                case "book" -> {
                    if (snapshot) {
                        raw.snapshots++;
                        books.put(ch[1], new TextBook());
                    } else {
                        raw.deltas++;
                        raw.syncedTop(ch[1]);
                    }
                    books.get(ch[1]).applyRows(f.text());
                }
                default -> throw new AssertionError(f.text());
            }
        }
        // a snapshot without updates reports no top (tBFTUSD: its book came 11 s late)
        raw.syncedTops.keySet().forEach(s -> raw.books.put(s, books.get(s).reference()));
        raw.count("books", books.size());
        return raw;
    }
}
