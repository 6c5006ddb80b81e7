package io.rrralgorithms.connectors.adapters.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link BinanceFrameDecoder} in one pass over Jackson's token stream: no {@code JsonNode} tree,
 * decimals parsed from the parser's character buffer as they are read ({@link Decimals#tryParse}),
 * levels straight into mantissa arrays, keys dispatched by a string switch on Jackson's canonical
 * names, the stream name and the symbol compared as characters (no {@code String} per frame), and
 * the upper-case and normalized symbol of each native symbol cached. One Jackson non-blocking
 * parser reads frame after frame (each fed as the next root value), so that no parser is built per
 * frame; a frame it does not read to its last byte (an error, trailing bytes) gets it replaced.
 *
 * <p>Same events, same dead letters: the token pass reads the whole root object as the tree parse
 * does (every value decoded, so malformed JSON, invalid UTF-8, over-long numbers and a key sent twice
 * in any object are refused alike; what follows the root value is ignored alike), and it emits only
 * a frame whose every field it read is what {@link BinanceFrameDecoder} accepts. Any frame it does
 * not accept, for whatever reason, is decoded again by the tree decoder, whose event or exact
 * dead-letter reason (a {@link Decimals.ScaleException} cause included, for the scale guard's retry)
 * is then the result: error frames are rare, and their reasons stay those of one implementation.
 *
 * <p>Not thread-safe (scratch buffers): one instance per {@code Venue.decoder()} call, as every
 * decoder is used.
 */
final class StreamingBinanceFrameDecoder implements FrameDecoder {
    private static final long serialVersionUID = 1L;
    // the parser features of the strict mapper's factory (Jackson's defaults)
    private static final JsonFactory JSON = new JsonFactory();
    /**
     * Frames one parser reads before it is replaced, so that its own table of key names (which
     * grows with every new key it meets) stays bounded; a bound, not a tuning.
     */
    private static final int FRAMES_PER_PARSER = 1 << 16;
    /** Native symbols whose names are cached; beyond it the cache starts again (a bound, not a tuning). */
    private static final int MAX_CACHED_SYMBOLS = 100_000;

    // slots of the keys the decoder reads, in the root object and in "data"
    private static final int K_STREAM = 0;
    private static final int K_DATA = 1;
    private static final int K_LAST_UPDATE_ID = 2;
    private static final int K_BIDS = 3;
    private static final int K_ASKS = 4;
    private static final int K_RESULT = 5;
    private static final int K_ID = 6;
    private static final int K_SYMBOL = 7;
    private static final int K_E_TYPE = 8; // "e"
    private static final int K_E_TIME = 9; // "E"
    private static final int K_S = 10;
    private static final int K_U_FIRST = 11; // "U"
    private static final int K_U_LAST = 12; // "u"
    private static final int K_PU = 13;
    private static final int K_T_TIME = 14; // "T"
    private static final int K_T_ID = 15; // "t"
    private static final int K_A_LOWER = 16; // "a": asks, aggregate trade id or best ask
    private static final int K_B_LOWER = 17; // "b": bids or best bid
    private static final int K_A_UPPER = 18; // "A"
    private static final int K_B_UPPER = 19; // "B"
    private static final int K_P = 20;
    private static final int K_Q = 21;
    private static final int K_M = 22;
    private static final int KEYS = 23;

    /** Slots whose string values are kept as characters (names, symbols); every other string is parsed as a decimal. */
    private static final boolean[] TEXT_SLOTS = textSlots();

    private final String feed;
    private final BinanceMarket market;
    private final BinanceSymbols.SpotQuotes quotes;
    private final BinanceFrameDecoder tree;

    private transient Fields root;
    private transient Fields data;
    private transient Levels levels;
    /**
     * One non-blocking parser fed frame after frame (a frame is one root value of its input), so
     * that no parser, context and buffers are built per frame; dropped after any frame it did not
     * read to its very end.
     */
    private transient JsonParser parser;
    private transient ByteArrayFeeder feeder;
    private transient int parserFrames;
    private transient Map<String, String[]> symbols;
    /** The native symbol of the last frame (characters as sent) and its names: most frames repeat it. */
    private transient char[] lastSymbol;
    private transient int lastSymbolLength;
    private transient String[] lastNames;
    /** Frames handed to the tree decoder (refused by the token pass): for the differential test. */
    private transient long treeDecodes;

    StreamingBinanceFrameDecoder(String feed, BinanceMarket market, BinanceSymbols.SpotQuotes quotes) {
        this.feed = feed;
        this.market = market;
        this.quotes = quotes;
        this.tree = new BinanceFrameDecoder(feed, market, quotes);
    }

    /** Why the token pass does not emit a frame; the tree decoder then says what it is. */
    private static final class NotAccepted extends Exception {
        private static final long serialVersionUID = 1L;
        static final NotAccepted INSTANCE = new NotAccepted();

        private NotAccepted() {
            super("not accepted by the token pass", null, false, false);
        }
    }

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        if (root == null) {
            root = new Fields();
            data = new Fields();
            levels = new Levels();
            symbols = new HashMap<>();
            lastSymbol = new char[32];
            lastSymbolLength = -1;
        }
        MarketEvent event;
        try {
            event = decodeTokens(frame);
        } catch (NotAccepted | IOException | RuntimeException e) {
            // NumberFormatException (a ScaleException too), a parse error, anything else: the tree
            // decoder's result and reason
            treeDecodes++;
            return tree.decode(frame, out);
        }
        if (event == null) {
            return Result.IGNORED;
        }
        out.accept(event);
        return Result.EVENTS;
    }

    /** The tree decoder that decodes the frames the token pass does not accept. */
    BinanceFrameDecoder treeDecoder() {
        return tree;
    }

    /** How many frames the token pass did not accept, so that the tree decoder decoded them. */
    long treeDecodes() {
        return treeDecodes;
    }

    /** The frame's one event, null for an ignored frame. */
    private MarketEvent decodeTokens(RawFrame frame) throws IOException, NotAccepted {
        byte[] payload = frame.payload;
        if (payload == null || payload.length == 0) {
            throw NotAccepted.INSTANCE;
        }
        root.clear();
        data.clear();
        // the decode scale once per frame: it changes only between decodes (Decimals.atScale)
        levels.scale = Decimals.decodeScale();
        boolean endOfFrame = false;
        try {
            JsonParser p = parserFor(payload);
            if (next(p) != JsonToken.START_OBJECT) {
                throw NotAccepted.INSTANCE;
            }
            readObject(p, root, true);
            // what follows the root value is ignored (as by the tree decoder), but a parser that has
            // not used up its frame is not between two root values: it is not fed the next frame
            endOfFrame = p.releaseBuffered(OutputStream.nullOutputStream()) == 0;
        } finally {
            if (!endOfFrame) {
                dropParser();
            }
        }
        if (frame.kind == FrameKind.REST_SNAPSHOT || root.has(K_LAST_UPDATE_ID) && root.has(K_BIDS)) {
            return snapshot(frame);
        }
        if (root.has(K_RESULT) && root.has(K_ID)) {
            return null; // subscription reply
        }
        if (root.has(K_STREAM)) {
            if (root.kind[K_STREAM] != JsonToken.VALUE_STRING) {
                throw NotAccepted.INSTANCE;
            }
            // the stream name's characters, as the tree decoder splits the string
            char[] name = root.chars[K_STREAM];
            int length = root.charLengths[K_STREAM];
            int at = indexOf(name, 0, length, '@');
            if (at <= 0) {
                throw NotAccepted.INSTANCE;
            }
            int typeEnd = indexOf(name, at + 1, length, '@');
            if (typeEnd < 0) {
                typeEnd = length;
            }
            int underscore = indexOf(name, at + 1, length, '_');
            int familyEnd = underscore > at + 1 && underscore < typeEnd ? underscore : typeEnd;
            if (root.kind[K_DATA] != JsonToken.START_OBJECT) {
                throw NotAccepted.INSTANCE;
            }
            String family = family(name, at + 1, familyEnd);
            if (family == null) {
                // an ignored stream, or an unknown one (refused by the tree decoder)
                if (BinanceFrameDecoder.IGNORED_STREAMS.contains(new String(name, at + 1, familyEnd - at - 1))) {
                    return null;
                }
                throw NotAccepted.INSTANCE;
            }
            MarketEvent ev = event(frame, data, family);
            if (!upperPrefixEquals(name, at, ev.nativeSymbol)) {
                throw NotAccepted.INSTANCE;
            }
            return ev;
        }
        if (root.kind[K_E_TYPE] == JsonToken.VALUE_STRING) {
            String e = root.text(K_E_TYPE);
            String family = switch (e) {
                case "depthUpdate" -> "depth";
                case "trade" -> "trade";
                case "aggTrade" -> "aggTrade";
                case "bookTicker" -> "bookTicker";
                default -> null;
            };
            if (family == null) {
                String stream = switch (e) {
                    case "24hrTicker" -> "ticker";
                    case "24hrMiniTicker" -> "miniTicker";
                    case "markPriceUpdate" -> "markPrice";
                    default -> e;
                };
                if (BinanceFrameDecoder.IGNORED_STREAMS.contains(stream)) {
                    return null;
                }
                throw NotAccepted.INSTANCE;
            }
            return event(frame, root, family);
        }
        if (root.has(K_U_LAST) && root.has(K_B_LOWER) && root.has(K_A_LOWER) && root.has(K_B_UPPER)
                && root.has(K_A_UPPER)) {
            return bookTicker(frame, root);
        }
        throw NotAccepted.INSTANCE;
    }

    private static final String[] FAMILIES = {"depth", "trade", "aggTrade", "bookTicker"};

    /** The parser, fed with {@code payload}: the next root value it reads is the frame's. */
    private JsonParser parserFor(byte[] payload) throws IOException {
        if (parser != null && parserFrames >= FRAMES_PER_PARSER) {
            dropParser();
        }
        if (parser == null) {
            parser = JSON.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
            parserFrames = 0;
        }
        parserFrames++;
        feeder.feedInput(payload, 0, payload.length);
        return parser;
    }

    private void dropParser() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing to release that matters: the next frame gets a new parser
            }
            parser = null;
            feeder = null;
        }
    }

    /** The frame's next token; the end of the frame's bytes (a truncated frame) is not accepted. */
    private static JsonToken next(JsonParser p) throws IOException, NotAccepted {
        JsonToken t = p.nextToken();
        if (t == null || t == JsonToken.NOT_AVAILABLE) {
            throw NotAccepted.INSTANCE;
        }
        return t;
    }

    /** One of the four families the decoder emits, by the characters {@code name[from, to)}; else null. */
    private static String family(char[] name, int from, int to) {
        int n = to - from;
        for (String f : FAMILIES) {
            if (f.length() == n && f.charAt(0) == name[from] && f.charAt(n - 1) == name[to - 1]) {
                int i = 1;
                while (i < n - 1 && f.charAt(i) == name[from + i]) {
                    i++;
                }
                if (i >= n - 1) {
                    return f;
                }
            }
        }
        return null;
    }

    private static int indexOf(char[] chars, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code name[0, at)} upper-cased is {@code upper}, as the tree decoder compares them. */
    private static boolean upperPrefixEquals(char[] name, int at, String upper) {
        if (at == upper.length()) {
            boolean same = true;
            for (int i = 0; i < at && same; i++) {
                char c = name[i];
                char u = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
                same = c < 128 && u == upper.charAt(i);
            }
            if (same) {
                return true;
            }
        }
        return new String(name, 0, at).toUpperCase(Locale.ROOT).equals(upper);
    }

    private MarketEvent event(RawFrame frame, Fields d, String family) throws NotAccepted {
        return switch (family) {
            case "depth" -> depthUpdate(frame, d);
            case "trade" -> trade(frame, d, false);
            case "aggTrade" -> trade(frame, d, true);
            default -> bookTicker(frame, d);
        };
    }

    /** An event for the native symbol of slot {@link #K_S}, from its characters: the last frame's names where it repeats. */
    private MarketEvent base(RawFrame frame, EventType type, Fields d) throws NotAccepted {
        if (d.kind[K_S] != JsonToken.VALUE_STRING) {
            throw NotAccepted.INSTANCE;
        }
        char[] c = d.chars[K_S];
        int n = d.charLengths[K_S];
        String[] names = lastNames;
        if (n != lastSymbolLength || !Arrays.equals(c, 0, n, lastSymbol, 0, n)) {
            names = names(new String(c, 0, n));
            if (lastSymbol.length < n) {
                lastSymbol = new char[n];
            }
            System.arraycopy(c, 0, lastSymbol, 0, n);
            lastSymbolLength = n;
            lastNames = names;
        }
        return MarketEvent.of(type, feed, names[0], names[1], frame.receiveTimeNs);
    }

    private MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws NotAccepted {
        String[] names = names(nativeSymbol);
        return MarketEvent.of(type, feed, names[0], names[1], frame.receiveTimeNs);
    }

    /** The upper-case and the normalized symbol of a native symbol, cached. */
    private String[] names(String nativeSymbol) throws NotAccepted {
        String[] names = symbols.get(nativeSymbol);
        if (names == null) {
            String upper = nativeSymbol.toUpperCase(Locale.ROOT);
            try {
                names = new String[] {upper, BinanceSymbols.normalize(upper, market, quotes)};
            } catch (DecodeException e) {
                throw NotAccepted.INSTANCE;
            }
            if (symbols.size() >= MAX_CACHED_SYMBOLS) {
                symbols.clear();
            }
            symbols.put(nativeSymbol, names);
        }
        return names;
    }

    private MarketEvent snapshot(RawFrame frame) throws NotAccepted {
        String symbol = root.kind[K_SYMBOL] == JsonToken.VALUE_STRING && !root.text(K_SYMBOL).isEmpty()
                ? root.text(K_SYMBOL) : frame.key;
        if (symbol == null || symbol.isEmpty()) {
            throw NotAccepted.INSTANCE;
        }
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, symbol);
        ev.lastUpdateId = root.requireLong(K_LAST_UPDATE_ID);
        ev.exchangeTimeMs = root.optionalLong(K_E_TIME, 0L);
        return ev.levels(root.requireLevels(K_BIDS, 0), root.requireLevels(K_BIDS, 1),
                root.requireLevels(K_ASKS, 0), root.requireLevels(K_ASKS, 1));
    }

    private MarketEvent depthUpdate(RawFrame frame, Fields d) throws NotAccepted {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, d);
        ev.exchangeTimeMs = d.requireEpochMs(K_E_TIME);
        long first = d.requireLong(K_U_FIRST);
        long last = d.requireLong(K_U_LAST);
        if (market.isFutures()) {
            ev.prevUpdateId = d.requireLong(K_PU);
        }
        if (first > last) {
            throw NotAccepted.INSTANCE;
        }
        ev.firstUpdateId = first;
        ev.lastUpdateId = last;
        return ev.levels(d.requireLevels(K_B_LOWER, 0), d.requireLevels(K_B_LOWER, 1),
                d.requireLevels(K_A_LOWER, 0), d.requireLevels(K_A_LOWER, 1));
    }

    private MarketEvent trade(RawFrame frame, Fields d, boolean aggregate) throws NotAccepted {
        MarketEvent ev = base(frame, EventType.TRADE, d);
        ev.exchangeTimeMs = d.requireEpochMs(K_T_TIME);
        ev.tradeId = d.requireLong(aggregate ? K_A_LOWER : K_T_ID);
        ev.price = d.requireDecimal(K_P);
        ev.size = d.requireDecimal(K_Q);
        ev.takerBuy = !d.requireBoolean(K_M);
        if (ev.price <= 0 || ev.size <= 0) {
            throw NotAccepted.INSTANCE;
        }
        return ev;
    }

    private MarketEvent bookTicker(RawFrame frame, Fields d) throws NotAccepted {
        MarketEvent ev = base(frame, EventType.BBO, d);
        ev.lastUpdateId = d.requireLong(K_U_LAST);
        ev.exchangeTimeMs = d.optionalLong(K_E_TIME, 0L);
        return ev.top(d.requireDecimal(K_B_LOWER), d.requireDecimal(K_B_UPPER), d.requireDecimal(K_A_LOWER),
                d.requireDecimal(K_A_UPPER));
    }

    // ---- the token pass ----

    /**
     * Reads the object whose START_OBJECT was just read into {@code into}: the keys the decoder
     * uses into their slots, "data" (at the top) into {@link #data}, every other value decoded and
     * dropped; a key sent twice is refused.
     */
    private void readObject(JsonParser p, Fields into, boolean top) throws IOException, NotAccepted {
        into.otherCount = 0;
        JsonToken t;
        while ((t = next(p)) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int k = slotOf(name);
            JsonToken v = next(p);
            if (k < 0) {
                into.otherName(name);
                skipValue(p, v);
                continue;
            }
            if (into.kind[k] != null) {
                throw NotAccepted.INSTANCE; // a key sent twice
            }
            into.kind[k] = v;
            into.used[into.usedCount++] = k;
            switch (v) {
                case VALUE_STRING -> into.setString(k, p, levels.scale);
                case VALUE_NUMBER_INT -> into.setInteger(k, p);
                case VALUE_NUMBER_FLOAT -> p.getNumberValue(); // decoded as the tree does; never a long
                case START_ARRAY -> into.readLevels(k, p, levels);
                case START_OBJECT -> {
                    if (top && k == K_DATA) {
                        readObject(p, data, false);
                    } else {
                        skipValue(p, v);
                    }
                }
                default -> {
                    // true, false, null: kept by kind
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw NotAccepted.INSTANCE;
        }
    }

    /** Reads past the value that starts with {@code t}, decoding every token as a tree parse would. */
    private static void skipValue(JsonParser p, JsonToken t) throws IOException, NotAccepted {
        switch (t) {
            case VALUE_STRING -> p.getTextLength();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case START_ARRAY -> {
                JsonToken e;
                while ((e = next(p)) != JsonToken.END_ARRAY) {
                    skipValue(p, e);
                }
            }
            case START_OBJECT -> {
                Set<String> names = null;
                JsonToken e;
                while ((e = next(p)) == JsonToken.FIELD_NAME) {
                    if (names == null) {
                        names = new HashSet<>();
                    }
                    if (!names.add(p.currentName())) {
                        throw NotAccepted.INSTANCE;
                    }
                    skipValue(p, next(p));
                }
                if (e != JsonToken.END_OBJECT) {
                    throw NotAccepted.INSTANCE;
                }
            }
            default -> {
                // true, false, null; an end token never starts a value here (next() refuses the frame's end)
            }
        }
    }

    /** The slot of a key the decoder reads, -1 for any other key. */
    private static int slotOf(String name) {
        return switch (name) {
            case "stream" -> K_STREAM;
            case "data" -> K_DATA;
            case "lastUpdateId" -> K_LAST_UPDATE_ID;
            case "bids" -> K_BIDS;
            case "asks" -> K_ASKS;
            case "result" -> K_RESULT;
            case "id" -> K_ID;
            case "symbol" -> K_SYMBOL;
            case "e" -> K_E_TYPE;
            case "E" -> K_E_TIME;
            case "s" -> K_S;
            case "U" -> K_U_FIRST;
            case "u" -> K_U_LAST;
            case "pu" -> K_PU;
            case "T" -> K_T_TIME;
            case "t" -> K_T_ID;
            case "a" -> K_A_LOWER;
            case "b" -> K_B_LOWER;
            case "A" -> K_A_UPPER;
            case "B" -> K_B_UPPER;
            case "p" -> K_P;
            case "q" -> K_Q;
            case "m" -> K_M;
            default -> -1;
        };
    }

    private static boolean[] textSlots() {
        boolean[] text = new boolean[KEYS];
        text[K_STREAM] = true;
        text[K_SYMBOL] = true;
        text[K_E_TYPE] = true;
        text[K_S] = true;
        return text;
    }

    /** Scratch mantissas of the level array being read, and the frame's decode scale. */
    private static final class Levels {
        int scale = Decimals.SCALE;
        long[] prices = new long[64];
        long[] sizes = new long[64];

        void ensure(int n) {
            if (n > prices.length) {
                prices = Arrays.copyOf(prices, prices.length * 2);
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
            }
        }
    }

    /** The values of one object's keys, by slot; a slot's kind is null while its key was not sent. */
    private static final class Fields {
        final JsonToken[] kind = new JsonToken[KEYS];
        /** An integer's value, or a decimal string's mantissa ({@link Decimals#NOT_PARSED} if it is none). */
        final long[] longs = new long[KEYS];
        final boolean[] fitsLong = new boolean[KEYS];
        final char[][] chars = new char[KEYS][];
        final int[] charLengths = new int[KEYS];
        final long[][] levelPrices = new long[KEYS][];
        final long[][] levelSizes = new long[KEYS][];
        final boolean[] levelsOk = new boolean[KEYS];
        /** The names of the keys without a slot, for the duplicate check (a few at most). */
        String[] otherNames = new String[4];
        int otherCount;

        /** The slots set since the last {@link #clear}, so that only those are reset. */
        final int[] used = new int[KEYS];
        int usedCount;

        void clear() {
            for (int i = 0; i < usedCount; i++) {
                int k = used[i];
                kind[k] = null;
                levelPrices[k] = null;
                levelSizes[k] = null;
                levelsOk[k] = false;
            }
            usedCount = 0;
            otherCount = 0;
        }

        boolean has(int k) {
            return kind[k] != null;
        }

        void otherName(String name) throws NotAccepted {
            for (int i = 0; i < otherCount; i++) {
                if (otherNames[i].equals(name)) {
                    throw NotAccepted.INSTANCE;
                }
            }
            if (otherCount == otherNames.length) {
                otherNames = Arrays.copyOf(otherNames, otherCount * 2);
            }
            otherNames[otherCount++] = name;
        }

        /**
         * A string value (decoded whole, as the tree decodes it): the characters of a text slot
         * kept, any other parsed as a decimal at {@code scale} right away (a string that is not
         * one is refused only where it is read as one).
         */
        void setString(int k, JsonParser p, int scale) throws IOException {
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            int n = p.getTextLength();
            if (!TEXT_SLOTS[k]) {
                longs[k] = Decimals.tryParse(text, offset, n, scale);
                return;
            }
            char[] buf = chars[k];
            if (buf == null || buf.length < n) {
                buf = new char[Math.max(n, 32)];
                chars[k] = buf;
            }
            System.arraycopy(text, offset, buf, 0, n);
            charLengths[k] = n;
        }

        void setInteger(int k, JsonParser p) throws IOException {
            // up to 18 digits always fit a long: read from the token's characters (Jackson has checked
            // the number's syntax); longer ones as Jackson types them
            char[] c = p.getTextCharacters();
            int offset = p.getTextOffset();
            int n = p.getTextLength();
            boolean negative = n > 0 && c[offset] == '-';
            if (n - (negative ? 1 : 0) <= 18) {
                long v = 0;
                for (int i = negative ? offset + 1 : offset; i < offset + n; i++) {
                    v = v * 10 + (c[i] - '0');
                }
                longs[k] = negative ? -v : v;
                fitsLong[k] = true;
                return;
            }
            JsonParser.NumberType type = p.getNumberType();
            fitsLong[k] = type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
            if (fitsLong[k]) {
                longs[k] = p.getLongValue();
            } else {
                p.getNumberValue();
            }
        }

        /**
         * An array value, as {@code [["price","size",…],…]} levels where it is one; otherwise (not
         * levels, a level out of range) every value is still read and the slot says its levels are
         * not valid; a string that is not an exact decimal at the decode scale throws.
         */
        void readLevels(int k, JsonParser p, Levels scratch) throws IOException, NotAccepted {
            int n = 0;
            boolean ok = true;
            JsonToken e;
            while ((e = next(p)) != JsonToken.END_ARRAY) {
                if (!ok || e != JsonToken.START_ARRAY) {
                    ok = false;
                    skipValue(p, e);
                    continue;
                }
                scratch.ensure(n + 1);
                int i = 0;
                JsonToken x;
                while ((x = next(p)) != JsonToken.END_ARRAY) {
                    if (ok && i < 2) {
                        if (x == JsonToken.VALUE_STRING) {
                            long v = Decimals.tryParse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(),
                                    scratch.scale);
                            if (v == Decimals.NOT_PARSED) {
                                throw NotAccepted.INSTANCE; // not exact at the scale: the tree decoder says why
                            }
                            if (i == 0) {
                                scratch.prices[n] = v;
                                ok = v > 0;
                            } else {
                                scratch.sizes[n] = v;
                                ok = v >= 0;
                            }
                        } else {
                            ok = false;
                            skipValue(p, x);
                        }
                    } else {
                        skipValue(p, x);
                    }
                    i++;
                }
                ok &= i >= 2;
                n++;
            }
            levelsOk[k] = ok;
            if (ok) {
                levelPrices[k] = Arrays.copyOf(scratch.prices, n);
                levelSizes[k] = Arrays.copyOf(scratch.sizes, n);
            }
        }

        /** A text slot's string (rare paths only: snapshots' symbol, un-enveloped events' type). */
        String text(int k) {
            return new String(chars[k], 0, charLengths[k]);
        }

        long requireLong(int k) throws NotAccepted {
            if (kind[k] != JsonToken.VALUE_NUMBER_INT || !fitsLong[k]) {
                throw NotAccepted.INSTANCE;
            }
            return longs[k];
        }

        long requireEpochMs(int k) throws NotAccepted {
            long t = requireLong(k);
            if (t <= 0) {
                throw NotAccepted.INSTANCE;
            }
            return t;
        }

        long optionalLong(int k, long absent) throws NotAccepted {
            return kind[k] == null || kind[k] == JsonToken.VALUE_NULL ? absent : requireLong(k);
        }

        boolean requireBoolean(int k) throws NotAccepted {
            if (kind[k] == JsonToken.VALUE_TRUE) {
                return true;
            }
            if (kind[k] == JsonToken.VALUE_FALSE) {
                return false;
            }
            throw NotAccepted.INSTANCE;
        }

        /** A decimal string, exactly; a misfit or a non-decimal is not accepted (the tree decoder then says which). */
        long requireDecimal(int k) throws NotAccepted {
            if (kind[k] != JsonToken.VALUE_STRING || longs[k] == Decimals.NOT_PARSED) {
                throw NotAccepted.INSTANCE;
            }
            return longs[k];
        }

        /** The prices (side 0) or sizes (side 1) of a valid level array. */
        long[] requireLevels(int k, int side) throws NotAccepted {
            if (kind[k] != JsonToken.START_ARRAY || !levelsOk[k]) {
                throw NotAccepted.INSTANCE;
            }
            return side == 0 ? levelPrices[k] : levelSizes[k];
        }
    }
}
