package io.rrralgorithms.connectors.adapters.kraken;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kraken spot decoder over the real cryptofeed captures of 2021-04-17 ({@code KRAKEN.ws.48.0}
 * trade, {@code .49.0} ticker, {@code .50.0} book-1000; 10 pairs each), with per-type counts
 * computed independently from the raw lines with Jackson, exact field checks on real frames, the
 * instrument catalog from the recorded AssetPairs, and malformed frames.
 */
public class KrakenFrameDecoderTest {
    private static final Pattern RECEIVED = CaptureLines.RECEIVED;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("kraken");
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_618_678_134_213_106_000L);
    private static final Set<String> PAIRS = Set.of("WAVES/EUR", "XMR/USD", "KSM/XBT", "GRT/ETH", "SC/EUR", "ETH/CHF",
            "OCEAN/XBT", "OMG/USD", "XBT/CHF", "ADA/XBT");

    private static String line(String file, Pattern p) throws Exception {
        for (String s : CaptureLines.payloads(SharedData.cryptofeed(file))) {
            if (p.matcher(s).find()) {
                return s;
            }
        }
        throw new AssertionError("no frame matching " + p + " in " + file);
    }

    @Test
    void checksumIsKrakens() {
        assertTrue(ADAPTER.bookSyncRules().checksum() instanceof KrakenChecksum);
    }

    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertTrue(PAIRS.contains(ev.nativeSymbol), ev.nativeSymbol);
        if (ev.type != EventType.BBO) {
            assertTrue(ev.exchangeTimeMs > 1_618_000_000_000L && ev.exchangeTimeMs < 1_618_678_200_000L, ev.toString());
        }
        if (ev.checksum != MarketEvent.NO_CHECKSUM) {
            assertTrue(ev.priceDecimals > 0 && ev.sizeDecimals == 8, ev.toString());
        }
        if (ev.type == EventType.BOOK_SNAPSHOT) {
            assertEquals(1000, ev.bookDepth, "book-1000 depth carried for the sync rules");
            assertEquals(1000, ADAPTER.bookSyncRules().maxDepth(ev));
        }
    }

    @Test
    void realTradeFrameWithTwoTrades() throws Exception {
        String s = line("KRAKEN.ws.48.0", Pattern.compile("^\\[993,\\[\\[\"354\\.04000000\""));
        assertEquals("[993,[[\"354.04000000\",\"0.28245396\",\"1618678150.826417\",\"s\",\"m\",\"\"],[\"353.81000000\","
                + "\"1.71754604\",\"1618678150.827816\",\"s\",\"m\",\"\"]],\"trade\",\"XMR/USD\"]", s);
        List<MarketEvent> evs = CAPTURED.decode(s);
        assertEquals(2, evs.size());
        MarketEvent a = evs.get(0), b = evs.get(1);
        assertFields(a, "type", EventType.TRADE, "nativeSymbol", "XMR/USD", "symbol", "XMR-USD", "price", m("354.04"),
                "size", m("0.28245396"), "exchangeTimeMs", 1_618_678_150_826L);
        assertFalse(a.takerBuy, "s: the taker sold");
        assertEquals(MarketEvent.NONE, a.tradeId, "Kraken v1 trades have no id");
        assertFields(b, "price", m("353.81"), "size", m("1.71754604"), "exchangeTimeMs", 1_618_678_150_827L);

        MarketEvent buy = CAPTURED.decode(line("KRAKEN.ws.48.0", Pattern.compile("\"1618678145\\.715785\""))).get(0);
        assertTrue(buy.takerBuy, "b: the taker bought");
        assertEquals(m("354.55"), buy.price);
    }

    @Test
    void realTickerFrame() throws Exception {
        String s = line("KRAKEN.ws.49.0", Pattern.compile("\"ticker\",\"XBT/CHF\"\\]$"));
        assertTrue(s.startsWith("[468,{\"a\":[\"56218.30000\",0,\"0.13690578\"],\"b\":[\"56119.10000\",0,\"0.03333108\"]"), s);
        MarketEvent t = CAPTURED.decode(s).get(0);
        assertEquals(EventType.BBO, t.type);
        assertEquals("BTC-CHF", t.symbol);
        assertEquals(m("56218.3"), t.askPrices[0]);
        assertEquals(m("0.13690578"), t.askSizes[0]);
        assertEquals(m("56119.1"), t.bidPrices[0]);
        assertEquals(m("0.03333108"), t.bidSizes[0]);
        assertEquals(0L, t.exchangeTimeMs, "the ticker has no time");
    }

    @Test
    void realBookSnapshotAndUpdates() throws Exception {
        String snap = line("KRAKEN.ws.50.0", Pattern.compile("^\\[464,\\{\"as\""));
        MarketEvent s = CAPTURED.decode(snap).get(0);
        JsonNode j = JSON.readTree(snap).get(1);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "nativeSymbol", "XBT/CHF", "symbol", "BTC-CHF");
        assertEquals(j.get("as").size(), s.askPrices.length);
        assertEquals(j.get("bs").size(), s.bidPrices.length);
        assertEquals(316, s.askPrices.length);
        assertEquals(502, s.bidPrices.length);
        assertEquals(m("56218.3"), s.askPrices[0]);
        assertEquals(m("0.15"), s.askSizes[0]);
        assertEquals(m("56119.0"), s.bidPrices[0]);
        assertEquals(m("0.14375128"), s.bidSizes[0]);
        assertEquals(5, s.priceDecimals, "\"56218.30000\": 5 digits although pair_decimals is 1");
        assertEquals(8, s.sizeDecimals);
        assertEquals(MarketEvent.NO_CHECKSUM, s.checksum, "snapshots carry no checksum");
        long newest = 0;
        for (JsonNode side : List.of(j.get("as"), j.get("bs"))) {
            for (JsonNode l : side) {
                newest = Math.max(newest, new BigDecimal(l.get(2).asText()).movePointRight(3).longValue());
            }
        }
        assertEquals(newest, s.exchangeTimeMs, "snapshot time = newest level");

        MarketEvent u = CAPTURED.decode("[464,{\"a\":[[\"56872.70000\",\"0.01000000\",\"1618678133.924027\"]],\"c\":\"2628179034\"},"
                + "\"book-1000\",\"XBT/CHF\"]").get(0);
        assertEquals(EventType.BOOK_DELTA, u.type);
        assertEquals(2_628_179_034L, u.checksum, "unsigned 32-bit");
        assertEquals(1, u.askPrices.length);
        assertEquals(0, u.bidPrices.length);
        assertEquals(m("56872.7"), u.askPrices[0]);
        assertEquals(1_618_678_133_924L, u.exchangeTimeMs);
        assertEquals(1_618_678_134_213_106_000L, u.lastUpdateId, "no sequence: the receive time stands in");
        assertEquals(MarketEvent.NONE, u.firstUpdateId);
        assertEquals(1_618_678_134_213_106_000L, s.lastUpdateId);

        // the one frame of the capture with asks and bids in two objects; c in the second
        String two = line("KRAKEN.ws.50.0", Pattern.compile("^\\[1920,\\{\"a\":[^}]*\\]\\},\\{\"b\""));
        assertEquals("[1920,{\"a\":[[\"0.042990\",\"364630.28272081\",\"1618678145.920470\"]]},{\"b\":[[\"0.042990\","
                + "\"0.00000000\",\"1618678145.920708\"]],\"c\":\"4105471083\"},\"book-1000\",\"SC/EUR\"]", two);
        MarketEvent d = CAPTURED.decode(two).get(0);
        assertEquals(m("0.04299"), d.askPrices[0]);
        assertEquals(m("364630.28272081"), d.askSizes[0]);
        assertEquals(m("0.04299"), d.bidPrices[0]);
        assertEquals(0L, d.bidSizes[0], "volume 0 removes the bid");
        assertFields(d, "checksum", 4_105_471_083L, "priceDecimals", 6, "exchangeTimeMs", 1_618_678_145_920L);

        MarketEvent r = CAPTURED.decode("[1,{\"b\":[[\"5541.20000\",\"1.52900000\",\"1534614248.765567\",\"r\"]],\"c\":\"974942666\"},"
                + "\"book-10\",\"XBT/USD\"]").get(0);
        assertEquals(m("5541.2"), r.bidPrices[0], "republished level");
        assertEquals("BTC-USD", r.symbol);
    }

    @Test
    void spreadAndIgnoredFrames() throws Exception {
        MarketEvent s = CAPTURED.decode("[0,[\"5698.40000\",\"5700.00000\",\"1542057299.545897\",\"1.01234567\",\"0.98765432\"],"
                + "\"spread\",\"XBT/USD\"]").get(0);
        assertEquals(EventType.BBO, s.type);
        assertEquals(m("5698.4"), s.bidPrices[0]);
        assertEquals(m("5700"), s.askPrices[0]);
        assertEquals(m("1.01234567"), s.bidSizes[0]);
        assertEquals(m("0.98765432"), s.askSizes[0]);
        assertEquals(1_542_057_299_545L, s.exchangeTimeMs);
        for (String ignored : List.of("{\"event\":\"heartbeat\"}",
                "{\"connectionID\":1,\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.8.3\"}",
                "{\"channelID\":1665,\"channelName\":\"trade\",\"event\":\"subscriptionStatus\",\"pair\":\"WAVES/EUR\","
                        + "\"status\":\"subscribed\",\"subscription\":{\"name\":\"trade\"}}",
                "{\"event\":\"pong\",\"reqid\":42}",
                "[42,[\"1542057314.000000\",\"1542057360.435743\",\"3586.70000\",\"3586.70000\",\"3586.60000\","
                        + "\"3586.60000\",\"3586.68894\",\"0.03373000\",2],\"ohlc-5\",\"XBT/USD\"]")) {
            assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(ignored), e -> {
                throw new AssertionError("no event expected");
            }), ignored);
        }
    }

    @Test
    void partitionKeys() {
        assertEquals("XBT/CHF", key("[464,{\"a\":[[\"1.0\",\"1.0\",\"1.0\"]],\"c\":\"1\"},\"book-1000\",\"XBT/CHF\"]"));
        assertEquals("XBT/CHF", key("[464,{\"a\":[]},\"book-1000\",\"XBT/CHF\"] \n"));
        assertEquals("WAVES/EUR", key("{\"channelID\":1665,\"event\":\"subscriptionStatus\",\"pair\":\"WAVES/EUR\"}"));
        assertNull(key("{\"event\":\"heartbeat\"}"));
        assertNull(key("[1,2]"));
    }

    private static String key(String s) {
        return ADAPTER.partitionKey(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void checksumRebuildsTheVenueStrings() {
        // each value as the venue's string without point and leading zeros, in the frame's digits
        StringBuilder b = new StringBuilder();
        KrakenChecksum.append(b, m("0.000022900"), 9);
        KrakenChecksum.append(b, m("13355.87450757"), 8);
        KrakenChecksum.append(b, m("56218.3"), 5);
        KrakenChecksum.append(b, m("0.15"), 8);
        KrakenChecksum.append(b, m("0.04299"), 5);
        KrakenChecksum.append(b, m("364630.28272081"), 8);
        assertEquals("22900" + "1335587450757" + "5621830000" + "15000000" + "4299" + "36463028272081", b.toString());
        StringBuilder shortest = new StringBuilder();
        KrakenChecksum.append(shortest, m("0.000022900"), -1);
        assertEquals("229", shortest.toString(), "unknown digits: the shortest exact form");
        // independent: the CRC32 of the literal recipe string, asks first then bids, each best first
        CRC32 c2 = new CRC32();
        c2.update(("5621830000" + "15000000" + "5621840000" + "2970000" + "5611900000" + "14375128")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(c2.getValue(), new KrakenChecksum().compute(
                new long[] {m("56119.0")}, new long[] {m("0.14375128")},
                new long[] {m("56218.3"), m("56218.4")}, new long[] {m("0.15"), m("0.0297")}, 5, 8));
        assertEquals(10, new KrakenChecksum().depth());
    }

    @Test
    void catalogFromTheRecordedAssetPairs() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("KRAKEN.0"), ADAPTER);
        List<String> finer = new ArrayList<>();
        for (String pair : PAIRS) {
            Instrument i = c.byNative(pair).orElseThrow(() -> new AssertionError(pair + " not in the catalog"));
            assertEquals(Instrument.Kind.SPOT, i.kind());
            assertEquals(i.symbol(), KrakenSymbols.normalize(pair), "decoder and catalog agree on " + pair);
            assertTrue(i.fitsScale(), pair);
        }
        Instrument xbtchf = c.byNative("XBT/CHF").orElseThrow();
        assertEquals("BTC-CHF", xbtchf.symbol());
        assertEquals("BTC", xbtchf.base());
        assertEquals("CHF", xbtchf.quote());
        assertEquals(new BigDecimal("0.1"), xbtchf.tickSize());
        assertEquals(new BigDecimal("1E-8"), xbtchf.lotSize());
        assertEquals("XMR-USD", c.byNative("XMR/USD").orElseThrow().symbol());
        assertEquals("DOGE-USD", c.byNative("XDG/USD").orElseThrow().symbol());
        for (Instrument i : c.all()) {
            assertTrue(i.symbol().matches("[A-Z0-9.]+-[A-Z0-9]+"), i.symbol());
            if (!i.fitsScale()) {
                finer.add(i.nativeSymbol() + "(" + i.tickSize().toPlainString() + ")");
            }
        }
        // ticks of 1e-9 / 1e-10: beyond the 8-decimal mantissas. A frame of these pairs whose price
        // uses the extra digits is a dead letter (Decimals.parse never rounds); none is in the capture.
        assertEquals(List.of("LSK/XBT(0.000000001)", "NANO/XBT(0.000000001)", "OMG/XBT(0.000000001)",
                "SC/XBT(0.0000000001)", "STORJ/XBT(0.000000001)", "TRX/XBT(0.0000000001)"),
                finer.stream().sorted().toList(), "pairs whose tick does not fit the scale");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"foo\":1}| missing field 'event'",
        "{\"event\":\"error\",\"errorMessage\":\"Malformed request\"}| venue error message: Malformed request",
        "{\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\",\"pair\":\"XBT/EUR\",\"status\":\"error\",\"errorMessage\":\"Currency pair not supported\"}| subscription failed: Currency pair not supported",
        "[464,{\"a\":[]},\"book-1000\"]| must be [channelID, payload, channelName, pair]",
        "[\"x\",{\"a\":[]},\"book-1000\",\"XBT/CHF\"]| field 'channelID' must be an integer",
        "[464,{\"a\":[]},\"book-x\",\"XBT/CHF\"]| must be book-N",
        "[464,{\"a\":[]},\"book-10\",\"XBTCHF\"]| unknown symbol 'XBTCHF'",
        "[464,{\"a\":[]},\"book-10\",7]| field 'pair' must be a string",
        "[464,{\"x\":[]},\"book-10\",\"XBT/CHF\"]| neither 'a' nor 'b'",
        "[464,{\"as\":[]},\"book-10\",\"XBT/CHF\"]| missing field 'bs'",
        "[464,{\"a\":[[\"1.0\",\"2.0\"]]},\"book-10\",\"XBT/CHF\"]| field 'a[0]' must be a [price, volume, timestamp",
        "[464,{\"a\":[[\"1.0\",\"2.0\",\"1.5\",\"x\"]]},\"book-10\",\"XBT/CHF\"]| republish flag",
        "[464,{\"a\":[[1.0,\"2.0\",\"1.5\"]]},\"book-10\",\"XBT/CHF\"]| field 'a[0].price' must be a decimal string",
        "[464,{\"a\":[[\"1.0\",\"-2.0\",\"1.5\"]]},\"book-10\",\"XBT/CHF\"]| negative volume",
        "[464,{\"a\":[[\"1.0\",\"2.0\",\"soon\"]]},\"book-10\",\"XBT/CHF\"]| field 'a[0].timestamp' is not a time in seconds",
        "[464,{\"a\":[[\"1.0\",\"2.0\",\"1.5\"]],\"c\":\"-5\"},\"book-10\",\"XBT/CHF\"]| field 'c' is not an unsigned 32-bit checksum",
        "[464,{\"a\":[[\"1.0\",\"2.0\",\"1.5\"]],\"c\":\"4294967296\"},\"book-10\",\"XBT/CHF\"]| field 'c' is not an unsigned 32-bit checksum",
        "[464,{\"a\":[[\"1.0\",\"2.0\",\"1.5\"]],\"c\":123},\"book-10\",\"XBT/CHF\"]| field 'c' must be a checksum string",
        "[993,[[\"354.1\",\"0.8\",\"1618678142.557535\",\"x\",\"l\",\"\"]],\"trade\",\"XMR/USD\"]| field 'trade[0].side' must be b or s",
        "[993,[[\"354.1\",\"0.8\",\"1618678142.557535\"]],\"trade\",\"XMR/USD\"]| field 'trade[0]' must be [price, volume, time, side",
        "[993,[],\"trade\",\"XMR/USD\"]| non-empty array of trades",
        "[993,[[\"0\",\"0.8\",\"1618678142.557535\",\"b\",\"l\",\"\"]],\"trade\",\"XMR/USD\"]| non-positive price",
        "[996,{\"a\":[\"355.24\",27,\"27.19\"]},\"ticker\",\"XMR/USD\"]| missing field 'b'",
        "[996,[\"1\",\"2\"],\"spread\",\"XMR/USD\"]| spread payload must be",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }
}
