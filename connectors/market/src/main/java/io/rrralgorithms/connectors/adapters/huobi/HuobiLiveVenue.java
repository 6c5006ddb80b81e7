package io.rrralgorithms.connectors.adapters.huobi;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.FrameInflater;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Huobi's public market WebSocket, spot ({@code huobi}, {@code wss://api.huobi.pro/ws}) and perpetual
 * swaps ({@code huobi-swap}, {@link #swap()}).
 *
 * <ul>
 *   <li>Channels: trades {@code market.<symbol>.trade.detail}, book {@code market.<symbol>.depth.step0}
 *       (the whole book, 150 levels a side, in every message: no REST snapshot), BBO
 *       {@code market.<symbol>.bbo}.
 *   <li>Subscribe: one topic a message, {@code {"sub":"market.btcusdt.depth.step0","id":"1"}}.
 *   <li>Every message is gzip: inflated ({@link FrameInflater#GZIP}) and published as JSON.
 *   <li>Heartbeat: the venue's. Huobi sends {@code {"ping":<ms>}} every 5 s and closes a connection
 *       that has not answered two of them; the capture answers each with {@code {"pong":<ms>}}
 *       ({@link #replyTo}). The ping frames are published like every frame (the decoder ignores them).
 *   <li>Limits: Huobi publishes none per connection for market data; 100 streams a connection,
 *       10 messages a second and 5 connects a second are this service's choice (cryptofeed subscribes
 *       its 20 streams in 1 ms on one connection).
 *   <li>Symbols: {@code BTC-USDT} → {@code btcusdt} ({@link HuobiSymbols}).
 * </ul>
 */
public final class HuobiLiveVenue extends LiveSpec {
    private static final Pattern PING = Pattern.compile("\\{\\s*\"ping\"\\s*:\\s*([0-9]{1,19})\\s*}");

    private static final String COIN_MARGINED = "/swap-ws";

    /** Spot. */
    public HuobiLiveVenue() {
        this(HuobiVenue.FEED, "wss://api.huobi.pro/ws", HuobiSymbols::spotToNative);
    }

    private HuobiLiveVenue(String feed, String endpoint, UnaryOperator<String> toNative) {
        super(declare(feed, endpoint, new VenueLimits(100, 1, 10, 5, Duration.ofSeconds(1), 1))
                .batching(Batching.PER_STREAM).symbols(toNative)
                .streams("market.{}.trade.detail", "market.{}.depth.step0", "market.{}.bbo")
                .errorWhen("\"status\":\"", "error"));
    }

    /**
     * The perpetual swaps ({@code huobi-swap}): coin-margined contracts ({@code BTC-USD}) on
     * {@code wss://api.hbdm.com/swap-ws}, USDT-margined ones ({@code BTC-USDT}) on
     * {@code /linear-swap-ws}, each on connections of its own ({@link #connectionGroup}); the same
     * topics, gzip frames and pings as spot (the recorded sessions').
     */
    public static HuobiLiveVenue swap() {
        return new HuobiLiveVenue(HuobiVenue.SWAP_FEED, "wss://api.hbdm.com" + COIN_MARGINED, HuobiSymbols::swapToNative);
    }

    /** Swaps: {@code linear} (USDT-margined) or {@code inverse}; spot: one group. */
    @Override
    public String connectionGroup(LiveStream stream) {
        return !feed().equals(HuobiVenue.SWAP_FEED) ? "" : stream.nativeSymbol().endsWith("-USDT") ? "linear" : "inverse";
    }

    /** A USDT-margined connection opens {@code /linear-swap-ws} where the endpoint is {@code /swap-ws}. */
    @Override
    public URI endpoint(String endpoint, List<LiveStream> streams) {
        boolean linear = !streams.isEmpty() && connectionGroup(streams.get(0)).equals("linear");
        return URI.create(linear && endpoint.endsWith(COIN_MARGINED)
                ? endpoint.substring(0, endpoint.length() - COIN_MARGINED.length()) + "/linear-swap-ws" : endpoint);
    }

    /** One topic a message ({@link VenueLimits#maxStreamsPerSubscribe} is 1). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"sub\":\"" + LiveSubscriptions.one(feed(), streams).name() + "\",\"id\":\"" + id + "\"}";
    }

    @Override
    public FrameInflater inflater() {
        return FrameInflater.GZIP;
    }

    /** {@code {"pong":<ms>}} for Huobi's {@code {"ping":<ms>}}; null for any other frame. */
    @Override
    public String replyTo(byte[] payload) {
        if (payload.length > 64 || payload.length < 10 || payload[0] != '{') {
            return null; // not a ping: decided without reading the frame
        }
        Matcher m = PING.matcher(new String(payload, StandardCharsets.UTF_8));
        return m.matches() ? "{\"pong\":" + m.group(1) + "}" : null;
    }

    /** The frame's topic {@code market.<symbol>.<channel>}; null for pings and replies. */
    @Override
    public String streamOf(byte[] payload) {
        String ch = PayloadScan.valueAfter(payload, "\"ch\":\"", '"');
        return ch != null && ch.startsWith("market.") ? ch : null;
    }
}
