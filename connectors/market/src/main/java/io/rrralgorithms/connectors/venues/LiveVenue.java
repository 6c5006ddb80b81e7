package io.rrralgorithms.connectors.venues;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The live specifics of one venue, everything the capture service needs beyond the generic
 * WebSocket handling: where to connect, how to subscribe, which application heartbeat to send,
 * the limits, the REST book snapshots where the venue's book protocol needs them, and how a
 * normalized symbol ({@code BTC-USDT}, {@code BTC-USDT-PERP}) maps to the native one. Frames
 * are never parsed here beyond a byte scan: they go to Kafka as received; decoding is the job's
 * (the feed's {@link Venue}).
 *
 * <p>A venue's live spec lives in its folder ({@code adapters/<venue>/<Venue>LiveVenue}), mostly
 * declared on {@code adapters.LiveSpec}, and is declared in its {@link Venue} ({@link Venue.Builder#live},
 * or beside it in {@link Venues} with {@link Venue#withLive}).
 */
public interface LiveVenue {

    /** The feed id ({@code binance-spot}); the raw topic is {@code <prefix><feed>}. */
    String feed();

    /** The WebSocket endpoint, e.g. {@code wss://stream.binance.com:9443/stream}. */
    String defaultEndpoint();

    /**
     * The URI to open for one connection carrying these streams. By default the endpoint as is
     * (streams are named in subscribe messages); a venue that names streams in the URL builds it
     * here.
     */
    default URI endpoint(String endpoint, List<LiveStream> streams) {
        return URI.create(endpoint);
    }

    /**
     * The group of a stream's connection: streams of two groups never share a connection, so that
     * {@link #endpoint} can open each group's own (a venue with an endpoint per market: Huobi's coin-
     * and USDT-margined swaps, bit.com's spot and perpetuals). By default one group.
     */
    default String connectionGroup(LiveStream stream) {
        return "";
    }

    /**
     * Request headers the WebSocket opening handshake must carry beyond the protocol's own
     * (Blockchain.com's gateway refuses a connection without an {@code Origin}); none by default.
     */
    default Map<String, String> handshakeHeaders() {
        return Map.of();
    }

    /**
     * The native symbol of a normalized one; {@link IllegalArgumentException} with a clear
     * reason when the symbol cannot be on this venue (wrong form, a perpetual on a spot venue …).
     */
    String nativeSymbol(String normalizedSymbol);

    /** The streams to subscribe for one instrument and these channels (in a stable order). */
    List<LiveStream> streams(String nativeSymbol, Set<Channel> channels);

    /**
     * The subscribe message for these streams (at most {@link VenueLimits#maxStreamsPerSubscribe}
     * of them, all on one connection); {@code id} counts the messages of the connection from 1.
     */
    String subscribeMessage(List<LiveStream> streams, int id);

    /**
     * The messages that subscribe one batch, in sending order; by default the one
     * {@link #subscribeMessage}. A venue whose subscribe names one channel at a time (Kraken)
     * sends one per channel. {@code nextId} hands out the connection's message ids.
     */
    default List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        return List.of(subscribeMessage(streams, nextId.getAsInt()));
    }

    VenueLimits limits();

    /**
     * The application heartbeat to send every {@link #heartbeatInterval()}, or null for none. Asked
     * for at every send: a venue whose ping carries the time (Gate.io's {@code "time"}) builds it here.
     */
    default String heartbeatMessage() {
        return null;
    }

    default Duration heartbeatInterval() {
        return null;
    }

    /**
     * How often the client sends a WebSocket ping frame (RFC 6455 5.5.2) of its own, or null for
     * never: for venues that close a connection without one and define no application ping
     * (Kraken Futures: "a ping at least every 60 seconds").
     */
    default Duration protocolPingInterval() {
        return null;
    }

    // ---- a REST handshake before each connection (KuCoin's token) ----

    /**
     * Path of a REST {@code POST} (against the REST base, {@link #defaultRestBase()} or the configured
     * one) that must precede every connection, its answer naming the endpoint and the connection's
     * token (KuCoin {@code /api/v1/bullet-public}); null: the venue needs none.
     */
    default String handshakePath() {
        return null;
    }

    /**
     * The connection's WebSocket URI and heartbeat interval from the answer to {@link #handshakePath()};
     * an {@link IllegalArgumentException} with the reason where the answer names no endpoint or token.
     */
    default Handshake handshake(byte[] body) {
        throw new UnsupportedOperationException(feed() + " has no handshake");
    }

    /**
     * What a handshake gave one connection.
     *
     * @param endpoint          the URI to open, the token in it
     * @param heartbeatInterval the interval of {@link #heartbeatMessage()} on this connection (the
     *                          venue's, from the answer), or null for {@link #heartbeatInterval()}
     */
    record Handshake(URI endpoint, Duration heartbeatInterval) {}

    /**
     * The message answering a frame of the venue's own heartbeat, sent at once on the frame's
     * connection (Huobi's {@code {"ping":<ms>}} is answered {@code {"pong":<ms>}}, or the venue
     * closes the connection); null for any other frame, and by default. Called on every received
     * frame (inflated): decide by the first bytes.
     */
    default String replyTo(byte[] payload) {
        return null;
    }

    /** How binary messages are turned into payloads (venues that compress). Text is never inflated. */
    default FrameInflater inflater() {
        return FrameInflater.NONE;
    }

    /**
     * The partition key (native symbol) of a received frame; by default the feed's
     * {@link Venue#partitionKey}, so that live frames are keyed exactly as replayed ones.
     */
    default String partitionKey(byte[] payload) {
        return Venues.isSupported(feed()) ? Venues.forFeed(feed()).partitionKey(payload) : null;
    }

    /**
     * A keyer for the frames of one WebSocket session: the venue's connection keyer where it
     * keeps per-connection state (Bitfinex channel ids learned from the subscription acks), else
     * {@link #partitionKey} frame by frame. A new one for every (re)connection.
     */
    default ConnectionKeyer connectionKeyer() {
        if (Venues.isSupported(feed()) && Venues.forFeed(feed()).keysByConnection()) {
            return Venues.forFeed(feed()).connectionKeyer();
        }
        return this::partitionKey;
    }

    /**
     * The {@link LiveStream#name()} a received frame belongs to (for the time-since-last-frame
     * metric), or null for frames of no stream (acks, heartbeats of the connection, errors).
     */
    String streamOf(byte[] payload);

    /**
     * A text describing why the venue refused something (a subscription error reply), or null for
     * any other frame. Such frames are still published; this only makes them loud in the log.
     */
    default String errorOf(byte[] payload) {
        return null;
    }

    // ---- REST book snapshots (venues whose book protocol needs them; Binance) ----

    /** The REST base URL of snapshots, e.g. {@code https://api.binance.com}; null: the venue needs none. */
    default String defaultRestBase() {
        return null;
    }

    /** Path and query of the snapshot of one symbol, e.g. {@code /api/v3/depth?symbol=BTCUSDT&limit=1000}. */
    default String snapshotPath(String nativeSymbol) {
        return null;
    }

    /**
     * For a book diff frame: its native symbol (a snapshot of it is fetched after the first diff
     * of each (re)connection, so that the diffs the snapshot needs are already buffered); null for
     * any other frame.
     */
    default String bookDiffSymbol(byte[] payload) {
        return null;
    }

    /**
     * The symbols whose REST snapshots the first diff of {@code diffSymbol} calls for, of this
     * connection's streams: by default the symbol itself; Independent Reserve's book channel is a
     * base currency's, its snapshots are its pairs'.
     */
    default List<String> snapshotSymbols(String diffSymbol, List<LiveStream> connectionStreams) {
        return List.of(diffSymbol);
    }

    /** The Kafka key of a symbol's REST snapshot: by default the symbol (Independent Reserve: its base). */
    default String snapshotKey(String symbol) {
        return symbol;
    }

    /** The first update id of a book diff ({@code U}), or -1 where unknown. */
    default long bookDiffFirstUpdateId(byte[] payload) {
        return -1;
    }

    /**
     * The update id a REST snapshot body is at ({@code lastUpdateId}), or -1 where unknown. A
     * snapshot older than the first diff of the connection could never be bridged: it is fetched
     * again instead of being published.
     */
    default long snapshotUpdateId(byte[] body) {
        return -1;
    }
}
