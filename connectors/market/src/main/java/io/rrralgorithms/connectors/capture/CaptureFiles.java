package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.adapters.binance.BinanceVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens a capture file with the right reader, detecting its format and feed. */
public final class CaptureFiles {
    /** The formats {@link #open} reads, for the error on a file in none of them. */
    public static final String KNOWN_FORMATS = "hftbacktest '<time> <json>' lines (gzip or plain, time in ns, µs or ms), "
            + "cryptofeed EXCHANGE.ws.N.0 with its EXCHANGE.http.* files, or cryptofeed combined EXCHANGE-xxxxxx.0 "
            + "(each plain or .gz)";

    /** The folders hftbacktest ships its Binance captures in, and their feeds. */
    public static final Map<String, String> HFTBACKTEST_FOLDERS = Map.of(
            "spot", BinanceVenue.SPOT_FEED,
            "usdm", BinanceVenue.USDM_FEED,
            "cm", BinanceVenue.COINM_FEED);

    /** {@code FEED=PATH}: a capture file argument that names its feed. */
    private static final Pattern FEED_AND_PATH = Pattern.compile("([a-z0-9][a-z0-9.-]*)=(.+)");

    private CaptureFiles() {}

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
