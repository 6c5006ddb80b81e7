package io.rrralgorithms.connectors.adapters.okcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.adapters.okx.OkxChecksum;
import io.rrralgorithms.connectors.adapters.okx.OkxSyncRules;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OKCoin = OKX's v5 decoder, sync rules and instrument reader with OKCoin's feed, symbols and live spec;
 * beyond its contract entry, {@code okcoin.cases} and table rows: the declaration and the live spec.
 */
public class OkcoinFrameDecoderTest {

    /** Spot symbols as the instId; OKX's books (no decimals, the 400 window); no trade of before the session. */
    public static void event(RawFrame f, MarketEvent e, Decoded d) {
        assertEquals(e.nativeSymbol, e.symbol, "OKCoin's instId is the normalized spot symbol");
        if (e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT) {
            assertEquals(e.type == EventType.BOOK_SNAPSHOT ? 400 : 0, e.bookDepth);
            assertEquals(-1, e.priceDecimals);
            assertEquals(f.receiveTimeNs, e.lastUpdateId, "no seqId in 2023: receive-time ids");
        }
        assertTrue(e.type != EventType.TRADE, "every recorded trade is from before the session");
    }

    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(Map.of("BTC-USD", "BTC-USD", "ETH-USD", "ETH-USD", "USDC-USDT", "USDC-USDT", "USDT-USD", "USDT-USD"),
                d.symbols);
    }

    @Test
    void theDeclarationIsOkxsProtocolWithOkcoinsParts() throws Exception {
        assertTrue(OkcoinVenue.VENUE.bookSyncRules() instanceof OkxSyncRules);
        assertTrue(OkcoinVenue.VENUE.bookSyncRules().checksum() instanceof OkxChecksum);
        assertTrue(OkcoinVenue.VENUE.decoder() != OkcoinVenue.VENUE.decoder(), "one decoder per stream (trade acks)");
        assertEquals("okcoin", Frames.decode(OkcoinVenue.VENUE, "{\"arg\":{\"channel\":\"tickers\",\"instId\":\"ETH-USD\"},"
                + "\"data\":[{\"askPx\":\"2\",\"askSz\":\"1\",\"bidPx\":\"1\",\"bidSz\":\"1\",\"ts\":\"1\"}]}", 1L).get(0).feed);
    }

    @Test
    void liveSpecIsOkxsWithOkcoinsEndpointSymbolsAndTickers() {
        LiveVenue v = Venues.liveForFeed("okcoin");
        assertEquals("wss://real.okcoin.com:8443/ws/v5/public", v.defaultEndpoint());
        assertEquals("BTC-USD", v.nativeSymbol("btc-usd"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USD-PERP"));
        List<LiveStream> streams = v.streams("BTC-USD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USD\"},"
                + "{\"channel\":\"books\",\"instId\":\"BTC-USD\"},{\"channel\":\"tickers\",\"instId\":\"BTC-USD\"}]}",
                v.subscribeMessage(streams, 1));
        assertEquals("ping", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(20), v.heartbeatInterval());
        // real frames of the OKCoin capture
        byte[] ticker = Frames.utf8("{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USD\"},\"data\":[{\"instType\":\"SPOT\"}]}");
        assertEquals("tickers:BTC-USD", v.streamOf(ticker));
        assertEquals("BTC-USD", v.partitionKey(ticker));
        assertNull(v.streamOf(Frames.utf8("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USD\"}}")));
        assertNull(v.streamOf(Frames.utf8("pong")));
        assertEquals("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel\"}",
                v.errorOf(Frames.utf8("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel\"}")));
    }
}
