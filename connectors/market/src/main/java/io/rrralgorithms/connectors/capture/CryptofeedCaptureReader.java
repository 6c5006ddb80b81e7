package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.BufferedReader;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cryptofeed capture format, in the two layouts of its history, each plain or gzip:
 * <ul>
 *   <li>split: {@code EXCHANGE.ws.N.0} holds the WebSocket session, {@code <unix ts>: <payload>}
 *       lines as received (plus connection-opened and sent lines, skipped), and the
 *       {@code EXCHANGE.http.*} files beside it the REST responses {@code <url> -> <unix ts>: <body>}
 *       taken in the same session;
 *   <li>combined: {@code EXCHANGE-xxxxxx.0} (a connection id in hex) holds all of one session in
 *       one file: the {@code configuration:} line, the REST metadata and snapshot responses and
 *       the WebSocket lines.
 * </ul>
 * The depth snapshots among the REST responses are merged into the WebSocket frames by receive
 * time, marked as REST snapshots and keyed by the venue's reading of the URL ({@code symbol=}).
 */
public final class CryptofeedCaptureReader extends VenueFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(CryptofeedCaptureReader.class);

    /** cryptofeed exchange names and our feed ids, from each venue's {@code cryptofeedExchange()}. */
    public static final Map<String, String> FEEDS = feedsByExchange();

    private static final Pattern SPLIT_FILE = Pattern.compile("([A-Z0-9_.]+)\\.ws\\.\\d+\\.\\d+(?:\\.gz)?");
    private static final Pattern COMBINED_FILE = Pattern.compile("([A-Z0-9_.]+)-[0-9A-Fa-f]+\\.\\d+(?:\\.gz)?");

    private final boolean combined;
    private final Iterator<RawFrame> frames;
    private final List<String> httpFiles = new ArrayList<>();
    private long wsFrames;

    /** Reads {@code file}, a split {@code EXCHANGE.ws.N.0} (with its {@code .http.*} files) or a combined one. */
    public CryptofeedCaptureReader(Path file, Venue venue) throws IOException {
        super(file, venue);
        this.combined = COMBINED_FILE.matcher(file.getFileName().toString()).matches();
        List<RawFrame> all = new ArrayList<>();
        ConnectionKeyer keyer = venue.connectionKeyer(); // one file = one connection
        try (BufferedReader r = CaptureText.open(file)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                RawFrame f = parseLine(line, ++lineNo, keyer);
                if (f != null) {
                    all.add(f);
                }
            }
        }
        if (!combined) {
            for (Path http : httpFiles(file)) {
                httpFiles.add(http.getFileName().toString());
                readHttpFile(http, all);
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

    /** The cryptofeed exchange name of a {@code EXCHANGE.ws.N.0} or {@code EXCHANGE-xxxxxx.0} file ({@code .gz} or not), or null. */
    public static String exchangeOf(Path file) {
        String name = file.getFileName().toString();
        Matcher m = SPLIT_FILE.matcher(name);
        if (m.matches()) {
            return m.group(1);
        }
        m = COMBINED_FILE.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    /** The {@code EXCHANGE.http.*} files beside a split WebSocket file, gzip or not, in name order. */
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

    /**
     * One line of the session file: {@code <ts>: <payload>} is a received frame; {@code <url> -> <ts>: <body>}
     * a REST response; {@code <url> <-> <ts>}, {@code <url> <- <ts>: ...}, {@code configuration: ...} and
     * empty lines are the format's notes; anything else is unreadable. Null where the line is no frame.
     */
    private RawFrame parseLine(String line, long lineNo, ConnectionKeyer keyer) {
        if (line.isEmpty()) {
            skipped.notAFrame("empty");
            return null;
        }
        if (line.startsWith("configuration: ")) {
            skipped.notAFrame("configuration");
            return null;
        }
        int colon = line.indexOf(": ");
        if (colon > 0 && isTimestamp(line, 0, colon)) {
            byte[] payload = line.substring(colon + 2).getBytes(StandardCharsets.UTF_8);
            wsFrames++;
            return new RawFrame(venue.feed(), keyer.key(payload), FrameKind.WS,
                    secondsToNanos(line.substring(0, colon)), payload);
        }
        int sp = line.indexOf(' ');
        String marker = sp < 0 ? "" : line.substring(sp + 1, Math.max(sp + 1, line.indexOf(' ', sp + 1)));
        switch (marker) {
            case "<->" -> skipped.notAFrame("connection opened");
            case "<-" -> skipped.notAFrame("sent");
            case "->" -> {
                RawFrame f = parseRestLine(line);
                if (f == null && restTime(line) == null) {
                    skipped.unreadable("not '<url> -> <ts>: <body>'", lineNo);
                } else if (f == null) {
                    skipped.notAFrame("REST metadata");
                } else {
                    snapshots++;
                }
                return f;
            }
            default -> skipped.unreadable("not a cryptofeed line", lineNo);
        }
        return null;
    }

    private void readHttpFile(Path http, List<RawFrame> out) throws IOException {
        try (BufferedReader r = CaptureText.open(http)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue; // the files end with one
                }
                RawFrame f = parseRestLine(line);
                if (f != null) {
                    out.add(f);
                    snapshots++;
                } else if (restTime(line) == null) {
                    skipped.unreadable("not '<url> -> <ts>: <body>' in " + http.getFileName(), lineNo);
                }
                // else a metadata response: the REST files hold them beside the snapshots
            }
        }
    }

    /** The receive time of a {@code <url> -> <ts>: <body>} line, or null where the line is not one. */
    private static String restTime(String line) {
        int arrow = line.indexOf(" -> ");
        if (arrow <= 0) {
            return null;
        }
        int colon = line.indexOf(": ", arrow + 4);
        return colon > 0 && isTimestamp(line, arrow + 4, colon) ? line.substring(arrow + 4, colon) : null;
    }

    /** A REST depth snapshot frame, or null where the line is no snapshot response. */
    private RawFrame parseRestLine(String line) {
        String seconds = restTime(line);
        if (seconds == null) {
            return null;
        }
        int arrow = line.indexOf(" -> ");
        String key = venue.snapshotKey(line.substring(0, arrow));
        if (key == null) {
            return null; // metadata, not a book snapshot
        }
        int body = arrow + 4 + seconds.length() + 2;
        return new RawFrame(venue.feed(), key, FrameKind.REST_SNAPSHOT, secondsToNanos(seconds),
                line.substring(body).getBytes(StandardCharsets.UTF_8));
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

    /** The WebSocket frames read. */
    public long webSocketFrames() {
        return wsFrames;
    }

    /** The REST depth snapshots read, from the file itself (combined) or its {@code .http.*} files (split). */
    public long restSnapshots() {
        return snapshots;
    }

    @Override
    public String summary() {
        String s = skipped.describe();
        return String.format(Locale.ROOT, "%s (cryptofeed %s, %s): %,d WebSocket frames, %,d REST snapshots%s%s", file,
                combined ? "combined" : "split", venue.feed(), wsFrames, snapshots,
                httpFiles.isEmpty() ? "" : " (from " + String.join(", ", httpFiles) + ")", s.isEmpty() ? "" : "; " + s);
    }

    @Override
    public boolean hasNext() {
        boolean more = frames.hasNext();
        if (!more && !reported) {
            reported = true;
            if (skipped.unreadableTotal() > 0) {
                LOG.warn("{}", summary());
            } else {
                LOG.debug("{}", summary()); // connection notes and sent lines are the format's, not worth a line
            }
        }
        return more;
    }

    @Override
    public RawFrame next() {
        return frames.next();
    }

    @Override
    public void close() {}
}
