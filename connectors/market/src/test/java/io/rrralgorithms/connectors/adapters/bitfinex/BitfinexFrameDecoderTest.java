package io.rrralgorithms.connectors.adapters.bitfinex;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bitfinex decoder over the real capture {@code BITFINEX.ws.11.0} (WS v2, 7 trading pairs, book
 * P0/100, trades, ticker, flag SEQ_ALL; 2021-04-17). The standard checks are the contract's
 * ({@code DecoderCases}, oracle {@link BitfinexOracle}); here exact fields of real frames, the
 * connection keyer, the checksum and the instrument catalog's own facts.
 */
public class BitfinexFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("bitfinex");

    private static RawFrame frame(String key, String json) {
        return new RawFrame("bitfinex", key, FrameKind.WS, 1_618_677_545_784_374_000L, json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<MarketEvent> decode(String key, String json) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(frame(key, json), out::add);
        return out;
    }

    /** SEQ_ALL: every event numbered. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertTrue(ev.lastUpdateId > 0, "SEQ_ALL: every frame numbered");
    }

    @Test
    void realFramesAreExact() throws Exception {
        // DOGUSD book (chanId 225206): a bid deletion and an ask update
        MarketEvent del = decode("tDOGUSD", "[225206,[215350,0,1],18]").get(0);
        assertFields(del, "type", EventType.BOOK_DELTA, "symbol", "DOG-USD", "lastUpdateId", 18L,
                "bidPrices", new long[] {m("215350")}, "bidSizes", new long[] {0L});
        assertEquals(0, del.askPrices.length);
        MarketEvent ask = decode("tDOGUSD", "[225206,[283510,1,-0.00426663],27]").get(0);
        assertArrayEquals(new long[] {m("283510")}, ask.askPrices);
        assertArrayEquals(new long[] {426_663L}, ask.askSizes);
        assertEquals(0, ask.bidPrices.length);
        assertEquals(27L, ask.firstUpdateId);
        // ODEUSD: a price written 2e-8, and an ask deletion
        MarketEvent tiny = decode("tODEUSD", "[204928,[2e-8,0,1],50]").get(0);
        assertArrayEquals(new long[] {2L}, tiny.bidPrices);
        MarketEvent askDel = decode("tODEUSD", "[204928,[0.036606,0,-1],74]").get(0);
        assertArrayEquals(new long[] {m("0.036606")}, askDel.askPrices);
        assertArrayEquals(new long[] {0L}, askDel.askSizes);
        // the DOGUSD ticker: sizes sent as doubles 1.7023900800000002 and 2.2626931299999997
        MarketEvent bbo = decode("tDOGUSD",
                "[232950,[278200,1.7023900800000002,282030,2.2626931299999997,-66440,-0.1903,282780,32.20946748,402510,231840],3]").get(0);
        assertFields(bbo, "type", EventType.BBO, "bidPrices", new long[] {m("278200")},
                "bidSizes", new long[] {m("1.70239008")}, "askPrices", new long[] {m("282030")},
                "askSizes", new long[] {m("2.26269313")}, "lastUpdateId", 3L);
        assertEquals(0L, bbo.exchangeTimeMs, "no TIMESTAMP flag: book and ticker frames carry no time");
        // 1171677.5533110797: the rounding (3e-10) is within the double's ulps at 1.17e6 (2.3e-10 each)
        assertEquals(m("1171677.55331108"), decode("tODEUSD",
                "[232951,[0.02057,1171677.5533110797,0.02089,1768535.89216476,-0.00043,-0.0202,0.02089,316742.24795523,0.021766,0.020552],5]")
                .get(0).bidSizes[0]);

        // the TESTBTC:TESTUSD book snapshot, the first frame of chanId 232957, against its own text
        String snap = null;
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("BITFINEX.ws.11.0"))) {
            if (p.startsWith("[232957,[[")) {
                snap = p;
                break;
            }
        }
        MarketEvent s = decode("tTESTBTC:TESTUSD", snap).get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, s.type);
        assertEquals("TESTBTC-TESTUSD", s.symbol);
        JsonNode rows = JSON.readTree(snap).get(1);
        int bids = 0, asks = 0;
        for (JsonNode r : rows) {
            long price = m(r.get(0).asText());
            long amount = m(r.get(2).decimalValue().toPlainString());
            if (amount > 0) {
                assertEquals(price, s.bidPrices[bids]);
                assertEquals(amount, s.bidSizes[bids++]);
            } else {
                assertEquals(price, s.askPrices[asks]);
                assertEquals(-amount, s.askSizes[asks++]);
            }
        }
        assertEquals(100, bids);
        assertEquals(100, asks);
        assertEquals(m("60400"), s.bidPrices[0]);
        assertEquals(m("0.68826974"), s.bidSizes[0]);
        assertEquals(JSON.readTree(snap).get(2).asLong(), s.lastUpdateId);
    }

    @Test
    void handWrittenTradesChecksumsAndIgnoredFrames() throws Exception {
        MarketEvent buy = decode("tBTCUSD", "[17470,\"te\",[401597395,1574694478808,0.005,7245.3],1020]").get(0);
        assertFields(buy, "type", EventType.TRADE, "symbol", "BTC-USD", "tradeId", 401597395L,
                "exchangeTimeMs", 1574694478808L, "size", 500_000L, "price", m("7245.3"));
        assertTrue(buy.takerBuy, "amount > 0: the taker bought");
        MarketEvent sell = decode("tBTCUST", "[17470,\"te\",[401597396,1574694478808,-0.0001,7245.2]]").get(0);
        assertFalse(sell.takerBuy);
        assertEquals(10_000L, sell.size);
        assertEquals("BTC-USDT", sell.symbol, "UST is Bitfinex's code of Tether");
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(
                frame("tBTCUSD", "[17470,\"tu\",[401597395,1574694478808,0.005,7245.3],1021]"), e -> { }),
                "tu repeats the te of the same trade");
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(
                frame("tBTCUSD", "[17470,[[401597393,1574694475039,0.005,7244.9]],1]"), e -> { }), "trades snapshot");
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(frame(null, "[232954,\"hb\",139]"), e -> { }),
                "a heartbeat before its channel's ack has no key and is still a heartbeat");
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(frame("tBTCUSD", "[17470,[],2]"), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(
                frame(null, "{\"event\":\"info\",\"code\":20051,\"msg\":\"Stopping. Please try to reconnect\"}"), e -> { }));

        MarketEvent cs = decode("tBTCUSD", "[17470,\"cs\",-1220188981,1022]").get(0);
        assertFields(cs, "type", EventType.BOOK_DELTA, "checksum", -1220188981L, "lastUpdateId", 1022L);
        assertEquals(0, cs.bidPrices.length + cs.askPrices.length, "a checksum changes no level");
        assertEquals(MarketEvent.NONE, decode("tBTCUSD", "[17470,[7254.7,3,3.3]]").get(0).lastUpdateId,
                "without SEQ_ALL no number");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"chanId\":1}| missing field 'event'",
        "{\"event\":\"error\",\"msg\":\"symbol: invalid\",\"code\":10300}| venue error message: symbol: invalid (code 10300)",
        "[\"x\",[7254.7,3,3.3],1]| (chanId) must be an integer",
        "[17470,\"zz\",1]| unknown message label 'zz'",
        "[17470,\"fte\",[1,2,3,4,5]]| funding channels are not decoded",
        "[17470,{},1]| must be an array or a message label",
        "[17470,[7254.7,3,3.3],1,1618677545000]| not the TIMESTAMP flag",
        "[17470,[7254.7,3,3.3],-4]| (sequence) must be a non-negative integer",
        "[17470,[7254.7,3],1]| neither a book update (3) nor a trading ticker (10)",
        "[17470,[[1,2,3,4,5]],1]| snapshot rows of 5 fields",
        "[17470,[[7254.7,0,3.3]],1]| is not a level",
        "[17470,[7254.7,0,2],1]| deletion (count 0) must be 1 or -1",
        "[17470,[7254.7,2,0],1]| book update with count 2 and amount 0",
        "[17470,[\"7254.7\",2,1],1]| field '[1].price' must be a number, got STRING",
        "[17470,[-7254.7,2,1],1]| field '[1].price' must be positive",
        "[17470,[7254.7,2,0.000000001],1]| not an exact decimal: more than 8 fractional digits",
        "[17470,[7254.7,1.5,1],1]| field '[1].count' must be an integer",
        "[17470,[1,0.123456789,1,1,0,0,1,1,1,1],1]| not an 8-decimal size up to double noise",
        "[17470,\"te\",[1,2,3],1]| must be [id, mts, amount, price]",
        "[17470,\"te\",[1,2,0,3],1]| trade with amount 0",
        "[17470,\"cs\",4294967296,1]| signed 32-bit integer",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode("tBTCUSD", json));
        assertTrue(e.getMessage().contains(reason.strip()), "'" + e.getMessage() + "' should name: " + reason);
    }

    @Test
    void framesWithoutAKeyOrOfFundingAreDeadLetters() {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(null, "[17470,[7254.7,3,3.3],5]"));
        assertTrue(e.getMessage().contains("without a symbol key"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> decode("fUSD", "[17470,[0.0002,2,1,-100],5]"));
        assertTrue(e.getMessage().contains("neither a book update"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> decode("fUSD", "[17470,[0.0002,2,1],5]"));
        assertTrue(e.getMessage().contains("funding channels are not decoded"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> decode("tBTCUS", "[17470,[7254.7,3,3.3],5]"));
        assertTrue(e.getMessage().contains("unknown Bitfinex pair"), e.getMessage());
    }

    @Test
    void connectionKeyerLearnsChannelsFromTheAcks() {
        ConnectionKeyer k = ADAPTER.connectionKeyer();
        assertTrue(k != ADAPTER.connectionKeyer(), "one keyer per connection");
        assertNull(k.key(b("[232954,\"hb\",139]")), "before the ack");
        assertEquals("tBFTUSD", k.key(b("{\"event\":\"subscribed\",\"channel\":\"book\",\"chanId\":232954,\"symbol\":\"tBFTUSD\","
                + "\"prec\":\"P0\",\"freq\":\"F0\",\"len\":\"100\",\"pair\":\"BFTUSD\"}")));
        assertEquals("tBFTUSD", k.key(b("[232954,\"hb\",1096]")));
        assertEquals("tBFTUSD", k.key(b("[232954,[0.068965,3,6098.17017201],600]")));
        assertEquals("tBTCUSD", k.key(b("{\"event\":\"subscribed\",\"channel\":\"book\",\"chanId\":9,\"symbol\":\"tBTCUSD\","
                + "\"prec\":\"R0\",\"len\":\"25\"}")));
        assertNull(k.key(b("[9,[8537681660,136.39,8.688],7]")), "raw books are not decoded: no key");
        k.key(b("{\"event\":\"subscribed\",\"channel\":\"candles\",\"chanId\":10,\"key\":\"trade:1m:tBTCUSD\"}"));
        assertNull(k.key(b("[10,[1574698260000,7379.7,7379.7,7379.7,7379.7,0.00660825],8]")));
        k.key(b("{\"event\":\"subscribed\",\"channel\":\"book\",\"chanId\":11,\"symbol\":\"fUSD\",\"prec\":\"P0\"}"));
        assertNull(k.key(b("[11,[0.0002,2,1,-100],9]")), "funding: no key");
        assertEquals("tBFTUSD", k.key(b("{\"event\":\"unsubscribed\",\"status\":\"OK\",\"chanId\":232954}")));
        assertNull(k.key(b("[232954,\"hb\",1200]")), "forgotten after unsubscribed");
        assertNull(k.key(b("{\"event\":\"info\",\"version\":2}")));
        assertEquals("tBFTUSD", ADAPTER.partitionKey(b("{\"event\":\"subscribed\",\"symbol\":\"tBFTUSD\"}")));
        assertNull(ADAPTER.partitionKey(b("[232954,\"hb\",1096]")), "a single data frame cannot be keyed");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void checksumFormatsNumbersAsTheVenueDoes() throws Exception {
        assertEquals("60400", BitfinexChecksum.jsNumber(m("60400")));
        assertEquals("0.0010262", BitfinexChecksum.jsNumber(m("0.0010262")));
        assertEquals("0.000001", BitfinexChecksum.jsNumber(m("0.000001")));
        assertEquals("9.1e-7", BitfinexChecksum.jsNumber(m("0.00000091")));
        assertEquals("2e-8", BitfinexChecksum.jsNumber(2L));
        assertEquals("-1.1e-7", BitfinexChecksum.jsNumber(-11L));
        assertEquals("-0.00426663", BitfinexChecksum.jsNumber(-426_663L));

        // hand-built: bids 0.0000002 x 5, 1.1e-7 x 0.5; ask 0.00000025 x 3 — the venue's text of each
        String text = "2e-7:5:2.5e-7:-3:1.1e-7:0.5";
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        assertEquals((long) (int) crc.getValue(), new BitfinexChecksum().compute(new long[] {20, 11},
                new long[] {m("5"), m("0.5")}, new long[] {25}, new long[] {m("3")}, -1, -1));

        // every real book snapshot: the CRC of its top 25 built from the frame's own number text
        Map<Long, String> bookChannels = new HashMap<>();
        int checked = 0;
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("BITFINEX.ws.11.0"))) {
            JsonNode j = JSON.readTree(p);
            if (j.isObject() && "book".equals(j.path("channel").asText())) {
                bookChannels.put(j.get("chanId").asLong(), j.get("symbol").asText());
            }
            if (!j.isArray() || !j.get(1).isArray() || !j.get(1).get(0).isArray()
                    || !bookChannels.containsKey(j.get(0).asLong())) {
                continue;
            }
            Matcher rows = Pattern.compile("\\[([^\\[\\],]+),([^\\[\\],]+),([^\\[\\],]+)\\]").matcher(p);
            List<String[]> bids = new ArrayList<>();
            List<String[]> asks = new ArrayList<>();
            while (rows.find()) {
                (rows.group(3).startsWith("-") ? asks : bids).add(new String[] {rows.group(1), rows.group(3)});
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 25; i++) {
                if (i < bids.size()) {
                    s.append(s.length() == 0 ? "" : ":").append(bids.get(i)[0]).append(':').append(bids.get(i)[1]);
                }
                if (i < asks.size()) {
                    s.append(s.length() == 0 ? "" : ":").append(asks.get(i)[0]).append(':').append(asks.get(i)[1]);
                }
            }
            CRC32 c = new CRC32();
            c.update(s.toString().getBytes(StandardCharsets.US_ASCII));
            MarketEvent snap = decode(bookChannels.get(j.get(0).asLong()), p).get(0);
            int nb = Math.min(25, snap.bidPrices.length), na = Math.min(25, snap.askPrices.length);
            assertEquals((long) (int) c.getValue(), new BitfinexChecksum().compute(
                    Arrays.copyOf(snap.bidPrices, nb), Arrays.copyOf(snap.bidSizes, nb),
                    Arrays.copyOf(snap.askPrices, na), Arrays.copyOf(snap.askSizes, na), -1, -1),
                    "checksum of the snapshot " + p.substring(0, 40));
            checked++;
        }
        assertEquals(7, checked);
    }

    @Test
    void catalogHoldsEveryCapturedSymbolWithTheDecodersNormalization() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("BITFINEX.0"), ADAPTER);
        long spot = c.all().stream().filter(i -> i.kind() == Instrument.Kind.SPOT).count();
        long perp = c.all().stream().filter(i -> i.kind() == Instrument.Kind.PERPETUAL).count();
        assertEquals(c.size(), spot + perp);
        assertTrue(spot > 250 && perp > 30, spot + " spot, " + perp + " perpetual");
        assertEquals("BTC-USDT-PERP", c.byNative("tBTCF0:USTF0").orElseThrow().symbol());
        assertEquals("TESTBTC-TESTUSDT-PERP", c.byNative("tTESTBTCF0:TESTUSDTF0").orElseThrow().symbol());
        assertEquals("BTC-USDT", c.byNative("tBTCUST").orElseThrow().symbol());
        assertEquals("DOG-USD", c.byNative("tDOGUSD").orElseThrow().symbol(), "DOG is not DOGE (see BitfinexSymbols)");
        for (Instrument i : c.all()) {
            assertTrue(i.fitsScale(), i.toString());
            assertEquals(8, i.sizeDecimals(), "amounts have 8 decimals");
            assertNull(i.tickSize(), "prices have 5 significant digits, no fixed tick");
            if (i.kind() == Instrument.Kind.SPOT) {
                assertEquals(i.symbol(), BitfinexSymbols.normalize(i.nativeSymbol()), i.nativeSymbol());
            }
        }
    }
}
