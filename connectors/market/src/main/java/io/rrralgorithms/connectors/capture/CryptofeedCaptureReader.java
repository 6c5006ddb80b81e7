package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cryptofeed capture format: {@code EXCHANGE.ws.N.0} holds {@code <unix ts>: <payload>} lines
 * as received (plus connection-opened and sent lines, skipped), and {@code EXCHANGE.http.*} the
 * REST responses {@code <url> -> <unix ts>: <body>} taken in the same session. The depth snapshots
 * among them are merged into the WebSocket frames by receive time, marked as REST snapshots and
 * keyed by the URL's {@code symbol=} parameter.
 */
public final class CryptofeedCaptureReader implements CaptureReader {
    /** cryptofeed exchange names and our feed ids, from each venue's {@code cryptofeedExchange()}. */
    public static final Map<String, String> FEEDS = feedsByExchange();

    private static final Pattern WS_FILE = Pattern.compile("([A-Z0-9_.]+)\\.ws\\.\\d+\\.\\d+");

    private final Venue venue;
    private final Iterator<RawFrame> frames;
    private long skipped;

    public CryptofeedCaptureReader(Path wsFile, Venue venue) throws IOException {
        this.venue = venue;
        List<RawFrame> all = new ArrayList<>();
        ConnectionKeyer keyer = venue.connectionKeyer(); // one file = one connection
        for (String line : Files.readAllLines(wsFile, StandardCharsets.UTF_8)) {
            RawFrame f = parseWsLine(line, keyer);
            if (f == null) {
                skipped++;
            } else {
                all.add(f);
            }
        }
        for (Path http : httpFiles(wsFile)) {
            for (String line : Files.readAllLines(http, StandardCharsets.UTF_8)) {
                RawFrame f = parseHttpLine(line);
                if (f != null) {
                    all.add(f);
                }
            }
        }
        all.sort(Comparator.comparingLong(f -> f.receiveTimeNs)); // stable: file order kept on ties
        this.frames = all.iterator();
    }

    private static Map<String, String> feedsByExchange() {
        Map<String, String> m = new TreeMap<>();
        for (String feed : Venues.feeds()) {
            String exchange = Venues.forFeed(feed).cryptofeedExchange();
            if (exchange != null) {
                m.put(exchange, feed);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The cryptofeed exchange name of a {@code EXCHANGE.ws.N.0} file, or null. */
    public static String exchangeOf(Path file) {
        Matcher m = WS_FILE.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) : null;
    }

    private static List<Path> httpFiles(Path wsFile) throws IOException {
        String exchange = exchangeOf(wsFile);
        List<Path> out = new ArrayList<>();
        Path dir = wsFile.toAbsolutePath().getParent();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, exchange + ".http.*")) {
            ds.forEach(out::add);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private RawFrame parseWsLine(String line, ConnectionKeyer keyer) {
        // "<ts>: <payload>" is a received frame; "<url> <-> <ts>" and "<url> <- <ts>: ..." are not.
        int colon = line.indexOf(": ");
        if (colon <= 0 || !isTimestamp(line, 0, colon)) {
            return null;
        }
        byte[] payload = line.substring(colon + 2).getBytes(StandardCharsets.UTF_8);
        return new RawFrame(venue.feed(), keyer.key(payload), FrameKind.WS,
                secondsToNanos(line.substring(0, colon)), payload);
    }

    private RawFrame parseHttpLine(String line) {
        int arrow = line.indexOf(" -> ");
        if (arrow <= 0) {
            return null;
        }
        int colon = line.indexOf(": ", arrow);
        if (colon < 0) {
            return null;
        }
        String key = venue.snapshotKey(line.substring(0, arrow));
        if (key == null) {
            return null; // metadata, not a book snapshot
        }
        return new RawFrame(venue.feed(), key, FrameKind.REST_SNAPSHOT,
                secondsToNanos(line.substring(arrow + 4, colon)), line.substring(colon + 2).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isTimestamp(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return to > from;
    }

    /** Exact: "1633998512.0633569" → 1633998512063356900 ns. */
    static long secondsToNanos(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).longValue();
    }

    @Override
    public boolean hasNext() {
        return frames.hasNext();
    }

    @Override
    public RawFrame next() {
        return frames.next();
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
    public void close() {}
}
