package io.rrralgorithms.jobs.book;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BookSynchronizer} with the Kraken spot feed's checksum and depth window, on hand-written
 * Kraken v1 frames decoded by the real decoder. The checksums the "venue" sends are computed here
 * independently: CRC32 of the literal price/volume strings (point removed, leading zeros
 * stripped) of a reference book that follows Kraken's window semantics.
 */
class BookChecksumTest {
    private static final Venue KRAKEN = Venues.forFeed("kraken");
    private static final String PAIR = "XBT/USD";

    final List<BookTop> tops = new ArrayList<>();
    final List<BookGap> gaps = new ArrayList<>();
    int checksOk;
    int checksFailed;
    int stale;
    final BookOutput out = new BookOutput() {
        @Override
        public void top(BookTop top) {
            tops.add(top);
        }

        @Override
        public void gap(BookGap gap) {
            gaps.add(gap);
        }

        @Override
        public void staleDiff() {
            stale++;
        }

        @Override
        public void checksum(String feed, boolean ok) {
            if (ok) {
                checksOk++;
            } else {
                checksFailed++;
            }
        }
    };

    /** The venue's book: price → [price string, volume string], best first, window of {@code depth}. */
    TreeMap<BigDecimal, String[]> asks;
    TreeMap<BigDecimal, String[]> bids;
    int depth;
    long receiveNs;
    BookSynchronizer sync;
    OrderBook book;

    @BeforeEach
    void setUp() {
        sync = new BookSynchronizer(10, 1000);
        book = OrderBook.empty();
    }

    private MarketEvent decode(String json) throws Exception {
        receiveNs += 1_000_000L;
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        List<MarketEvent> evs = new ArrayList<>();
        KRAKEN.decoder().decode(new RawFrame("kraken", PAIR, FrameKind.WS, receiveNs, p), evs::add);
        assertEquals(1, evs.size());
        return evs.get(0);
    }

    private static String level(String price, String volume) {
        return "[\"" + price + "\",\"" + volume + "\",\"1618678133.365913\"]";
    }

    /** A book-N snapshot of 10 asks 101..110 and 10 bids 100..91 (volumes base+i: 0.50, 0.51, …), loaded into the reference. */
    private MarketEvent snapshot(int n, String volumeBase) throws Exception {
        depth = n;
        asks = new TreeMap<>();
        bids = new TreeMap<>(Collections.reverseOrder());
        List<String> as = new ArrayList<>(), bs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String ap = (101 + i) + ".00000";
            String bp = (100 - i) + ".00000";
            String v = volumeBase + i + "000000"; // 8 decimals: "0.5" + 3 → "0.53000000"
            as.add(level(ap, v));
            bs.add(level(bp, v));
            asks.put(new BigDecimal(ap), new String[] {ap, v});
            bids.put(new BigDecimal(bp), new String[] {bp, v});
        }
        return decode("[1,{\"as\":[" + String.join(",", as) + "],\"bs\":[" + String.join(",", bs) + "]},\"book-" + n
                + "\",\"" + PAIR + "\"]");
    }

    /** One update of the given side's levels ({@code {price, volume[, "r"]}}), with the venue's checksum. */
    private MarketEvent update(char side, String[][] levels, boolean corruptChecksum) throws Exception {
        TreeMap<BigDecimal, String[]> ref = side == 'a' ? asks : bids;
        List<String> ls = new ArrayList<>();
        for (String[] l : levels) {
            ls.add(l.length > 2 ? "[\"" + l[0] + "\",\"" + l[1] + "\",\"1618678134.000001\",\"r\"]" : level(l[0], l[1]));
            if (new BigDecimal(l[1]).signum() == 0) {
                ref.remove(new BigDecimal(l[0]));
            } else {
                ref.put(new BigDecimal(l[0]), new String[] {l[0], l[1]});
            }
        }
        truncate(asks, depth);
        truncate(bids, depth);
        long c = venueChecksum(asks, bids);
        if (corruptChecksum) {
            c = (c + 1) & 0xFFFF_FFFFL;
        }
        return decode("[1,{\"" + side + "\":[" + String.join(",", ls) + "],\"c\":\"" + c + "\"},\"book-" + depth
                + "\",\"" + PAIR + "\"]");
    }

    private static void truncate(TreeMap<BigDecimal, String[]> side, int n) {
        while (side.size() > n) {
            side.pollLastEntry();
        }
    }

    /** Kraken's recipe on the literal strings. */
    static long venueChecksum(TreeMap<BigDecimal, String[]> asks, TreeMap<BigDecimal, String[]> bids) {
        StringBuilder s = new StringBuilder();
        for (TreeMap<BigDecimal, String[]> side : List.of(asks, bids)) {
            side.values().stream().limit(10).forEach(l -> s.append(strip(l[0])).append(strip(l[1])));
        }
        CRC32 crc = new CRC32();
        crc.update(s.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static String strip(String decimal) {
        return decimal.replace(".", "").replaceFirst("^0+", "");
    }

    private static long[] mantissas(TreeMap<BigDecimal, String[]> side, int n) {
        return side.keySet().stream().limit(n).mapToLong(p -> p.movePointRight(8).longValueExact()).toArray();
    }

    /** A pair ticking at 1e-10 (6 of Kraken's listed pairs tick finer than 1e-8): a book at scale 10, checksums in the venue's digits. */
    @Test
    void aPairTickingFinerThan1e8KeepsItsScaleAndItsChecksums() throws Exception {
        depth = 10;
        asks = new TreeMap<>();
        bids = new TreeMap<>(Collections.reverseOrder());
        List<String> as = new ArrayList<>();
        List<String> bs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String ap = String.format("0.0000%06d", 100_101 + i);
            String bp = String.format("0.0000%06d", 100_100 - i);
            String v = "1234.5" + i + "000000";
            as.add(level(ap, v));
            bs.add(level(bp, v));
            asks.put(new BigDecimal(ap), new String[] {ap, v});
            bids.put(new BigDecimal(bp), new String[] {bp, v});
        }
        sync.process(book, decode("[1,{\"as\":[" + String.join(",", as) + "],\"bs\":[" + String.join(",", bs)
                + "]},\"book-10\",\"" + PAIR + "\"]"), out);
        sync.process(book, update('b', new String[][] {{"0.0000100100", "7.00000000"}}, false), out);
        sync.process(book, update('a', new String[][] {{"0.0000100101", "0.00000000"}}, false), out);
        assertEquals(2, checksOk, "the checksums over the venue's 10-decimal strings hold");
        assertEquals(0, checksFailed);
        BookTop t = tops.get(tops.size() - 1);
        assertEquals(10, t.priceScale);
        assertEquals(100_102L, t.askPrices[0], "0.0000100102 at scale 10");
        assertEquals(700_000_000L, t.bidSizes[0]);
    }

    @Test
    void correctChecksumPassesWrongOneIsAGapUntilTheNextSnapshotResyncs() throws Exception {
        sync.process(book, snapshot(10, "0.5"), out);
        assertEquals(BookState.AWAITING_BRIDGE, book.state);
        assertEquals(0, checksOk + checksFailed, "Kraken snapshots carry no checksum");

        sync.process(book, update('b', new String[][] {{"100.00000", "3.25000000"}}, false), out);
        assertEquals(1, checksOk);
        assertEquals(0, checksFailed);
        assertEquals(BookState.SYNCED, book.state);
        assertEquals(List.of(), gaps);
        BookTop t = tops.get(tops.size() - 1);
        assertTrue(t.synced);
        assertArrayEquals(mantissas(bids, 10), t.bidPrices);
        assertEquals(325_000_000L, t.bidSizes[0]);

        sync.process(book, update('a', new String[][] {{"101.00000", "0.00000000"}}, false), out);
        assertEquals(2, checksOk, "a removal, checked too");

        // the venue's checksum disagrees with the book: a gap, the book is invalid
        sync.process(book, update('a', new String[][] {{"101.50000", "2.00000000"}}, true), out);
        assertEquals(1, checksFailed);
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).reason.startsWith("checksum mismatch: venue "), gaps.get(0).reason);
        assertEquals("kraken", gaps.get(0).feed);
        assertEquals("BTC-USD", gaps.get(0).symbol);
        assertEquals(BookState.INVALID, book.state);
        assertFalse(tops.get(tops.size() - 1).synced, "one unsynced top reports the invalid book");
        assertTrue(book.bids.isEmpty() && book.asks.isEmpty());

        // a diff of the old subscription arrives before the new snapshot: held, no top
        int topsBefore = tops.size();
        sync.process(book, update('b', new String[][] {{"99.00000", "7.00000000"}}, false), out);
        assertEquals(topsBefore, tops.size());
        assertEquals(BookState.INVALID, book.state);

        // the resubscription's snapshot resyncs; the held diff was received before it: stale
        sync.process(book, snapshot(10, "1.5"), out);
        assertEquals(1, stale, "the diff received before the snapshot is contained in it");
        assertEquals(BookState.AWAITING_BRIDGE, book.state);
        sync.process(book, update('a', new String[][] {{"100.50000", "4.00000000"}}, false), out);
        assertEquals(BookState.SYNCED, book.state);
        assertEquals(3, checksOk);
        assertEquals(1, checksFailed);
        assertEquals(1, gaps.size());
        t = tops.get(tops.size() - 1);
        assertTrue(t.synced);
        assertArrayEquals(mantissas(asks, 10), t.askPrices);
        assertEquals(10_050_000_000L, t.askPrices[0]);
        assertEquals(150_000_000L, t.bidSizes[0], "the new snapshot's sizes");
    }

    @Test
    void theBookIsTruncatedToTheSubscribedDepth() throws Exception {
        MarketEvent snap = snapshot(10, "0.5");
        assertEquals(10, KRAKEN.bookSyncRules().maxDepth(snap), "book-10");
        sync.process(book, snap, out);
        assertEquals(10, book.depthLimit);

        // a better bid pushes 91 out of the 10-level window: Kraken sends no delete for it
        sync.process(book, update('b', new String[][] {{"100.50000", "2.00000000"}}, false), out);
        assertEquals(10, book.bids.count, "truncated to the window");
        assertEquals(9_200_000_000L, book.bids.prices[book.bids.count - 1], "91 dropped");
        assertEquals(1, checksOk);

        // outside the window 91 is cancelled (the venue says nothing); when 100.5 goes, the venue
        // refills its window with the next level it holds, 90, republished ("r")
        TreeMap<BigDecimal, String[]> untruncated = new TreeMap<>(bids);
        untruncated.put(new BigDecimal("91.00000"), new String[] {"91.00000", "0.59000000"}); // what a client without truncation holds
        sync.process(book, update('b', new String[][] {{"100.50000", "0.00000000"}, {"90.00000", "0.77000000", "r"}}, false),
                out);
        assertEquals(2, checksOk);
        assertEquals(0, checksFailed);
        assertEquals(List.of(), gaps);
        BookTop t = tops.get(tops.size() - 1);
        assertArrayEquals(mantissas(bids, 10), t.bidPrices);
        assertEquals(9_000_000_000L, t.bidPrices[9], "90 at the bottom, no stale 91");
        assertEquals(9_200_000_000L, t.bidPrices[8]);
        // the same update applied to a book that kept 91 would have failed the checksum
        untruncated.remove(new BigDecimal("100.50000"));
        untruncated.put(new BigDecimal("90.00000"), new String[] {"90.00000", "0.77000000"});
        assertNotEquals(venueChecksum(asks, bids), venueChecksum(asks, untruncated));

        // a deeper window: book-25 keeps more levels than the checksum's 10
        setUp();
        MarketEvent deep = snapshot(25, "0.5");
        assertEquals(25, KRAKEN.bookSyncRules().maxDepth(deep));
        sync.process(book, deep, out);
        sync.process(book, update('b', new String[][] {{"100.50000", "2.00000000"}}, false), out);
        assertEquals(11, book.bids.count, "within book-25 nothing is dropped");
        assertEquals(3, checksOk);
    }

    @Test
    void checksumUsesTheFrameDigits() throws Exception {
        // the same book written with 5 and with 1 fractional digits checksums differently: the
        // decoder carries the frame's digits so the local book reproduces the venue's strings
        Map<Integer, Long> byDigits = new TreeMap<>();
        for (String fmt : List.of("%d.00000", "%d.0")) {
            TreeMap<BigDecimal, String[]> a = new TreeMap<>(), b = new TreeMap<>(Collections.reverseOrder());
            a.put(new BigDecimal(101), new String[] {String.format(fmt, 101), "1.00000000"});
            b.put(new BigDecimal(100), new String[] {String.format(fmt, 100), "1.00000000"});
            byDigits.put(fmt.length(), venueChecksum(a, b));
        }
        assertEquals(2, byDigits.values().stream().distinct().count());
        MarketEvent s = decode("[1,{\"as\":[" + level("101.0", "1.00000000") + "],\"bs\":[" + level("100.0", "1.00000000")
                + "]},\"book-10\",\"" + PAIR + "\"]");
        assertEquals(1, s.priceDecimals);
        depth = 10;
        sync.process(book, s, out);
        long c = byDigits.get("%d.0".length());
        sync.process(book, decode("[1,{\"a\":[" + level("101.0", "1.00000000") + "],\"c\":\"" + c + "\"},\"book-10\",\""
                + PAIR + "\"]"), out);
        assertEquals(1, checksOk);
        assertEquals(0, checksFailed, Arrays.toString(gaps.toArray()));
    }
}
