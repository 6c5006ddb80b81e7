package io.rrralgorithms.connectors.adapters.bybit;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bybit v5 public frames (the live capture's topics), hand-written in the API's documented format
 * (no v5 recording exists in the shared data): books with the {@code u} chain, level-1 as BBO,
 * trades, op replies, malformed frames ({@code venue-cases/bybit-v5.cases}); and the v5 branch of
 * {@link BybitSyncRules}.
 */
class BybitV5FrameDecoderTest {
    private final Venue adapter = Venues.forFeed("bybit");

    /** A v5 book event as the cases show the decoder stamping it: last = u, prev = u - 1. */
    private static MarketEvent v5(MarketEvent e, long u) {
        e.lastUpdateId = u;
        e.prevUpdateId = u - 1;
        return e;
    }

    private static MarketEvent delta(long u) {
        return v5(MarketEvent.delta("bybit", "BTCUSDT", "BTC-USDT-PERP", 42L), u);
    }

    @Test
    void v5DeltasChainByU() {
        BookSyncRules rules = adapter.bookSyncRules();
        MarketEvent snap = v5(MarketEvent.snapshot("bybit", "BTCUSDT", "BTC-USDT-PERP", 42L), 100);
        snap.bookDepth = 50;
        assertTrue(BybitSyncRules.isV5(snap));
        MarketEvent d1 = delta(101);
        MarketEvent d2 = delta(102);
        // joining the snapshot
        assertTrue(rules.isStale(delta(100), 100));
        assertFalse(rules.isStale(d1, 100));
        assertTrue(rules.bridgesSnapshot(d1, 100));
        assertFalse(rules.bridgesSnapshot(d2, 100), "u must be the snapshot's + 1");
        // chaining: u = previous + 1, a skipped u is a gap
        assertTrue(rules.continues(d2, 101));
        assertFalse(rules.continues(delta(104), 102), "u=103 skipped");
        assertTrue(rules.isDuplicate(d1, 102));
        // a restart snapshot (u=1) is never older: it resets the book
        assertFalse(rules.isOlderSnapshot(v5(MarketEvent.snapshot("bybit", "BTCUSDT", "BTC-USDT-PERP", 42L), 1), 102));
        assertTrue(rules.bridgesSnapshot(delta(2), 1L));
        // v2 events keep the cross_seq rules (not contiguous, only increasing)
        MarketEvent v2 = new MarketEvent();
        v2.lastUpdateId = 110;
        assertFalse(BybitSyncRules.isV5(v2));
        assertTrue(rules.continues(v2, 100));
        assertTrue(rules.bridgesSnapshot(v2, 100));
        assertTrue(rules.isOlderSnapshot(v2, 110));
        assertEquals(50, rules.maxDepth(snap));
    }

    /** The live spec and the decoder agree on symbols: what the live venue subscribes decodes to it back. */
    @Test
    void liveSpecAgrees() throws Exception {
        LiveVenue live = Venues.liveForFeed("bybit");
        for (String normalized : List.of("BTC-USDT-PERP", "ETH-USDT-PERP", "BTC-USD-PERP")) {
            String json = "{\"topic\":\"orderbook.50.%s\",\"type\":\"snapshot\",\"ts\":1672304484978,\"data\":{\"s\":\"%s\","
                    + "\"b\":[],\"a\":[],\"u\":7,\"seq\":7961638724},\"cts\":1672304484976}";
            String nat = live.nativeSymbol(normalized);
            List<MarketEvent> out = Frames.decode(adapter, json.formatted(nat, nat), 42L);
            assertEquals(1, out.size());
            assertEquals(normalized, out.get(0).symbol);
        }
        assertTrue(live.defaultEndpoint().endsWith("/v5/public/linear"));
        assertThrows(IllegalArgumentException.class, () -> live.nativeSymbol("BTC-USDT"));
    }
}
