package io.rrralgorithms.connectors.adapters.bittrex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Bittrex decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link BittrexOracle}); exact fields and dead letters are {@code venue-cases/bittrex.cases}; here
 * the symbols and the partition key read from the compressed messages.
 */
public class BittrexFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(BittrexVenue.VENUE, "bittrex.cases");
    }

    /** Book and ticker events carry no exchange time; REST books are of their frame's market. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        switch (ev.type) {
            case BOOK_DELTA -> assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.lastUpdateId > 0, ev.toString());
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0 && ev.nativeSymbol.equals(f.key), ev.toString());
            default -> assertEquals(EventType.BBO, ev.type);
        }
        assertEquals(0, ev.exchangeTimeMs, "Bittrex sends no time with books and tickers");
    }

    /** No dead letter; the markets with book or ticker messages. */
    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(List.of(), d.errors);
        assertEquals(8, d.symbols.size(), "RDD-BTC and BYND-USD: candles only: " + d.symbols);
    }

    /** A SignalR ticker frame of {@code market} (its message raw-deflated and base64, as Bittrex sends it). */
    public static String tickerFrame(String market) {
        byte[] json = ("{\"symbol\":\"" + market + "\",\"lastTradeRate\":\"1\",\"bidRate\":\"1\",\"askRate\":\"2\"}")
                .getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(json);
        deflater.finish();
        byte[] buf = new byte[1024];
        int n = deflater.deflate(buf);
        deflater.end();
        return "{\"C\":\"x\",\"M\":[{\"H\":\"C3\",\"M\":\"ticker\",\"A\":[\""
                + Base64.getEncoder().encodeToString(Arrays.copyOf(buf, n)) + "\"]}]}";
    }

    @Test
    void symbols() {
        assertEquals("BTC-EUR", BittrexVenue.VENUE.symbols().normalize("BTC-EUR"));
        assertEquals("REPV2-ETH", BittrexVenue.VENUE.symbols().toNative(" repv2-eth "));
        assertThrows(IllegalArgumentException.class, () -> BittrexVenue.VENUE.symbols().normalize("BTC-USD-PERP"));
        assertThrows(IllegalArgumentException.class, () -> BittrexVenue.VENUE.symbols().normalize("btc-usd"));
        assertThrows(IllegalArgumentException.class, () -> BittrexVenue.VENUE.symbols().toNative("BTC-USD-PERP"));
    }

    @Test
    void framesWithoutAMessageHaveNoKey() {
        assertNull(BittrexVenue.partitionKey("{\"C\":\"d-1\",\"S\":1,\"M\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertNull(BittrexVenue.partitionKey("{\"C\":\"x\",\"M\":[{\"H\":\"C3\",\"M\":\"orderBook\",\"A\":[\"not base64!\"]}]}"
                .getBytes(StandardCharsets.UTF_8)));
    }
}
