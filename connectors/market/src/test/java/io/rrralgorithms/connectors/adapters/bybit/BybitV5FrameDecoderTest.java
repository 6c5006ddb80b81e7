package io.rrralgorithms.connectors.adapters.bybit;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bybit v5 public frames (the live capture's topics), hand-written in the API's documented format
 * (no v5 recording exists in the shared data): books with the {@code u} chain, level-1 as BBO,
 * trades, op replies, malformed frames; and the v5 branch of {@link BybitSyncRules}.
 */
class BybitV5FrameDecoderTest {
    private final Venue adapter = Venues.forFeed("bybit");

    static String book(String topic, String type, long u, String bids, String asks) {
        String s = topic.substring(topic.lastIndexOf('.') + 1);
        return "{\"topic\":\"" + topic + "\",\"type\":\"" + type + "\",\"ts\":1672304484978,\"data\":{\"s\":\"" + s
                + "\",\"b\":[" + bids + "],\"a\":[" + asks + "],\"u\":" + u + ",\"seq\":7961638724},\"cts\":1672304484976}";
    }

    private static RawFrame frame(String payload) {
        return new RawFrame("bybit", null, FrameKind.WS, 42L, payload.getBytes(StandardCharsets.UTF_8));
    }

    private List<MarketEvent> decodeAll(String payload) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        assertEquals(FrameDecoder.Result.EVENTS, adapter.decoder().decode(frame(payload), out::add));
        return out;
    }

    private MarketEvent decode(String payload) throws DecodeException {
        List<MarketEvent> out = decodeAll(payload);
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static long m(String s) {
        return Decimals.parse(s);
    }

    @Test
    void snapshot() throws Exception {
        MarketEvent e = decode(book("orderbook.50.BTCUSDT", "snapshot", 18521288,
                "[\"16493.50\",\"0.006\"],[\"16493.00\",\"0.100\"]", "[\"16611.00\",\"0.029\"]"));
        assertFields(e, "type", EventType.BOOK_SNAPSHOT, "feed", "bybit", "nativeSymbol", "BTCUSDT",
                "symbol", "BTC-USDT-PERP", "exchangeTimeMs", 1672304484978L, "receiveTimeNs", 42L, "bookDepth", 50,
                "lastUpdateId", 18521288L, "firstUpdateId", 18521288L, "prevUpdateId", 18521287L);
        assertTrue(BybitSyncRules.isV5(e));
        assertFields(e, "bidPrices", new long[] {m("16493.50"), m("16493.00")},
                "bidSizes", new long[] {m("0.006"), m("0.1")}, "askPrices", new long[] {m("16611")},
                "askSizes", new long[] {m("0.029")});
        assertEquals(200, decode(book("orderbook.200.ETHUSDT", "snapshot", 5, "", "")).bookDepth);
    }

    @Test
    void deltaChainGapAndRestart() throws Exception {
        BookSyncRules rules = adapter.bookSyncRules();
        MarketEvent snap = decode(book("orderbook.50.BTCUSDT", "snapshot", 100, "[\"16493.50\",\"0.006\"]", ""));
        MarketEvent d1 = decode(book("orderbook.50.BTCUSDT", "delta", 101, "[\"16493.50\",\"0\"]", "[\"16611.00\",\"1.5\"]"));
        assertEquals(EventType.BOOK_DELTA, d1.type);
        assertEquals(0, d1.bookDepth);
        assertArrayEquals(new long[] {0L}, d1.bidSizes); // size "0" deletes
        assertEquals(101L, d1.lastUpdateId);
        assertEquals(100L, d1.prevUpdateId);
        MarketEvent d2 = decode(book("orderbook.50.BTCUSDT", "delta", 102, "", ""));
        MarketEvent d4 = decode(book("orderbook.50.BTCUSDT", "delta", 104, "", ""));
        MarketEvent old = decode(book("orderbook.50.BTCUSDT", "delta", 100, "", ""));
        // joining the snapshot
        assertTrue(rules.isStale(old, snap.lastUpdateId));
        assertFalse(rules.isStale(d1, snap.lastUpdateId));
        assertTrue(rules.bridgesSnapshot(d1, snap.lastUpdateId));
        assertFalse(rules.bridgesSnapshot(d2, snap.lastUpdateId), "u must be the snapshot's + 1");
        // chaining: u = previous + 1, a skipped u is a gap
        assertTrue(rules.continues(d2, d1.lastUpdateId));
        assertFalse(rules.continues(d4, d2.lastUpdateId), "u=103 skipped");
        assertTrue(rules.isDuplicate(d1, d2.lastUpdateId));
        // a restart snapshot (u=1) is never older: it resets the book
        MarketEvent restart = decode(book("orderbook.50.BTCUSDT", "snapshot", 1, "[\"16000\",\"2\"]", ""));
        assertEquals(0L, restart.prevUpdateId);
        assertFalse(rules.isOlderSnapshot(restart, d2.lastUpdateId));
        assertTrue(rules.bridgesSnapshot(decode(book("orderbook.50.BTCUSDT", "delta", 2, "", "")), 1L));
        // v2 events keep the cross_seq rules (not contiguous, only increasing)
        MarketEvent v2 = new MarketEvent();
        v2.lastUpdateId = 110;
        assertFalse(BybitSyncRules.isV5(v2));
        assertTrue(rules.continues(v2, 100));
        assertTrue(rules.bridgesSnapshot(v2, 100));
        assertTrue(rules.isOlderSnapshot(v2, 110));
        assertEquals(50, rules.maxDepth(snap));
    }

    @Test
    void levelOneIsBbo() throws Exception {
        MarketEvent e = decode(book("orderbook.1.BTCUSDT", "snapshot", 3000, "[\"16493.50\",\"0.006\"]",
                "[\"16493.60\",\"0.029\"]"));
        assertFields(e, "type", EventType.BBO, "symbol", "BTC-USDT-PERP", "exchangeTimeMs", 1672304484978L,
                "bidPrices", new long[] {m("16493.5")}, "bidSizes", new long[] {m("0.006")},
                "askPrices", new long[] {m("16493.6")}, "askSizes", new long[] {m("0.029")});
        assertEquals(MarketEvent.NONE, e.lastUpdateId, "a BBO does not enter the book");
        MarketEvent oneSided = decode(book("orderbook.1.BTCUSDT", "snapshot", 3001, "", "[\"16493.60\",\"0.029\"]"));
        assertEquals(0, oneSided.bidPrices.length);
        assertThrows(DecodeException.class, () -> decode(book("orderbook.1.BTCUSDT", "snapshot", 3002,
                "[\"1\",\"1\"],[\"0.5\",\"1\"]", "")));
    }

    @Test
    void trades() throws Exception {
        List<MarketEvent> t = decodeAll("{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,"
                + "\"data\":[{\"T\":1672304486865,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.001\",\"p\":\"16578.50\","
                + "\"L\":\"PlusTick\",\"i\":\"20f43950-d8dd-5b31-9112-a178eb6023af\",\"BT\":false},"
                + "{\"T\":1672304486865,\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"2.5\",\"p\":\"16578\","
                + "\"L\":\"MinusTick\",\"i\":\"30f43950-d8dd-5b31-9112-a178eb6023af\",\"BT\":false}]}");
        assertEquals(2, t.size());
        MarketEvent a = t.get(0);
        assertFields(a, "type", EventType.TRADE, "symbol", "BTC-USDT-PERP", "nativeSymbol", "BTCUSDT",
                "price", m("16578.5"), "size", m("0.001"), "takerBuy", true, "exchangeTimeMs", 1672304486865L,
                "tradeId", 1672304486865L * 10_000L);
        MarketEvent b = t.get(1);
        assertFields(b, "takerBuy", false, "size", m("2.5"), "tradeId", 1672304486865L * 10_000L + 1);
        assertEquals(FrameDecoder.Result.IGNORED, adapter.decoder().decode(frame(
                "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[]}"), e -> { }));
    }

    @Test
    void opRepliesIgnoredAndKeys() throws Exception {
        for (String s : List.of(
                "{\"success\":true,\"ret_msg\":\"\",\"op\":\"subscribe\",\"conn_id\":\"cejreassvfrsfvb9v1a0-2m\"}",
                "{\"req_id\":\"1\",\"success\":true,\"ret_msg\":\"subscribe\",\"conn_id\":\"x\",\"op\":\"subscribe\"}",
                "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"x\",\"req_id\":\"ping\",\"op\":\"ping\"}",
                "{\"req_id\":\"ping\",\"op\":\"pong\",\"args\":[\"1675418560633\"],\"conn_id\":\"x\"}")) {
            assertEquals(FrameDecoder.Result.IGNORED, adapter.decoder().decode(frame(s), e -> { }), s);
        }
        assertEquals("BTCUSDT", adapter.partitionKey(book("orderbook.50.BTCUSDT", "delta", 2, "", "")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("ETHUSDT", adapter.partitionKey(
                "{\"topic\":\"publicTrade.ETHUSDT\",\"type\":\"snapshot\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(DecodeException.class, () -> adapter.decoder().decode(frame(
                "{\"success\":false,\"ret_msg\":\"error:handler not found\",\"op\":\"subscribe\"}"), e -> { }));
    }

    /** The live spec and the decoder agree on symbols: what the live venue subscribes decodes to it back. */
    @Test
    void liveSpecAgrees() throws Exception {
        LiveVenue live = Venues.liveForFeed("bybit");
        for (String normalized : List.of("BTC-USDT-PERP", "ETH-USDT-PERP", "BTC-USD-PERP")) {
            String nat = live.nativeSymbol(normalized);
            assertEquals(normalized, decode(book("orderbook.50." + nat, "snapshot", 7, "", "")).symbol);
        }
        assertTrue(live.defaultEndpoint().endsWith("/v5/public/linear"));
        assertThrows(IllegalArgumentException.class, () -> live.nativeSymbol("BTC-USDT"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"snapshot\"| malformed",
        "{\"op\":\"auth\"}| unknown message",
        "{\"topic\":\"orderbook.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":{}}| is not orderbook.{depth}.{symbol}",
        "{\"topic\":\"orderbook.x.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":{}}| is not orderbook.{depth}.{symbol}",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"replace\",\"ts\":1,\"data\":{}}| unknown v5 book type 'replace'",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":[]}| must be an object",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"data\":{\"s\":\"BTCUSDT\",\"b\":[],\"a\":[],\"u\":2}}| missing field 'ts'",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"BTCUSDT\",\"b\":[],\"a\":[]}}| missing field 'u'",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"BTCUSDT\",\"b\":[],\"a\":[],\"u\":0}}| must be positive",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"ETHUSDT\",\"b\":[],\"a\":[],\"u\":2}}| the topic's is 'BTCUSDT'",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"1.x\",\"1\"]],\"a\":[],\"u\":2}}| not an exact decimal",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"BTCUSDT\",\"b\":[[1.5,\"1\"]],\"a\":[],\"u\":2}}| a decimal string",
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"1\",\"0\"]],\"a\":[],\"u\":2}}| size 0 in a snapshot",
        "{\"topic\":\"orderbook.50.BTCEUR\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"BTCEUR\",\"b\":[],\"a\":[],\"u\":2}}| unknown symbol 'BTCEUR'",
        "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":{}}| must be an array of trades",
        "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"T\":1,\"s\":\"BTCUSDT\",\"S\":\"Bid\",\"v\":\"1\",\"p\":\"1\",\"i\":\"x\"}]}| must be Buy or Sell",
        "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"T\":1,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0\",\"p\":\"1\",\"i\":\"x\"}]}| non-positive price or size",
        "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"x\"}]}| missing field 'T'",
        "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"T\":1,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\"}]}| 'i'",
        "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":{}}| unknown topic",
    })
    void malformed(String payload, String reason) {
        DecodeException e = assertThrows(DecodeException.class, () -> adapter.decoder().decode(frame(payload), x -> { }));
        assertTrue(e.getMessage().contains(reason.trim()), e.getMessage());
    }
}
