package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a capture file with the right reader, detecting its format and feed. */
public final class CaptureFiles {
    private CaptureFiles() {}

    /**
     * @param feedOverride the feed to use, or null to infer it: a cryptofeed file's exchange name,
     *     or for hftbacktest files the name of the folder (e.g. {@code binance-spot/})
     */
    public static CaptureReader open(Path file, String feedOverride) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such capture file: " + file);
        }
        String exchange = CryptofeedCaptureReader.exchangeOf(file);
        if (exchange != null) {
            String feed = feedOverride != null ? feedOverride : CryptofeedCaptureReader.FEEDS.get(exchange);
            if (feed == null) {
                throw new IOException("cryptofeed capture of " + exchange + " is not a supported feed; supported: "
                        + CryptofeedCaptureReader.FEEDS.keySet() + " (or give --feed)");
            }
            return new CryptofeedCaptureReader(file, Venues.forFeed(feed));
        }
        String first = firstLine(file);
        if (first != null && HftBacktestCaptureReader.looksLike(first)) {
            String feed = feedOverride;
            if (feed == null) {
                Path parent = file.toAbsolutePath().getParent();
                feed = parent == null ? null : parent.getFileName().toString();
            }
            if (feed == null || !Venues.isSupported(feed)) {
                throw new IOException("cannot infer the feed of " + file + " from its folder name; give --feed, one of "
                        + Venues.feeds());
            }
            Venue venue = Venues.forFeed(feed);
            return new HftBacktestCaptureReader(file, venue);
        }
        throw new IOException("unknown capture format: " + file
                + " (expected hftbacktest '<ns> <json>' lines, gzip or plain, or a cryptofeed EXCHANGE.ws.N.0 file)");
    }

    private static String firstLine(Path file) throws IOException {
        var raw = Files.newInputStream(file);
        var stream = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return r.readLine();
        }
    }
}
