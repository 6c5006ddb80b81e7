package io.rrralgorithms.connectors.adapters.coinbase;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.model.Decimals;
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
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Coinbase decoder over the real cryptofeed capture {@code COINBASE.ws.28.0} (2021 level2,
 * ticker and matches channels of 10 products): the standard checks are the contract's
 * ({@code DecoderCases}, oracle {@link CoinbaseOracle}); here exact fields of real and hand-written
 * frames and the venue's bad frames.
 */
public class CoinbaseFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("coinbase");
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_618_677_817_079_762_000L);

    /** Product ids are the symbols; snapshots carry no time. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol, ev.symbol);
        assertTrue(ev.symbol.matches("[A-Z0-9]+-[A-Z0-9]+"), ev.symbol);
        if (ev.type != EventType.BOOK_SNAPSHOT) {
            assertTrue(ev.exchangeTimeMs > 1_600_000_000_000L, ev.toString());
        }
    }

    @Test
    void matchFromTheCaptureIsExact() throws Exception {
        // the first "match" line of the capture, checked field by field against its own text
        String line = CaptureLines.payloads(SharedData.cryptofeed("COINBASE.ws.28.0")).stream()
                .filter(p -> p.startsWith("{\"type\":\"match\"")).findFirst().orElseThrow();
        List<MarketEvent> evs = CAPTURED.decode(line);
        assertEquals(1, evs.size());
        MarketEvent t = evs.get(0);
        Matcher f = Pattern.compile("\"trade_id\":(\\d+).*\"side\":\"(buy|sell)\",\"size\":\"([0-9.]+)\",\"price\":\"([0-9.]+)\",\"product_id\":\"([A-Z0-9-]+)\".*\"time\":\"([^\"]+)\"").matcher(line);
        assertTrue(f.find(), line);
        assertEquals(EventType.TRADE, t.type);
        assertEquals(Long.parseLong(f.group(1)), t.tradeId);
        assertEquals(f.group(2).equals("sell"), t.takerBuy, "side is the maker's");
        assertFields(t, "size", new BigDecimal(f.group(3)).movePointRight(8).longValueExact(),
                "price", new BigDecimal(f.group(4)).movePointRight(8).longValueExact(), "nativeSymbol", f.group(5),
                "exchangeTimeMs", Instant.parse(f.group(6)).toEpochMilli());
    }

    @Test
    void handWrittenMatchAndL2update() throws Exception {
        MarketEvent t = CAPTURED.decode("{\"type\":\"match\",\"trade_id\":923563,\"maker_order_id\":\"a\",\"taker_order_id\":\"b\","
                + "\"side\":\"buy\",\"size\":\"2.578\",\"price\":\"0.0061759\",\"product_id\":\"DASH-BTC\","
                + "\"sequence\":2040406555,\"time\":\"2021-04-17T16:43:53.864119Z\"}").get(0);
        assertFields(t, "tradeId", 923563L, "size", 257_800_000L, "price", 617_590L);
        assertFalse(t.takerBuy, "maker bought: the taker sold");
        assertEquals(1_618_677_833_864L, t.exchangeTimeMs);
        assertEquals("DASH-BTC", t.symbol);

        MarketEvent d = CAPTURED.decode("{\"type\":\"l2update\",\"product_id\":\"BAND-BTC\",\"changes\":[[\"buy\",\"0.00032746\",\"0.00\"],"
                + "[\"sell\",\"0.00033500\",\"12.5\"],[\"buy\",\"0.00032700\",\"1\"]],\"time\":\"2021-04-17T16:43:48.119884Z\"}").get(0);
        assertEquals(EventType.BOOK_DELTA, d.type);
        assertEquals(d.receiveTimeNs, d.lastUpdateId, "level2 has no sequence: receive time orders it");
        assertEquals(List.of(32_746L, 32_700L), List.of(d.bidPrices[0], d.bidPrices[1]));
        assertEquals(List.of(0L, Decimals.ONE), List.of(d.bidSizes[0], d.bidSizes[1]));
        assertEquals(1, d.askPrices.length);
        assertEquals(33_500L, d.askPrices[0]);
        assertEquals(1_250_000_000L, d.askSizes[0]);

        MarketEvent bbo = CAPTURED.decode("{\"type\":\"ticker\",\"sequence\":27883326,\"product_id\":\"SKL-GBP\",\"price\":\"0.5752\","
                + "\"best_bid\":\"0.5752\",\"best_ask\":\"0.5771\",\"side\":\"sell\",\"time\":\"2021-04-17T16:43:29.571587Z\"}").get(0);
        assertEquals(EventType.BBO, bbo.type);
        assertEquals(57_520_000L, bbo.bidPrices[0]);
        assertEquals(57_710_000L, bbo.askPrices[0]);
        assertEquals(0L, bbo.bidSizes[0], "no best_bid_size in the 2021 feed");
        assertEquals(27883326L, bbo.lastUpdateId);

        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(
                "{\"type\":\"last_match\",\"trade_id\":1,\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\","
                        + "\"product_id\":\"SKL-USD\",\"sequence\":1,\"time\":\"2021-04-17T16:43:29.571587Z\"}"), e -> { }));
        assertEquals("SKL-USD", ADAPTER.partitionKey("{\"type\":\"l2update\",\"product_id\":\"SKL-USD\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, ADAPTER.partitionKey("{\"type\":\"subscriptions\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"product_id\":\"SKL-USD\"}| missing field 'type'",
        "{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"bad product\"}| venue error message: Failed to subscribe",
        "{\"type\":\"match\",\"trade_id\":\"12\",\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'trade_id' must be an integer, got STRING",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"buy\",\"size\":1,\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'size' must be a decimal string, got NUMBER",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"up\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'side' must be buy or sell",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"yesterday\"}| field 'time' is not an ISO-8601 instant",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":{},\"time\":\"2021-04-17T16:43:29Z\"}| field 'changes' must be an array",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"buy\",\"1\"]],\"time\":\"2021-04-17T16:43:29Z\"}| field 'changes[0]' must be a [side, price, size] array",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"bid\",\"1\",\"2\"]],\"time\":\"2021-04-17T16:43:29Z\"}| field 'changes[0].side' must be buy or sell",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"buy\",\"1.5e3\",\"2\"]],\"time\":\"2021-04-17T16:43:29Z\"}| changes[0].price",
        "{\"type\":\"snapshot\",\"product_id\":\"X-Y\",\"bids\":[[\"1\",\"2\"]]}| missing field 'asks'",
        "{\"type\":\"snapshot\",\"product_id\":7,\"bids\":[],\"asks\":[]}| field 'product_id' must be a string, got NUMBER",
        "{\"type\":\"ticker\",\"product_id\":\"X-Y\",\"best_bid\":\"1\",\"time\":\"2021-04-17T16:43:29Z\"}| missing field 'best_ask'",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }
}
