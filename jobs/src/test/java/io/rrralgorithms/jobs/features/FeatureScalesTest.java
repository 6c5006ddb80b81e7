package io.rrralgorithms.jobs.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Features of an instrument at its own scales: volumes exact at the finest lot, mid and spread exact at the tick. */
class FeatureScalesTest {
    private static MarketEvent trade(String price, int priceScale, String size, int sizeScale, boolean buy) {
        MarketEvent t = MarketEvent.trade("kucoin", "CAPP-BTC", "CAPP-BTC", 1L);
        t.priceScale = priceScale;
        t.sizeScale = sizeScale;
        t.price = Decimals.parse(price, priceScale);
        t.size = Decimals.parse(size, sizeScale);
        t.takerBuy = buy;
        return t;
    }

    @Test
    void volumesFollowTheFinestLotAndTheBookItsTick() {
        InstrumentFeatures f = InstrumentFeatures.create(5);
        f.addTrade(trade("0.00000052", 8, "100", 8, true), 1_000L);
        f.addTrade(trade("0.0000005201", 10, "0.000000001", 9, false), 1_500L);
        BookTop top = new BookTop();
        top.feed = "kucoin";
        top.nativeSymbol = "CAPP-BTC";
        top.symbol = "CAPP-BTC";
        top.synced = true;
        top.priceScale = 10;
        top.sizeScale = 8;
        top.bidPrices = new long[] {5_201L};
        top.bidSizes = new long[] {Decimals.parse("3")};
        top.askPrices = new long[] {5_204L};
        top.askSizes = new long[] {Decimals.parse("1")};
        f.addTop(top, 1_600L);
        FeatureRow r = f.close(1_000L);
        assertEquals(9, r.sizeScale);
        assertEquals(new BigDecimal("100.000000001"), Decimals.toBigDecimal(r.volume1s, r.sizeScale));
        assertEquals(new BigDecimal("0.000000001"), Decimals.toBigDecimal(r.sellVolume1s, r.sizeScale));
        assertEquals(100.000000001, FeatureRowValues.of(r).value("volume_1s"), 1e-12);
        assertEquals(0, new BigDecimal("0.00000052025").compareTo(r.mid), r.mid.toPlainString());
        assertEquals(0, new BigDecimal("0.0000000003").compareTo(r.spread), r.spread.toPlainString());
        assertEquals(new BigDecimal("100.000000001"), Decimals.toBigDecimal(r.volume1m, r.sizeScale), "the 1-minute ring too");
    }
}
