package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.kafka.ResyncRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResyncLimiterTest {
    private static final long S = 1_000_000_000L;

    @Test
    void oneResyncPerSymbolPerIntervalAndBurstsCoalesce() {
        AtomicLong now = new AtomicLong(100 * S);
        ResyncLimiter l = new ResyncLimiter(Duration.ofSeconds(5), now::get);

        // the first request runs at once
        ResyncLimiter.Decision d = l.request("binance-spot:BTCUSDT");
        assertFalse(d.coalesced());
        assertEquals(0, d.delayNanos());
        // until it has run, everything is folded into it
        assertTrue(l.request("binance-spot:BTCUSDT").coalesced());
        l.fired("binance-spot:BTCUSDT");

        // a storm 1 s later: one resync at the end of the interval (4 s from now), the rest coalesced
        now.addAndGet(S);
        d = l.request("binance-spot:BTCUSDT");
        assertFalse(d.coalesced());
        assertEquals(4 * S, d.delayNanos());
        for (int i = 0; i < 100; i++) {
            now.addAndGet(S / 100);
            assertTrue(l.request("binance-spot:BTCUSDT").coalesced());
        }
        // another symbol is limited on its own
        ResyncLimiter.Decision other = l.request("binance-spot:ETHUSDT");
        assertFalse(other.coalesced());
        assertEquals(0, other.delayNanos());

        // the scheduled one runs at 105 s; a request right after waits for 110 s
        now.set(105 * S);
        l.fired("binance-spot:BTCUSDT");
        now.set(105 * S + S / 2);
        d = l.request("binance-spot:BTCUSDT");
        assertFalse(d.coalesced());
        assertEquals(5 * S - S / 2, d.delayNanos());
        l.fired("binance-spot:BTCUSDT");

        // long quiet: at once again
        now.set(200 * S);
        d = l.request("binance-spot:BTCUSDT");
        assertEquals(0, d.delayNanos());
        assertFalse(d.coalesced());
    }

    @Test
    void zeroIntervalNeverDelays() {
        AtomicLong now = new AtomicLong(0);
        ResyncLimiter l = new ResyncLimiter(Duration.ZERO, now::get);
        for (int i = 0; i < 3; i++) {
            ResyncLimiter.Decision d = l.request("k");
            assertEquals(0, d.delayNanos());
            l.fired("k");
        }
    }

    @Test
    void requestsRoundTripAsJson() {
        var r = new ResyncRequests.Request("binance-spot", "BTCUSDT", "sequence break: expected U <= 11", 1723075200123L,
                1723075200123456789L);
        byte[] json = ResyncRequests.toJson(r);
        assertEquals("{\"feed\":\"binance-spot\",\"nativeSymbol\":\"BTCUSDT\",\"reason\":\"sequence break: expected U <= 11\","
                + "\"exchangeTimeMs\":1723075200123,\"receiveTimeNs\":1723075200123456789}",
                new String(json, StandardCharsets.UTF_8));
        assertEquals(r, ResyncRequests.parse(json));
        assertEquals("binance-spot:BTCUSDT", r.key());
        assertThrows(IllegalArgumentException.class, () -> ResyncRequests.parse("{".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> ResyncRequests.parse("{\"feed\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
