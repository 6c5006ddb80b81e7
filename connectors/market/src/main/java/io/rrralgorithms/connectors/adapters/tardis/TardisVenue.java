package io.rrralgorithms.connectors.adapters.tardis;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * The datasets users bring from elsewhere, as one feed {@code tardis} (topic {@code raw.tardis}):
 * tardis.dev's downloadable CSV files and nautilus_trader's Binance depth CSVs, published by the
 * capture readers ({@code capture.TardisCsvReader}) as {@link TardisFrames normalized frames}.
 * One feed for every exchange, keyed by exchange and symbol ({@code binance-futures:BTCUSDT},
 * {@link TardisSymbols}), so that a set of several exchanges replays as one stream and every
 * instrument keeps its own book. Replay-only: no live spec, no instrument list.
 */
public final class TardisVenue {
    public static final String FEED = "tardis";

    static final BookSyncRules RULES = new TardisSyncRules();

    public static final Venue VENUE = Venue.builder(FEED, TardisFrameDecoder::new, TardisSymbols.BOTH_WAYS, RULES,
                    TardisVenue::partitionKey)
            .build();

    private static final String EXCHANGE = "{\"exchange\":\"";
    private static final String SYMBOL = "\"symbol\":\"";

    private TardisVenue() {}

    /** {@code exchange:symbol} from the frame's first two fields; null where either is missing. */
    static String partitionKey(byte[] payload) {
        String exchange = PayloadScan.valueAfter(payload, EXCHANGE, '"');
        String symbol = PayloadScan.valueAfter(payload, SYMBOL, '"');
        return exchange == null || symbol == null ? null : TardisSymbols.nativeSymbol(exchange, symbol);
    }
}
