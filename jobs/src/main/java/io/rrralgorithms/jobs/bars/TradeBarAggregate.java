package io.rrralgorithms.jobs.bars;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums trades into a {@link TradeBar} exactly; each trade's notional by the contract terms it carries. */
public class TradeBarAggregate implements AggregateFunction<MarketEvent, TradeBar, TradeBar> {
    @Override
    public TradeBar createAccumulator() {
        return new TradeBar();
    }

    @Override
    public TradeBar add(MarketEvent t, TradeBar b) {
        if (b.feed == null) {
            b.feed = t.feed;
            b.nativeSymbol = t.nativeSymbol;
            b.symbol = t.symbol;
        }
        if (b.notionalCurrency == null) {
            b.notionalCurrency = t.notionalCurrency;
        }
        if (t.priceScale > b.priceScale) {
            b.rescalePrices(t.priceScale); // a finer tick: the bar follows, exactly
        }
        if (t.sizeScale > b.sizeScale) {
            b.rescaleSizes(t.sizeScale);
        }
        long price = Decimals.rescale(t.price, t.priceScale, b.priceScale);
        long size = Decimals.rescale(t.size, t.sizeScale, b.sizeScale);
        b.priceVolume = b.priceVolume.add(Decimals.toBigDecimal(t.price, t.priceScale)
                .multiply(Decimals.toBigDecimal(t.size, t.sizeScale)));
        b.notional = b.notional.add(t.tradeNotional());
        b.tradeCount++;
        b.volume = Math.addExact(b.volume, size);
        if (t.takerBuy) {
            b.buyVolume += size;
        } else {
            b.sellVolume += size;
        }
        if (t.tradeId < b.firstTradeId) {
            b.firstTradeId = t.tradeId;
            b.open = price;
        }
        if (t.tradeId > b.lastTradeId) {
            b.lastTradeId = t.tradeId;
            b.close = price;
        }
        b.high = Math.max(b.high, price);
        b.low = Math.min(b.low, price);
        return b;
    }

    @Override
    public TradeBar getResult(TradeBar b) {
        return b;
    }

    @Override
    public TradeBar merge(TradeBar a, TradeBar b) {
        int ps = Math.max(a.priceScale, b.priceScale);
        int ss = Math.max(a.sizeScale, b.sizeScale);
        for (TradeBar x : new TradeBar[] {a, b}) {
            if (x.priceScale < ps) {
                x.rescalePrices(ps);
            }
            if (x.sizeScale < ss) {
                x.rescaleSizes(ss);
            }
        }
        TradeBar m = new TradeBar();
        m.priceScale = ps;
        m.sizeScale = ss;
        m.feed = a.feed != null ? a.feed : b.feed;
        m.nativeSymbol = a.nativeSymbol != null ? a.nativeSymbol : b.nativeSymbol;
        m.symbol = a.symbol != null ? a.symbol : b.symbol;
        m.tradeCount = a.tradeCount + b.tradeCount;
        m.volume = a.volume + b.volume;
        m.buyVolume = a.buyVolume + b.buyVolume;
        m.sellVolume = a.sellVolume + b.sellVolume;
        m.notional = a.notional.add(b.notional);
        m.priceVolume = a.priceVolume.add(b.priceVolume);
        m.notionalCurrency = a.notionalCurrency != null ? a.notionalCurrency : b.notionalCurrency;
        boolean aFirst = a.firstTradeId <= b.firstTradeId;
        m.firstTradeId = aFirst ? a.firstTradeId : b.firstTradeId;
        m.open = aFirst ? a.open : b.open;
        boolean aLast = a.lastTradeId >= b.lastTradeId;
        m.lastTradeId = aLast ? a.lastTradeId : b.lastTradeId;
        m.close = aLast ? a.close : b.close;
        m.high = Math.max(a.high, b.high);
        m.low = Math.min(a.low, b.low);
        return m;
    }
}
