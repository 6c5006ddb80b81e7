package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.adapters.tardis.TardisFrames;
import io.rrralgorithms.connectors.adapters.tardis.TardisFrames.Change;
import io.rrralgorithms.connectors.adapters.tardis.TardisFrames.Level;
import io.rrralgorithms.connectors.adapters.tardis.TardisFrames.Trade;
import io.rrralgorithms.connectors.adapters.tardis.TardisSymbols;
import io.rrralgorithms.connectors.adapters.tardis.TardisTopCheck;
import io.rrralgorithms.connectors.adapters.tardis.TardisVenue;
import io.rrralgorithms.connectors.capture.CsvDatasets.Dataset;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The importer of tardis.dev CSV datasets and nautilus_trader's Binance depth CSVs: reads a file's
 * whole set (the files of its day in its folder, {@link CsvDatasets}) and turns each group of rows that one exchange message made into
 * one {@link TardisFrames normalized frame} of the feed {@code tardis}, all files of the set merged
 * by receive time (at one time: the book, its checks, quotes, trades). Groups: the consecutive rows
 * of one symbol, {@code local_timestamp} and {@code is_snapshot} ({@code incremental_book_L2}), of
 * one symbol and {@code local_timestamp} ({@code trades}), each row ({@code quotes},
 * {@code book_snapshot_N}), and for nautilus the rows of one symbol, timestamp, update ids and
 * {@code update_type}.
 *
 * <p>Where the set holds {@code incremental_book_L2} of the same exchange and symbol (by the file
 * names), that is the book: its {@code book_snapshot_25} rows become checks of it, and other {@code book_snapshot_N} rows are not published (said in the
 * line); without it, {@code book_snapshot_N} rows are the book (a top-N window). Receive time is
 * {@code local_timestamp} (µs) as ns; nautilus files have none, so their exchange time (ms)
 * stands in, and their exchange is {@code binance-futures} ({@code binance-delivery} for
 * {@code _PERP}/dated symbols) where the file has the futures' {@code pu} column, else {@code binance}.
 * Rows with the wrong column count or an unreadable time or update id are skipped and counted; the
 * values the decoder reads (prices, amounts, sides) go into the frame as written, so that a bad one
 * is a dead letter with its reason. One line at the end says what was read and what not.
 */
public final class TardisCsvReader implements CaptureReader {
    private static final Logger LOG = LoggerFactory.getLogger(TardisCsvReader.class);

    private final Path file;
    private final List<FileSource> sources = new ArrayList<>();
    private final PriorityQueue<FileSource> queue = new PriorityQueue<>(
            Comparator.<FileSource>comparingLong(s -> s.head.receiveTimeNs).thenComparingInt(s -> s.dataset.rank())
                    .thenComparingInt(s -> s.index));
    private final List<String> emptyFiles = new ArrayList<>();
    private long frames;
    private boolean reported;

    /** Reads {@code file}'s set: the file and the files of the same set beside it. */
    public TardisCsvReader(Path file) throws IOException {
        this.file = file;
        List<Path> set = CsvDatasets.setOf(file);
        List<Dataset> datasets = new ArrayList<>();
        for (Path p : set) {
            datasets.add(CsvDatasets.ofFile(p));
        }
        Set<String> withIncremental = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            if (datasets.get(i) != null && datasets.get(i).name().equals(TardisFrames.INCREMENTAL)) {
                withIncremental.add(String.valueOf(CsvDatasets.instrumentOf(set.get(i))));
            }
        }
        for (int i = 0; i < set.size(); i++) {
            if (datasets.get(i) == null && CaptureText.firstLine(set.get(i)) == null) {
                emptyFiles.add(set.get(i).getFileName().toString()); // tardis serves an empty file for a day without data
                continue;
            }
            if (datasets.get(i) == null) {
                throw new IOException("not a tardis or nautilus CSV (header): " + set.get(i));
            }
            boolean incremental = withIncremental.contains(String.valueOf(CsvDatasets.instrumentOf(set.get(i))));
            FileSource s = new FileSource(set.get(i), datasets.get(i), i, incremental);
            sources.add(s);
            if (s.advance()) {
                queue.add(s);
            }
        }
    }

    @Override
    public boolean hasNext() {
        boolean more = !queue.isEmpty();
        if (!more && !reported) {
            reported = true;
            long bad = sources.stream().mapToLong(s -> s.skipped.unreadableTotal()).sum();
            if (bad > 0) {
                LOG.warn("{}", summary());
            } else {
                LOG.info("{}", summary());
            }
        }
        return more;
    }

    @Override
    public RawFrame next() {
        FileSource s = queue.poll();
        if (s == null) {
            throw new NoSuchElementException();
        }
        RawFrame f = s.head;
        if (s.advance()) {
            queue.add(s);
        }
        frames++;
        return f;
    }

    @Override
    public String feed() {
        return TardisVenue.FEED;
    }

    @Override
    public long skippedLines() {
        return sources.stream().mapToLong(s -> s.skipped.total()).sum();
    }

    /** Frames published per dataset file so far, for tests and the line. */
    public long frames() {
        return frames;
    }

    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s (%s, feed %s): %,d frames%s", file,
                CsvDatasets.describeSet(file), feed(), frames, reported ? "" : " so far"));
        sb.append(sources.stream().map(FileSource::describe).collect(Collectors.joining("; ", " — ", "")));
        if (!emptyFiles.isEmpty()) {
            sb.append("; empty: ").append(String.join(", ", emptyFiles));
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileSource s : sources) {
            try {
                s.in.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** One file of the set: its rows read ahead by one group. */
    private static final class FileSource {
        final Path path;
        final Dataset dataset;
        final int index;
        final BufferedReader in;
        final SkippedLines skipped = new SkippedLines();
        final String header;
        /** book_snapshot_N rows: checks of the set's incremental book (25), not published (other N), or the book. */
        final boolean checks;
        final boolean dropped;
        final String nautilusExchange;
        RawFrame head;
        String[] pending;
        long lineNo;
        long rows;
        long published;

        FileSource(Path path, Dataset dataset, int index, boolean setHasIncremental) throws IOException {
            this.path = path;
            this.dataset = dataset;
            this.index = index;
            this.in = CaptureText.open(path);
            this.header = in.readLine();
            this.lineNo = 1;
            boolean topN = dataset.name().startsWith(TardisFrames.BOOK_SNAPSHOT_PREFIX);
            this.checks = topN && setHasIncremental && dataset.depth() == TardisTopCheck.DEPTH;
            this.dropped = topN && setHasIncremental && dataset.depth() != TardisTopCheck.DEPTH;
            this.nautilusExchange = dataset.hasPu() ? "binance-futures" : "binance";
        }

        String describe() {
            String s = skipped.describe();
            String what = dataset.source().equals(TardisFrames.SOURCE_NAUTILUS) ? "nautilus depth" : dataset.name();
            return String.format(Locale.ROOT, "%s %s: %,d rows → %,d frames%s%s%s", path.getFileName(), what, rows,
                    published, checks ? " (checks of the incremental book)" : "",
                    dataset.source().equals(TardisFrames.SOURCE_NAUTILUS)
                            ? " (no receive times: the exchange time stands in)" : "",
                    s.isEmpty() ? "" : ", " + s);
        }

        /** Reads the next group into {@link #head}; false at the end. */
        boolean advance() {
            head = null;
            try {
                List<String[]> group = new ArrayList<>();
                while (true) {
                    String[] row = pending != null ? pending : readRow();
                    pending = null;
                    if (row == null) {
                        break;
                    }
                    if (!group.isEmpty() && !sameGroup(group.get(0), row)) {
                        pending = row;
                        break;
                    }
                    group.add(row);
                    if (oneRowPerFrame()) {
                        break;
                    }
                }
                if (group.isEmpty()) {
                    return false;
                }
                head = frame(group);
                published++;
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + path + " at line " + lineNo, e);
            }
        }

        private boolean oneRowPerFrame() {
            return dataset.name().equals(TardisFrames.QUOTES) || dataset.name().startsWith(TardisFrames.BOOK_SNAPSHOT_PREFIX);
        }

        /** The next readable row, or null at the end; unreadable lines counted and skipped. */
        private String[] readRow() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    skipped.notAFrame("empty");
                    continue;
                }
                if (line.equals(header)) {
                    skipped.notAFrame("repeated header");
                    continue;
                }
                rows++;
                String[] c = line.split(",", -1);
                if (c.length != dataset.columns()) {
                    skipped.unreadable(c.length + " columns, not " + dataset.columns(), lineNo);
                    continue;
                }
                String bad = badTimes(c);
                if (bad != null) {
                    skipped.unreadable(bad, lineNo);
                    continue;
                }
                if (dropped) {
                    skipped.notAFrame(dataset.name() + " rows (the set's incremental_book_L2 is the book)");
                    continue;
                }
                return c;
            }
            return null;
        }

        /** Why a row's times or ids (what the grouping and order need) are unreadable, or null. */
        private String badTimes(String[] c) {
            if (dataset.source().equals(TardisFrames.SOURCE_NAUTILUS)) {
                if (!isLong(c[1])) {
                    return "timestamp not an integer (ms)";
                }
                if (!isLong(c[2]) || !isLong(c[3])) {
                    return "first_update_id/last_update_id not integers";
                }
                if (dataset.hasPu() && !c[8].isEmpty() && !isLong(c[8])) {
                    return "pu not an integer";
                }
                if (!c[5].equals("snap") && !c[5].equals("set")) {
                    return "update_type not snap or set";
                }
                return c[0].isEmpty() ? "empty symbol" : null;
            }
            if (!isLong(c[2]) || !isLong(c[3])) {
                return "timestamp/local_timestamp not an integer (µs)";
            }
            if (dataset.name().equals(TardisFrames.INCREMENTAL) && !c[4].equals("true") && !c[4].equals("false")) {
                return "is_snapshot not true or false";
            }
            return c[0].isEmpty() || c[1].isEmpty() ? "empty exchange or symbol" : null;
        }

        private static boolean isLong(String s) {
            if (s.isEmpty() || s.length() > 18) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private boolean sameGroup(String[] a, String[] b) {
            if (dataset.source().equals(TardisFrames.SOURCE_NAUTILUS)) {
                return a[0].equals(b[0]) && a[1].equals(b[1]) && a[2].equals(b[2]) && a[3].equals(b[3]) && a[5].equals(b[5]);
            }
            boolean same = a[0].equals(b[0]) && a[1].equals(b[1]) && a[3].equals(b[3]);
            return dataset.name().equals(TardisFrames.INCREMENTAL) ? same && a[4].equals(b[4]) : same;
        }

        private RawFrame frame(List<String[]> group) {
            String[] first = group.get(0);
            StringBuilder sb;
            long receiveUs;
            String exchange;
            String symbol;
            if (dataset.source().equals(TardisFrames.SOURCE_NAUTILUS)) {
                symbol = first[0];
                exchange = nautilusExchange.equals("binance-futures") && symbol.contains("_") ? "binance-delivery"
                        : nautilusExchange;
                long us = Long.parseLong(first[1]) * 1_000L;
                receiveUs = us;
                sb = TardisFrames.start(exchange, symbol, TardisFrames.SOURCE_NAUTILUS, TardisFrames.NAUTILUS_DEPTH, us, us);
                sb.append(",\"snapshot\":").append(first[5].equals("snap"));
                sb.append(",\"first_update_id\":").append(first[2]).append(",\"last_update_id\":").append(first[3]);
                sb.append(",\"pu\":").append(dataset.hasPu() && !first[8].isEmpty() ? first[8] : "null");
                List<Change> changes = new ArrayList<>(group.size());
                for (String[] r : group) {
                    changes.add(new Change(r[4].toLowerCase(Locale.ROOT), r[6], r[7]));
                }
                TardisFrames.changes(sb, changes);
            } else {
                exchange = first[0];
                symbol = first[1];
                receiveUs = Long.parseLong(first[3]);
                sb = TardisFrames.start(exchange, symbol, TardisFrames.SOURCE_TARDIS, dataset.name(),
                        Long.parseLong(first[2]), receiveUs);
                switch (dataset.name()) {
                    case TardisFrames.INCREMENTAL -> {
                        sb.append(",\"snapshot\":").append(first[4]);
                        List<Change> changes = new ArrayList<>(group.size());
                        for (String[] r : group) {
                            changes.add(new Change(r[5], r[6], r[7]));
                        }
                        TardisFrames.changes(sb, changes);
                    }
                    case TardisFrames.TRADES -> {
                        List<Trade> trades = new ArrayList<>(group.size());
                        for (String[] r : group) {
                            trades.add(new Trade(Long.parseLong(r[2]), r[4], r[5], r[6], r[7]));
                        }
                        TardisFrames.trades(sb, trades);
                    }
                    case TardisFrames.QUOTES -> {
                        // ask_amount,ask_price,bid_price,bid_amount
                        TardisFrames.level(sb, "bid", first[6].isEmpty() && first[7].isEmpty() ? null
                                : new Level(first[6], first[7]));
                        TardisFrames.level(sb, "ask", first[5].isEmpty() && first[4].isEmpty() ? null
                                : new Level(first[5], first[4]));
                    }
                    default -> { // book_snapshot_N: asks[i].price, asks[i].amount, bids[i].price, bids[i].amount
                        sb.append(",\"depth\":").append(dataset.depth()).append(",\"check\":").append(checks);
                        List<Level> bids = new ArrayList<>();
                        List<Level> asks = new ArrayList<>();
                        for (int i = 0; i < dataset.depth(); i++) {
                            int at = 4 + 4 * i;
                            if (!first[at].isEmpty() || !first[at + 1].isEmpty()) {
                                asks.add(new Level(first[at], first[at + 1]));
                            }
                            if (!first[at + 2].isEmpty() || !first[at + 3].isEmpty()) {
                                bids.add(new Level(first[at + 2], first[at + 3]));
                            }
                        }
                        TardisFrames.levels(sb, bids, asks);
                    }
                }
            }
            sb.append('}');
            return new RawFrame(TardisVenue.FEED, TardisSymbols.nativeSymbol(exchange, symbol), FrameKind.WS,
                    receiveUs * 1_000L, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
