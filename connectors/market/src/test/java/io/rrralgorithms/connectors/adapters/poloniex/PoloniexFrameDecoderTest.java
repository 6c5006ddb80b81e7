package io.rrralgorithms.connectors.adapters.poloniex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Poloniex beyond its contract entry, {@code poloniex.cases} and table rows: the per-event checks and the
 * values on the listed ticks at each event's own scale (the contract's catalog check reads them at 8).
 */
public class PoloniexFrameDecoderTest {

    /** Exchange times of the session; book ids chained by lastId; venue trade ids. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(PoloniexVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs < receiveMs + 5_000L, ev.toString());
        switch (ev.type) {
            case BOOK_DELTA -> assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.prevUpdateId < ev.lastUpdateId
                    && ev.prevUpdateId > 0, ev.toString());
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0, ev.toString());
            default -> {
                assertEquals(EventType.TRADE, ev.type);
                assertTrue(ev.tradeId > 0, ev.toString());
            }
        }
    }

    /** The one dead letter: MDT_BTC's snapshot, prices of 1e-9. */
    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(List.of(), d.errors, "MDT_BTC's 1e-9 prices decode at scale 9");
        assertEquals(11, d.symbols.size(), "every pair, MDT_BTC too: " + d.symbols);
    }

    /** A trade of {@code nativeSymbol}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String nativeSymbol) {
        return "{\"channel\":\"trades\",\"data\":[{\"symbol\":\"" + nativeSymbol + "\",\"quantity\":\"1\","
                + "\"takerSide\":\"buy\",\"createTime\":1661123533608,\"price\":\"1\",\"id\":\"1\",\"ts\":1661123533613}]}";
    }

    /** Every price and quantity decoded from the capture lies on its market's tick and lot (10^-priceScale, 10^-quantityScale). */
    @Test
    void everyDecodedValueLiesOnItsMarketsTickAndLot() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("POLONIEX.0"), PoloniexVenue.VENUE);
        FrameDecoder decoder = PoloniexVenue.VENUE.decoder();
        int prices = 0;
        try (CaptureReader r = CaptureFiles.open(SharedData.cryptofeed("POLONIEX.ws.1.0"), null)) {
            while (r.hasNext()) {
                List<MarketEvent> events = new ArrayList<>();
                decoder.decode(r.next(), events::add); // MDT_BTC's snapshot too, at its scale 9
                for (MarketEvent ev : events) {
                    Instrument i = catalog.byNative(ev.nativeSymbol).orElseThrow();
                    long tick = Mantissa.m(i.tickSize(), ev.priceScale);
                    long lot = Mantissa.m(i.lotSize(), ev.sizeScale);
                    boolean trade = ev.type == EventType.TRADE;
                    for (long p : trade ? new long[] {ev.price} : LongStream.concat(LongStream.of(ev.bidPrices),
                            LongStream.of(ev.askPrices)).toArray()) {
                        assertEquals(0, p % tick, ev.nativeSymbol + " price " + p);
                        prices++;
                    }
                    for (long q : trade ? new long[] {ev.size} : LongStream.concat(LongStream.of(ev.bidSizes),
                            LongStream.of(ev.askSizes)).toArray()) {
                        assertEquals(0, q % lot, ev.nativeSymbol + " quantity " + q);
                    }
                }
            }
        }
        assertEquals(391 + 20 + 20 + 517 + 6, prices,
                "every snapshot level (DYP_USDT: 11 bids; MDT_BTC: 20 + 20), update level and trade price");
    }

}
