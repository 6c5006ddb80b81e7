package io.rrralgorithms.connectors.adapters.bitget;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.connectors.testkit.TextBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the Bitget capture of 2022-04-07 (API v1, ~30 s: {@code BITGET.ws.1.0} 8 spot
 * pairs, {@code BITGET.ws.2.0} 2 USDT-margined perpetuals) for both venue contracts: frames per
 * {@code channel:action}; acks, candles and the trades sent on subscription ignored; a ticker entry a
 * BBO. Per instrument ({@code instType} + {@code instId}) the book as the frames' strings say, and
 * after each frame the venue's checksum recomputed here (signed CRC32 of
 * {@code bid1px:bid1sz:ask1px:ask1sz:...} over the top 25): a mismatch is a checksum failure and a
 * gap, the book lost until the next snapshot.
 */
public final class BitgetOracle {
    private BitgetOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, TextBook> texts = new TreeMap<>();
        for (JsonNode j : raw.json(files)) {
            if (j.has("event")) {
                raw.ignore("event:" + j.get("event").asText());
                continue;
            }
            JsonNode arg = j.get("arg");
            String channel = arg.get("channel").asText();
            String action = j.get("action").asText();
            raw.count(channel + ":" + action, 1);
            String instrument = instrument(arg.get("instType").asText(), arg.get("instId").asText());
            JsonNode data = j.get("data");
            switch (channel) {
                case "candle1m" -> raw.ignored++;
                case "trade" -> {
                    if (action.equals("snapshot")) {
                        raw.ignored++;
                        raw.count("past trades", data.size());
                    } else {
                        raw.trades += data.size();
                        data.forEach(t -> raw.count("taker " + t.get(3).asText(), 1));
                    }
                }
                case "ticker" -> data.forEach(t -> {
                    raw.bbo += t.hasNonNull("bestBid") || t.hasNonNull("bestAsk") ? 1 : 0;
                    if (instrument.endsWith("MCBL") && (t.hasNonNull("markPrice") || t.hasNonNull("indexPrice")
                            || t.hasNonNull("capitalRate") || t.hasNonNull("nextSettleTime") || t.hasNonNull("holding"))) {
                        raw.count("derivatives", 1); // a perpetual's mark, index, funding, open interest
                    }
                    if (t.hasNonNull("bestBid") && t.hasNonNull("bestAsk") && new BigDecimal(t.get("bestBid").asText())
                            .compareTo(new BigDecimal(t.get("bestAsk").asText())) == 0) {
                        raw.count("tickers with bid = ask", 1); // spot tickers round to 6 decimals
                    }
                });
                case "books" -> data.forEach(d -> book(raw, texts, instrument, action.equals("snapshot"), d));
                default -> throw new AssertionError("unexpected channel " + channel);
            }
        }
        raw.keepSyncedBooks();
        return raw;
    }

    /** The REST product id the instrument has ({@code EOSUSDT_SPBL}, {@code DASHUSDT_UMCBL}), as the listing names it. */
    private static String instrument(String instType, String instId) {
        return switch (instType) {
            case "sp" -> instId + "_SPBL";
            case "mc" -> instId + (instId.endsWith("USDT") ? "_UMCBL" : "_DMCBL");
            default -> throw new AssertionError("unexpected instType " + instType);
        };
    }

    private static void book(RawCounts raw, Map<String, TextBook> texts, String instrument, boolean snapshot, JsonNode d) {
        ReferenceBook b = raw.book(instrument);
        if (snapshot) {
            raw.snapshots++;
            b.snapshot(-1); // no update ids
            texts.put(instrument, new TextBook());
        } else {
            raw.deltas++;
            if (!b.synced) {
                return; // lost until the next snapshot
            }
        }
        b.apply(d.get("bids"), d.get("asks"));
        for (boolean bid : new boolean[] {true, false}) {
            d.get(bid ? "bids" : "asks").forEach(l -> texts.get(instrument).set(bid, l.get(0).asText(), l.get(1).asText(),
                    new BigDecimal(l.get(1).asText()).signum() == 0));
        }
        raw.checksums++;
        if (texts.get(instrument).crc32(25) != d.get("checksum").asInt()) {
            raw.checksumFailures++;
            raw.gaps++;
            b.synced = false;
        } else if (!snapshot) {
            raw.syncedTop(instrument);
        }
    }
}
