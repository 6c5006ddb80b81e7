package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.adapters.RawCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw-line oracle of the Coinbase capture {@code COINBASE.ws.28.0} (2021 level2, ticker and
 * matches channels of 10 products): the frame types by regex (every frame starts with its type);
 * subscriptions and last_match are ignored, each a fact.
 */
public final class CoinbaseOracle {
    private static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"([a-z_0-9]+)\"");

    private CoinbaseOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (RawCounts.Frame f : raw.frames(files)) {
            Matcher t = TYPE.matcher(f.text());
            switch (t.find() ? t.group(1) : "?") {
                case "subscriptions", "last_match" -> raw.ignore(t.group(1));
                case "match" -> raw.trades++;
                case "l2update" -> raw.deltas++;
                case "snapshot" -> raw.snapshots++;
                case "ticker" -> raw.bbo++;
                default -> throw new AssertionError("frame type of " + f.text());
            }
        }
        return raw;
    }
}
