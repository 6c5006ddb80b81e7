package io.rrralgorithms.connectors.adapters.kucoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * KuCoin's public spot WebSocket ({@code kucoin}). No key needed, but a token: every connection
 * starts with a REST {@code POST https://api.kucoin.com/api/v1/bullet-public}, whose answer names
 * the endpoint ({@code instanceServers[0].endpoint}), the connection's {@code token} and the
 * {@code pingInterval}; the socket is opened at {@code <endpoint>?token=<token>}
 * ({@link #handshake}). {@link #defaultEndpoint()} is only what the answer usually names.
 *
 * <ul>
 *   <li>Topics: trades {@code /market/match}, book {@code /market/level2} (diffs, each change with
 *       its own {@code sequence}), BBO {@code /market/ticker}; one subscribe message per topic
 *       naming its symbols, {@code {"id":N,"type":"subscribe","topic":"/market/level2:BTC-USDT,ETH-USDT",
 *       "privateChannel":false,"response":true}}, as the recorded session sent them.
 *   <li>Book: the diffs need a REST snapshot, fetched after the symbol's first diff:
 *       {@code /api/v1/market/orderbook/level2_100?symbol=X}, the public top 100 (the recorded
 *       session used {@code /api/v3/market/orderbook/level2}, the whole book, which now needs a
 *       key); levels deeper than 100 are learned only as diffs touch them. A snapshot whose
 *       {@code sequence} is below the first diff's {@code sequenceStart} is fetched again.
 *   <li>Heartbeat: {@code {"id":"ping","type":"ping"}}, answered {@code {"id":"ping","type":"pong"}}
 *       (ignored by the decoder), every half {@code pingInterval} of the handshake (as cryptofeed:
 *       9 s for the usual 18 s); the venue closes a connection silent for {@code pingTimeout}.
 *   <li>Limits (published: 300 topics a connection, 100 a subscribe, 100 client messages per 10 s,
 *       30 connects a minute): 300 streams a connection, 100 a message, 9 messages a second, 30
 *       connects a minute; 3 snapshots a second.
 *   <li>Symbols ({@link KucoinSymbols#toNative}): {@code BTC-USDT} as it is, renamed assets by their
 *       KuCoin codes ({@code BSV-USDT} → {@code BCHSV-USDT}).
 * </ul>
 */
public final class KucoinLiveVenue extends LiveSpec {
    static final String PING = "{\"id\":\"ping\",\"type\":\"ping\"}";
    private static final String BOOK_TOPIC = "/market/level2:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The heartbeat interval is used only where a handshake answer names no {@code pingInterval}. */
    public KucoinLiveVenue() {
        super(declare(KucoinVenue.FEED, "wss://ws-api-spot.kucoin.com/",
                new VenueLimits(300, 100, 9, 30, Duration.ofMinutes(1), 3))
                .batching(Batching.PER_CHANNEL).heartbeat(PING, Duration.ofSeconds(9))
                .restSnapshots(new RestSnapshots("https://api.kucoin.com", "/api/v1/market/orderbook/level2_100?symbol=",
                        "", BOOK_TOPIC, "sequenceStart", "sequence"))
                .symbols(KucoinSymbols::toNative).streams("/market/match:{}", BOOK_TOPIC + "{}", "/market/ticker:{}")
                .errorWhen("\"type\":\"", "error"));
    }

    /** The streams of one topic, their symbols in one message. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"id\":" + id + ",\"type\":\"subscribe\",\"topic\":\"" + LiveSubscriptions.channelOf(streams.get(0)) + ":"
                + String.join(",", streams.stream().map(LiveStream::nativeSymbol).toList())
                + "\",\"privateChannel\":false,\"response\":true}";
    }

    @Override
    public String handshakePath() {
        return "/api/v1/bullet-public";
    }

    /**
     * {@code <endpoint>?token=<token>} of the answer's first instance server, the heartbeat every
     * half of its {@code pingInterval} (ms).
     */
    @Override
    public Handshake handshake(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("bullet-public answer is not JSON: " + e.getMessage(), e);
        }
        JsonNode data = root.path("data");
        JsonNode server = data.path("instanceServers").path(0);
        String token = data.path("token").asText("");
        String endpoint = server.path("endpoint").asText("");
        if (!"200000".equals(root.path("code").asText()) || token.isEmpty() || endpoint.isEmpty()) {
            throw new IllegalArgumentException("bullet-public answer names no endpoint and token: code "
                    + root.path("code").asText() + " " + root.path("msg").asText(""));
        }
        long pingMs = server.path("pingInterval").asLong(0);
        return new Handshake(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)), pingMs > 0 ? Duration.ofMillis(pingMs / 2) : null);
    }

    /** The frame's {@code topic}; null for welcome, acks and pongs. */
    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"topic\":\"", '"');
    }
}
