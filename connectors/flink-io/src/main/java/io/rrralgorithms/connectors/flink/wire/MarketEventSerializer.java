package io.rrralgorithms.connectors.flink.wire;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link MarketEvent} on the job's edges, written field by field instead of by Flink's
 * {@code PojoSerializer} (one reflective {@code Field.get}/{@code set} per field and record, and a
 * UTF string per string field). Every field round-trips ({@code MarketEventSerializerTest} sets each
 * declared field by reflection, so a field added without serializer support fails it).
 *
 * <p>Layout: one int of presence bits (null strings and arrays; the trade and derivative sections,
 * written only where they hold a non-default value), the type as a byte, the fixed longs and ints,
 * then what the bits say is there. The short strings (feed, native symbol, symbol) go as length +
 * UTF-8 bytes, encoded once per distinct string (a small cache on the writer) and read back through
 * a small cache of the reader: the same feed or symbol comes back as the same String, so keys
 * compare by identity first and a record allocates no strings. Empty level arrays come back as the
 * shared {@link MarketEvent#NO_LEVELS}.
 *
 * <p>The caches make an instance stateful: {@link #duplicate()} gives each thread its own. Keyed
 * state that holds market events (the book's pending diffs, the trading operator's inputs) keeps
 * the {@code PojoSerializer} its descriptors extract, so savepoints are unchanged by this class; a
 * change of this layout needs a new {@link Snapshot} version only if state ever uses it.
 */
public final class MarketEventSerializer extends TypeSerializer<MarketEvent> {
    private static final long serialVersionUID = 1L;

    private static final EventType[] TYPES = EventType.values();
    private static final ContractTerms.Kind[] CONTRACT_KINDS = ContractTerms.Kind.values();

    private static final int FEED = 1;
    private static final int NATIVE_SYMBOL = 1 << 1;
    private static final int SYMBOL = 1 << 2;
    private static final int ERROR = 1 << 3;
    private static final int PAYLOAD = 1 << 4;
    private static final int BID_PRICES = 1 << 5;
    private static final int BID_SIZES = 1 << 6;
    private static final int ASK_PRICES = 1 << 7;
    private static final int ASK_SIZES = 1 << 8;
    private static final int TRADE = 1 << 9;
    private static final int DERIVATIVES = 1 << 10;
    private static final int CONTRACT = 1 << 11;
    private static final int NOTIONAL_CURRENCY = 1 << 12;

    /** Strings up to this many UTF-8 bytes go through the caches (feeds and symbols are far shorter). */
    private static final int MAX_CACHED_BYTES = 64;
    private static final int READ_CACHE = 64;
    private static final int WRITE_CACHE = 16;

    private transient String[] readStrings;
    private transient byte[][] readBytes;
    private transient byte[] scratch;
    private transient String[] writtenStrings;
    private transient byte[][] writtenBytes;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<MarketEvent> duplicate() {
        return new MarketEventSerializer(); // the string caches are per instance
    }

    @Override
    public MarketEvent createInstance() {
        return new MarketEvent();
    }

    @Override
    public MarketEvent copy(MarketEvent from) {
        return copy(from, new MarketEvent());
    }

    @Override
    public MarketEvent copy(MarketEvent from, MarketEvent to) {
        to.type = from.type;
        to.feed = from.feed;
        to.nativeSymbol = from.nativeSymbol;
        to.symbol = from.symbol;
        to.exchangeTimeMs = from.exchangeTimeMs;
        to.receiveTimeNs = from.receiveTimeNs;
        to.ingestNs = from.ingestNs;
        to.firstUpdateId = from.firstUpdateId;
        to.lastUpdateId = from.lastUpdateId;
        to.prevUpdateId = from.prevUpdateId;
        to.checksum = from.checksum;
        to.priceDecimals = from.priceDecimals;
        to.sizeDecimals = from.sizeDecimals;
        to.priceScale = from.priceScale;
        to.sizeScale = from.sizeScale;
        to.bookDepth = from.bookDepth;
        to.bidPrices = copyOf(from.bidPrices);
        to.bidSizes = copyOf(from.bidSizes);
        to.askPrices = copyOf(from.askPrices);
        to.askSizes = copyOf(from.askSizes);
        to.price = from.price;
        to.size = from.size;
        to.takerBuy = from.takerBuy;
        to.tradeId = from.tradeId;
        to.derivativeFields = from.derivativeFields;
        to.markPrice = from.markPrice;
        to.indexPrice = from.indexPrice;
        to.fundingRate = from.fundingRate;
        to.nextFundingTimeMs = from.nextFundingTimeMs;
        to.openInterest = from.openInterest;
        to.contractKind = from.contractKind;
        to.contractMultiplier = from.contractMultiplier;
        to.contractMultiplierScale = from.contractMultiplierScale;
        to.notionalCurrency = from.notionalCurrency;
        to.error = from.error;
        to.payload = from.payload == null ? null : from.payload.clone();
        return to;
    }

    private static long[] copyOf(long[] a) {
        return a == null ? null : a.length == 0 ? MarketEvent.NO_LEVELS : a.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MarketEvent e, DataOutputView out) throws IOException {
        boolean trade = e.price != 0 || e.size != 0 || e.takerBuy;
        boolean derivatives = e.derivativeFields != 0 || e.markPrice != 0 || e.indexPrice != 0 || e.fundingRate != 0
                || e.nextFundingTimeMs != 0 || e.openInterest != 0;
        boolean contract = e.contractKind != null || e.contractMultiplier != 0 || e.contractMultiplierScale != 0;
        int bits = (e.feed != null ? FEED : 0) | (e.nativeSymbol != null ? NATIVE_SYMBOL : 0)
                | (e.symbol != null ? SYMBOL : 0) | (e.error != null ? ERROR : 0) | (e.payload != null ? PAYLOAD : 0)
                | (e.bidPrices != null ? BID_PRICES : 0) | (e.bidSizes != null ? BID_SIZES : 0)
                | (e.askPrices != null ? ASK_PRICES : 0) | (e.askSizes != null ? ASK_SIZES : 0)
                | (trade ? TRADE : 0) | (derivatives ? DERIVATIVES : 0) | (contract ? CONTRACT : 0)
                | (e.notionalCurrency != null ? NOTIONAL_CURRENCY : 0);
        out.writeInt(bits);
        out.writeByte(e.type == null ? 0 : e.type.ordinal() + 1);
        out.writeLong(e.exchangeTimeMs);
        out.writeLong(e.receiveTimeNs);
        out.writeLong(e.ingestNs);
        out.writeLong(e.firstUpdateId);
        out.writeLong(e.lastUpdateId);
        out.writeLong(e.prevUpdateId);
        out.writeLong(e.checksum);
        out.writeLong(e.tradeId);
        out.writeInt(e.priceDecimals);
        out.writeInt(e.sizeDecimals);
        out.writeInt(e.priceScale);
        out.writeInt(e.sizeScale);
        out.writeInt(e.bookDepth);
        if (e.feed != null) {
            writeShortString(e.feed, out);
        }
        if (e.nativeSymbol != null) {
            writeShortString(e.nativeSymbol, out);
        }
        if (e.symbol != null) {
            writeShortString(e.symbol, out);
        }
        writeLongs(e.bidPrices, out);
        writeLongs(e.bidSizes, out);
        writeLongs(e.askPrices, out);
        writeLongs(e.askSizes, out);
        if (trade) {
            out.writeLong(e.price);
            out.writeLong(e.size);
            out.writeBoolean(e.takerBuy);
        }
        if (derivatives) {
            out.writeInt(e.derivativeFields);
            out.writeLong(e.markPrice);
            out.writeLong(e.indexPrice);
            out.writeLong(e.fundingRate);
            out.writeLong(e.nextFundingTimeMs);
            out.writeLong(e.openInterest);
        }
        if (contract) {
            out.writeByte(e.contractKind == null ? 0 : e.contractKind.ordinal() + 1);
            out.writeLong(e.contractMultiplier);
            out.writeInt(e.contractMultiplierScale);
        }
        if (e.notionalCurrency != null) {
            writeShortString(e.notionalCurrency, out);
        }
        if (e.error != null) {
            byte[] b = e.error.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
        if (e.payload != null) {
            out.writeInt(e.payload.length);
            out.write(e.payload);
        }
    }

    @Override
    public MarketEvent deserialize(DataInputView in) throws IOException {
        return deserialize(new MarketEvent(), in);
    }

    @Override
    public MarketEvent deserialize(MarketEvent e, DataInputView in) throws IOException {
        int bits = in.readInt();
        int type = in.readUnsignedByte();
        e.type = type == 0 ? null : TYPES[type - 1];
        e.exchangeTimeMs = in.readLong();
        e.receiveTimeNs = in.readLong();
        e.ingestNs = in.readLong();
        e.firstUpdateId = in.readLong();
        e.lastUpdateId = in.readLong();
        e.prevUpdateId = in.readLong();
        e.checksum = in.readLong();
        e.tradeId = in.readLong();
        e.priceDecimals = in.readInt();
        e.sizeDecimals = in.readInt();
        e.priceScale = in.readInt();
        e.sizeScale = in.readInt();
        e.bookDepth = in.readInt();
        e.feed = (bits & FEED) != 0 ? readShortString(in) : null;
        e.nativeSymbol = (bits & NATIVE_SYMBOL) != 0 ? readShortString(in) : null;
        e.symbol = (bits & SYMBOL) != 0 ? readShortString(in) : null;
        e.bidPrices = (bits & BID_PRICES) != 0 ? readLongs(in) : null;
        e.bidSizes = (bits & BID_SIZES) != 0 ? readLongs(in) : null;
        e.askPrices = (bits & ASK_PRICES) != 0 ? readLongs(in) : null;
        e.askSizes = (bits & ASK_SIZES) != 0 ? readLongs(in) : null;
        if ((bits & TRADE) != 0) {
            e.price = in.readLong();
            e.size = in.readLong();
            e.takerBuy = in.readBoolean();
        } else {
            e.price = 0;
            e.size = 0;
            e.takerBuy = false;
        }
        if ((bits & DERIVATIVES) != 0) {
            e.derivativeFields = in.readInt();
            e.markPrice = in.readLong();
            e.indexPrice = in.readLong();
            e.fundingRate = in.readLong();
            e.nextFundingTimeMs = in.readLong();
            e.openInterest = in.readLong();
        } else {
            e.derivativeFields = 0;
            e.markPrice = 0;
            e.indexPrice = 0;
            e.fundingRate = 0;
            e.nextFundingTimeMs = 0;
            e.openInterest = 0;
        }
        if ((bits & CONTRACT) != 0) {
            int kind = in.readUnsignedByte();
            e.contractKind = kind == 0 ? null : CONTRACT_KINDS[kind - 1];
            e.contractMultiplier = in.readLong();
            e.contractMultiplierScale = in.readInt();
        } else {
            e.contractKind = null;
            e.contractMultiplier = 0;
            e.contractMultiplierScale = 0;
        }
        e.notionalCurrency = (bits & NOTIONAL_CURRENCY) != 0 ? readShortString(in) : null;
        e.error = (bits & ERROR) != 0 ? new String(readBytes(in), StandardCharsets.UTF_8) : null;
        e.payload = (bits & PAYLOAD) != 0 ? readBytes(in) : null;
        return e;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    private static void writeLongs(long[] a, DataOutputView out) throws IOException {
        if (a != null) {
            out.writeInt(a.length);
            for (long v : a) {
                out.writeLong(v);
            }
        }
    }

    private static long[] readLongs(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n == 0) {
            return MarketEvent.NO_LEVELS;
        }
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readLong();
        }
        return a;
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    /** Length + UTF-8 bytes; the bytes of a recently written string are encoded once. */
    private void writeShortString(String s, DataOutputView out) throws IOException {
        if (writtenStrings == null) {
            writtenStrings = new String[WRITE_CACHE];
            writtenBytes = new byte[WRITE_CACHE][];
        }
        int slot = s.hashCode() & (WRITE_CACHE - 1);
        String cached = writtenStrings[slot];
        byte[] b;
        if (cached == s || s.equals(cached)) {
            b = writtenBytes[slot];
        } else {
            b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length <= MAX_CACHED_BYTES) {
                writtenStrings[slot] = s;
                writtenBytes[slot] = b;
            }
        }
        out.writeInt(b.length);
        out.write(b);
    }

    /** The string of {@link #writeShortString}; one already read recently is returned as the same object. */
    private String readShortString(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n > MAX_CACHED_BYTES) {
            byte[] b = new byte[n];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
        if (readStrings == null) {
            readStrings = new String[READ_CACHE];
            readBytes = new byte[READ_CACHE][];
            scratch = new byte[MAX_CACHED_BYTES];
        }
        in.readFully(scratch, 0, n);
        int h = n;
        for (int i = 0; i < n; i++) {
            h = 31 * h + scratch[i];
        }
        int slot = (h ^ (h >>> 16)) & (READ_CACHE - 1);
        byte[] k = readBytes[slot];
        if (k != null && Arrays.equals(k, 0, k.length, scratch, 0, n)) {
            return readStrings[slot];
        }
        String s = new String(scratch, 0, n, StandardCharsets.UTF_8);
        readBytes[slot] = Arrays.copyOf(scratch, n);
        readStrings[slot] = s;
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketEventSerializer;
    }

    @Override
    public int hashCode() {
        return MarketEventSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<MarketEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot is its class and version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MarketEvent> {
        public Snapshot() {
            super(MarketEventSerializer::new);
        }
    }
}
