package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hftbacktest capture format: gzip (or plain), one message a line, {@code <receive time> <raw JSON>}.
 * The receive time is nanoseconds since the epoch, or micro/milliseconds in older files: the unit
 * is told from the first time's magnitude ({@link ReceiveTimeUnit}) and converted to ns. The REST
 * depth snapshot line ({@code {"lastUpdateId":...}}) is keyed by its own {@code "symbol"} where it
 * has one (COIN-M: {@code BTCUSD_PERP}); spot and USDⓈ-M snapshots name none and take the file's
 * symbol, the part of the file name before the first {@code _} ({@code btcusdt_20240808.gz}).
 */
public final class HftBacktestCaptureReader implements CaptureReader {
    private static final Logger LOG = LoggerFactory.getLogger(HftBacktestCaptureReader.class);
    private static final String SNAPSHOT_START = "{\"lastUpdateId\"";
    private static final String SYMBOL_FIELD = "\"symbol\":\"";

    private final Venue venue;
    private final String fileSymbol;
    private final BufferedReader in;
    private final Path file;
    private final SkippedLines skipped = new SkippedLines();
    private ReceiveTimeUnit unit;
    private RawFrame next;
    private long lineNo;
    private long frames;
    private long snapshots;
    private boolean reported;

    public HftBacktestCaptureReader(Path file, Venue venue) throws IOException {
        this.file = file;
        this.venue = venue;
        String name = file.getFileName().toString();
        int us = name.indexOf('_');
        this.fileSymbol = (us > 0 ? name.substring(0, us) : name.replaceAll("\\..*$", "")).toUpperCase(Locale.ROOT);
        this.in = CaptureText.open(file);
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
                if (line.isEmpty()) {
                    skipped.notAFrame("empty");
                    continue;
                }
                int sp = line.indexOf(' ');
                long time;
                try {
                    time = sp > 0 ? Long.parseLong(line, 0, sp, 10) : -1;
                } catch (NumberFormatException e) {
                    time = -1;
                }
                if (time < 0 || sp == line.length() - 1) {
                    skipped.unreadable("not '<time> <payload>'", lineNo);
                    LOG.debug("{}:{}: not '<time> <payload>', skipped", file, lineNo);
                    continue;
                }
                if (unit == null) {
                    unit = ReceiveTimeUnit.of(time);
                    if (unit == null) { // no plausible date in any unit: kept as written, and said so
                        unit = ReceiveTimeUnit.NANOS;
                        LOG.warn("{}: the first receive time {} is no date of 2000..2100 in ns, µs or ms; read as ns",
                                file, time);
                    }
                }
                byte[] payload = line.substring(sp + 1).getBytes(StandardCharsets.UTF_8);
                boolean snapshot = line.startsWith(SNAPSHOT_START, sp + 1);
                String key = snapshot ? snapshotSymbol(payload) : venue.partitionKey(payload);
                next = new RawFrame(venue.feed(), key == null ? fileSymbol : key,
                        snapshot ? FrameKind.REST_SNAPSHOT : FrameKind.WS, unit.toNanos(time), payload);
                frames++;
                if (snapshot) {
                    snapshots++;
                }
                return;
            }
            report();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at line " + lineNo, e);
        }
    }

    /** The snapshot's own symbol where it carries one (COIN-M), else the file's. */
    private String snapshotSymbol(byte[] payload) {
        String s = PayloadScan.valueAfter(payload, SYMBOL_FIELD, '"');
        return s == null || s.isEmpty() ? fileSymbol : s.toUpperCase(Locale.ROOT);
    }

    /** Once, at the end of the file: the summary, where it has something to say. */
    private void report() {
        if (reported) {
            return;
        }
        reported = true;
        if (skipped.unreadableTotal() > 0) {
            LOG.warn("{}", summary());
        } else if (skipped.total() > 0 || unit != ReceiveTimeUnit.NANOS) {
            LOG.info("{}", summary());
        }
    }

    /** The receive-time unit of the file (null before its first frame). */
    public ReceiveTimeUnit receiveTimeUnit() {
        return unit;
    }

    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s (hftbacktest, %s): %,d frames (%,d REST snapshot%s)",
                file, venue.feed(), frames, snapshots, snapshots == 1 ? "" : "s"));
        if (next != null || !reported) {
            sb.append(" so far");
        }
        if (unit != null && unit != ReceiveTimeUnit.NANOS) {
            sb.append("; receive times in ").append(unit.symbol()).append(", converted to ns");
        }
        String s = skipped.describe();
        if (!s.isEmpty()) {
            sb.append("; ").append(s);
        }
        return sb.toString();
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
        return skipped.total();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
