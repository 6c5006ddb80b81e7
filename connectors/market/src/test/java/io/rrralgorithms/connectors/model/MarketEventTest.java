package io.rrralgorithms.connectors.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MarketEventTest {
    @Test
    void theInstrumentKeyFollowsFeedAndSymbol() {
        MarketEvent e = MarketEvent.trade("binance-spot", "BTCUSDT", "BTC-USDT", 1L);
        String key = e.instrumentKey();
        assertEquals("binance-spot:BTCUSDT", key);
        assertSame(key, e.instrumentKey(), "kept while feed and symbol stay");
        e.nativeSymbol = "ETHUSDT";
        assertEquals("binance-spot:ETHUSDT", e.instrumentKey());
        e.feed = "binance-usdm";
        assertEquals("binance-usdm:ETHUSDT", e.instrumentKey());
        e.feed = null;
        assertEquals("null:ETHUSDT", e.instrumentKey());
    }
}
