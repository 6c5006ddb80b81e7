package io.rrralgorithms.connectors.adapters.kraken;

import static io.rrralgorithms.connectors.testkit.Frames.utf8;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Kraken spot ({@code KRAKEN.ws.48.0} trade, {@code .49.0} ticker, {@code .50.0} book-1000; 10 pairs,
 * 2021-04-17) beyond its contract entries, {@code kraken.cases} and table rows: the per-event checks and
 * the checksum's strings.
 */
public class KrakenFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("kraken");
    private static final Set<String> PAIRS = Set.of("WAVES/EUR", "XMR/USD", "KSM/XBT", "GRT/ETH", "SC/EUR", "ETH/CHF",
            "OCEAN/XBT", "OMG/USD", "XBT/CHF", "ADA/XBT");

    @Test
    void checksumIsKrakensAndAFramesTrailingWhitespaceIsNoPartOfItsKey() {
        assertTrue(ADAPTER.bookSyncRules().checksum() instanceof KrakenChecksum);
        assertEquals("XBT/CHF", ADAPTER.partitionKey(utf8("[464,{\"a\":[]},\"book-1000\",\"XBT/CHF\"] \n")));
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

}
