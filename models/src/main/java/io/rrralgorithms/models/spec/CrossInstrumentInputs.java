package io.rrralgorithms.models.spec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cross-instrument inputs of feature spec v2, as virtual columns added to a row: the same asset's
 * mid on the other market (spot vs perpetual: the same native symbol on another feed) and the
 * leader's 1 s return (the leader is a {@code BTCUSDT} instrument, preferably of the same feed;
 * BTC itself has none). Both are taken from the other instrument's row of the <b>previous</b>
 * second (t − 1 s), never the same second: rows of one second arrive in no defined order in the
 * job, rows of earlier seconds always before (timers fire in time order), so the job and a replay
 * see the same values, and no input uses data after t.
 *
 * <p>Feed every row, in time order, to {@link #with} (which answers from the rows seen before)
 * and then to {@link #record}. In the job this needs all instruments on one scoring subtask
 * (parallelism 1); elsewhere the inputs are absent (0), as they are in a run without the other
 * instrument.
 */
public final class CrossInstrumentInputs {
    public static final String PEER_MID_PREV = "peer_mid_prev";
    public static final String OWN_MID_PREV = "own_mid_prev";
    public static final String LEADER_RET_PREV = "leader_ret_1s_prev";
    static final String LEADER_SYMBOL = "BTCUSDT";

    private record Seen(long timeMs, double mid, double ret1s) {}

    /** Per instrument its two latest rows (the latest may be of the current second). */
    private final Map<String, Seen[]> latest = new HashMap<>();
    /** Instruments by native symbol, for peers and the leader. */
    private final Map<String, TreeMap<String, String>> bySymbol = new HashMap<>();

    /** The row with the virtual columns answered from the rows recorded before. */
    public FeatureValues with(String instrument, long timeMs, FeatureValues row) {
        long prev = timeMs - 1000L;
        String symbol = symbolOf(instrument);
        double ownMid = midAt(instrument, prev);
        double peerMid = Double.NaN;
        for (String other : bySymbol.getOrDefault(symbol, new TreeMap<>()).values()) {
            if (!other.equals(instrument)) {
                peerMid = midAt(other, prev);
                break;
            }
        }
        double leaderRet = Double.NaN;
        if (!symbol.equals(LEADER_SYMBOL)) {
            String leader = leaderFor(instrument);
            if (leader != null) {
                Seen s = at(leader, prev);
                leaderRet = s == null ? Double.NaN : s.ret1s();
            }
        }
        double own = ownMid;
        double peer = peerMid;
        double lead = leaderRet;
        return column -> switch (column) {
            case PEER_MID_PREV -> peer;
            case OWN_MID_PREV -> own;
            case LEADER_RET_PREV -> lead;
            default -> row.value(column);
        };
    }

    /** Records a row for later rows of other instruments. */
    public void record(String instrument, long timeMs, FeatureValues row) {
        bySymbol.computeIfAbsent(symbolOf(instrument), k -> new TreeMap<>()).put(feedOf(instrument), instrument);
        Seen[] two = latest.computeIfAbsent(instrument, k -> new Seen[2]);
        Seen s = new Seen(timeMs, row.value("mid"), row.value("ret_1s"));
        if (two[0] != null && two[0].timeMs() == timeMs) {
            two[0] = s;
        } else {
            two[1] = two[0];
            two[0] = s;
        }
    }

    private String leaderFor(String instrument) {
        TreeMap<String, String> leaders = bySymbol.get(LEADER_SYMBOL);
        if (leaders == null || leaders.isEmpty()) {
            return null;
        }
        String same = leaders.get(feedOf(instrument));
        return same != null ? same : leaders.firstEntry().getValue();
    }

    private double midAt(String instrument, long timeMs) {
        Seen s = at(instrument, timeMs);
        return s == null ? Double.NaN : s.mid();
    }

    private Seen at(String instrument, long timeMs) {
        Seen[] two = latest.get(instrument);
        if (two == null) {
            return null;
        }
        for (Seen s : two) {
            if (s != null && s.timeMs() == timeMs) {
                return s;
            }
        }
        return null;
    }

    private static String feedOf(String instrument) {
        int colon = instrument.indexOf(':');
        return colon < 0 ? "" : instrument.substring(0, colon);
    }

    private static String symbolOf(String instrument) {
        return instrument.substring(instrument.indexOf(':') + 1).toUpperCase(Locale.ROOT);
    }
}
