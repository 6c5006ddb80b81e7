package io.rrralgorithms.connectors.adapters.ascendex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The AscendEX decoders: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link AscendexOracle}); exact fields and dead letters are {@code venue-cases/ascendex.cases};
 * here the symbols, the seqnum rules and the live spec's server-ping answer.
 */
public class AscendexFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> spotCases() {
        return VenueCases.run(AscendexVenue.SPOT, "ascendex.cases");
    }

    @TestFactory
    Stream<DynamicTest> futuresCases() {
        return VenueCases.run(AscendexVenue.FUTURES, "ascendex-futures.cases");
    }

    /** Exchange times of the session; seqnum as the book events' ids and the trades'. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 30_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
        switch (ev.type) {
            case BOOK_DELTA -> assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.lastUpdateId > 0, ev.toString());
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0 && ev.firstUpdateId == MarketEvent.NONE, ev.toString());
            default -> {
                assertEquals(EventType.TRADE, ev.type);
                assertTrue(ev.tradeId > 0, ev.toString());
            }
        }
    }

    public static String spotTrade(String nativeSymbol) {
        return "{\"m\":\"trades\",\"symbol\":\"" + nativeSymbol + "\",\"data\":[{\"p\":\"1\",\"q\":\"1\",\"ts\":1,\"bm\":true,\"seqnum\":1}]}";
    }

    public static String perpTrade(String nativeSymbol) {
        return spotTrade(nativeSymbol);
    }

    @Test
    void symbols() {
        assertEquals("CHZ-USDT", AscendexVenue.SPOT.symbols().normalize("CHZ/USDT"));
        assertEquals("BTC-USDT-PERP", AscendexVenue.FUTURES.symbols().normalize("BTC-PERP"));
        assertEquals("BTC-PERP", AscendexVenue.FUTURES.symbols().toNative("btc-usdt-perp"));
        assertThrows(IllegalArgumentException.class, () -> AscendexVenue.SPOT.symbols().normalize("BTCUSDT"));
        assertThrows(IllegalArgumentException.class, () -> AscendexVenue.SPOT.symbols().toNative("BTC-USD-PERP"),
                "only USDT perpetuals");
        assertThrows(IllegalArgumentException.class, () -> AscendexVenue.FUTURES.live().nativeSymbol("BTC-USDT"));
    }

    @Test
    void updatesChainBySeqnum() {
        var rules = AscendexVenue.RULES;
        assertTrue(rules.isStale(update(100), 100), "already in the snapshot");
        assertTrue(rules.bridgesSnapshot(update(101), 100));
        assertFalse(rules.bridgesSnapshot(update(102), 100), "101 lost");
        assertTrue(rules.continues(update(21_034_366_121L), 21_034_366_120L));
        assertFalse(rules.continues(update(21_034_366_122L), 21_034_366_120L));
        assertEquals("seqnum == 101", rules.describeExpectation(100));
        assertNull(rules.checksum());
    }

    /** The server's ping is answered at once; the subscribe asks the book's snapshot after the channels. */
    @Test
    void liveSpecAnswersThePingAndAsksForSnapshots() {
        AscendexLiveVenue spec = AscendexLiveVenue.spot();
        assertEquals("{\"op\":\"pong\"}", spec.replyTo("{\"m\":\"ping\",\"hp\":3}".getBytes(StandardCharsets.UTF_8)));
        assertNull(spec.replyTo("{\"m\":\"pong\",\"code\":0}".getBytes(StandardCharsets.UTF_8)));
        List<LiveStream> streams = spec.streams("NEO/USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(List.of("{\"op\":\"sub\",\"ch\":\"trades:NEO/USDT\"}", "{\"op\":\"sub\",\"ch\":\"depth:NEO/USDT\"}",
                "{\"op\":\"req\",\"action\":\"depth-snapshot\",\"args\":{\"symbol\":\"NEO/USDT\"}}"),
                spec.subscribeMessages(streams, () -> 1));
        assertEquals("depth:NEO/USDT", spec.streamOf(("{\"m\":\"depth-snapshot\",\"symbol\":\"NEO/USDT\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(spec.errorOf("{\"m\":\"sub\",\"ch\":\"depth:X/Y\",\"code\":100005}".getBytes(StandardCharsets.UTF_8))
                != null);
    }

    private static MarketEvent update(long seqnum) {
        MarketEvent d = MarketEvent.delta(AscendexVenue.FEED, "NEO/USDT", "NEO-USDT", 1L);
        d.firstUpdateId = seqnum;
        d.lastUpdateId = seqnum;
        return d;
    }
}
