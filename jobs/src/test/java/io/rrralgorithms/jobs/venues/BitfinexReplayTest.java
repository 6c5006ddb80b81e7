package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.adapters.bitfinex.BitfinexOracle;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.jobs.book.BookGap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bitfinex capture (WS v2, book P0/100 + trades + ticker of 7 pairs, SEQ_ALL) in the replay
 * contract ({@link BitfinexOracle}), frames keyed by the capture reader's connection keyer.
 *
 * <p>The capture has no checksum frames (OB_CHECKSUM was off) and no trade (none happened in its
 * 30 s). A second run therefore replays a copy of it, written to a temporary folder, in which
 * every book frame is followed by the checksum frame the venue would have sent (the CRC32 of the
 * test's own book, {@link BitfinexOracle.TextBook}, built from the frames' number text as the venue prints it), one of
 * them deliberately wrong, plus two trades each sent as {@code te} and again as {@code tu}.
 */
class BitfinexReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIVED = CaptureLines.RECEIVED;
    private static final Pattern SEQ = Pattern.compile(",(\\d+)\\]$");
    static final int DEPTH = 10;

    static void extra(RawCounts e, CaptureReplay r) {
        assertEquals(0, e.fact("seq breaks"), "the connection's SEQ_ALL numbering is complete: no frame lost");
        assertEquals(7, e.fact("books"));
        e.books.keySet().forEach(s -> assertTrue(r.lastTop.get(s).bidPrices.length > 0
                && r.lastTop.get(s).askPrices.length > 0, s));
        assertEquals("TESTBTC-TESTUSD", r.lastTop.get("tTESTBTC:TESTUSD").symbol);
    }

    @Test
    void checksumsAndTradesOnTheCaptureWithTheFramesTheVenueWouldAdd(@TempDir Path dir) throws Exception {
        List<String> original = Files.readAllLines(CaptureReplay.file("BITFINEX.ws.11.0"), StandardCharsets.UTF_8);
        // the last book frame of tMNABTC gets a wrong checksum
        RawCounts plain = BitfinexOracle.scan(original);
        int lastMna = plain.syncedTops.get("tMNABTC");
        int mnaSeen = 0;
        long seq = 0;
        boolean tradesAdded = false;
        Map<Long, String[]> channels = new HashMap<>(); // chanId -> {channel, symbol}
        Map<String, BitfinexOracle.TextBook> books = new HashMap<>(); // the test's own books, as the venue prints them
        List<String> withChecksums = new ArrayList<>();
        for (String line : original) {
            Matcher m = RECEIVED.matcher(line);
            if (!m.matches() || !m.group(2).startsWith("[")) {
                withChecksums.add(line);
                JsonNode j = m.matches() ? JSON.readTree(m.group(2)) : null;
                if (j != null && j.has("chanId")) {
                    channels.put(j.get("chanId").asLong(), new String[] {j.get("channel").asText(), j.get("symbol").asText()});
                }
                continue;
            }
            String ts = m.group(1);
            Matcher s = SEQ.matcher(m.group(2));
            assertTrue(s.find(), line);
            String p = m.group(2).substring(0, s.start()) + "," + ++seq + "]"; // renumbered
            withChecksums.add(ts + ": " + p);
            long chanId = Long.parseLong(p.substring(1, p.indexOf(',')));
            String[] ch = channels.get(chanId);
            if (ch != null && ch[0].equals("book") && !p.contains("\"hb\"")) {
                // the frame applied to the test's book, then the checksum the venue would send after it
                if (JSON.readTree(p).get(1).get(0).isArray()) {
                    books.put(ch[1], new BitfinexOracle.TextBook());
                }
                books.get(ch[1]).applyRows(p);
                long cs = books.get(ch[1]).checksum();
                if (ch[1].equals("tMNABTC") && chanId == 232956 && ++mnaSeen == lastMna + 1) {
                    cs = cs == Integer.MAX_VALUE ? cs - 1 : cs + 1; // the deliberately wrong one
                }
                withChecksums.add(ts + ": [" + chanId + ",\"cs\"," + cs + "," + ++seq + "]");
            }
            if (!tradesAdded && Double.parseDouble(ts) > 1618677550.0) {
                tradesAdded = true;
                // tBFTUSD trades (chanId 232959) and tMNABTC trades (232960): te, then tu of the same trade
                withChecksums.add(ts + ": [232959,\"te\",[670200001,1618677550123,12.5,0.0775]," + ++seq + "]");
                withChecksums.add(ts + ": [232959,\"tu\",[670200001,1618677550123,12.5,0.0775]," + ++seq + "]");
                withChecksums.add(ts + ": [232960,\"te\",[670200002,1618677550200,-3.25,0.00002516]," + ++seq + "]");
                withChecksums.add(ts + ": [232960,\"tu\",[670200002,1618677550200,-3.25,0.00002516]," + ++seq + "]");
            }
        }
        assertEquals(lastMna + 1, mnaSeen, "tMNABTC's snapshot and updates each got a checksum");
        Path file = dir.resolve("BITFINEX.ws.11.0");
        Files.write(file, withChecksums, StandardCharsets.UTF_8);
        RawCounts e = BitfinexOracle.scan(withChecksums);
        assertEquals(1600, e.fact("cs"), "one checksum after each of the 7 snapshots and 1593 updates");
        assertEquals(2, e.fact("te"));
        assertEquals(2, e.fact("tu"));

        CaptureReplay r = CaptureReplay.run(file, DEPTH);
        var c = r.counters;
        System.out.println(r.summary("bitfinex+checksums"));
        assertEquals(0, c.decodeErrors);
        assertEquals(e.fact("te"), c.trades, "each trade counted once: te, not its tu");
        assertEquals(1600, c.checksums, "every checksum frame verified");
        assertEquals(1, c.checksumFailures, "only the deliberately wrong one");
        assertEquals(1, c.gaps);
        BookGap g = r.gaps.get(0);
        assertEquals("tMNABTC", g.nativeSymbol);
        assertTrue(g.reason.startsWith("checksum mismatch"), g.reason);
        assertEquals(0, c.crossed);
        assertEquals(1593 + 1600, r.events(EventType.BOOK_DELTA), "a checksum is an empty delta");
        // the books are the same as without the added frames (tMNABTC: as of just before its bad checksum)
        VenueReplayContractTest.assertTopsEqual(plain.books, r, DEPTH);
        extra(plain, r);
    }
}
