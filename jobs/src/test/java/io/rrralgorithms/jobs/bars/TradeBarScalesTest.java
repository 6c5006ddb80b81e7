package io.rrralgorithms.jobs.bars;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** A bar of trades at different scales is exact: it follows the finest scale of its trades. */
class TradeBarScalesTest {
    private static MarketEvent trade(long id, String price, String size, boolean buy) {
        MarketEvent t = MarketEvent.trade("kucoin", "CAPP-BTC", "CAPP-BTC", 1L);
        t.tradeId = id;
        t.takerBuy = buy;
        BigDecimal p = new BigDecimal(price);
        BigDecimal s = new BigDecimal(size);
        t.priceScale = Math.max(8, p.scale());
        t.sizeScale = Math.max(8, s.scale());
        t.price = Decimals.of(p, t.priceScale);
        t.size = Decimals.of(s, t.sizeScale);
        return t;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s).stripTrailingZeros();
    }

    @Test
    void aFinerTradeRescalesTheBarExactly() {
        TradeBarAggregate agg = new TradeBarAggregate();
        TradeBar b = agg.createAccumulator();
        agg.add(trade(1, "0.00000052", "100", true), b);
        agg.add(trade(2, "0.0000005201", "0.000000001", false), b); // a 1e-10 tick, a 1e-9 lot
        agg.add(trade(3, "0.00000051", "2.5", true), b);
        assertEquals(10, b.priceScale);
        assertEquals(9, b.sizeScale);
        assertEquals(d("0.00000052"), Decimals.toBigDecimal(b.open, b.priceScale).stripTrailingZeros());
        assertEquals(d("0.0000005201"), Decimals.toBigDecimal(b.high, b.priceScale).stripTrailingZeros());
        assertEquals(d("0.00000051"), Decimals.toBigDecimal(b.low, b.priceScale).stripTrailingZeros());
        assertEquals(d("0.00000051"), Decimals.toBigDecimal(b.close, b.priceScale).stripTrailingZeros());
        assertEquals(d("102.500000001"), Decimals.toBigDecimal(b.volume, b.sizeScale).stripTrailingZeros());
        assertEquals(d("102.5"), Decimals.toBigDecimal(b.buyVolume, b.sizeScale).stripTrailingZeros());
        assertEquals(d("0.000000001"), Decimals.toBigDecimal(b.sellVolume, b.sizeScale).stripTrailingZeros());
        BigDecimal notional = d("0.000052").add(d("0.0000005201").multiply(d("0.000000001")))
                .add(d("0.000001275"));
        assertEquals(0, notional.compareTo(b.notional), b.notional.toPlainString());
        assertEquals(notional.divide(d("102.500000001"), TradeBar.VWAP_SCALE, RoundingMode.HALF_EVEN), b.vwap());
    }

    @Test
    void mergingBarsOfDifferentScalesIsExact() {
        TradeBarAggregate agg = new TradeBarAggregate();
        TradeBar a = agg.add(trade(1, "0.00000052", "100", true), agg.createAccumulator());
        TradeBar b = agg.add(trade(2, "0.0000005201", "0.000000001", false), agg.createAccumulator());
        TradeBar m = agg.merge(a, b);
        assertEquals(10, m.priceScale);
        assertEquals(9, m.sizeScale);
        assertEquals(d("100.000000001"), Decimals.toBigDecimal(m.volume, m.sizeScale).stripTrailingZeros());
        assertEquals(d("0.0000005201"), Decimals.toBigDecimal(m.close, m.priceScale).stripTrailingZeros());
        assertEquals(d("0.00000052"), Decimals.toBigDecimal(m.low, m.priceScale).stripTrailingZeros());
    }
}
