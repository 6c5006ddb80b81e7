package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture-file arguments of {@code run}, {@code replay}, {@code bench} and {@code train --replay}:
 * each a path, or {@code FEED=PATH} naming that file's feed, so that files of several feeds whose
 * folders do not say it replay together ({@code binance-spot=a.gz binance-usdm=b.gz}). Where one
 * argument names its feed, {@code --feed} is the feed of the others.
 */
final class CaptureArguments {
    /** The files (paths only) and the feed each is read as. */
    record Resolved(List<Path> files, CaptureFeeds feeds) {}

    private CaptureArguments() {}

    static Resolved resolve(List<Path> arguments, String feedOption) {
        List<Path> files = new ArrayList<>();
        Map<Path, String> named = new HashMap<>();
        for (Path argument : arguments) {
            CaptureFiles.FeedAndPath fp = CaptureFiles.parseArgument(argument.toString());
            if (fp.feed() != null) {
                Preflight.knownFeeds("in " + argument, List.of(fp.feed()));
                String before = named.put(fp.path().toAbsolutePath().normalize(), fp.feed());
                if (before != null && !before.equals(fp.feed())) {
                    throw UserError.usage(fp.path() + " is given as " + before + " and as " + fp.feed()
                            + ": give each file one feed");
                }
            }
            files.add(fp.path());
        }
        return new Resolved(files, CaptureFeeds.perFile(named, feedOption));
    }
}
