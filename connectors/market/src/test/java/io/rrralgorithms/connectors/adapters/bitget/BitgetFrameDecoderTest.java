package io.rrralgorithms.connectors.adapters.bitget;

import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Bitget (spot {@code BITGET.ws.1.0} and perpetuals {@code ws.2.0} as the one feed) beyond its contract
 * entry, {@code bitget.cases} and table rows: the perpetual tickers' derivatives against the raw entries,
 * spot and perpetual sharing an instId, the checksum's strings and the live spec.
 */
public class BitgetFrameDecoderTest {

    /** Symbols by the rule, session times, receive-time ids and the frame's digits on books, no trade ids. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws Exception {
        assertEquals(BitgetSymbols.normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs < receiveMs + 1_000L, ev.toString());
        switch (ev.type) {
            case BOOK_SNAPSHOT, BOOK_DELTA -> {
                assertEquals(f.receiveTimeNs, ev.lastUpdateId, "receive time as update id");
                assertTrue(ev.priceDecimals >= 0 && ev.checksum != MarketEvent.NO_CHECKSUM, ev.toString());
                if (ev.type == EventType.BOOK_SNAPSHOT) {
                    assertTrue(ev.sizeDecimals >= 0, ev.toString());
                }
            }
            case TRADE -> {
                assertEquals(MarketEvent.NONE, ev.tradeId, "Bitget v1 sends no trade id");
                d.count("taker " + (ev.takerBuy ? "buy" : "sell"), 1);
            }
            case DERIVATIVES -> {
                assertTrue(ev.nativeSymbol.endsWith("MCBL"), "only perpetuals: " + ev);
                d.count("derivatives", 1);
            }
            default -> assertEquals(EventType.BBO, ev.type);
        }
    }

    /** The taker sides as the raw lines say; spot and perpetual DASH apart. */
    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(raw.fact("taker buy"), d.fact("taker buy"));
        assertEquals(raw.fact("taker sell"), d.fact("taker sell"));
        assertEquals(raw.fact("derivatives"), d.fact("derivatives"));
        assertEquals("DASH-USDT-PERP", d.symbols.get("DASHUSDT_UMCBL"));
        assertEquals("UNI-USDT-PERP", d.symbols.get("UNIUSDT_UMCBL"));
        assertEquals(List.of(), d.errors);
    }

    /** A ticker of a native symbol, for the catalog check of the decoder's normalization. */
    public static String tickerFrame(String nativeSymbol) {
        boolean spot = nativeSymbol.endsWith(BitgetSymbols.SPOT);
        return "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"" + (spot ? "sp" : "mc") + "\",\"channel\":\"ticker\","
                + "\"instId\":\"" + BitgetSymbols.instId(nativeSymbol) + "\"},\"data\":[{\"bestBid\":\"1\",\"bestAsk\":\"2\","
                + "\"ts\":1649290076193,\"systemTime\":1649290076193}]}";
    }

    /**
     * Every perpetual ticker entry of the mix capture is one DERIVATIVES event whose mark, index,
     * funding rate, next funding time and open interest equal the entry's own strings exactly; read
     * here with Jackson and BigDecimal, not with the decoder.
     */
    @Test
    void perpetualTickersAreDerivativesExactAsSent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<List<Object>> expected = new ArrayList<>();
        List<List<Object>> decoded = new ArrayList<>();
        for (String payload : CaptureLines.payloads(SharedData.cryptofeed("BITGET.ws.2.0"))) {
            JsonNode j = json.readTree(payload);
            if (j.path("arg").path("channel").asText().equals("ticker") && j.has("data")) {
                for (JsonNode t : j.get("data")) {
                    expected.add(List.of(t.get("instId").asText() + "_UMCBL", new BigDecimal(t.get("markPrice").asText()),
                            new BigDecimal(t.get("indexPrice").asText()), new BigDecimal(t.get("capitalRate").asText()),
                            t.get("nextSettleTime").asLong(), new BigDecimal(t.get("holding").asText()),
                            t.get("systemTime").asLong()));
                }
            }
            for (MarketEvent ev : Frames.decode(BitgetVenue.VENUE, payload, 1L)) {
                if (ev.type == EventType.DERIVATIVES) {
                    assertEquals(MarketEvent.MARK_PRICE | MarketEvent.INDEX_PRICE | MarketEvent.FUNDING_RATE
                            | MarketEvent.NEXT_FUNDING_TIME | MarketEvent.OPEN_INTEREST, ev.derivativeFields, ev.toString());
                    decoded.add(List.of(ev.nativeSymbol, Decimals.toBigDecimal(ev.markPrice, ev.priceScale),
                            Decimals.toBigDecimal(ev.indexPrice, ev.priceScale),
                            Decimals.toBigDecimal(ev.fundingRate, ev.priceScale), ev.nextFundingTimeMs,
                            Decimals.toBigDecimal(ev.openInterest, ev.sizeScale), ev.exchangeTimeMs));
                }
            }
        }
        assertEquals(217, expected.size(), "perpetual ticker entries in BITGET.ws.2.0");
        assertEquals(expected.size(), decoded.size());
        for (int i = 0; i < expected.size(); i++) {
            List<Object> want = expected.get(i);
            List<Object> got = decoded.get(i);
            for (int f = 0; f < want.size(); f++) {
                Object w = want.get(f);
                Object g = got.get(f);
                boolean same = w instanceof BigDecimal wd ? wd.compareTo((BigDecimal) g) == 0 : w.equals(g);
                assertTrue(same, "entry " + i + " field " + f + ": " + w + " vs " + g);
            }
        }
        assertTrue(expected.stream().anyMatch(e -> ((BigDecimal) e.get(3)).signum() < 0), "negative funding rates kept");
    }

    @Test
    void spotAndPerpetualOfOneInstIdAreTwoInstruments() throws Exception {
        assertEquals("BTCUSDT_SPBL", BitgetSymbols.ofArg("sp", "BTCUSDT"));
        assertEquals("BTCUSDT_UMCBL", BitgetSymbols.ofArg("mc", "BTCUSDT"));
        assertEquals("BTCUSD_DMCBL", BitgetSymbols.ofArg("MC", "BTCUSD"));
        assertNull(BitgetSymbols.ofArg("mc", "BTCPERP"), "a USDC-margined perpetual (listed since): not read");
        assertNull(BitgetSymbols.ofArg("umcbl", "BTCUSDT_UMCBL"), "a private channel's instType");
        assertEquals("BTCUSDT_SPBL", BitgetVenue.partitionKey(Frames.utf8(tickerFrame("BTCUSDT_SPBL"))));
        assertEquals("BTCUSDT_UMCBL", BitgetVenue.partitionKey(Frames.utf8(tickerFrame("BTCUSDT_UMCBL"))));
    }

    /** The venue's strings rebuilt from mantissas and digits: fixed decimals, trailing zeros kept. */
    @Test
    void checksumStringsAreTheVenuesFixedDecimals() {
        assertEquals("2.4400", BitgetChecksum.format(m("2.44"), 4));
        assertEquals("0.00003530", BitgetChecksum.format(m("0.0000353"), 8));
        assertEquals("145214", BitgetChecksum.format(m("145214"), 0));
        assertEquals("100", BitgetChecksum.format(m("100"), 0));
        assertEquals("2.44", BitgetChecksum.format(m("2.44"), -1));
        assertEquals("2.445", BitgetChecksum.format(m("2.445"), 2), "finer than the format: digits kept, the checksum disagrees");
        // two levels a side as a frame writes them: bid1:bid1sz:ask1:ask1sz:bid2:bid2sz:ask2:ask2sz
        String s = "2.4399:10.0000:2.4400:195.6669:2.4390:1.5000:2.4409:1209.0600";
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.US_ASCII));
        long computed = new BitgetChecksum().compute(new long[] {m("2.4399"), m("2.439")}, new long[] {m("10"), m("1.5")},
                new long[] {m("2.44"), m("2.4409")}, new long[] {m("195.6669"), m("1209.06")}, 4, 4);
        assertEquals((int) crc.getValue(), computed);
    }

    @Test
    void liveSpecIsTheSpotStreamOfApiV1() {
        LiveVenue v = Venues.liveForFeed("bitget");
        assertEquals("wss://ws.bitget.com/spot/v1/stream", v.defaultEndpoint());
        assertEquals("EOSUSDT_SPBL", v.nativeSymbol("eos-usdt"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("DASH-USDT-PERP"), "mix is another endpoint");
        List<LiveStream> streams = v.streams("EOSUSDT_SPBL", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(List.of("trade:EOSUSDT", "books:EOSUSDT", "ticker:EOSUSDT"), streams.stream().map(LiveStream::name).toList());
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SP\",\"channel\":\"trade\",\"instId\":\"EOSUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"books\",\"instId\":\"EOSUSDT\"},"
                + "{\"instType\":\"SP\",\"channel\":\"ticker\",\"instId\":\"EOSUSDT\"}]}", v.subscribeMessage(streams, 1));
        assertEquals("ping", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(20), v.heartbeatInterval());
        // real frames of the Bitget capture (BITGET.ws.1.0)
        byte[] trade = Frames.utf8("{\"action\":\"update\",\"arg\":{\"instType\":\"sp\",\"channel\":\"trade\","
                + "\"instId\":\"HOTUSDT\"},\"data\":[[\"1649290077777\",\"0.005613\",\"890.8\",\"buy\"]]}");
        assertEquals("trade:HOTUSDT", v.streamOf(trade));
        assertEquals("HOTUSDT_SPBL", v.partitionKey(trade));
        assertNull(v.streamOf(Frames.utf8("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"sp\",\"channel\":\"books\","
                + "\"instId\":\"CULTUSDT\"}}")));
        assertNull(v.streamOf(Frames.utf8("pong")));
        String error = "{\"event\":\"error\",\"code\":30001,\"msg\":\"instType:SP,channel:books,instId:X doesn't exist\"}";
        assertEquals(error, v.errorOf(Frames.utf8(error)));
        assertEquals(50, v.limits().maxStreamsPerConnection());
    }
}
