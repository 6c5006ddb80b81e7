package io.rrralgorithms.connectors.capture;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A capture file's text, gzip or plain: gzip where the name ends in {@code .gz} (a {@code .gz}
 * that is not gzip is an error, not text) or the file starts with gzip's magic number, so that
 * renamed files ({@code .dat}, cryptofeed's {@code .0}) still read.
 */
final class CaptureText {
    private static final int BUFFER = 1 << 16;

    private CaptureText() {}

    /** Whether the file starts with the gzip magic number {@code 1f 8b}. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The file's lines, decompressed where it is gzip. */
    static BufferedReader open(Path file) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz") || isGzip(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        InputStream in = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    }

    /** The first line, or null for an empty file. */
    static String firstLine(Path file) throws IOException {
        try (BufferedReader r = open(file)) {
            return r.readLine();
        }
    }
}
