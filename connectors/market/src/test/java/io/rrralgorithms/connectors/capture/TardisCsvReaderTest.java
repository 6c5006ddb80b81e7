package io.rrralgorithms.connectors.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.tardis.TardisVenue;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tardis/nautilus CSV importer on hand-written files: the header picks the reader, a set is
 * read whole and merged by receive time, rows the reader cannot group are counted in its one
 * line, values the decoder refuses are dead letters with their reasons, and the frames carry the
 * CSV's exact strings and both times.
 */
class TardisCsvReaderTest {
    static final String INC = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n";
    static final String TRADES = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n";

    static void write(Path file, String text) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(file, text);
        }
    }

    static List<RawFrame> readAll(CaptureReader r) throws IOException {
        List<RawFrame> out = new ArrayList<>();
        try (r) {
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    /** Each frame decoded: its events' types, or the dead letter's reason. */
    static List<String> decode(List<RawFrame> frames) {
        FrameDecoder d = Venues.forFeed(TardisVenue.FEED).decoder();
        List<String> out = new ArrayList<>();
        for (RawFrame f : frames) {
            List<MarketEvent> events = new ArrayList<>();
            try {
                d.decode(f, events::add);
                out.add(events.stream().map(e -> e.type.name()).toList().toString());
            } catch (DecodeException e) {
                out.add("dead letter: " + e.getMessage());
            }
        }
        return out;
    }

    @Test
    void aSetIsReadWholeMergedByReceiveTimeWithExactStringsAndBothTimes(@TempDir Path dir) throws Exception {
        write(dir.resolve("binance_incremental_book_L2_2024-08-08_BTCUSDT.csv.gz"), INC
                + "binance,BTCUSDT,1000000,1000100,true,bid,100.10,2\n"
                + "binance,BTCUSDT,1000000,1000100,true,ask,100.20,3.5\n"
                + "binance,BTCUSDT,1000500,1000700,false,bid,100.10,0\n"
                + "binance,BTCUSDT,1000500,1000700,false,bid,100.05,1\n");
        write(dir.resolve("binance_trades_2024-08-08_BTCUSDT.csv.gz"), TRADES
                + "binance,BTCUSDT,1000300,1000400,17,buy,100.20,0.5\n"
                + "binance,BTCUSDT,1000301,1000400,18,sell,100.10,0.25\n");
        write(dir.resolve("binance_quotes_2024-08-08_BTCUSDT.csv.gz"), ""); // tardis's file of a day without data
        // opened on any file of the set: the whole set
        CaptureReader reader = CaptureFiles.open(dir.resolve("binance_trades_2024-08-08_BTCUSDT.csv.gz"), null);
        List<RawFrame> frames = readAll(reader);
        assertTrue(reader.summary().endsWith("; empty: binance_quotes_2024-08-08_BTCUSDT.csv.gz"), reader.summary());
        assertEquals(List.of(1_000_100_000L, 1_000_400_000L, 1_000_700_000L),
                frames.stream().map(f -> f.receiveTimeNs).toList());
        assertEquals("binance:BTCUSDT", frames.get(0).key);
        assertEquals("{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"source\":\"tardis\",\"dataset\":\"incremental_book_L2\","
                + "\"timestamp\":1000000,\"local_timestamp\":1000100,\"snapshot\":true,"
                + "\"changes\":[[\"bid\",\"100.10\",\"2\"],[\"ask\",\"100.20\",\"3.5\"]]}",
                new String(frames.get(0).payload, StandardCharsets.UTF_8));
        assertEquals(List.of("[BOOK_SNAPSHOT]", "[TRADE, TRADE]", "[BOOK_DELTA]"), decode(frames));

        FrameDecoder d = Venues.forFeed(TardisVenue.FEED).decoder();
        List<MarketEvent> trades = new ArrayList<>();
        d.decode(frames.get(1), trades::add);
        assertEquals("BTC-USDT", trades.get(0).symbol);
        assertEquals(17, trades.get(0).tradeId);
        assertTrue(trades.get(0).takerBuy);
        assertEquals(1000, trades.get(1).exchangeTimeMs); // 1000301 µs: each trade its own time
        assertEquals(false, trades.get(1).takerBuy);

        // a folder lists the set once
        CaptureFiles.FolderListing listing = CaptureFiles.filesIn(dir, false);
        assertEquals(List.of(dir.resolve("binance_incremental_book_L2_2024-08-08_BTCUSDT.csv.gz")), listing.files());
        assertEquals(Map.of("of tardis/nautilus CSV sets (read with the set's first file)", 2L), listing.skipped());
        assertEquals(List.of(), readAll(CaptureFiles.open(dir.resolve("binance_quotes_2024-08-08_BTCUSDT.csv.gz"), null))
                .stream().filter(f -> f.receiveTimeNs < 0).toList());
    }

    @Test
    void badRowsAreCountedInTheReadersLineOrDeadLetteredWithTheirReasons(@TempDir Path dir) throws Exception {
        Path inc = dir.resolve("book.csv");
        write(inc, INC
                + "binance,BTCUSDT,1000000,1000100,true,bid,100.10,2\n"
                + "binance,BTCUSDT,1000000,1000100,true,ask,100.20\n"             // 7 columns
                + "binance,BTCUSDT,1000500,1000700,false,bid,10x.5,1\n"           // bad number
                + "binance,BTCUSDT,1000600,1000800,false,middle,100.05,1\n"       // unknown side
                + "binance,BTCUSDT,1000600,soon,false,bid,100.05,1\n"             // unreadable time
                + "binance,BTCUSDT,1000700,1000900,maybe,bid,100.05,1\n"          // is_snapshot
                + "binance,BTCUSDT,1000800,1001000,false,ask,100.30,-1\n");       // negative amount
        CaptureReader r = CaptureFiles.open(inc, null);
        assertInstanceOf(TardisCsvReader.class, r);
        List<RawFrame> frames = readAll(r);
        assertEquals(4, frames.size());
        assertEquals(3, r.skippedLines());
        String line = r.summary();
        assertTrue(line.contains("7 rows → 4 frames, skipped 3 lines: 3 unreadable (1 7 columns, not 8, "
                + "1 timestamp/local_timestamp not an integer (µs), 1 is_snapshot not true or false; lines 3, 6, 7)"), line);
        assertEquals(List.of("[BOOK_SNAPSHOT]",
                "dead letter: field 'changes[0].price' is not an exact decimal: not a plain decimal: '10x.5'",
                "dead letter: field 'changes[0].side' must be bid or ask, got 'middle'",
                "dead letter: field 'changes[0]' has a non-positive price or a negative amount"), decode(frames));

        Path trades = dir.resolve("trades.csv");
        write(trades, TRADES + "bitmex,XBTUSD,1000300,1000400,a-guid,unknown,100.20,5\n"
                + "bitmex,XBTUSD,1000300,1000400,b-guid,sell,100.20,5\n"
                + "nowhere,XBTUSD,1000300,1000500,1,sell,100.20,5\n");
        List<String> decoded = decode(readAll(CaptureFiles.open(trades, null)));
        assertEquals(2, decoded.size());
        assertTrue(decoded.get(0).startsWith("dead letter: field 'trades[0].side' is unknown"), decoded.get(0));
        assertTrue(decoded.get(1).startsWith("dead letter: tardis exchange 'nowhere' has no venue"), decoded.get(1));
    }

    @Test
    void topNRowsAreTheBookWithoutIncrementalDataAndChecksOrLeftOutWithIt(@TempDir Path dir) throws Exception {
        String h5 = "exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,bids[0].price,bids[0].amount,"
                + "asks[1].price,asks[1].amount,bids[1].price,bids[1].amount\n";
        Path alone = dir.resolve("binance_book_snapshot_2_2024-08-08_ETHUSDT.csv");
        write(alone, h5 + "binance,ETHUSDT,1000000,1000100,2.5,1,2.4,3,2.6,4,,\n");
        List<RawFrame> frames = readAll(CaptureFiles.open(alone, null));
        List<MarketEvent> events = new ArrayList<>();
        Venues.forFeed(TardisVenue.FEED).decoder().decode(frames.get(0), events::add);
        assertEquals(List.of(EventType.BOOK_SNAPSHOT, EventType.BOOK_DELTA), events.stream().map(e -> e.type).toList());
        assertEquals(2, events.get(0).bookDepth);
        assertEquals(1, events.get(0).bidPrices.length); // the empty cells: no second bid
        assertEquals(2, events.get(0).askPrices.length);

        write(dir.resolve("binance_incremental_book_L2_2024-08-08_ETHUSDT.csv"), INC
                + "binance,ETHUSDT,1000000,1000100,true,bid,2.4,3\n");
        TardisCsvReader withBook = (TardisCsvReader) CaptureFiles.open(alone, null);
        frames = readAll(withBook);
        assertEquals(1, frames.size()); // the incremental snapshot only
        assertTrue(withBook.summary().contains("1 book_snapshot_2 rows (the set's incremental_book_L2 is the book)"),
                withBook.summary());
    }

    @Test
    void theHeaderPicksTheReader(@TempDir Path dir) throws Exception {
        Path nautilus = dir.resolve("depth.csv");
        write(nautilus, "symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty,pu\n"
                + "BTCUSDT,1667347199939,2098041693435,2098041696700,a,set,20472.80,0.000,2098041693400\n"
                + "BTCUSDT,1667347199939,2098041693435,2098041696700,b,set,20472.70,1.5,2098041693400\n");
        List<RawFrame> frames = readAll(CaptureFiles.open(nautilus, null));
        assertEquals(1, frames.size());
        assertEquals("binance-futures:BTCUSDT", frames.get(0).key);
        assertEquals(1_667_347_199_939_000_000L, frames.get(0).receiveTimeNs);
        List<MarketEvent> events = new ArrayList<>();
        Venues.forFeed(TardisVenue.FEED).decoder().decode(frames.get(0), events::add);
        MarketEvent d = events.get(0);
        assertEquals(List.of("BTC-USDT-PERP", 2098041693435L, 2098041696700L, 2098041693400L),
                List.of(d.symbol, d.firstUpdateId, d.lastUpdateId, d.prevUpdateId));

        Path other = dir.resolve("other.csv");
        write(other, "time,price\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> CaptureFiles.open(other, null));
        assertTrue(e.getMessage().startsWith("unknown capture format"), e.getMessage());
        IOException feed = assertThrows(IOException.class, () -> CaptureFiles.open(nautilus, "binance-usdm"));
        assertTrue(feed.getMessage().contains("its feed is tardis"), feed.getMessage());
        Map<String, Long> none = new TreeMap<>();
        assertEquals(none, CaptureFiles.filesIn(dir, false).skipped().entrySet().stream()
                .filter(x -> x.getKey().startsWith("of tardis")).collect(TreeMap::new, (m, x) -> m.put(x.getKey(),
                        x.getValue()), Map::putAll));
    }
}
