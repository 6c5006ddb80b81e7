package io.rrralgorithms.jobs.bars;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums trades into a {@link TradeBar} exactly. */
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
        b.tradeCount++;
        b.volume = Math.addExact(b.volume, t.size);
        if (t.takerBuy) {
            b.buyVolume += t.size;
        } else {
            b.sellVolume += t.size;
        }
        b.notional = b.notional.add(Decimals.toBigDecimal(t.price).multiply(Decimals.toBigDecimal(t.size)));
        if (t.tradeId < b.firstTradeId) {
            b.firstTradeId = t.tradeId;
            b.open = t.price;
        }
        if (t.tradeId > b.lastTradeId) {
            b.lastTradeId = t.tradeId;
            b.close = t.price;
        }
        b.high = Math.max(b.high, t.price);
        b.low = Math.min(b.low, t.price);
        return b;
    }

    @Override
    public TradeBar getResult(TradeBar b) {
        return b;
    }

    @Override
    public TradeBar merge(TradeBar a, TradeBar b) {
        TradeBar m = new TradeBar();
        m.feed = a.feed != null ? a.feed : b.feed;
        m.nativeSymbol = a.nativeSymbol != null ? a.nativeSymbol : b.nativeSymbol;
        m.symbol = a.symbol != null ? a.symbol : b.symbol;
        m.tradeCount = a.tradeCount + b.tradeCount;
        m.volume = a.volume + b.volume;
        m.buyVolume = a.buyVolume + b.buyVolume;
        m.sellVolume = a.sellVolume + b.sellVolume;
        m.notional = a.notional.add(b.notional);
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
