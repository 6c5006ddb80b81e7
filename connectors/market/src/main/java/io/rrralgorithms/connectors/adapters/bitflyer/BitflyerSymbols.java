package io.rrralgorithms.connectors.adapters.bitflyer;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bitFlyer Lightning product codes: spot {@code BTC_JPY} → {@code BTC-JPY}; Lightning FX
 * {@code FX_BTC_JPY} (margin trading without expiry, funded by a daily swap point) →
 * {@code BTC-JPY-PERP}; futures {@code BTCJPY17DEC2021} (base and quote three letters each, then
 * the expiry {@code ddMMMyyyy}) → {@code BTC-JPY-211217}. The futures' aliases
 * ({@code BTCJPY_MAT1WK}) move every week and are not used.
 */
final class BitflyerSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BitflyerSymbols::normalize, BitflyerSymbols::toNative);
    private static final Pattern SPOT = Pattern.compile("([A-Z]+)_([A-Z]+)"); // no digit: not the futures aliases (BTCJPY_MAT1WK)
    private static final Pattern FX = Pattern.compile("FX_([A-Z]+)_([A-Z]+)");
    private static final Pattern FUTURE = Pattern.compile("([A-Z]{3})([A-Z]{3})([0-9]{2}[A-Z]{3}[0-9]{4})");
    private static final DateTimeFormatter EXPIRY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("ddMMMyyyy").toFormatter(Locale.ROOT);

    private BitflyerSymbols() {}

    static String normalize(String code) throws DecodeException {
        Matcher m = FX.matcher(code);
        if (m.matches()) {
            return NormalizedSymbols.perpetual(m.group(1), m.group(2));
        }
        m = SPOT.matcher(code);
        if (m.matches()) {
            return NormalizedSymbols.spot(m.group(1), m.group(2));
        }
        m = FUTURE.matcher(code);
        if (m.matches()) {
            return NormalizedSymbols.future(m.group(1), m.group(2), expiry(code, m.group(3)));
        }
        throw new DecodeException("unknown symbol '" + code
                + "': bitFlyer products are BASE_QUOTE, FX_BASE_QUOTE or BASEQUOTEddMMMyyyy (BTCJPY17DEC2021)");
    }

    static LocalDate expiry(String code, String date) throws DecodeException {
        try {
            return LocalDate.parse(date, EXPIRY);
        } catch (DateTimeParseException e) {
            throw new DecodeException("unknown symbol '" + code + "': no expiry date in '" + date + "'");
        }
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p != null && p.kind() == Instrument.Kind.SPOT) {
            return p.base() + "_" + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL) {
            return "FX_" + p.base() + "_" + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.FUTURE && p.base().length() == 3 && p.quote().length() == 3) {
            LocalDate expiry = LocalDate.parse("20" + p.expiry(), DateTimeFormatter.BASIC_ISO_DATE);
            return p.base() + p.quote() + expiry.format(EXPIRY).toUpperCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("bitflyer: '" + normalized
                + "' is not a spot pair (BTC-JPY), FX perpetual (BTC-JPY-PERP) or future (BTC-JPY-211217)");
    }
}
