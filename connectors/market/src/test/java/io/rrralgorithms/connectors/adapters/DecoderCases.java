package io.rrralgorithms.connectors.adapters;

import static io.rrralgorithms.connectors.adapters.DecoderCase.cryptofeed;

import io.rrralgorithms.connectors.adapters.bitstamp.BitstampFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.gemini.GeminiFrameDecoderTest;
import java.util.List;

/**
 * The decoder contract's cases: one entry per feed capture. Adding a venue adds one entry here (its
 * raw-line oracle and venue-specific checks in its own {@code <Venue>FrameDecoderTest}).
 * Counts: frames, ignored, dead letters, trades, deltas, snapshots, BBO, checksums.
 */
final class DecoderCases {
    private DecoderCases() {}

    static List<DecoderCase> all() {
        return List.of(
                cryptofeed("bitstamp", "bitstamp", "BITSTAMP", "BITSTAMP.ws.1.0")
                        .counts(BitstampFrameDecoderTest::raw, 747 + 10, 20, 0, 10, 717, 10, 0, 0) // 747 received, 10 REST books
                        .fact("subscribed:diff_order_book", 10).fact("subscribed:live_trades", 10)
                        .keyIsSymbol().event(BitstampFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"event\":\"data\",| malformed JSON")
                        .unknownType("{\"event\":\"bts:wat\",\"channel\":\"x_ethusd\"}| unknown event 'bts:wat'",
                                "{\"event\":\"data\",\"channel\":\"order_book_ethusd\",\"data\":{}}| unsupported channel 'order_book_ethusd'")
                        .badNumber("{\"event\":\"data\",\"channel\":\"diff_order_book_ethusd\",\"data\":{\"microtimestamp\":\"1\",\"bids\":[[\"1.000000001\",\"1\"]],\"asks\":[]}}| not an exact decimal")
                        .catalog("BITSTAMP.0", 140, n -> "{\"data\":{\"microtimestamp\":\"1\",\"bids\":[],\"asks\":[]},"
                                + "\"channel\":\"diff_order_book_" + n + "\",\"event\":\"data\"}", true, 10_000),
                cryptofeed("gemini", "gemini", "GEMINI", "GEMINI.ws.1.0")
                        .counts(GeminiFrameDecoderTest::raw, 678, 7, 0, 16, 645, 10, 0, 0)
                        .keyIsSymbol().event(GeminiFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"type\":\"trade\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"type\":\"candles_1m_updates\",\"symbol\":\"BTCUSD\"}| unknown message type 'candles_1m_updates'")
                        .badNumber("{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1.000000001\",\"1\"]]}| not an exact decimal")
                        .catalog("GEMINI.0", 71, n -> "{\"type\":\"l2_updates\",\"symbol\":\"" + n + "\",\"changes\":[]}", true, 3_000));
    }
}
