package io.rrralgorithms.connectors.adapters.binance;

/** The Binance market types, which differ in symbols and book sync rules. */
public enum BinanceMarket {
    SPOT,
    USDM_FUTURES,
    COINM_FUTURES;

    public boolean isFutures() {
        return this != SPOT;
    }
}
