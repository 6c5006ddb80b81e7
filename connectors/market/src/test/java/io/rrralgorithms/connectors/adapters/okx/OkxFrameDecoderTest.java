package io.rrralgorithms.connectors.adapters.okx;

import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.EventType;
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
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * OKX ({@code OKX.ws.1.0}, 2022-05-13: BTC-USDT, UNI-USD-SWAP, BTC-USD-220527) beyond its contract entry,
 * {@code okx.cases} and table rows: the checksum on the real snapshots and its strings.
 */
public class OkxFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("okx");

    /** Books carry no price decimals, the snapshot its 400 depth; no trade of before the session. */
    public static void event(RawFrame f, MarketEvent e, Decoded d) {
        if (e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT) {
            d.count("book levels", e.bidPrices.length + e.askPrices.length);
            assertEquals(e.type == EventType.BOOK_SNAPSHOT ? 400 : 0, e.bookDepth);
            assertEquals(-1, e.priceDecimals);
        }
        if (e.type == EventType.TRADE) {
            assertTrue(e.tradeId > 0 && e.exchangeTimeMs > 1_652_459_225_000L, "an id; no trade of before the session");
        }
    }

    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(raw.fact("book levels"), d.fact("book levels"));
        assertEquals(Map.of("BTC-USDT", "BTC-USDT", "UNI-USD-SWAP", "UNI-USD-PERP", "BTC-USD-220527", "BTC-USD-220527"), d.symbols);
    }

    @Test
    void snapshotChecksumMatchesTheVenuesOnTheRealSnapshots() throws Exception {
        int checked = 0;
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("OKX.ws.1.0"))) {
            if (!p.contains("\"action\":\"snapshot\"")) {
                continue;
            }
            MarketEvent s = Frames.decode(ADAPTER, p, 1_652_459_226_163_842_200L).get(0);
            assertEquals(EventType.BOOK_SNAPSHOT, s.type);
            assertEquals(400, s.bookDepth);
            long[][] top = Stream.of(s.bidPrices, s.bidSizes, s.askPrices, s.askSizes)
                    .map(a -> Arrays.copyOf(a, Math.min(25, a.length))).toArray(long[][]::new);
            long c = new OkxChecksum().compute(top[0], top[1], top[2], top[3], -1, -1);
            assertEquals(s.checksum, c, s.nativeSymbol);
            assertTrue(s.checksum < 0 || s.checksum > 0);
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void checksumStringFormat() {
        assertEquals(List.of("30244", "0.08", "0.00047612", "5.160"), List.of(OkxChecksum.format(m("30244"), -1),
                OkxChecksum.format(m("0.08"), -1), OkxChecksum.format(m("0.00047612"), -1), OkxChecksum.format(m("5.16"), 3)));
        // one side shorter: the rest is the other side alone; CRC32 of "1:2:3:4:5:6" as signed int
        CRC32 crc = new CRC32();
        crc.update("1:2:3:4:5:6".getBytes(StandardCharsets.US_ASCII));
        assertEquals((int) crc.getValue(), new OkxChecksum().compute(new long[] {m("1"), m("5")}, new long[] {m("2"), m("6")},
                new long[] {m("3")}, new long[] {m("4")}, -1, -1));
    }

}
