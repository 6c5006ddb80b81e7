package io.rrralgorithms.connectors.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decimal as the model's 8-decimal mantissa, computed with {@link BigDecimal} (not with the main
 * code's parser, so that tests check it); throws if the value does not fit exactly.
 */
public final class Mantissa {
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern QUOTED_DECIMAL = Pattern.compile("\"(-?[0-9]+\\.[0-9]+)\"");

    private Mantissa() {}

    public static long m(String decimal) {
        return m(new BigDecimal(decimal));
    }

    public static long m(BigDecimal decimal) {
        return decimal.movePointRight(8).longValueExact();
    }

    /** A JSON number or decimal string. */
    public static long m(JsonNode n) {
        return m(n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText()));
    }

    /** A decimal as a mantissa with {@code scale} fractional digits; throws if it does not fit exactly. */
    public static long m(BigDecimal decimal, int scale) {
        return decimal.movePointRight(scale).longValueExact();
    }

    /**
     * The scale a frame of these numbers is decoded at, by the model's rule computed here with
     * {@link BigDecimal}: the default 8, or where a number does not fit it, the most fractional
     * digits of any number; -1 when a long mantissa at that scale cannot hold every number (the
     * frame is a dead letter).
     */
    public static int frameScale(Collection<BigDecimal> values) {
        int scale = 0;
        boolean fits8 = true;
        for (BigDecimal v : values) {
            BigDecimal d = v.stripTrailingZeros();
            scale = Math.max(scale, Math.max(d.scale(), 0));
            fits8 &= fits(d, 8);
        }
        if (fits8) {
            return 8;
        }
        for (BigDecimal v : values) {
            if (!fits(v.stripTrailingZeros(), scale)) {
                return -1;
            }
        }
        return scale;
    }

    /** Whether a long mantissa holds every one of {@code values} at one scale. */
    public static boolean holdable(Collection<BigDecimal> values) {
        return frameScale(values) >= 0;
    }

    /** {@link #holdable} of the quoted decimals of {@code json}. */
    public static boolean holdable(String json) {
        return holdable(quotedDecimals(json));
    }

    /** The quoted decimals ({@code "-1.5"}) of {@code json}. */
    public static List<BigDecimal> quotedDecimals(String json) {
        List<BigDecimal> values = new ArrayList<>();
        Matcher m = QUOTED_DECIMAL.matcher(json);
        while (m.find()) {
            values.add(new BigDecimal(m.group(1)));
        }
        return values;
    }

    /**
     * The prices and sizes of every {@code bids}/{@code asks} level array in a JSON body (a REST
     * book: {@code [["price","size"], ...]} or {@code [{"price":..,"size":..}]}), as exact decimals.
     */
    public static List<BigDecimal> levelValues(String json) {
        List<BigDecimal> values = new ArrayList<>();
        try {
            collectLevels(EXACT.readTree(json), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static void collectLevels(JsonNode n, List<BigDecimal> values) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("bids") || e.getKey().equals("asks")) && e.getValue().isArray()) {
                    for (JsonNode level : e.getValue()) {
                        int k = 0;
                        for (JsonNode v : level) {
                            if (k++ < 2 && (v.isNumber() || v.isTextual() && v.textValue().matches("-?[0-9]+(\\.[0-9]+)?"))) {
                                values.add(v.isNumber() ? v.decimalValue() : new BigDecimal(v.textValue()));
                            }
                        }
                    }
                } else {
                    collectLevels(e.getValue(), values);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectLevels(c, values));
        }
    }

    private static boolean fits(BigDecimal d, int scale) {
        if (d.scale() > scale || (long) d.precision() - d.scale() + scale > 19) {
            return false;
        }
        try {
            d.movePointRight(scale).longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** {@link #holdable} of decimal strings. */
    public static boolean holdableStrings(Collection<String> values) {
        return holdable(values.stream().map(BigDecimal::new).toList());
    }
}
