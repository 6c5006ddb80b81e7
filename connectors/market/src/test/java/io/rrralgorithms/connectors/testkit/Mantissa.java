package io.rrralgorithms.connectors.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decimal as the model's 8-decimal mantissa, computed with {@link BigDecimal} (not with the main
 * code's parser, so that tests check it); throws if the value does not fit exactly.
 */
public final class Mantissa {
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

    /** Whether {@code json} holds a quoted decimal with more than 8 significant fractional digits. */
    public static boolean finerThanScale(String json) {
        Matcher m = QUOTED_DECIMAL.matcher(json);
        while (m.find()) {
            if (new BigDecimal(m.group(1)).stripTrailingZeros().scale() > 8) {
                return true;
            }
        }
        return false;
    }
}
