package io.rrralgorithms.connectors.adapters.cryptocom;

import io.rrralgorithms.connectors.adapters.LiveNumbers;
import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * Crypto.com Exchange's public market data WebSocket, API v2 ({@code cryptocom}),
 * {@code wss://stream.crypto.com/v2/market}. No key needed. Written from the documentation and
 * cryptofeed's {@code cryptodotcom.py}, never run against the venue (no capture records it).
 *
 * <ul>
 *   <li>Channels per instrument: trades {@code trade.<instrument>}, book {@code book.<instrument>.150}
 *       (the whole top 150 in every message), BBO {@code ticker.<instrument>}.
 *   <li>Subscribe: one message for the batch, {@code {"id":N,"method":"subscribe","params":{"channels":
 *       ["trade.BTC_USDT","book.BTC_USDT.150","ticker.BTC_USDT"]},"nonce":<ms>}}, sent 1 s after the
 *       connection opens as the documentation advises (its rate limits count from the connect); a
 *       refusal is a reply with a {@code code} other than 0.
 *   <li>Heartbeat: the venue sends {@code {"id":<id>,"method":"public/heartbeat"}} every 30 s and
 *       closes a connection that does not answer {@code {"id":<id>,"method":"public/respond-heartbeat"}}
 *       within 5 s: {@link #replyTo} answers each with its id. The client sends none of its own.
 *   <li>Limits: 100 requests a second and 400 subscriptions a connection (the Exchange API's
 *       documented market data limits, as skip-mev/connect's Crypto.com provider quotes them; more
 *       are refused {@code EXCEED_MAX_SUBSCRIPTIONS}); 100 channels a message (unpublished), 50
 *       messages a second and 5 connects a second are this service's choice.
 *   <li>Symbols ({@link CryptocomSymbols#toNative}): {@code BTC-USDT} → {@code BTC_USDT}.
 * </ul>
 */
public final class CryptocomLiveVenue extends LiveSpec {
    static final int BOOK_DEPTH = 150;

    public CryptocomLiveVenue() {
        super(declare(CryptocomVenue.FEED, "wss://stream.crypto.com/v2/market",
                new VenueLimits(400, 100, 50, 5, Duration.ofSeconds(1), 1)).subscribeAfter(Duration.ofSeconds(1))
                .symbols(CryptocomSymbols::toNative)
                .streams("trade.{}", "book.{}." + BOOK_DEPTH, "ticker.{}"));
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"id\":" + id + ",\"method\":\"subscribe\",\"params\":{\"channels\":["
                + LiveSubscriptions.quoted(streams, LiveStream::name) + "]},\"nonce\":" + System.currentTimeMillis() + "}";
    }

    /** {@code public/respond-heartbeat} with the id of the venue's {@code public/heartbeat}. */
    @Override
    public String replyTo(byte[] payload) {
        String s = LiveSubscriptions.smallText(payload, 256);
        long id = s != null && s.contains("\"method\":\"public/heartbeat\"") ? LiveNumbers.after(payload, "id") : -1;
        return id < 0 ? null : "{\"id\":" + id + ",\"method\":\"public/respond-heartbeat\"}";
    }

    /** The data's {@code subscription} ({@code book.BTC_USDT.150}); null for replies and heartbeats. */
    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"subscription\":\"", '"');
    }

    /** A small reply whose {@code code} is not 0. */
    @Override
    public String errorOf(byte[] payload) {
        return LiveNumbers.after(payload, "code") > 0 ? LiveSubscriptions.smallText(payload, 4096) : null;
    }
}
