package io.rrralgorithms.connectors.adapters.huobi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Huobi (feeds {@code huobi}, {@code huobi-swap}) beyond its contract entries, cases files and table rows:
 * the per-event and decode checks and the three forms a frame arrives in.
 */
public class HuobiFrameDecoderTest {

    /** Symbols by the feed's rule, exchange times of the session, a version on every book, an id on every trade. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(Venues.forFeed(ev.feed).symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        // the first trade message of a subscription repeats the last trade before it: up to 107 s before, and
        // 39 min before for BTT-USDT (the frame guard's clock check dead-letters that one in the pipeline)
        assertTrue(ev.exchangeTimeMs > receiveMs - 3_600_000L && ev.exchangeTimeMs < receiveMs + 5_000L, ev.toString());
        switch (ev.type) {
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0 && ev.bidPrices.length + ev.askPrices.length > 0,
                    ev.toString());
            case TRADE -> assertTrue(ev.tradeId > 0, ev.toString());
            default -> throw new AssertionError("Huobi's captures hold books and trades only: " + ev);
        }
    }

    /** Every dead letter is a book whose sizes no single long mantissa scale holds (xvgeth, fil3susdt). */
    public static void decoded(RawCounts raw, Decoded d) {
        for (String e : d.errors) {
            assertTrue(e.contains("no scale of a long mantissa holds every number of the frame"), e);
        }
        assertEquals(Set.of("fil3susdt", "xvgeth"), d.deadLetterKeys);
    }

    /** A spot trade message of {@code nativeSymbol}, for the catalog check of the decoder's normalization. */
    public static String spotTrade(String nativeSymbol) {
        return "{\"ch\":\"market." + nativeSymbol + ".trade.detail\",\"ts\":1,\"tick\":{\"data\":[{\"tradeId\":1,"
                + "\"ts\":1618678031715,\"amount\":1,\"price\":1,\"direction\":\"buy\"}]}}";
    }

    /** A swap trade message of {@code contractCode}. */
    public static String swapTrade(String contractCode) {
        return "{\"ch\":\"market." + contractCode + ".trade.detail\",\"ts\":1,\"tick\":{\"data\":[{\"id\":1,"
                + "\"ts\":1645289380927,\"amount\":1,\"price\":1,\"direction\":\"buy\"}]}}";
    }

    /**
     * A real frame as recorded (the bytes literal), as Huobi sends it (gzip) and as the live capture
     * publishes it (inflated): the same key and the same events.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "HUOBI.ws.44.0, \"ch\":\"market.nesteth.depth.step0\"",
        "HUOBI.ws.44.0, \"ch\":\"market.dogeeth.trade.detail\"",
        "HUOBI_SWAP.ws.2.0, \"ch\":\"market.ACH-USDT.depth.step0\"",
    })
    void aFrameDecodesAlikeRecordedGzippedAndInflated(String file, String sub) throws Exception {
        Venue venue = file.startsWith("HUOBI_SWAP") ? HuobiVenue.SWAP : HuobiVenue.VENUE;
        String literal = CaptureLines.payloads(SharedData.cryptofeed(file)).stream()
                .filter(p -> CaptureLines.text(p).contains(sub)).findFirst().orElseThrow();
        assertTrue(CaptureLines.isBytesLiteral(literal));
        byte[] gzip = CaptureLines.bytes(literal);
        assertEquals(0x1F, gzip[0] & 0xFF, "the recorded bytes are gzip");
        byte[] json = CaptureLines.text(literal).getBytes(StandardCharsets.UTF_8);
        List<MarketEvent> recorded = decode(venue, literal.getBytes(StandardCharsets.UTF_8));
        assertFalse(recorded.isEmpty());
        assertEquals(recorded, decode(venue, gzip));
        assertEquals(recorded, decode(venue, json));
        String key = recorded.get(0).nativeSymbol;
        assertEquals(key, venue.partitionKey(literal.getBytes(StandardCharsets.UTF_8)));
        assertEquals(key, venue.partitionKey(gzip));
        assertEquals(key, venue.partitionKey(json));
    }

    private static List<MarketEvent> decode(Venue venue, byte[] payload) throws Exception {
        return Frames.decode(venue, new RawFrame(venue.feed(), null, FrameKind.WS, 5L, payload));
    }

    @Test
    void gzipThatDoesNotCheckOutIsADeadLetter() throws Exception {
        String literal = CaptureLines.payloads(SharedData.cryptofeed("HUOBI.ws.44.0")).stream()
                .filter(p -> CaptureLines.text(p).contains("\"ch\":\"market.zeneth.depth.step0\"")).findFirst()
                .orElseThrow();
        byte[] gzip = CaptureLines.bytes(literal);
        byte[] badCrc = gzip.clone();
        badCrc[badCrc.length - 5] ^= 1;
        assertTrue(reject(badCrc).contains("CRC-32 or length"), reject(badCrc));
        byte[] trailing = Arrays.copyOf(gzip, gzip.length + 3);
        assertTrue(reject(trailing).contains("gzip frame"), reject(trailing));
        byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);
        assertTrue(reject(cut).contains("gzip frame"), reject(cut));
        assertNull(HuobiVenue.VENUE.partitionKey(cut), "an unreadable frame has no key");
    }

    private static String reject(byte[] payload) {
        return Frames.reject(HuobiVenue.VENUE, new RawFrame(HuobiVenue.FEED, null, FrameKind.WS, 1L, payload));
    }

    /** The swaps' symbols are the contract codes of the trade channel (the catalog check's frames). */
    @Test
    void swapTradeFramesDecode() throws Exception {
        assertEquals(EventType.TRADE, Frames.decode(HuobiVenue.SWAP, swapTrade("BTC-USD"), 1L).get(0).type);
    }
}
