package io.rrralgorithms.connectors.adapters.krakenfutures;

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
import io.rrralgorithms.connectors.adapters.RawCounts;
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
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kraken Futures decoder over the real cryptofeed capture {@code KRAKEN_FUTURES.ws.1.0}
 * (2021-07-22, book + trade + ticker_lite of 10 inverse contracts), counts computed independently
 * from the raw lines with Jackson, exact field checks on real frames, the instrument catalog from
 * the recorded {@code /derivatives/api/v3/instruments}, and malformed frames.
 */
public class KrakenFuturesFrameDecoderTest {
    private static final Pattern RECEIVED = CaptureLines.RECEIVED;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("kraken-futures");
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_626_994_928_037_677_000L);
    private static final Set<String> PRODUCTS = Set.of("FI_ETHUSD_211231", "PI_XRPUSD", "PI_LTCUSD", "FI_BCHUSD_210730",
            "PI_ETHUSD", "FI_XBTUSD_210924", "FI_ETHUSD_210730", "FI_BCHUSD_210924", "FI_XRPUSD_210924", "FI_XBTUSD_210730");

    private static List<String> received() throws Exception {
        return CaptureLines.payloads(SharedData.cryptofeed("KRAKEN_FUTURES.ws.1.0"));
    }

    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertTrue(PRODUCTS.contains(ev.nativeSymbol), ev.nativeSymbol);
        if (ev.type != EventType.BBO) {
            assertTrue(ev.exchangeTimeMs > 1_626_994_000_000L, ev.toString());
        }
        if (ev.type == EventType.BOOK_DELTA) {
            assertEquals(ev.firstUpdateId, ev.lastUpdateId);
            assertEquals(1, ev.bidPrices.length + ev.askPrices.length, "one level per book frame");
        }
    }

    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(Set.of("BCH-USD-210730", "BCH-USD-210924", "BTC-USD-210730", "BTC-USD-210924", "ETH-USD-210730",
                "ETH-USD-211231", "ETH-USD-PERP", "LTC-USD-PERP", "XRP-USD-210924", "XRP-USD-PERP"),
                Set.copyOf(d.symbols.values()));
    }

    @Test
    void realFramesAreExact() throws Exception {
        String trade = "{\"feed\":\"trade\",\"product_id\":\"PI_LTCUSD\",\"uid\":\"e2429e31-8b9d-4195-900e-fd42be2dec89\","
                + "\"side\":\"buy\",\"type\":\"fill\",\"seq\":5956,\"time\":1626994929946,\"qty\":320.0,\"price\":119.44}";
        assertTrue(received().contains(trade), "a real frame of the capture");
        MarketEvent t = CAPTURED.decode(trade).get(0);
        assertFields(t, "type", EventType.TRADE, "nativeSymbol", "PI_LTCUSD", "symbol", "LTC-USD-PERP",
                "tradeId", 5956L, "exchangeTimeMs", 1_626_994_929_946L, "size", m("320"), "price", m("119.44"));
        assertTrue(t.takerBuy, "side is the taker's");

        String book = "{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\",\"side\":\"sell\",\"seq\":26660860,\"price\":2004.85,"
                + "\"qty\":4787.0,\"timestamp\":1626994927744}";
        assertTrue(received().contains(book));
        MarketEvent d = CAPTURED.decode(book).get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "firstUpdateId", 26_660_860L, "lastUpdateId", 26_660_860L);
        assertEquals(0, d.bidPrices.length);
        assertEquals(m("2004.85"), d.askPrices[0]);
        assertEquals(m("4787"), d.askSizes[0]);
        assertEquals(1_626_994_927_744L, d.exchangeTimeMs);
        assertEquals("ETH-USD-PERP", d.symbol);

        String ticker = "{\"feed\":\"ticker_lite\",\"product_id\":\"PI_ETHUSD\",\"bid\":2003.9,\"ask\":2004.6,"
                + "\"change\":1.0745907221956008,\"premium\":0.1,\"volume\":130853299.0,\"tag\":\"perpetual\","
                + "\"pair\":\"ETH:USD\",\"dtm\":0,\"maturityTime\":0}";
        assertTrue(received().contains(ticker));
        MarketEvent b = CAPTURED.decode(ticker).get(0);
        assertEquals(EventType.BBO, b.type);
        assertEquals(m("2003.9"), b.bidPrices[0]);
        assertEquals(m("2004.6"), b.askPrices[0]);
        assertEquals(0L, b.bidSizes[0], "ticker_lite has no sizes");
        assertEquals(0L, b.exchangeTimeMs);

        String snap = received().stream().filter(s -> s.startsWith("{\"feed\":\"book_snapshot\",\"product_id\":\"FI_BCHUSD_210730\""))
                .findFirst().orElseThrow();
        JsonNode j = JSON.readTree(snap);
        MarketEvent s = CAPTURED.decode(snap).get(0);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "symbol", "BCH-USD-210730", "lastUpdateId", 91_192L,
                "exchangeTimeMs", 1_626_994_925_378L);
        assertEquals(11, s.bidPrices.length);
        assertEquals(12, s.askPrices.length);
        for (int i = 0; i < s.bidPrices.length; i++) {
            assertEquals(m(j.get("bids").get(i).get("price").asText()), s.bidPrices[i]);
            assertEquals(m(j.get("bids").get(i).get("qty").asText()), s.bidSizes[i]);
        }
        assertEquals(m("439.3"), s.bidPrices[0]);
        assertEquals(m("20108"), s.bidSizes[0]);
        assertEquals(m("439.6"), s.askPrices[0]);
        assertEquals(m("50"), s.askSizes[0]);
    }

    @Test
    void tradeSnapshotIsPreSessionAndIgnored() throws Exception {
        // the FI_BCHUSD_210730 trade_snapshot ends at seq 1487, the first live trade is 1488:
        // the snapshot holds trades from before the subscription
        List<String> lines = received();
        long maxSnapSeq = -1, maxSnapTime = -1, live = -1;
        for (String s : lines) {
            JsonNode j = JSON.readTree(s);
            if ("trade_snapshot".equals(j.path("feed").asText()) && "FI_BCHUSD_210730".equals(j.path("product_id").asText())) {
                for (JsonNode t : j.get("trades")) {
                    maxSnapSeq = Math.max(maxSnapSeq, t.get("seq").asLong());
                    maxSnapTime = Math.max(maxSnapTime, t.get("time").asLong());
                }
                assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(s), e -> {
                    throw new AssertionError("trade_snapshot must not emit trades");
                }));
            }
            if ("trade".equals(j.path("feed").asText()) && "FI_BCHUSD_210730".equals(j.path("product_id").asText())) {
                live = j.get("seq").asLong();
            }
        }
        assertEquals(1487L, maxSnapSeq);
        assertEquals(1488L, live);
        assertTrue(maxSnapTime < 1_626_994_927_139L, "all before the connection opened");
    }

    @Test
    void fullTickerHeartbeatAndSymbols() throws Exception {
        MarketEvent t = CAPTURED.decode("{\"time\":1612270825253,\"feed\":\"ticker\",\"product_id\":\"PI_XBTUSD\",\"bid\":34832.5,"
                + "\"ask\":34847.5,\"bid_size\":42864,\"ask_size\":2300,\"volume\":262306237,\"dtm\":0,\"leverage\":\"50x\","
                + "\"index\":34803.45,\"premium\":0.1,\"last\":34852,\"change\":2.995109121267192,\"funding_rate\":3.891007752e-9,"
                + "\"funding_rate_prediction\":4.2233756e-9,\"suspended\":false,\"tag\":\"perpetual\",\"pair\":\"XBT:USD\","
                + "\"openInterest\":107706940,\"markPrice\":34844.25,\"maturityTime\":0,\"relative_funding_rate\":0.000135046,"
                + "\"relative_funding_rate_prediction\":0.000146572,\"next_funding_rate_time\":1612281600000}").get(0);
        assertEquals(EventType.BBO, t.type);
        assertEquals("BTC-USD-PERP", t.symbol);
        assertEquals(m("34832.5"), t.bidPrices[0]);
        assertEquals(m("42864"), t.bidSizes[0]);
        assertEquals(m("34847.5"), t.askPrices[0]);
        assertEquals(m("2300"), t.askSizes[0]);
        assertEquals(1_612_270_825_253L, t.exchangeTimeMs);
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(
                CAPTURED.ws("{\"feed\":\"heartbeat\",\"time\":1534262350627}"), e -> { }));
        assertEquals("ETH-USD-PERP", CAPTURED.decode("{\"feed\":\"trade\",\"product_id\":\"PF_ETHUSD\",\"uid\":\"u\",\"side\":\"sell\","
                + "\"type\":\"liquidation\",\"seq\":1,\"time\":1,\"qty\":0.001,\"price\":2000.5}").get(0).symbol);
        MarketEvent linear = CAPTURED.decode("{\"feed\":\"trade\",\"product_id\":\"PF_XBTUSD\",\"uid\":\"u\",\"side\":\"sell\","
                + "\"type\":\"fill\",\"seq\":7,\"time\":1,\"qty\":0.0012,\"price\":2.5e4}").get(0);
        assertEquals("BTC-USD-PERP", linear.symbol);
        assertEquals(m("0.0012"), linear.size, "fractional linear size, exact");
        assertEquals(m("25000"), linear.price, "exponent notation read exactly");
        assertFalse(linear.takerBuy);
        assertEquals("BTC-USD-210924", KrakenFuturesSymbols.parse("fi_xbtusd_210924").symbol());
        assertEquals("ETH-USD-220325", KrakenFuturesSymbols.parse("FF_ETHUSD_220325").symbol());
        assertNull(KrakenFuturesSymbols.parse("IN_XBTUSD"));
        assertNull(KrakenFuturesSymbols.parse("PI_XBTUSD_210924"));
        assertNull(KrakenFuturesSymbols.parse("FI_XBTUSD"));
        assertEquals("PI_XBTUSD", ADAPTER.partitionKey("{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(ADAPTER.partitionKey("{\"event\":\"subscribed\",\"feed\":\"book\",\"product_ids\":[\"PI_XRPUSD\"]}"
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void catalogFromTheRecordedInstruments() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("KRAKEN_FUTURES.0"), ADAPTER);
        for (String p : PRODUCTS) {
            Instrument i = c.byNative(p).orElseThrow(() -> new AssertionError(p + " not in the catalog"));
            assertEquals(KrakenFuturesSymbols.parse(p).symbol(), i.symbol());
            assertTrue(i.fitsScale(), p);
        }
        for (Instrument i : c.all()) {
            assertEquals(BigDecimal.ONE, i.lotSize(), "whole contracts");
        }
        Instrument perp = c.byNative("PI_XBTUSD").orElseThrow();
        assertEquals(Instrument.Kind.PERPETUAL, perp.kind());
        assertEquals("BTC-USD-PERP", perp.symbol());
        assertEquals(new BigDecimal("0.5"), perp.tickSize());
        Instrument dated = c.byNative("FI_XBTUSD_210924").orElseThrow();
        assertEquals(Instrument.Kind.FUTURE, dated.kind());
        assertEquals("BTC-USD-210924", dated.symbol());
        assertEquals(LocalDate.of(2021, 9, 24), dated.expiry());
        assertEquals("BTC", dated.base());
        assertEquals("USD", dated.quote());
        assertEquals(new BigDecimal("0.0001"), c.byNative("PI_XRPUSD").orElseThrow().tickSize());

        // the symbol's date is the metadata's lastTradingTime date, for every dated contract
        JsonNode meta = JSON.readTree(Files.readAllLines(SharedData.cryptofeed("KRAKEN_FUTURES.0")).get(0).split(": ", 2)[1]);
        int dated2 = 0;
        for (JsonNode i : meta.get("instruments")) {
            if (i.has("lastTradingTime")) {
                dated2++;
                LocalDate last = Instant.parse(i.get("lastTradingTime").asText()).atZone(ZoneOffset.UTC).toLocalDate();
                assertEquals(last, c.byNative(i.get("symbol").asText().toUpperCase()).orElseThrow().expiry());
            }
        }
        assertEquals(12, dated2);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"product_id\":\"PI_XBTUSD\"}| missing field 'feed'",
        "{\"event\":\"error\",\"message\":\"Invalid product id\"}| venue error message: error: Invalid product id",
        "{\"event\":\"subscribed_failed\",\"feed\":\"book\",\"product_ids\":[\"PI_FOO\"],\"message\":\"bad\"}| venue error message: subscribed_failed",
        "{\"feed\":\"book\",\"product_id\":\"IN_XBTUSD\",\"side\":\"buy\",\"seq\":1,\"price\":1,\"qty\":1,\"timestamp\":1}| unknown symbol 'IN_XBTUSD'",
        "{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\",\"side\":\"bid\",\"seq\":1,\"price\":1,\"qty\":1,\"timestamp\":1}| field 'side' must be buy or sell",
        "{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\",\"side\":\"buy\",\"seq\":\"1\",\"price\":1,\"qty\":1,\"timestamp\":1}| field 'seq' must be an integer",
        "{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\",\"side\":\"buy\",\"seq\":1,\"price\":true,\"qty\":1,\"timestamp\":1}| field 'price' must be a number",
        "{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\",\"side\":\"buy\",\"seq\":1,\"price\":1,\"qty\":-1,\"timestamp\":1}| negative qty",
        "{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\",\"side\":\"buy\",\"seq\":1,\"price\":1,\"qty\":1}| missing field 'timestamp'",
        "{\"feed\":\"book_snapshot\",\"product_id\":\"PI_XBTUSD\",\"seq\":1,\"timestamp\":1,\"bids\":[]}| missing field 'asks'",
        "{\"feed\":\"book_snapshot\",\"product_id\":\"PI_XBTUSD\",\"seq\":1,\"timestamp\":1,\"bids\":[[1,2]],\"asks\":[]}| field 'bids[0]' must be a {price, qty} object",
        "{\"feed\":\"book_snapshot\",\"product_id\":\"PI_XBTUSD\",\"seq\":1,\"timestamp\":1,\"bids\":[{\"price\":1}],\"asks\":[]}| missing field 'bids[0].qty'",
        "{\"feed\":\"trade\",\"product_id\":\"PI_XBTUSD\",\"side\":\"up\",\"seq\":1,\"time\":1,\"qty\":1,\"price\":1}| field 'side' must be buy or sell",
        "{\"feed\":\"trade\",\"product_id\":\"PI_XBTUSD\",\"side\":\"buy\",\"seq\":1,\"time\":1,\"qty\":0,\"price\":1}| non-positive price or qty",
        "{\"feed\":\"ticker_lite\",\"product_id\":\"PI_XBTUSD\",\"bid\":1}| missing field 'ask'",
        "{\"feed\":\"trade\",\"product_id\":7,\"side\":\"buy\",\"seq\":1,\"time\":1,\"qty\":1,\"price\":1}| field 'product_id' must be a string",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }
}
