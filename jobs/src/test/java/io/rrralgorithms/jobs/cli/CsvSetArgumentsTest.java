package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tardis CSVs given one by one or as their folder: each day's set is read once, through its first file. */
class CsvSetArgumentsTest {

    @Test
    void theFilesOfOneSetAreReadOnce(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("binance_incremental_book_L2_2024-08-08_BTCUSDT.csv");
        Path trades = dir.resolve("binance_trades_2024-08-08_BTCUSDT.csv");
        Path nextDay = dir.resolve("binance_trades_2024-08-09_BTCUSDT.csv");
        Files.writeString(book, "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n"
                + "binance,BTCUSDT,1,2,true,bid,1,1\n");
        Files.writeString(trades, "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
                + "binance,BTCUSDT,1,2,7,buy,1,1\n");
        Files.writeString(nextDay, "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
                + "binance,BTCUSDT,1,2,8,buy,1,1\n");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(notes, true, StandardCharsets.UTF_8);

        CaptureArguments.Resolved r = CaptureArguments.resolve(List.of(trades, book, nextDay), null, out);
        assertEquals(List.of(trades, nextDay), r.files());
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains(book + ": read with " + trades), notes::toString);

        r = CaptureArguments.resolve(List.of(dir), null, out);
        assertEquals(List.of(book, nextDay), r.files());
    }
}
