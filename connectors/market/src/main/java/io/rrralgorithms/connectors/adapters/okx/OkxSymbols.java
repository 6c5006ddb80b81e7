package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * OKX {@code instId}s → normalized symbols, from the id alone (the decoder has nothing else; the
 * instrument list agrees: for every listed instrument {@code baseCcy-quoteCcy}, {@code uly},
 * {@code stk} and {@code optType} are the id's parts):
 * {@code BTC-USDT} spot → {@code BTC-USDT}; {@code BTC-USDT-SWAP} → {@code BTC-USDT-PERP};
 * {@code BTC-USD-220527} future → {@code BTC-USD-220527}; {@code BTC-USD-220514-22000-C} option →
 * {@code BTC-USD-220514-22000-C} ({@link NormalizedSymbols#option}).
 */
final class OkxSymbols {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd", Locale.ROOT);

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(OkxSymbols::normalize, OkxSymbols::toNative);

    private OkxSymbols() {}

    /**
     * {@code BTC-USDT} → {@code BTC-USDT}, {@code BTC-USDT-PERP} → {@code BTC-USDT-SWAP},
     * {@code BTC-USD-220527} → {@code BTC-USD-220527}, options as they are.
     */
    static String toNative(String normalized) {
        Parts s = NormalizedSymbols.parts(normalized);
        if (s == null) {
            throw notASymbol(normalized);
        }
        String pair = s.base() + "-" + s.quote();
        return switch (s.kind()) {
            case SPOT -> pair;
            case PERPETUAL -> pair + "-SWAP";
            case FUTURE -> pair + "-" + s.expiry();
            case OPTION -> pair + "-" + s.expiry() + "-" + s.strike() + (s.call() ? "-C" : "-P");
        };
    }

    /** The refusal of a normalized symbol that names no OKX instrument (the live capture's too). */
    static IllegalArgumentException notASymbol(String normalized) {
        return new IllegalArgumentException(OkxVenue.FEED + ": '" + normalized
                + "' is not a symbol like BTC-USDT, BTC-USDT-PERP or BTC-USD-240927");
    }

    static Instrument.Kind kind(String instId) {
        String[] p = instId.split("-", -1);
        return switch (p.length) {
            case 2 -> Instrument.Kind.SPOT;
            case 3 -> p[2].equals("SWAP") ? Instrument.Kind.PERPETUAL : Instrument.Kind.FUTURE;
            case 5 -> Instrument.Kind.OPTION;
            default -> null;
        };
    }

    /** The normalized symbol, or IllegalArgumentException naming the expected forms. */
    static String normalize(String instId) {
        String[] p = instId.split("-", -1);
        for (String s : p) {
            if (s.isEmpty()) {
                throw bad(instId);
            }
        }
        switch (p.length) {
            case 2:
                return NormalizedSymbols.spot(p[0], p[1]);
            case 3:
                return p[2].equals("SWAP") ? NormalizedSymbols.perpetual(p[0], p[1])
                        : NormalizedSymbols.future(p[0], p[1], expiry(p[2], instId));
            case 5:
                if (!p[4].equals("C") && !p[4].equals("P")) {
                    throw bad(instId);
                }
                BigDecimal strike;
                try {
                    strike = new BigDecimal(p[3]);
                } catch (NumberFormatException e) {
                    throw bad(instId);
                }
                return NormalizedSymbols.option(p[0], p[1], expiry(p[2], instId), strike, p[4].equals("C"));
            default:
                throw bad(instId);
        }
    }

    static LocalDate expiry(String yyMMdd, String instId) {
        if (yyMMdd.length() != 6) {
            throw bad(instId);
        }
        try {
            return LocalDate.parse(yyMMdd, YYMMDD);
        } catch (DateTimeParseException e) {
            throw bad(instId);
        }
    }

    private static IllegalArgumentException bad(String instId) {
        return new IllegalArgumentException("unknown symbol '" + instId
                + "': OKX instIds look like BTC-USDT, BTC-USDT-SWAP, BTC-USD-220527 or BTC-USD-220527-30000-C");
    }
}
