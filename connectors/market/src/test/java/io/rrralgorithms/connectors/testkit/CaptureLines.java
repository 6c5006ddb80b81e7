package io.rrralgorithms.connectors.testkit;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The raw lines of a cryptofeed capture, read without the capture readers: a received frame is
 * {@code <seconds>: <payload>}; the other lines (REST {@code url -> ts: body}, headers) are not.
 */
public final class CaptureLines {
    /** {@code <receive seconds>: <payload>}. */
    public static final Pattern RECEIVED = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?): (.*)$");

    /** {@code <url> -> <receive seconds>: <body>}, a REST response of a {@code .http} file. */
    public static final Pattern REST = Pattern.compile("^(\\S+) -> ([0-9]+(?:\\.[0-9]+)?): (.*)$");

    private CaptureLines() {}

    /** One REST response: its URL, receive time as written and body. */
    public record Rest(String url, String seconds, String body) {}

    /** The REST responses of {@code file} whose URL contains {@code url}, in file order. */
    public static List<Rest> rest(Path file, String url) {
        List<Rest> out = new ArrayList<>();
        for (String line : lines(file)) {
            Matcher m = REST.matcher(line);
            if (m.matches() && m.group(1).contains(url)) {
                out.add(new Rest(m.group(1), m.group(2), m.group(3)));
            }
        }
        return out;
    }

    /** One received frame: its receive time as written and its payload. */
    public record Received(String seconds, String payload) {}

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a gzipped capture (hftbacktest's {@code <receive ns> <payload>} lines). */
    public static List<String> gzLines(Path gz) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The received frames of {@code lines}, in order. */
    public static List<Received> received(List<String> lines) {
        List<Received> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = RECEIVED.matcher(line);
            if (m.matches()) {
                out.add(new Received(m.group(1), m.group(2)));
            }
        }
        return out;
    }

    public static List<Received> received(Path file) {
        return received(lines(file));
    }

    /** The payloads of the received frames of {@code file}, in file order. */
    public static List<String> payloads(Path file) {
        return received(file).stream().map(Received::payload).toList();
    }

    /** Whether a recorded payload is Python's {@code repr} of a binary message's bytes, {@code b'...'} or {@code b"..."}. */
    public static boolean isBytesLiteral(String payload) {
        return payload.length() >= 3 && payload.charAt(0) == 'b' && (payload.charAt(1) == '\'' || payload.charAt(1) == '"')
                && payload.charAt(payload.length() - 1) == payload.charAt(1);
    }

    /** The bytes of a recorded bytes literal ({@link #isBytesLiteral}): as the venue sent them. */
    public static byte[] bytes(String literal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 2; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                bytes.write(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'x' -> {
                    bytes.write(Integer.parseInt(literal.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                default -> bytes.write(e); // \\ \' \"
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The text of a recorded payload: as it is, or, where cryptofeed recorded a binary message as
     * Python's {@code repr} of its bytes ({@code b'...'}: Huobi's gzip frames, Upbit's JSON bytes),
     * those bytes read back, gunzipped where they are gzip, as UTF-8.
     */
    public static String text(String payload) {
        if (!isBytesLiteral(payload)) {
            return payload;
        }
        byte[] b = bytes(payload);
        if (b.length > 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("a recorded gzip frame that does not inflate: " + payload, e);
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
