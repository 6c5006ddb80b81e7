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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hftbacktest capture format: gzip (or plain), one message a line, {@code <receive time> <raw JSON>}.
 * The receive time is nanoseconds since the epoch, or micro/milliseconds in older files: the unit
 * is told from the first time's magnitude ({@link ReceiveTimeUnit}) and converted to ns, then checked
 * against the exchange's own event time ({@code "E"}, ms) of the first frame that has one: a
 * receive time more than a day off it is said in the reader's line (a wrong unit or clock). The REST
 * depth snapshot line ({@code {"lastUpdateId":...}}) is keyed by its own {@code "symbol"} where it
 * has one (COIN-M: {@code BTCUSD_PERP}); spot and USDⓈ-M snapshots name none and take the symbol of
 * the stream frames before them where those are all of one instrument (the collector writes the
 * snapshot after the first depth updates), else the file's symbol: its name without the extensions and the trailing {@code _YYYYMMDD} date that hftbacktest's
 * collector appends ({@code btcusdt_20240808.gz} → {@code BTCUSDT}, a quarterly
 * {@code btcusdt_240927_20240808.gz} → {@code BTCUSDT_240927}).
 */
public final class HftBacktestCaptureReader extends VenueFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(HftBacktestCaptureReader.class);
    private static final String SNAPSHOT_START = "{\"lastUpdateId\"";
    private static final String SYMBOL_FIELD = "\"symbol\":\"";
    /** Receive and exchange time further apart than this: the unit or the clock is wrong. */
    private static final long MAX_EXCHANGE_LAG_MS = 86_400_000L;
    private static final String EXCHANGE_TIME_FIELD = "\"E\":";
    /** {@code <symbol>_<yyyymmdd>[.<ext>...]}: the collector's file name. */
    private static final Pattern SYMBOL_AND_DATE = Pattern.compile("(.+?)_(?:19|20)\\d{6}(?:\\..*)?");

    private final String fileSymbol;
    private final BufferedReader in;
    private ReceiveTimeUnit unit;
    /** The one instrument of the stream frames read so far; null before the first or once they are of several. */
    private String streamSymbol;
    private boolean severalStreamSymbols;
    /** Receive minus exchange time of the first frame with an exchange time, ms; null before. */
    private Long exchangeLagMs;
    private RawFrame next;
    private long lineNo;
    private long frames;

    public HftBacktestCaptureReader(Path file, Venue venue) throws IOException {
        super(file, venue);
        this.fileSymbol = symbolOfFileName(file.getFileName().toString());
        this.in = CaptureText.open(file);
        advance();
    }

    /** The instrument a file's name says: {@code btcusdt_20240808.gz} → {@code BTCUSDT}; without a date, the name up to its first dot. */
    static String symbolOfFileName(String name) {
        Matcher m = SYMBOL_AND_DATE.matcher(name);
        String symbol = m.matches() ? m.group(1) : name.replaceAll("\\..*$", "");
        return symbol.toUpperCase(Locale.ROOT);
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
                if (!snapshot && key != null && !severalStreamSymbols) {
                    severalStreamSymbols = streamSymbol != null && !streamSymbol.equals(key);
                    streamSymbol = severalStreamSymbols ? null : key;
                }
                next = new RawFrame(venue.feed(), key == null ? fileSymbol : key,
                        snapshot ? FrameKind.REST_SNAPSHOT : FrameKind.WS, unit.toNanos(time), payload);
                if (exchangeLagMs == null) {
                    checkAgainstExchangeTime(next);
                }
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

    /** The first frame with an exchange time ({@code "E":<ms>}): how far the receive time is from it. */
    private void checkAgainstExchangeTime(RawFrame frame) {
        String e = PayloadScan.valueAfter(frame.payload, EXCHANGE_TIME_FIELD, ',');
        if (e == null || e.length() != 13 || !e.chars().allMatch(Character::isDigit)) {
            return; // none, or not epoch ms
        }
        exchangeLagMs = frame.receiveTimeNs / 1_000_000L - Long.parseLong(e); // said in the summary line
    }

    private String lag() {
        long ms = exchangeLagMs;
        return Math.abs(ms) < 10_000L ? String.format(Locale.ROOT, "%+d ms", ms)
                : String.format(Locale.ROOT, "%+.1f h", ms / 3_600_000.0);
    }

    /** Receive minus exchange time of the first frame that has one, ms; null where none had (yet). */
    public Long exchangeLagMs() {
        return exchangeLagMs;
    }

    /** The snapshot's own symbol where it carries one (COIN-M), else the stream's, else the file's. */
    private String snapshotSymbol(byte[] payload) {
        String s = PayloadScan.valueAfter(payload, SYMBOL_FIELD, '"');
        if (s != null && !s.isEmpty()) {
            return s.toUpperCase(Locale.ROOT);
        }
        return streamSymbol != null ? streamSymbol : fileSymbol;
    }

    /** Once, at the end of the file: the summary, where it has something to say. */
    private void report() {
        if (reported) {
            return;
        }
        reported = true;
        if (skipped.unreadableTotal() > 0 || (exchangeLagMs != null && Math.abs(exchangeLagMs) > MAX_EXCHANGE_LAG_MS)) {
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
            if (exchangeLagMs != null && Math.abs(exchangeLagMs) <= MAX_EXCHANGE_LAG_MS) {
                sb.append(" (").append(lag()).append(" from the exchange time)");
            }
        }
        if (exchangeLagMs != null && Math.abs(exchangeLagMs) > MAX_EXCHANGE_LAG_MS) {
            sb.append("; receive times ").append(lag()).append(" from the exchange time: wrong clock or unit?");
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
    public void close() throws IOException {
        in.close();
    }
}
