package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.adapters.tardis.TardisFrames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV datasets users bring, told by their header line, and the sets they come in: tardis.dev's
 * downloadable CSV files ({@code exchange,symbol,timestamp,local_timestamp,…}) and nautilus_trader's
 * Binance depth CSVs ({@code symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty[,pu]}).
 * A <em>set</em> is the files of one day in one folder, which replay together merged by receive
 * time (one feed's files otherwise play one after the other, and a second symbol's file would come
 * after the watermark had passed its day): tardis's {@code <exchange>_<data type>_<YYYY-MM-DD>_<symbol>.csv[.gz]}
 * (its download clients' names) and nautilus's {@code <SYMBOL>_T_DEPTH_<YYYY-MM-DD>_depth_snap.csv} /
 * {@code _depth_update.csv} of the same day, of any exchange and symbol; a file named otherwise is
 * a set of its own.
 */
public final class CsvDatasets {
    static final String TARDIS_START = "exchange,symbol,timestamp,local_timestamp,";
    static final String NAUTILUS_HEADER = "symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty";
    private static final Pattern TARDIS_NAME = Pattern.compile(
            "(.+?)_(incremental_book_L2|trades|quotes|book_ticker|book_snapshot_\\d+)_(\\d{4}-\\d{2}-\\d{2})_(.+?)\\.csv(?:\\.gz)?");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NAUTILUS_NAME = Pattern.compile("(.+)_depth_(?:snap|update)\\.csv(?:\\.gz)?");

    private CsvDatasets() {}

    /** What one file holds, from its header. */
    public record Dataset(String source, String name, int columns, int depth, boolean hasPu) {
        /** The order of datasets of one receive time: the book first, its checks after it, then quotes and trades. */
        int rank() {
            return switch (name) {
                case TardisFrames.INCREMENTAL, TardisFrames.NAUTILUS_DEPTH -> 0;
                case TardisFrames.QUOTES -> 2;
                case TardisFrames.TRADES -> 3;
                default -> 1; // book_snapshot_N
            };
        }
    }

    /** The dataset a header line names, or null where it is none of these formats. */
    public static Dataset of(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.startsWith("\uFEFF")) {
            h = h.substring(1);
        }
        if (h.equals(NAUTILUS_HEADER)) {
            return new Dataset(TardisFrames.SOURCE_NAUTILUS, TardisFrames.NAUTILUS_DEPTH, 8, 0, false);
        }
        if (h.equals(NAUTILUS_HEADER + ",pu")) {
            return new Dataset(TardisFrames.SOURCE_NAUTILUS, TardisFrames.NAUTILUS_DEPTH, 9, 0, true);
        }
        if (!h.startsWith(TARDIS_START)) {
            return null;
        }
        String rest = h.substring(TARDIS_START.length());
        switch (rest) {
            case "is_snapshot,side,price,amount":
                return new Dataset(TardisFrames.SOURCE_TARDIS, TardisFrames.INCREMENTAL, 8, 0, false);
            case "id,side,price,amount":
                return new Dataset(TardisFrames.SOURCE_TARDIS, TardisFrames.TRADES, 8, 0, false);
            case "ask_amount,ask_price,bid_price,bid_amount":
                return new Dataset(TardisFrames.SOURCE_TARDIS, TardisFrames.QUOTES, 8, 0, false);
            default:
                break;
        }
        String[] cols = rest.split(",", -1);
        if (cols.length == 0 || cols.length % 4 != 0) {
            return null;
        }
        int depth = cols.length / 4;
        for (int i = 0; i < depth; i++) {
            if (!cols[4 * i].equals("asks[" + i + "].price") || !cols[4 * i + 1].equals("asks[" + i + "].amount")
                    || !cols[4 * i + 2].equals("bids[" + i + "].price") || !cols[4 * i + 3].equals("bids[" + i + "].amount")) {
                return null;
            }
        }
        return new Dataset(TardisFrames.SOURCE_TARDIS, TardisFrames.BOOK_SNAPSHOT_PREFIX + depth, 4 + cols.length, depth,
                false);
    }

    /** Whether a first line is the header of a tardis or nautilus CSV. */
    public static boolean looksLike(String firstLine) {
        return of(firstLine) != null;
    }

    /** The dataset of {@code file} from its first line, or null. */
    static Dataset ofFile(Path file) throws IOException {
        return of(CaptureText.firstLine(file));
    }

    /** The day a set's files share ({@code "2024-08-08"}), or null where the name is in no set. */
    static String setKey(String fileName) {
        Matcher m = TARDIS_NAME.matcher(fileName);
        if (m.matches()) {
            return m.group(3);
        }
        m = NAUTILUS_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        Matcher day = DAY.matcher(m.group(1));
        return day.find() ? day.group() : null;
    }

    /** A tardis file's exchange and symbol from its name ({@code "binance BTCUSDT"}), or null. */
    static String instrumentOf(Path file) {
        Matcher m = TARDIS_NAME.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) + " " + m.group(4) : null;
    }

    /** The files of {@code file}'s set, in name order: the file's folder's files of its set key that are CSV datasets. */
    static List<Path> setOf(Path file) throws IOException {
        String key = setKey(file.getFileName().toString());
        if (key == null) {
            return List.of(file);
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && key.equals(setKey(p.getFileName().toString())) && isSetMember(p)) {
                    out.add(p);
                }
            }
        }
        if (out.stream().noneMatch(p -> p.getFileName().equals(file.getFileName()))) {
            out.add(file.toAbsolutePath());
        }
        out.sort(null);
        return out;
    }

    /** The first file of {@code file}'s set: the one that stands for the set in a folder listing. */
    public static Path leadOf(Path file) throws IOException {
        return setOf(file).get(0);
    }

    /** A CSV dataset, or an empty file named as one of a set's (tardis serves those for days without data). */
    public static boolean isSetMember(Path p) {
        return isDataset(p) || (setKey(p.getFileName().toString()) != null && isEmpty(p));
    }

    private static boolean isEmpty(Path p) {
        try {
            return CaptureText.firstLine(p) == null;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Whether {@code p} is a tardis or nautilus CSV (by its header); false where it cannot be read. */
    public static boolean isDataset(Path p) {
        try {
            return ofFile(p) != null;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** A set's description for the reader's line: {@code "set of 2024-08-08"}. */
    static String describeSet(Path file) {
        String key = setKey(file.getFileName().toString());
        return key == null ? "file " + file.getFileName() : "set of " + key;
    }
}
