package io.rrralgorithms.connectors.model;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * One normalized market-data event. A single flat POJO (rather than a class hierarchy): between
 * the job's tasks Flink writes it with {@code MarketEventSerializer} (rrr-flink-io), in keyed state
 * with its PojoSerializer, never Kryo. A new field needs a line in MarketEventSerializer (its test
 * fails until then).
 *
 * <p>Prices and sizes are exact mantissas with {@link #priceScale} and {@link #sizeScale} fractional
 * digits ({@link Decimals#SCALE} for almost every instrument; finer or coarser where the venue's
 * numbers need it, see {@link Decimals}). Both
 * times are kept: the exchange's event time (ms, 0 when the frame has none) and the local receive
 * time (ns since epoch).
 */
public class MarketEvent {
    public static final long NONE = -1L;
    /** {@link #checksum} of a frame that carries none (a checksum may be any 32-bit value, -1 too). */
    public static final long NO_CHECKSUM = Long.MIN_VALUE;
    /** The levels of a side without any: one shared array, since an empty array cannot change. */
    public static final long[] NO_LEVELS = new long[0];

    public EventType type;
    /** Feed id, e.g. {@code binance-spot}; one raw Kafka topic per feed. */
    public String feed;
    /** The venue's own symbol, e.g. {@code BTCUSDT}. */
    public String nativeSymbol;
    /** Normalized symbol, e.g. {@code BTC-USDT} or {@code BTC-USDT-PERP}. */
    public String symbol;
    public long exchangeTimeMs;
    public long receiveTimeNs;
    /**
     * When the frame entered this system on the wall clock, ns since epoch: the receive time of a
     * live capture, the publish time of a replay (whose receive time is the recorded one); 0 when
     * unknown. Only for latency measurement: not data, so not part of {@link #equals}.
     */
    public long ingestNs;

    /** Book sequence: first/last update id of a delta (U/u), snapshot id in lastUpdateId. */
    public long firstUpdateId = NONE;
    public long lastUpdateId = NONE;
    /** Previous delta's last update id where the venue sends it (Binance futures {@code pu}). */
    public long prevUpdateId = NONE;

    /**
     * The book checksum the venue sent with this snapshot/delta (Kraken, OKX, Bitfinex), checked
     * against the local book after it is applied; {@link #NO_CHECKSUM} when the frame has none.
     */
    public long checksum = NO_CHECKSUM;
    /**
     * Fractional digits of the price / size strings as the venue formats them for this instrument
     * (-1 when unknown): a checksum over the venue's strings needs them to rebuild those strings
     * from exact mantissas.
     */
    public int priceDecimals = -1;
    public int sizeDecimals = -1;
    /** Fractional digits of the price mantissas of this event ({@link #price}, bid/ask prices). */
    public int priceScale = Decimals.SCALE;
    /** Fractional digits of the size mantissas of this event ({@link #size}, bid/ask sizes). */
    public int sizeScale = Decimals.SCALE;
    /**
     * Of a snapshot: the levels per side the venue maintains for this subscription (Kraken's
     * {@code book-N}), 0 when unbounded or not stated; see {@code BookSyncRules.maxDepth}.
     */
    public int bookDepth;

    /** Levels of a delta, snapshot or BBO (BBO: one level each side). */
    public long[] bidPrices;
    public long[] bidSizes;
    public long[] askPrices;
    public long[] askSizes;

    /** Trade fields. */
    public long price;
    public long size;
    /** True when the taker (aggressor) bought. */
    public boolean takerBuy;
    public long tradeId = NONE;

    /**
     * DERIVATIVES fields, each set only where its bit of {@link #derivativeFields} is: mark price,
     * index price and funding rate (a fraction per funding interval, 0.0001 = 0.01 %) are mantissas
     * at {@link #priceScale}, open interest at {@link #sizeScale} (in the venue's unit: contracts or
     * base currency), the next funding time in ms since epoch. A bit mask rather than sentinel
     * values: any long is a valid mantissa (a funding rate is negative as often as not).
     */
    public int derivativeFields;
    public long markPrice;
    public long indexPrice;
    public long fundingRate;
    public long nextFundingTimeMs;
    public long openInterest;

    /** Bits of {@link #derivativeFields}. */
    public static final int MARK_PRICE = 1;
    public static final int INDEX_PRICE = 1 << 1;
    public static final int FUNDING_RATE = 1 << 2;
    public static final int NEXT_FUNDING_TIME = 1 << 3;
    public static final int OPEN_INTEREST = 1 << 4;

    /**
     * Contract terms ({@link ContractTerms}) of an INSTRUMENT event, and of a trade once the job's
     * keyed state stamped it with its instrument's: the kind (null: none known, the notional is
     * price × size), the multiplier as a mantissa at {@link #contractMultiplierScale}, and the
     * currency of the notional.
     */
    public ContractTerms.Kind contractKind;
    public long contractMultiplier;
    public int contractMultiplierScale;
    public String notionalCurrency;

    /** DECODE_ERROR fields: the reason, and the frame's bytes as received (capped). */
    public String error;
    public byte[] payload;

    public MarketEvent() {}

    /**
     * An event of {@code type} for one instrument, as a decoder starts it: the decoder then sets
     * what the frame says (times, update ids, levels or the trade).
     */
    public static MarketEvent of(EventType type, String feed, String nativeSymbol, String symbol, long receiveTimeNs) {
        MarketEvent e = new MarketEvent();
        e.type = type;
        e.feed = feed;
        e.nativeSymbol = nativeSymbol;
        e.symbol = symbol;
        e.receiveTimeNs = receiveTimeNs;
        return e;
    }

    /** A trade; the decoder sets its time, id, price, size and side. */
    public static MarketEvent trade(String feed, String nativeSymbol, String symbol, long receiveTimeNs) {
        return of(EventType.TRADE, feed, nativeSymbol, symbol, receiveTimeNs);
    }

    /** A book delta; the decoder sets its update ids and {@link #levels}. */
    public static MarketEvent delta(String feed, String nativeSymbol, String symbol, long receiveTimeNs) {
        return of(EventType.BOOK_DELTA, feed, nativeSymbol, symbol, receiveTimeNs);
    }

    /** A book snapshot; the decoder sets its update id and {@link #levels}. */
    public static MarketEvent snapshot(String feed, String nativeSymbol, String symbol, long receiveTimeNs) {
        return of(EventType.BOOK_SNAPSHOT, feed, nativeSymbol, symbol, receiveTimeNs);
    }

    /** A best bid and offer; the decoder sets its {@link #top} (or {@link #levels}). */
    public static MarketEvent bbo(String feed, String nativeSymbol, String symbol, long receiveTimeNs) {
        return of(EventType.BBO, feed, nativeSymbol, symbol, receiveTimeNs);
    }

    /** A derivative's state; the decoder sets the fields the frame carries ({@link #derivativeFields}). */
    public static MarketEvent derivatives(String feed, String nativeSymbol, String symbol, long receiveTimeNs) {
        return of(EventType.DERIVATIVES, feed, nativeSymbol, symbol, receiveTimeNs);
    }

    /** An instrument's contract terms, for keyed state and the trades it stamps ({@link #setContractTerms}). */
    public static MarketEvent instrument(String feed, String nativeSymbol, String symbol, long receiveTimeNs,
            ContractTerms terms) {
        MarketEvent e = of(EventType.INSTRUMENT, feed, nativeSymbol, symbol, receiveTimeNs);
        e.setContractTerms(terms);
        return e;
    }

    /** The contract terms this event carries, or null where it carries none. */
    public ContractTerms contractTerms() {
        return contractKind == null ? null
                : new ContractTerms(contractKind, BigDecimal.valueOf(contractMultiplier, contractMultiplierScale),
                        notionalCurrency);
    }

    /** Sets (null: clears) the contract terms; a multiplier must fit a long mantissa (18 digits at most). */
    public void setContractTerms(ContractTerms t) {
        if (t == null) {
            contractKind = null;
            contractMultiplier = 0;
            contractMultiplierScale = 0;
            notionalCurrency = null;
            return;
        }
        contractKind = t.kind();
        contractMultiplier = t.multiplier().unscaledValue().longValueExact();
        contractMultiplierScale = t.multiplier().scale();
        notionalCurrency = t.currency();
    }

    /** Copies another event's contract terms (an INSTRUMENT event's onto a trade). */
    public void copyContractTerms(MarketEvent from) {
        contractKind = from.contractKind;
        contractMultiplier = from.contractMultiplier;
        contractMultiplierScale = from.contractMultiplierScale;
        notionalCurrency = from.notionalCurrency;
    }

    /**
     * A trade's notional, exact: by its contract terms where it carries them (see
     * {@link ContractTerms#notional}), else price × size (multiplier 1, linear).
     */
    public BigDecimal tradeNotional() {
        BigDecimal p = Decimals.toBigDecimal(price, priceScale);
        BigDecimal q = Decimals.toBigDecimal(size, sizeScale);
        if (contractKind == null) {
            return p.multiply(q);
        }
        BigDecimal m = BigDecimal.valueOf(contractMultiplier, contractMultiplierScale);
        return contractKind == ContractTerms.Kind.INVERSE ? q.multiply(m) : p.multiply(q).multiply(m);
    }

    /** Whether this DERIVATIVES event carries {@code field} (a bit such as {@link #MARK_PRICE}). */
    public boolean has(int field) {
        return (derivativeFields & field) != 0;
    }

    /**
     * Sets one DERIVATIVES field, named by its bit ({@link #MARK_PRICE}, {@link #INDEX_PRICE},
     * {@link #FUNDING_RATE}, {@link #NEXT_FUNDING_TIME}, {@link #OPEN_INTEREST}), and marks it
     * carried; returns this event.
     */
    public MarketEvent derivative(int field, long value) {
        switch (field) {
            case MARK_PRICE -> markPrice = value;
            case INDEX_PRICE -> indexPrice = value;
            case FUNDING_RATE -> fundingRate = value;
            case NEXT_FUNDING_TIME -> nextFundingTimeMs = value;
            case OPEN_INTEREST -> openInterest = value;
            default -> throw new IllegalArgumentException("not one DERIVATIVES field bit: " + field);
        }
        derivativeFields |= field;
        return this;
    }

    /** Sets the levels of both sides, each as {@code {prices, sizes}}; returns this event. */
    public MarketEvent levels(long[][] bids, long[][] asks) {
        return levels(bids[0], bids[1], asks[0], asks[1]);
    }

    /** Sets the levels of both sides (the arrays are kept, not copied); returns this event. */
    public MarketEvent levels(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes) {
        this.bidPrices = bidPrices;
        this.bidSizes = bidSizes;
        this.askPrices = askPrices;
        this.askSizes = askSizes;
        return this;
    }

    /** Sets one level on each side (a BBO's best bid and offer); returns this event. */
    public MarketEvent top(long bidPrice, long bidSize, long askPrice, long askSize) {
        return levels(new long[] {bidPrice}, new long[] {bidSize}, new long[] {askPrice}, new long[] {askSize});
    }

    /** Sets one level on one side, a bid when {@code bid}, and none on the other; returns this event. */
    public MarketEvent oneLevel(boolean bid, long price, long size) {
        long[] prices = {price};
        long[] sizes = {size};
        return bid ? levels(prices, sizes, NO_LEVELS, NO_LEVELS) : levels(NO_LEVELS, NO_LEVELS, prices, sizes);
    }

    /** Sets no level on either side (a delta that only carries a sequence or a checksum); returns this event. */
    public MarketEvent noLevels() {
        return levels(NO_LEVELS, NO_LEVELS, NO_LEVELS, NO_LEVELS);
    }

    public String instrumentKey() {
        // asked several times per event on the hot path (routing, counters, keyBy): kept while
        // feed and symbol are the same objects; transient, so not part of the Flink POJO
        if (keyFeed != feed || keySymbol != nativeSymbol || key == null) {
            key = instrumentKey(feed, nativeSymbol);
            keyFeed = feed;
            keySymbol = nativeSymbol;
        }
        return key;
    }

    private transient String key;
    private transient String keyFeed;
    private transient String keySymbol;

    public static String instrumentKey(String feed, String nativeSymbol) {
        return feed + ':' + nativeSymbol;
    }

    /** Event time for watermarks: the exchange's time where the frame has one, else receive time. */
    public long eventTimeMs() {
        return exchangeTimeMs > 0 ? exchangeTimeMs : receiveTimeNs / 1_000_000L;
    }

    public static MarketEvent decodeError(String feed, String key, long receiveTimeNs, String error, byte[] payload) {
        MarketEvent e = of(EventType.DECODE_ERROR, feed, key, null, receiveTimeNs);
        e.error = error;
        e.payload = payload;
        return e;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder()
                .append(type).append(' ').append(feed).append(':').append(nativeSymbol)
                .append(" E=").append(exchangeTimeMs).append(" recvNs=").append(receiveTimeNs);
        switch (type) {
            case TRADE -> b.append(" px=").append(Decimals.toPlainString(price, priceScale))
                    .append(" qty=").append(Decimals.toPlainString(size, sizeScale))
                    .append(takerBuy ? " BUY" : " SELL").append(" id=").append(tradeId);
            case BOOK_DELTA, BOOK_SNAPSHOT, BBO -> b.append(" U=").append(firstUpdateId)
                    .append(" u=").append(lastUpdateId).append(" pu=").append(prevUpdateId)
                    .append(" bids=").append(bidPrices == null ? 0 : bidPrices.length)
                    .append(" asks=").append(askPrices == null ? 0 : askPrices.length)
                    .append(checksum == NO_CHECKSUM ? "" : " checksum=" + checksum);
            case DECODE_ERROR -> b.append(" error=").append(error);
            case INSTRUMENT -> b.append(" terms=").append(contractKind == null ? "none" : contractTerms().describe());
            case DERIVATIVES -> {
                if (has(MARK_PRICE)) {
                    b.append(" mark=").append(Decimals.toPlainString(markPrice, priceScale));
                }
                if (has(INDEX_PRICE)) {
                    b.append(" index=").append(Decimals.toPlainString(indexPrice, priceScale));
                }
                if (has(FUNDING_RATE)) {
                    b.append(" funding=").append(Decimals.toPlainString(fundingRate, priceScale));
                }
                if (has(NEXT_FUNDING_TIME)) {
                    b.append(" nextFunding=").append(nextFundingTimeMs);
                }
                if (has(OPEN_INTEREST)) {
                    b.append(" oi=").append(Decimals.toPlainString(openInterest, sizeScale));
                }
            }
        }
        if (priceScale != Decimals.SCALE || sizeScale != Decimals.SCALE) {
            b.append(" scales=").append(priceScale).append('/').append(sizeScale);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MarketEvent e)) {
            return false;
        }
        return type == e.type && exchangeTimeMs == e.exchangeTimeMs && receiveTimeNs == e.receiveTimeNs
                && firstUpdateId == e.firstUpdateId && lastUpdateId == e.lastUpdateId
                && prevUpdateId == e.prevUpdateId && checksum == e.checksum
                && priceDecimals == e.priceDecimals && sizeDecimals == e.sizeDecimals && bookDepth == e.bookDepth
                && priceScale == e.priceScale && sizeScale == e.sizeScale
                && price == e.price && size == e.size
                && takerBuy == e.takerBuy && tradeId == e.tradeId
                && derivativeFields == e.derivativeFields && markPrice == e.markPrice && indexPrice == e.indexPrice
                && fundingRate == e.fundingRate && nextFundingTimeMs == e.nextFundingTimeMs
                && openInterest == e.openInterest
                && contractKind == e.contractKind && contractMultiplier == e.contractMultiplier
                && contractMultiplierScale == e.contractMultiplierScale
                && Objects.equals(notionalCurrency, e.notionalCurrency)
                && Objects.equals(feed, e.feed) && Objects.equals(nativeSymbol, e.nativeSymbol)
                && Objects.equals(symbol, e.symbol) && Objects.equals(error, e.error)
                && Arrays.equals(payload, e.payload)
                && Arrays.equals(bidPrices, e.bidPrices) && Arrays.equals(bidSizes, e.bidSizes)
                && Arrays.equals(askPrices, e.askPrices) && Arrays.equals(askSizes, e.askSizes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, feed, nativeSymbol, exchangeTimeMs, receiveTimeNs, lastUpdateId, tradeId);
    }
}
