package io.rrralgorithms.connectors.instruments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The futures month codes ({@code F} = January … {@code Z} = December) with a two-digit year, as
 * BitMEX ({@code XBTU21}) and Bybit ({@code BTCUSDM21}) name dated contracts, and their expiry
 * rule: the last Friday of the month.
 */
public final class MonthCodes {
    public static final String CODES = "FGHJKMNQUVXZ";

    private MonthCodes() {}

    /** The last Friday of the month of the code ({@code U} = September) in 20yy. */
    public static LocalDate lastFriday(char monthCode, int yy) {
        int month = CODES.indexOf(monthCode) + 1;
        return LocalDate.of(2000 + yy, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
    }

    /** The code and year of an expiry ({@code 2021-09-24} → {@code U21}), or null where it is not the last Friday of its month. */
    public static String codeOf(LocalDate expiry) {
        char code = CODES.charAt(expiry.getMonthValue() - 1);
        int yy = expiry.getYear() % 100;
        return expiry.getYear() >= 2000 && expiry.equals(lastFriday(code, yy))
                ? code + String.format(Locale.ROOT, "%02d", yy) : null;
    }
}
