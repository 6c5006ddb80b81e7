package io.rrralgorithms.connectors.adapters;

import java.io.ByteArrayOutputStream;

/**
 * Python bytes literals as cryptofeed records binary WebSocket messages: {@code repr} of the
 * message's bytes ({@code b'{"ty":"trade",...}'}, {@code b'\x1f\x8b...'}, or {@code b"..."} where the
 * bytes hold a {@code '}). Huobi's gzip frames and Upbit's JSON frames are recorded this way;
 * their decoders read a literal back to the bytes the venue sent. Every refusal names why.
 */
public final class BytesLiterals {
    private BytesLiterals() {}

    /** Whether the payload is a Python bytes literal, {@code b'...'} or {@code b"..."}. */
    public static boolean isBytesLiteral(byte[] p) {
        return p != null && p.length >= 3 && p[0] == 'b' && (p[1] == '\'' || p[1] == '"');
    }

    /**
     * The bytes of a Python bytes literal as {@code repr} writes it: printable ASCII as itself,
     * {@code \\}, {@code \'}, {@code \"}, {@code \t}, {@code \n}, {@code \r} and {@code \xHH}; the
     * closing quote ends the payload.
     */
    public static byte[] bytes(byte[] p) throws DecodeException {
        byte quote = p[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream(p.length / 3);
        int i = 2;
        while (i < p.length) {
            int c = p[i] & 0xFF;
            if (c == quote) {
                if (i != p.length - 1) {
                    throw new DecodeException("bytes literal: " + (p.length - 1 - i) + " bytes after its closing quote");
                }
                return out.toByteArray();
            }
            if (c < 0x20 || c > 0x7E) {
                throw new DecodeException(String.format("bytes literal: character 0x%02X at %d is not printable ASCII", c, i));
            }
            if (c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            if (i + 1 >= p.length) {
                throw new DecodeException("bytes literal: cut after a backslash");
            }
            int e = p[i + 1];
            switch (e) {
                case '\\', '\'', '"' -> out.write(e);
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'x' -> {
                    int hi = i + 3 < p.length ? Character.digit(p[i + 2], 16) : -1;
                    int lo = i + 3 < p.length ? Character.digit(p[i + 3], 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw new DecodeException("bytes literal: \\x at " + i + " is not followed by two hex digits");
                    }
                    out.write(hi << 4 | lo);
                    i += 2;
                }
                default -> throw new DecodeException("bytes literal: unknown escape \\" + (char) e + " at " + i);
            }
            i += 2;
        }
        throw new DecodeException("bytes literal without its closing quote");
    }
}
