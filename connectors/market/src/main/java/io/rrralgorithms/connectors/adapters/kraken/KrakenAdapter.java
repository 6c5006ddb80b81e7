package io.rrralgorithms.connectors.adapters.kraken;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import java.nio.charset.StandardCharsets;

/**
 * Kraken spot, public WebSocket API v1 ({@code wss://ws.kraken.com}): {@code book-N},
 * {@code trade}, {@code ticker} and {@code spread} channels (see {@link KrakenFrameDecoder} for the
 * frames, {@link KrakenSyncRules} for the book: no sequence numbers, a CRC32 checksum on every
 * update, a window of N levels). The native symbol is the WebSocket pair name ({@code XBT/USD}).
 */
public final class KrakenAdapter implements ExchangeAdapter {
    public static final String FEED = "kraken";

    private final FrameDecoder decoder = new KrakenFrameDecoder(FEED);
    private final BookSyncRules rules = new KrakenSyncRules();
    private final InstrumentMetadata instruments = new KrakenInstruments(FEED);

    @Override
    public String feed() {
        return FEED;
    }

    @Override
    public FrameDecoder decoder() {
        return decoder;
    }

    @Override
    public BookSyncRules bookSyncRules() {
        return rules;
    }

    /**
     * The pair of a data frame, its last element ({@code [..., "book-10", "XBT/USD"]}), or the
     * {@code "pair"} of a subscription status; null for heartbeats and system status. A byte scan,
     * no JSON parse.
     */
    @Override
    public String partitionKey(byte[] payload) {
        int end = payload.length - 1;
        while (end >= 0 && isSpace(payload[end])) {
            end--;
        }
        if (end >= 2 && payload[end] == ']') {
            int close = end - 1;
            while (close >= 0 && isSpace(payload[close])) {
                close--;
            }
            if (close >= 1 && payload[close] == '"') {
                for (int i = close - 1; i >= 0 && close - i <= 64; i--) {
                    if (payload[i] == '"') {
                        return i + 1 < close ? new String(payload, i + 1, close - i - 1, StandardCharsets.UTF_8) : null;
                    }
                    if (payload[i] == '\\') {
                        return null;
                    }
                }
            }
            return null;
        }
        return PayloadScan.valueAfter(payload, "\"pair\":\"", '"');
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    @Override
    public String cryptofeedExchange() {
        return "KRAKEN";
    }

    @Override
    public InstrumentMetadata instrumentMetadata() {
        return instruments;
    }
}
