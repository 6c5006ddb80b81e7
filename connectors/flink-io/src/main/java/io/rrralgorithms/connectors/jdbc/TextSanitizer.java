package io.rrralgorithms.connectors.jdbc;

/**
 * The one place text is made acceptable to a PostgreSQL TEXT or VARCHAR column, whatever a frame
 * contained: NUL (which PostgreSQL text cannot hold) becomes the visible six characters
 * {@code \u0000}, a lone UTF-16 surrogate (not encodable as UTF-8) becomes U+FFFD, and a value
 * longer than its column's limit is cut at the limit without splitting a surrogate pair. The
 * original bytes of a dead letter are kept losslessly elsewhere ({@code payload_bytes}).
 */
public final class TextSanitizer {
    /** No column limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    static final String NUL_ESCAPE = "\\u0000";
    static final char REPLACEMENT = '\uFFFD';

    private TextSanitizer() {}

    public static String sanitize(String value) {
        return sanitize(value, UNLIMITED);
    }

    /** The value made storable, at most {@code maxChars} UTF-16 chars (a column's character limit). */
    public static String sanitize(String value, int maxChars) {
        if (value == null) {
            return null;
        }
        if (isClean(value) && value.length() <= maxChars) {
            return value; // the common case allocates nothing
        }
        StringBuilder out = new StringBuilder(Math.min(value.length() + 16, maxChars));
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            String piece;
            if (c == '\0') {
                piece = NUL_ESCAPE;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                piece = value.substring(i, i + 2);
                i++;
            } else if (Character.isSurrogate(c)) {
                piece = String.valueOf(REPLACEMENT);
            } else {
                piece = String.valueOf(c);
            }
            if (out.length() + piece.length() > maxChars) {
                break; // never half an escape or half a pair
            }
            out.append(piece);
        }
        return out.toString();
    }

    static boolean isClean(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
