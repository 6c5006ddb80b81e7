package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CsvDatasets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture-file arguments of {@code run}, {@code replay}, {@code bench} and {@code train --replay}:
 * each a path, or {@code FEED=PATH} naming that file's feed, so that files of several feeds whose
 * folders do not say it replay together ({@code binance-spot=a.gz binance-usdm=b.gz}). Where one
 * argument names its feed, {@code --feed} is the feed of the others. A folder stands for the capture
 * files under it ({@link CaptureFiles#filesIn}: hftbacktest's {@code spot/ usdm/ cm/} layout, each
 * file the feed of its folder; {@code FEED=FOLDER} names the feed of all of them), and what it
 * holds besides is said in one line.
 */
final class CaptureArguments {
    /** The files (paths only) and the feed each is read as. */
    record Resolved(List<Path> files, CaptureFeeds feeds) {}

    private CaptureArguments() {}

    static Resolved resolve(List<Path> arguments, String feedOption) {
        return resolve(arguments, feedOption, System.err);
    }

    /** @param notes where the one line per folder argument goes */
    static Resolved resolve(List<Path> arguments, String feedOption, PrintStream notes) {
        List<Path> files = new ArrayList<>();
        Map<Path, String> named = new HashMap<>();
        Map<Path, Path> csvSets = new HashMap<>();
        for (Path argument : arguments) {
            CaptureFiles.FeedAndPath fp = CaptureFiles.parseArgument(argument.toString());
            if (fp.feed() != null) {
                Preflight.knownFeeds("in " + argument, List.of(fp.feed()));
            }
            for (Path file : Files.isDirectory(fp.path()) ? folder(fp.path(), fp.feed() != null || feedOption != null, notes)
                    : List.of(fp.path())) {
                if (fp.feed() != null) {
                    String before = named.put(file.toAbsolutePath().normalize(), fp.feed());
                    if (before != null && !before.equals(fp.feed())) {
                        throw UserError.usage(file + " is given as " + before + " and as " + fp.feed()
                                + ": give each file one feed");
                    }
                }
                if (!firstOfItsSet(file, csvSets, notes)) {
                    continue;
                }
                files.add(file);
            }
        }
        return new Resolved(files, CaptureFeeds.perFile(named, feedOption));
    }

    /**
     * A tardis/nautilus CSV is read with the files of its set (its day in its folder): a second
     * file of a set already given is left out, said in one line, so that no row is published twice.
     */
    private static boolean firstOfItsSet(Path file, Map<Path, Path> sets, PrintStream notes) {
        Path lead;
        try {
            lead = CsvDatasets.isSetMember(file) ? CsvDatasets.leadOf(file).toAbsolutePath().normalize() : null;
        } catch (IOException e) {
            return true; // opening it says what is wrong
        }
        if (lead == null) {
            return true;
        }
        Path before = sets.putIfAbsent(lead, file);
        if (before != null) {
            notes.println(file + ": read with " + before + " (the CSV files of one day in a folder are one set)");
            return false;
        }
        return true;
    }

    private static List<Path> folder(Path folder, boolean feedGiven, PrintStream notes) {
        CaptureFiles.FolderListing listing;
        try {
            listing = CaptureFiles.filesIn(folder, feedGiven);
        } catch (IOException e) {
            throw new UserError(ExitCodes.INPUT, "cannot list capture folder " + folder + ": " + e.getMessage(), e);
        }
        if (listing.files().isEmpty()) {
            String leftOut = listing.skipped().isEmpty() ? "it is empty" : "left out " + listing.leftOut();
            throw new UserError(ExitCodes.INPUT, "no capture files in " + folder + " (" + leftOut + "; known: "
                    + CaptureFiles.KNOWN_FORMATS + ")");
        }
        notes.println(listing.describe());
        return listing.files();
    }
}
