package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes one raw frame and checks what its events say before anything downstream sees them: a
 * frame is used whole or dead-lettered whole. A well-formed frame can still be wrong: an exchange
 * clock a year off (or a µs time read as ms) would move the watermark and make every later frame
 * late; a non-positive price or a negative size would poison the book and the bars. The checks:
 *
 * <ul>
 *   <li>symbol: no control characters (a NUL would reach keys and text columns), 64 chars at most;
 *   <li>size: a frame larger than {@link Limits#maxFrameBytes} ({@link Limits#maxSnapshotBytes}
 *       for REST snapshots) is refused before it is parsed;
 *   <li>time: a negative exchange time, or one further than {@link Limits#maxClockSkewMs} from the
 *       frame's own receive time (where that is known);
 *   <li>values: trades need a positive price and size; levels a positive price and a non-negative
 *       size (positive in a snapshot); a BBO side with a price needs a positive one and the bid
 *       may not be above the ask; a trade's price × size above {@link Limits#maxNotional} is
 *       implausible (not a level's: Kraken Futures books rest 2,000,000 contracts at 9,999,999.99).
 * </ul>
 *
 * <p>Used by the job's Kafka deserializer and by the in-process pipeline, so both see the same
 * frames. Not thread-safe (it reuses one event buffer); keep one per decoder.
 */
public final class FrameGuard implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a frame may contain. */
    public record Limits(long maxClockSkewMs, int maxFrameBytes, int maxSnapshotBytes, long maxNotional)
            implements Serializable {
        /** Exchange vs receive time: the captures lag by up to 107 s (Coinbase) and lead by 1.5 s at most. */
        public static final long DEFAULT_MAX_CLOCK_SKEW_MS = 300_000L;
        /** WebSocket frames: the largest captured is a 0.7 MB BitMEX partial book. */
        public static final int DEFAULT_MAX_FRAME_BYTES = 4 << 20;
        /** REST snapshots: the largest captured is 109 KB; Kafka fetches are sized to 16 MiB. */
        public static final int DEFAULT_MAX_SNAPSHOT_BYTES = 16 << 20;
        /** Quote units per trade: far above any real one, far below a long mantissa's overflow. */
        public static final long DEFAULT_MAX_NOTIONAL = 1_000_000_000_000L;

        public Limits {
            if (maxClockSkewMs <= 0 || maxFrameBytes <= 0 || maxSnapshotBytes <= 0 || maxNotional <= 0) {
                throw new IllegalArgumentException("frame limits must be positive: " + maxClockSkewMs + ", "
                        + maxFrameBytes + ", " + maxSnapshotBytes + ", " + maxNotional);
            }
        }

        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_CLOCK_SKEW_MS, DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_SNAPSHOT_BYTES,
                    DEFAULT_MAX_NOTIONAL);
        }

        public Limits withMaxClockSkewMs(long ms) {
            return new Limits(ms, maxFrameBytes, maxSnapshotBytes, maxNotional);
        }
    }

    static final int MAX_SYMBOL_LENGTH = 64;

    private final Limits limits;
    private transient List<MarketEvent> buffer;
    /** {@code buffer::add}, made once (not per frame). */
    private transient Consumer<MarketEvent> collect;
    /** The last symbol that passed {@link #checkSymbol}: decoders hand out the same instance for every frame of it. */
    private transient String checkedSymbol;

    public FrameGuard(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Decodes {@code frame} with {@code decoder} and emits its events to {@code out} only if all of
     * them pass the checks.
     *
     * @throws DecodeException with the dead-letter reason: the decoder's, or the first failed check
     */
    public FrameDecoder.Result decode(FrameDecoder decoder, RawFrame frame, Consumer<MarketEvent> out)
            throws DecodeException {
        int length = frame.payload == null ? 0 : frame.payload.length;
        int max = frame.kind == FrameKind.REST_SNAPSHOT ? limits.maxSnapshotBytes : limits.maxFrameBytes;
        if (length > max) {
            throw new DecodeException("frame of " + length + " bytes is larger than the limit of " + max
                    + " bytes (--max-frame-bytes)");
        }
        if (buffer == null) {
            buffer = new ArrayList<>(4);
            collect = buffer::add;
        }
        FrameDecoder.Result result; // the buffer is empty: cleared after every frame
        try {
            result = decoder.decode(frame, collect);
            for (int i = 0; i < buffer.size(); i++) {
                check(buffer.get(i));
            }
            for (int i = 0; i < buffer.size(); i++) {
                out.accept(buffer.get(i));
            }
        } finally {
            buffer.clear();
        }
        return result;
    }

    /** The checks on one decoded event; throws the dead-letter reason. */
    public void check(MarketEvent ev) throws DecodeException {
        checkSymbol(ev.nativeSymbol);
        checkTime(ev);
        switch (ev.type) {
            case TRADE -> {
                if (ev.price <= 0 || ev.size <= 0) {
                    throw new DecodeException("trade with a non-positive price or size (price "
                            + Decimals.toPlainString(ev.price, ev.priceScale) + ", size "
                            + Decimals.toPlainString(ev.size, ev.sizeScale) + ")");
                }
                checkNotional(ev, "trade");
            }
            case BOOK_SNAPSHOT -> {
                checkLevels(ev, ev.bidPrices, ev.bidSizes, "bids", true);
                checkLevels(ev, ev.askPrices, ev.askSizes, "asks", true);
            }
            case BOOK_DELTA -> {
                checkLevels(ev, ev.bidPrices, ev.bidSizes, "bids", false);
                checkLevels(ev, ev.askPrices, ev.askSizes, "asks", false);
            }
            case BBO -> {
                checkLevels(ev, ev.bidPrices, ev.bidSizes, "bid", false);
                checkLevels(ev, ev.askPrices, ev.askSizes, "ask", false);
                if (ev.bidPrices != null && ev.askPrices != null && ev.bidPrices.length > 0 && ev.askPrices.length > 0
                        && ev.bidPrices[0] > ev.askPrices[0]) {
                    throw new DecodeException("crossed best bid/offer: bid "
                            + Decimals.toPlainString(ev.bidPrices[0], ev.priceScale) + " above ask "
                            + Decimals.toPlainString(ev.askPrices[0], ev.priceScale));
                }
            }
            default -> { }
        }
    }

    /** A symbol is a key of state, topics and rows: no control characters, no unbounded length. */
    private void checkSymbol(String symbol) throws DecodeException {
        if (symbol == null || symbol == checkedSymbol) { // a String does not change: checked once
            return;
        }
        if (symbol.isEmpty() || symbol.length() > MAX_SYMBOL_LENGTH) {
            throw new DecodeException("symbol of " + symbol.length() + " characters (1 to " + MAX_SYMBOL_LENGTH
                    + " allowed)");
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                throw new DecodeException("symbol with a control or invalid character U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
        }
        checkedSymbol = symbol;
    }

    private void checkTime(MarketEvent ev) throws DecodeException {
        if (ev.exchangeTimeMs < 0) {
            throw new DecodeException("negative exchange time " + ev.exchangeTimeMs);
        }
        if (ev.exchangeTimeMs == 0 || ev.receiveTimeNs <= 0) {
            return; // the frame has no exchange time (receive time is its event time), or no receive time to judge by
        }
        long skew = ev.exchangeTimeMs - ev.receiveTimeNs / 1_000_000L;
        if (Math.abs(skew) > limits.maxClockSkewMs) {
            throw new DecodeException("exchange time " + ev.exchangeTimeMs + " is " + Math.abs(skew) + " ms "
                    + (skew > 0 ? "ahead of" : "behind") + " its receive time (limit " + limits.maxClockSkewMs
                    + " ms, --max-clock-skew-ms)");
        }
    }

    private void checkLevels(MarketEvent ev, long[] prices, long[] sizes, String side, boolean snapshot)
            throws DecodeException {
        if (prices == null) {
            return;
        }
        if (sizes == null || sizes.length != prices.length) {
            throw new DecodeException(side + ": prices and sizes differ in count");
        }
        for (int i = 0; i < prices.length; i++) {
            if (prices[i] <= 0 || sizes[i] < 0 || (snapshot && sizes[i] == 0)) {
                throw new DecodeException(side + "[" + i + "]: " + (prices[i] <= 0 ? "non-positive price "
                        : snapshot && sizes[i] == 0 ? "zero size in a snapshot at " : "negative size at ")
                        + Decimals.toPlainString(prices[i], ev.priceScale) + " (size "
                        + Decimals.toPlainString(sizes[i], ev.sizeScale) + ")");
            }
        }
    }

    private void checkNotional(MarketEvent ev, String what) throws DecodeException {
        double notional = Decimals.toDouble(ev.price, ev.priceScale) * Decimals.toDouble(ev.size, ev.sizeScale);
        if (notional > limits.maxNotional) {
            throw new DecodeException(what + ": implausible price × size "
                    + Decimals.toPlainString(ev.price, ev.priceScale) + " × "
                    + Decimals.toPlainString(ev.size, ev.sizeScale) + " (above " + limits.maxNotional + ")");
        }
    }
}
