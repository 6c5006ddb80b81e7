package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hftbacktest capture format: gzip, one message a line, {@code <receive ns> <raw JSON>}. The
 * REST depth snapshot line ({@code {"lastUpdateId":...}}) names no symbol: it takes the file's
 * symbol, the part of the file name before the first {@code _} ({@code btcusdt_20240808.gz}).
 */
public final class HftBacktestCaptureReader implements CaptureReader {
    private static final Logger LOG = LoggerFactory.getLogger(HftBacktestCaptureReader.class);

    private final Venue venue;
    private final String fileSymbol;
    private final BufferedReader in;
    private final Path file;
    private RawFrame next;
    private long skipped;
    private long lineNo;

    public HftBacktestCaptureReader(Path file, Venue venue) throws IOException {
        this.file = file;
        this.venue = venue;
        String name = file.getFileName().toString();
        int us = name.indexOf('_');
        this.fileSymbol = (us > 0 ? name.substring(0, us) : name.replaceAll("\\..*$", "")).toUpperCase(Locale.ROOT);
        var raw = Files.newInputStream(file);
        var stream = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        advance();
    }

    /** Whether a file looks like this format: its first line is {@code <digits> <something>}. */
    public static boolean looksLike(String firstLine) {
        int sp = firstLine.indexOf(' ');
        return sp > 9 && firstLine.substring(0, sp).chars().allMatch(Character::isDigit);
    }

    private void advance() {
        next = null;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int sp = line.indexOf(' ');
                long ns;
                try {
                    ns = sp > 0 ? Long.parseLong(line, 0, sp, 10) : -1;
                } catch (NumberFormatException e) {
                    ns = -1;
                }
                if (ns < 0) {
                    skipped++;
                    LOG.warn("{}:{}: not '<ns> <payload>', skipped", file, lineNo);
                    continue;
                }
                byte[] payload = line.substring(sp + 1).getBytes(StandardCharsets.UTF_8);
                boolean snapshot = line.startsWith("{\"lastUpdateId\"", sp + 1);
                String key = snapshot ? fileSymbol : venue.partitionKey(payload);
                next = new RawFrame(venue.feed(), key == null ? fileSymbol : key,
                        snapshot ? FrameKind.REST_SNAPSHOT : FrameKind.WS, ns, payload);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + lineNo, e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public RawFrame next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        RawFrame f = next;
        advance();
        return f;
    }

    @Override
    public String feed() {
        return venue.feed();
    }

    @Override
    public long skippedLines() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
