package io.rrralgorithms.connectors.venues;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.ScaleFittingDecoder;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import io.rrralgorithms.connectors.model.FrameKind;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything venue-specific of one feed, declared in one place: its feed id, how to decode its
 * frames, how its book stays in sync, how its frames are keyed, its instrument metadata and, for
 * venues the capture service connects to, its live spec. Each venue's folder
 * ({@code adapters/<venue>/}) declares its feeds ({@code KrakenVenue.VENUE}) and {@link Venues}
 * lists them; adding a venue is described in {@code docs/adding-a-venue.md}.
 */
public final class Venue {

    /** The Kafka key (native symbol) of a raw frame, found by a byte scan; null where the frame names none. */
    @FunctionalInterface
    public interface FrameKey {
        String of(byte[] payload);
    }

    /** The native symbol of a recorded REST URL that is an order-book snapshot request, else null. */
    @FunctionalInterface
    public interface SnapshotUrl {
        String symbolOf(String url);
    }

    private final String feed;
    private final Function<String, FrameDecoder> decoderFactory;
    private final FrameDecoder sharedDecoder;
    private final BookSyncRules bookSyncRules;
    private final FrameKey partitionKey;
    private final Supplier<ConnectionKeyer> connectionKeyers;
    private final boolean tradeIdsIdentifyTrades;
    private final String cryptofeedExchange;
    private final InstrumentMetadata instrumentMetadata;
    private final SnapshotUrl snapshotUrl;
    private final VenueSymbols symbols;
    private final LiveVenue live;
    private final Builder declared;

    private Venue(Builder b, LiveVenue live) {
        this.declared = b;
        this.feed = b.feed;
        this.decoderFactory = b.decoderFactory;
        this.sharedDecoder = b.decoderFactory != null && !b.decoderKeepsState ? b.decoderFactory.apply(b.feed) : null;
        this.bookSyncRules = b.bookSyncRules;
        this.partitionKey = b.partitionKey;
        this.connectionKeyers = b.connectionKeyers;
        this.tradeIdsIdentifyTrades = b.tradeIdsIdentifyTrades;
        this.cryptofeedExchange = b.cryptofeedExchange;
        this.instrumentMetadata = b.instrumentMetadata;
        this.snapshotUrl = b.snapshotUrl;
        this.symbols = b.symbols;
        this.live = live;
    }

    /**
     * The same venue with a live spec declared beside it (registered in {@link Venues}) rather than
     * in its {@link Builder#live}.
     */
    public Venue withLive(LiveVenue spec) {
        return new Venue(declared, Builder.checkedLive(feed, spec));
    }

    /** A venue with this feed id, also the suffix of the feed's raw Kafka topic ({@code raw.<feed>}). */
    public static Builder builder(String feed) {
        return new Builder(feed);
    }

    /**
     * A decoded venue from its required parts: a stateless decoder (see
     * {@link Builder#decoderKeepsState()}), its symbols, book sync rules and partition key.
     */
    public static Builder builder(String feed, Function<String, FrameDecoder> decoder, VenueSymbols symbols,
            BookSyncRules rules, FrameKey partitionKey) {
        return builder(feed).decoder(decoder).symbols(symbols).bookSyncRules(rules).partitionKey(partitionKey);
    }

    /**
     * The usual declaration of a decoded feed in one call: its feed id, the exchange name of its
     * recorded cryptofeed captures ({@code KRAKEN.ws.50.0}), a stateless decoder (see
     * {@link Builder#decoderKeepsState()}), its symbols, book sync rules, partition key and
     * instrument metadata, built from the feed id ({@code KrakenInstruments::new}). The optional
     * parts (live spec, snapshot URLs, …) follow on the builder.
     */
    public static Builder declare(String feed, String cryptofeedExchange, Function<String, FrameDecoder> decoder,
            VenueSymbols symbols, BookSyncRules rules, FrameKey partitionKey,
            Function<String, ? extends InstrumentMetadata> instrumentMetadata) {
        return builder(feed, decoder, symbols, rules, partitionKey).cryptofeedExchange(cryptofeedExchange)
                .instrumentMetadata(instrumentMetadata.apply(feed));
    }

    /** A venue the capture service connects to but the job does not decode (a test's loopback venue, an extension's). */
    public static Venue liveOnly(LiveVenue spec) {
        return builder(spec.feed()).live(spec).build();
    }

    /** The rule keying a frame by the first value of one string field ({@code "product_id":"BTC-USD"}). */
    public static FrameKey keyedByField(String field) {
        String marker = "\"" + field + "\":\"";
        return payload -> PayloadScan.valueAfter(payload, marker, '"');
    }

    /** The rule taking a snapshot URL's symbol from the first group of {@code regex} (found anywhere in the URL). */
    public static SnapshotUrl snapshotUrlMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return url -> {
            Matcher m = pattern.matcher(url);
            return m.find() ? m.group(1) : null;
        };
    }

    public String feed() {
        return feed;
    }

    /** Whether the job can decode this feed (false only for a live spec registered on its own, as tests do). */
    public boolean decodes() {
        return decoderFactory != null;
    }

    /**
     * The feed's decoder. A venue whose decoding needs per-stream state (BitMEX level ids, OKX
     * trade-subscription times) gets a new instance on every call; callers keep one decoder per
     * feed and stream reader, and never share it between threads. Every frame is decoded at the
     * scale its numbers need ({@link ScaleFittingDecoder}).
     */
    public FrameDecoder decoder() {
        return new ScaleFittingDecoder(sharedDecoder != null ? sharedDecoder : decoderFactory.apply(feed));
    }

    public BookSyncRules bookSyncRules() {
        return bookSyncRules;
    }

    /**
     * The Kafka key of a raw frame: the native symbol it belongs to, so that one instrument's
     * frames stay ordered in one partition. Null where the frame names no symbol.
     */
    public String partitionKey(byte[] payload) {
        return partitionKey.of(payload);
    }

    /**
     * A keyer for the frames of one connection (a capture file, a live socket): by default each
     * frame's {@link #partitionKey}. A venue whose data frames do not name their symbol (Bitfinex
     * {@code [chanId, ...]}) gets a new stateful keyer per connection that learns the symbol from
     * the connection's own earlier frames (its subscription acks), so that the Kafka key is still
     * the native symbol and the decoder needs no per-connection state.
     */
    public ConnectionKeyer connectionKeyer() {
        return connectionKeyers != null ? connectionKeyers.get() : this::partitionKey;
    }

    /** Whether {@link #connectionKeyer()} keeps per-connection state (and must be used instead of {@link #partitionKey}). */
    public boolean keysByConnection() {
        return connectionKeyers != null;
    }

    /**
     * Whether a trade's {@code tradeId} is the venue's own id of that trade, so that two trades
     * with the same id are one trade delivered twice. False where the decoder makes ids up (BitMEX
     * and Bybit send UUIDs: their ids are time × 10,000 + position in the frame, which two
     * different frames of one millisecond can share).
     */
    public boolean tradeIdsIdentifyTrades() {
        return tradeIdsIdentifyTrades;
    }

    /** The exchange name cryptofeed gives this feed's capture files ({@code KRAKEN.ws.50.0}), or null. */
    public String cryptofeedExchange() {
        return cryptofeedExchange;
    }

    /** How to read this venue's instrument list (symbols, tick and lot sizes); null if not implemented. */
    public InstrumentMetadata instrumentMetadata() {
        return instrumentMetadata;
    }

    /**
     * For a recorded REST response of this venue: the partition key (native symbol) when the URL
     * is an order-book snapshot request, so the response is replayed as a
     * {@link FrameKind#REST_SNAPSHOT} frame; null for anything else (instrument metadata, …),
     * which is not replayed.
     */
    public String snapshotKey(String url) {
        return snapshotUrl == null ? null : snapshotUrl.symbolOf(url);
    }

    /** The venue's symbols, native to normalized and back; null only for a live spec registered on its own. */
    public VenueSymbols symbols() {
        return symbols;
    }

    /** The live spec the capture service connects with, or null where the venue is replay-only. */
    public LiveVenue live() {
        return live;
    }

    /** Declares one venue; everything but the feed id, the decoder, the sync rules, the partition key and the symbols is optional. */
    public static final class Builder {
        private final String feed;
        private Function<String, FrameDecoder> decoderFactory;
        private boolean decoderKeepsState;
        private BookSyncRules bookSyncRules;
        private FrameKey partitionKey;
        private Supplier<ConnectionKeyer> connectionKeyers;
        private boolean tradeIdsIdentifyTrades = true;
        private String cryptofeedExchange;
        private InstrumentMetadata instrumentMetadata;
        private SnapshotUrl snapshotUrl;
        private VenueSymbols symbols;
        private LiveVenue live;

        private Builder(String feed) {
            this.feed = Objects.requireNonNull(feed, "feed");
        }

        /** A stateless decoder, built once from the feed id and shared. */
        public Builder decoder(Function<String, FrameDecoder> factory) {
            this.decoderFactory = factory;
            this.decoderKeepsState = false;
            return this;
        }

        /** The decoder given keeps per-stream state: a new one on every {@link Venue#decoder()}. */
        public Builder decoderKeepsState() {
            this.decoderKeepsState = true;
            return this;
        }

        public Builder bookSyncRules(BookSyncRules rules) {
            this.bookSyncRules = rules;
            return this;
        }

        public Builder partitionKey(FrameKey rule) {
            this.partitionKey = rule;
            return this;
        }

        /** Frames keyed per connection by a new keyer from {@code keyers} (see {@link Venue#connectionKeyer()}). */
        public Builder keyedByConnection(Supplier<ConnectionKeyer> keyers) {
            this.connectionKeyers = keyers;
            return this;
        }

        /** The decoder makes trade ids up (see {@link Venue#tradeIdsIdentifyTrades()}). */
        public Builder tradeIdsMadeUp() {
            this.tradeIdsIdentifyTrades = false;
            return this;
        }

        /** The exchange name of the feed's recorded cryptofeed captures (set by {@link Venue#declare}). */
        public Builder cryptofeedExchange(String exchange) {
            this.cryptofeedExchange = exchange;
            return this;
        }

        /** The feed's instrument list reader (set by {@link Venue#declare}). */
        public Builder instrumentMetadata(InstrumentMetadata metadata) {
            this.instrumentMetadata = metadata;
            return this;
        }

        public Builder snapshotUrl(SnapshotUrl rule) {
            this.snapshotUrl = rule;
            return this;
        }

        public Builder symbols(VenueSymbols both) {
            this.symbols = both;
            return this;
        }

        public Builder live(LiveVenue spec) {
            this.live = checkedLive(feed, spec);
            return this;
        }

        private static LiveVenue checkedLive(String feed, LiveVenue spec) {
            if (!spec.feed().equals(feed)) {
                throw new IllegalArgumentException("live spec of feed " + spec.feed() + " declared for feed " + feed);
            }
            return spec;
        }

        public Venue build() {
            if (decoderFactory != null && (bookSyncRules == null || partitionKey == null || symbols == null)) {
                throw new IllegalStateException("feed " + feed + " decodes but declares no book sync rules, partition key or symbols");
            }
            if (decoderFactory == null && live == null) {
                throw new IllegalStateException("feed " + feed + " declares neither a decoder nor a live spec");
            }
            return new Venue(this, live);
        }
    }
}
