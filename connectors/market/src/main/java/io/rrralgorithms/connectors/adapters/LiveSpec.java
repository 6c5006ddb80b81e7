package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A venue's live spec from a {@link Declaration}: what the venues' specs have in common is
 * declared, not written again — the feed, the endpoint, the limits, the native symbols, the names
 * of an instrument's streams, how a batch of streams becomes subscribe messages ({@link Batching}),
 * the application heartbeat or WebSocket ping, what an error reply looks like, and the REST
 * snapshot procedure where the book needs one. A spec extends this and writes only what is its
 * venue's own: the subscribe message of one batch and which stream a frame belongs to
 * ({@link LiveSubscriptions} has the usual shapes of these).
 */
public abstract class LiveSpec implements LiveVenue {

    /** How the streams of one planned batch are subscribed. */
    public enum Batching {
        /** One message names the batch ({@link #subscribeMessage} gets it whole). */
        ONE_MESSAGE,
        /** One message per channel of the batch, channels in the batch's order (BitMEX, KuCoin, Poloniex, …). */
        PER_CHANNEL,
        /** One message per stream (Huobi, Phemex, bitFlyer, …). */
        PER_STREAM,
        /** One message per instrument naming its channels (ProBit's {@code filter}). */
        PER_SYMBOL;

        /** The batch split into the streams of each message, in sending order. */
        public List<List<LiveStream>> split(List<LiveStream> streams) {
            return switch (this) {
                case ONE_MESSAGE -> List.of(streams);
                case PER_CHANNEL -> List.copyOf(LiveSubscriptions.byChannel(streams).values());
                case PER_STREAM -> streams.stream().map(List::of).toList();
                case PER_SYMBOL -> List.copyOf(streams.stream().collect(Collectors.groupingBy(LiveStream::nativeSymbol,
                        LinkedHashMap::new, Collectors.toList())).values());
            };
        }
    }

    /**
     * A book whose diffs need a REST snapshot, fetched after a symbol's first diff: the snapshot's
     * URL, where a diff names its symbol, and the update ids that say whether the snapshot can
     * bridge the diffs.
     *
     * @param restBase          the REST base ({@code https://www.bitstamp.net})
     * @param pathPrefix        the path (and query) before the native symbol
     * @param pathSuffix        what follows the symbol
     * @param bookStreamPrefix  a book diff's {@link LiveVenue#streamOf stream} is this and its symbol
     * @param diffFirstIdField  the field of a diff with its first update id (-1 where absent)
     * @param snapshotIdField   the field of a snapshot body with its update id
     */
    public record RestSnapshots(String restBase, String pathPrefix, String pathSuffix, String bookStreamPrefix,
            String diffFirstIdField, String snapshotIdField) {}

    /** The declared part of a spec, built in the spec's constructor. */
    public static final class Declaration {
        private final String feed;
        private final String endpoint;
        private final VenueLimits limits;
        private Batching batching = Batching.ONE_MESSAGE;
        private String heartbeat;
        private Duration heartbeatInterval;
        private Duration protocolPing;
        private RestSnapshots snapshots;
        private UnaryOperator<String> toNative = UnaryOperator.identity();
        private String[] streamNames = {"trades:{}", "book:{}", "bbo:{}"};
        private Function<byte[], String> error = payload -> null;

        private Declaration(String feed, String endpoint, VenueLimits limits) {
            this.feed = feed;
            this.endpoint = endpoint;
            this.limits = limits;
        }

        public Declaration batching(Batching how) {
            this.batching = how;
            return this;
        }

        /** The application heartbeat the client sends, every {@code interval}. */
        public Declaration heartbeat(String message, Duration interval) {
            this.heartbeat = message;
            this.heartbeatInterval = interval;
            return this;
        }

        /** A WebSocket ping frame every {@code interval}: for a venue without an application ping. */
        public Declaration protocolPing(Duration interval) {
            this.protocolPing = interval;
            return this;
        }

        /** Normalized → native symbols ({@code XSymbols::toNative}); refuses what the venue cannot have. */
        public Declaration symbols(UnaryOperator<String> toNative) {
            this.toNative = toNative;
            return this;
        }

        /**
         * The names of an instrument's trades, book and BBO streams, {@code {}} standing for its
         * native symbol ({@code "trades:{}"}, {@code "market.{}.depth.step0"}); null where the venue
         * has no such channel (or none decoded): not subscribed.
         */
        public Declaration streams(String trades, String book, String bbo) {
            this.streamNames = new String[] {trades, book, bbo};
            return this;
        }

        /**
         * An error reply is a small frame whose string value after {@code marker} is {@code value}
         * ({@code "event":"error"}): logged loudly by the capture ({@link LiveVenue#errorOf}).
         */
        public Declaration errorWhen(String marker, String value) {
            this.error = payload -> LiveSubscriptions.errorIf(payload, marker, value);
            return this;
        }

        /** An error reply is a small frame containing {@code part} ({@code "error":{}). */
        public Declaration errorContaining(String part) {
            this.error = payload -> LiveSubscriptions.errorContaining(payload, part);
            return this;
        }

        public Declaration restSnapshots(RestSnapshots how) {
            this.snapshots = how;
            return this;
        }
    }

    /** The declaration of a spec of {@code feed} on {@code endpoint} within {@code limits}. */
    public static Declaration declare(String feed, String endpoint, VenueLimits limits) {
        return new Declaration(feed, endpoint, limits);
    }

    private final Declaration declared;

    protected LiveSpec(Declaration declared) {
        this.declared = declared;
    }

    @Override
    public String feed() {
        return declared.feed;
    }

    @Override
    public String defaultEndpoint() {
        return declared.endpoint;
    }

    @Override
    public VenueLimits limits() {
        return declared.limits;
    }

    @Override
    public String nativeSymbol(String normalizedSymbol) {
        return declared.toNative.apply(normalizedSymbol);
    }

    /** The declared {@link Declaration#streams} of the instrument, in the order trades, book, BBO. */
    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        String[] n = declared.streamNames;
        return LiveStream.forChannels(nativeSymbol, channels, named(n[0], nativeSymbol), named(n[1], nativeSymbol),
                named(n[2], nativeSymbol));
    }

    private static String named(String template, String nativeSymbol) {
        return template == null ? null : template.replace("{}", nativeSymbol);
    }

    /** The declared {@link Batching}: {@link #subscribeMessage} once per message. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        List<String> out = new ArrayList<>();
        for (List<LiveStream> one : declared.batching.split(streams)) {
            out.add(subscribeMessage(one, nextId.getAsInt()));
        }
        return out;
    }

    @Override
    public String errorOf(byte[] payload) {
        return declared.error.apply(payload);
    }

    @Override
    public String heartbeatMessage() {
        return declared.heartbeat;
    }

    @Override
    public Duration heartbeatInterval() {
        return declared.heartbeatInterval;
    }

    @Override
    public Duration protocolPingInterval() {
        return declared.protocolPing;
    }

    @Override
    public String defaultRestBase() {
        return declared.snapshots == null ? null : declared.snapshots.restBase();
    }

    @Override
    public String snapshotPath(String nativeSymbol) {
        RestSnapshots s = declared.snapshots;
        return s == null ? null : s.pathPrefix() + nativeSymbol + s.pathSuffix();
    }

    /** The symbol of a frame whose stream is a book's ({@link RestSnapshots#bookStreamPrefix} and the symbol). */
    @Override
    public String bookDiffSymbol(byte[] payload) {
        RestSnapshots s = declared.snapshots;
        String stream = s == null ? null : streamOf(payload);
        return stream != null && stream.startsWith(s.bookStreamPrefix()) ? stream.substring(s.bookStreamPrefix().length())
                : null;
    }

    @Override
    public long bookDiffFirstUpdateId(byte[] payload) {
        return declared.snapshots == null ? -1 : LiveNumbers.after(payload, declared.snapshots.diffFirstIdField());
    }

    @Override
    public long snapshotUpdateId(byte[] body) {
        return declared.snapshots == null ? -1 : LiveNumbers.after(body, declared.snapshots.snapshotIdField());
    }
}
