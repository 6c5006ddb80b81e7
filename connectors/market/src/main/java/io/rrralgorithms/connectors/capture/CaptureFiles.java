package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.adapters.binance.BinanceVenue;
import io.rrralgorithms.connectors.adapters.tardis.TardisVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Opens a capture file with the right reader, detecting its format and feed. */
public final class CaptureFiles {
    /** The formats {@link #open} reads, for the error on a file in none of them. */
    public static final String KNOWN_FORMATS = "hftbacktest '<time> <json>' lines (gzip or plain, time in ns, µs or ms), "
            + "cryptofeed EXCHANGE.ws.N.0 with its EXCHANGE.http.* files, or cryptofeed combined EXCHANGE-xxxxxx.0 "
            + "(each plain or .gz), tardis.dev CSV datasets (incremental_book_L2, trades, quotes, book_snapshot_N; "
            + "header exchange,symbol,timestamp,local_timestamp,...) or nautilus_trader Binance depth CSVs "
            + "(header symbol,timestamp,first_update_id,last_update_id,side,update_type,price,qty[,pu])";

    /** The folders hftbacktest ships its Binance captures in, and their feeds. */
    public static final Map<String, String> HFTBACKTEST_FOLDERS = Map.of(
            "spot", BinanceVenue.SPOT_FEED,
            "usdm", BinanceVenue.USDM_FEED,
            "cm", BinanceVenue.COINM_FEED);

    /** {@code FEED=PATH}: a capture file argument that names its feed. */
    private static final Pattern FEED_AND_PATH = Pattern.compile("([a-z0-9][a-z0-9.-]*)=(.+)");

    /** A cryptofeed session's other files, read with its WebSocket file: {@code EXCHANGE.0}, {@code EXCHANGE.http.N.M}. */
    private static final Pattern CRYPTOFEED_COMPANION = Pattern.compile("[A-Z0-9_.]+\\.(?:http\\.\\d+\\.)?\\d+(?:\\.gz)?");

    /** How deep {@link #filesIn} looks: {@code data/} → {@code spot/} → files, with room for a date folder. */
    private static final int FOLDER_DEPTH = 4;

    private CaptureFiles() {}

    /**
     * The capture files of a folder: what {@link #filesIn} found, in path order, and the files
     * it left out, counted by why.
     */
    public record FolderListing(Path folder, List<Path> files, Map<String, Long> skipped) {
        /** E.g. {@code "data: 3 capture files; left out 1 file not a capture (README.md)"}. */
        public String describe() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d capture file%s", folder, files.size(),
                    files.size() == 1 ? "" : "s"));
            if (!skipped.isEmpty()) {
                sb.append("; left out ").append(leftOut());
            }
            return sb.toString();
        }

        /** The files left out, counted by why ("" when none). */
        public String leftOut() {
            return skipped.entrySet().stream().map(e -> e.getValue() + (e.getValue() == 1 ? " file " : " files ") + e.getKey()).collect(Collectors.joining(", "));
        }
    }

    /**
     * The capture files under {@code folder} (hftbacktest's {@code spot/}, {@code usdm/}, {@code cm/}
     * layout, a cryptofeed {@code sample_data/}, or a folder of one feed): hftbacktest files and
     * cryptofeed WebSocket or combined files; a cryptofeed session's REST and metadata files are left
     * to its WebSocket file, and files of cryptofeed exchanges no venue decodes are left out unless
     * {@code feedGiven} (the caller names the folder's feed).
     */
    public static FolderListing filesIn(Path folder, boolean feedGiven) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder, FOLDER_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> files = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, TreeSet<String>> examples = new TreeMap<>();
        for (Path f : all) {
            String name = f.getFileName().toString();
            String exchange = CryptofeedCaptureReader.exchangeOf(f);
            String why;
            if (name.startsWith(".")) {
                why = "hidden";
            } else if (exchange != null) {
                why = feedGiven || CryptofeedCaptureReader.FEEDS.containsKey(exchange) ? null : "of cryptofeed exchanges no venue decodes";
                if (why != null) {
                    examples.computeIfAbsent(why, k -> new TreeSet<>()).add(exchange);
                }
            } else if (CRYPTOFEED_COMPANION.matcher(name).matches()) {
                why = "of cryptofeed REST/metadata (read with their WebSocket file)";
            } else if (CsvDatasets.isSetMember(f)) {
                why = CsvDatasets.leadOf(f).getFileName().equals(f.getFileName()) ? null
                        : "of tardis/nautilus CSV sets (read with the set's first file)";
            } else {
                why = looksLikeHftBacktest(f) ? null : "not a capture";
                if (why != null) {
                    examples.computeIfAbsent(why, k -> new TreeSet<>()).add(name);
                }
            }
            if (why == null) {
                files.add(f);
            } else {
                skipped.merge(why, 1L, Long::sum);
            }
        }
        Map<String, Long> described = new TreeMap<>();
        skipped.forEach((why, n) -> {
            TreeSet<String> ex = examples.get(why);
            String list = ex == null ? "" : " (" + ex.stream().limit(5).collect(Collectors.joining(", "))
                    + (ex.size() > 5 ? ", …" : "") + ")";
            described.put(why + list, n);
        });
        return new FolderListing(folder, List.copyOf(files), described);
    }

    private static boolean looksLikeHftBacktest(Path file) {
        try {
            String first = CaptureText.firstLine(file);
            return first != null && HftBacktestCaptureReader.looksLike(first);
        } catch (IOException | UncheckedIOException e) {
            return false; // a .gz that is not gzip, an unreadable file: not a capture
        }
    }

    /** A capture argument split into its feed (null where it names none) and its path. */
    public record FeedAndPath(String feed, Path path) {}

    /**
     * Reads {@code FEED=PATH} ({@code binance-usdm=data/btcusdt_20240718.gz}); an argument that is
     * an existing file, or has no {@code =}, is a plain path. The feed is not checked here.
     */
    public static FeedAndPath parseArgument(String argument) {
        Matcher m = FEED_AND_PATH.matcher(argument);
        if (m.matches() && !Files.exists(Path.of(argument))) {
            return new FeedAndPath(m.group(1), Path.of(m.group(2)));
        }
        return new FeedAndPath(null, Path.of(argument));
    }

    /**
     * @param feedOverride the feed to use, or null for the one inferred: a cryptofeed file's exchange name, or for hftbacktest files
     *     the name of the folder: a feed ({@code binance-spot/}) or hftbacktest's own
     *     ({@code spot/}, {@code usdm/}, {@code cm/})
     */
    public static CaptureReader open(Path file, String feedOverride) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such capture file: " + file);
        }
        String given = feedOverride;
        String exchange = CryptofeedCaptureReader.exchangeOf(file);
        if (exchange != null) {
            String feed = given != null ? given : CryptofeedCaptureReader.FEEDS.get(exchange);
            if (feed == null) {
                throw new IOException("cryptofeed capture of " + exchange + " is not a supported feed; supported: "
                        + CryptofeedCaptureReader.FEEDS.keySet() + " (or give --feed)");
            }
            return new CryptofeedCaptureReader(file, Venues.forFeed(feed));
        }
        String first = CaptureText.firstLine(file);
        if (CsvDatasets.looksLike(first) || (first == null && CsvDatasets.setKey(file.getFileName().toString()) != null)) {
            if (given != null && !given.equals(TardisVenue.FEED)) {
                throw new IOException(file + " is a tardis/nautilus CSV: its feed is " + TardisVenue.FEED + ", not " + given);
            }
            return new TardisCsvReader(file);
        }
        if (first != null && HftBacktestCaptureReader.looksLike(first)) {
            String feed = given != null ? given : feedOfFolder(file);
            if (feed == null || !Venues.isSupported(feed)) {
                throw new IOException("cannot infer the feed of " + file + " from its folder name (a feed, or "
                        + "hftbacktest's spot/, usdm/, cm/); give --feed or FEED=" + file + ", FEED one of "
                        + Venues.feeds());
            }
            Venue venue = Venues.forFeed(feed);
            return new HftBacktestCaptureReader(file, venue);
        }
        throw new IOException("unknown capture format: " + file + " (known: " + KNOWN_FORMATS + ")");
    }

    /** The feed a file's folder names: the feed id itself, or hftbacktest's folder name; else null. */
    static String feedOfFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || parent.getFileName() == null) {
            return null;
        }
        String folder = parent.getFileName().toString();
        return Venues.isSupported(folder) ? folder : HFTBACKTEST_FOLDERS.get(folder);
    }
}
