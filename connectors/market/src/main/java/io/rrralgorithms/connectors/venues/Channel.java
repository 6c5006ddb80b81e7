package io.rrralgorithms.connectors.venues;

import java.util.Locale;

/** What a live subscription carries. */
public enum Channel {
    /** Every trade. */
    TRADES,
    /** The L2 book: diffs (and, where the venue sends them on the socket, snapshots). */
    BOOK,
    /** Best bid and offer (book ticker). */
    BBO,
    /**
     * A venue keep-alive channel the venue adds itself where it has one (Coinbase
     * {@code heartbeat}): it keeps quiet subscriptions from looking silent to the watchdog. Not
     * selectable in the configuration.
     */
    HEARTBEAT;

    /** {@code trades}, {@code book} or {@code bbo} (any case). */
    public static Channel parse(String s) {
        String v = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        switch (v) {
            case "TRADES", "TRADE" -> {
                return TRADES;
            }
            case "BOOK", "L2", "DEPTH" -> {
                return BOOK;
            }
            case "BBO", "TICKER", "BOOK_TICKER" -> {
                return BBO;
            }
            default -> throw new IllegalArgumentException("unknown channel '" + s + "': use trades, book or bbo");
        }
    }
}
