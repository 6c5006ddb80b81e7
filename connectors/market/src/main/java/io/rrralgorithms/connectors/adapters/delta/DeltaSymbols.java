package io.rrralgorithms.connectors.adapters.delta;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delta Exchange symbols, as its product list writes them:
 *
 * <ul>
 *   <li>options {@code C-ETH-3200-311221} / {@code P-...}: call or put, underlying, strike, expiry
 *       {@code DDMMYY}, every one quoted and settled in USDT → {@code ETH-USDT-211231-3200-C};
 *   <li>perpetuals {@code BASEQUOTE} with quote USDT, USD or BTC ({@code GALAUSDT}, {@code BTCUSD},
 *       {@code DOGEBTC}) → {@code GALA-USDT-PERP};
 *   <li>spot {@code BASE_QUOTE} ({@code ETH_USDT}) → {@code ETH-USDT}.
 * </ul>
 *
 * Not decoded: dated futures ({@code BTCUSD_25Mar}: the symbol names no year), move options
 * ({@code MV-...}), interest-rate swaps and spreads.
 */
final class DeltaSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(DeltaSymbols::normalize, DeltaSymbols::toNative);

    private static final Pattern OPTION = Pattern.compile("([CP])-([A-Z0-9]+)-([0-9]+(?:\\.[0-9]+)?)-([0-9]{6})");
    private static final Pattern SPOT = Pattern.compile("([A-Z0-9]+)_([A-Z0-9]+)");
    private static final Pattern PERPETUAL = Pattern.compile("[A-Z0-9]+");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("ddMMuu");
    /** Perpetuals' quotes, longest first ({@code ...USDT} before {@code ...USD}). */
    private static final List<String> QUOTES = List.of("USDT", "USD", "BTC");
    static final String OPTION_QUOTE = "USDT";

    private DeltaSymbols() {}

    static String normalize(String symbol) throws DecodeException {
        Matcher m = OPTION.matcher(symbol);
        if (m.matches()) {
            try {
                return NormalizedSymbols.option(m.group(2), OPTION_QUOTE, LocalDate.parse(m.group(4), EXPIRY),
                        new BigDecimal(m.group(3)), m.group(1).equals("C"));
            } catch (DateTimeParseException e) {
                throw new DecodeException("unknown symbol '" + symbol + "': no expiry date " + m.group(4));
            }
        }
        m = SPOT.matcher(symbol);
        if (m.matches()) {
            return NormalizedSymbols.spot(m.group(1), m.group(2));
        }
        if (PERPETUAL.matcher(symbol).matches()) {
            for (String q : QUOTES) {
                if (symbol.length() > q.length() && symbol.endsWith(q)) {
                    return NormalizedSymbols.perpetual(symbol.substring(0, symbol.length() - q.length()), q);
                }
            }
        }
        throw new DecodeException("unknown symbol '" + symbol + "': Delta symbols decoded are options (C-ETH-3200-311221),"
                + " perpetuals (BTCUSDT) and spot pairs (BTC_USDT)");
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p != null && p.kind() == Instrument.Kind.SPOT) {
            return p.base() + "_" + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL && QUOTES.contains(p.quote())) {
            return p.base() + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.OPTION && p.quote().equals(OPTION_QUOTE) && p.expiryDate() != null) {
            return (p.call() ? "C-" : "P-") + p.base() + "-" + p.strike() + "-" + EXPIRY.format(p.expiryDate());
        }
        throw new IllegalArgumentException(DeltaVenue.FEED + ": '" + normalized
                + "' is not a spot pair, a USDT/USD/BTC perpetual or a USDT option");
    }
}
