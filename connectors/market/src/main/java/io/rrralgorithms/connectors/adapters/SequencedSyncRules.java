package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * The sync-rule families of feeds whose book events carry a venue sequence, so that a venue
 * declares its rules ({@code SequencedSyncRules.nextFirstId("U == ")}) instead of implementing
 * {@link BookSyncRules}. In the rules {@code s} is the snapshot's update id, {@code U}/{@code u}
 * a diff's first/last update id ({@link MarketEvent#firstUpdateId}/{@link MarketEvent#lastUpdateId})
 * and {@code pu} the id it names as its predecessor ({@link MarketEvent#prevUpdateId}):
 *
 * <ul>
 *   <li>{@link #nextFirstId}: each diff starts where the previous ended, {@code U == previous u + 1}
 *       (Binance spot, Gate.io, KuCoin, Kraken Futures);
 *   <li>{@link #previousIdChain}: each diff names the previous one, {@code pu == previous u}
 *       (Deribit, Binance futures);
 *   <li>{@link #monotonic}: the id is a time, {@code u >= previous u} (Bitstamp).
 * </ul>
 *
 * Feeds without a sequence use {@link UnsequencedSyncRules}. A diff not newer than the snapshot
 * is stale ({@code u <= s}, or {@code u < s} with {@link #staleOnlyBelowSnapshot()}).
 */
public final class SequencedSyncRules implements BookSyncRules {

    /** How the first diff applied after a snapshot must join it. */
    public enum Bridge {
        /** {@code U <= s + 1 <= u}: the diff contains the update right after the snapshot. */
        SPANS_NEXT,
        /** {@code U <= s <= u}: the diff contains the snapshot's own update. */
        SPANS_SNAPSHOT,
        /** {@code U == s + 1}: the diff starts right after the snapshot. */
        STARTS_NEXT,
        /** {@code pu == s}: the diff names the snapshot as its predecessor. */
        NAMES_SNAPSHOT,
        /** {@code u > s}: any later diff (a time cannot tell a missed one). */
        LATER
    }

    private enum Chain { NEXT_FIRST_ID, PREVIOUS_ID, NOT_EARLIER }

    private final Chain chain;
    private final Bridge bridge;
    private final boolean staleAtSnapshot;
    private final boolean detectsDuplicates;
    private final String expectation;

    private SequencedSyncRules(Chain chain, Bridge bridge, boolean staleAtSnapshot, boolean detectsDuplicates,
            String expectation) {
        this.chain = chain;
        this.bridge = bridge;
        this.staleAtSnapshot = staleAtSnapshot;
        this.detectsDuplicates = detectsDuplicates;
        this.expectation = expectation;
    }

    /**
     * {@code U == previous u + 1}; the first diff spans {@code s + 1}.
     *
     * @param expectation what the next diff must be, followed by the id it must start at
     *     ({@code "U == "} gives "U == 1043")
     */
    public static SequencedSyncRules nextFirstId(String expectation) {
        return new SequencedSyncRules(Chain.NEXT_FIRST_ID, Bridge.SPANS_NEXT, true, true, expectation);
    }

    /**
     * {@code pu == previous u}; the first diff names the snapshot ({@code pu == s}).
     *
     * @param expectation what the next diff must be, followed by the previous diff's id
     */
    public static SequencedSyncRules previousIdChain(String expectation) {
        return new SequencedSyncRules(Chain.PREVIOUS_ID, Bridge.NAMES_SNAPSHOT, true, true, expectation);
    }

    /**
     * {@code u >= previous u} for an id that is a time: the first later diff joins the snapshot,
     * two diffs may share a time, so none can be told to be a duplicate.
     *
     * @param expectation what the next diff must be, followed by the previous diff's id
     */
    public static SequencedSyncRules monotonic(String expectation) {
        return new SequencedSyncRules(Chain.NOT_EARLIER, Bridge.LATER, true, false, expectation);
    }

    /** These rules with another way of joining the snapshot. */
    public SequencedSyncRules bridging(Bridge how) {
        return new SequencedSyncRules(chain, how, staleAtSnapshot, detectsDuplicates, expectation);
    }

    /** These rules where a diff ending at the snapshot ({@code u == s}) is not stale: only {@code u < s} is. */
    public SequencedSyncRules staleOnlyBelowSnapshot() {
        return new SequencedSyncRules(chain, bridge, false, detectsDuplicates, expectation);
    }

    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return staleAtSnapshot ? d.lastUpdateId <= snapshotUpdateId : d.lastUpdateId < snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long s) {
        return switch (bridge) {
            case SPANS_NEXT -> d.firstUpdateId <= s + 1 && d.lastUpdateId >= s + 1;
            case SPANS_SNAPSHOT -> d.firstUpdateId <= s && d.lastUpdateId >= s;
            case STARTS_NEXT -> d.firstUpdateId == s + 1;
            case NAMES_SNAPSHOT -> d.prevUpdateId == s;
            case LATER -> d.lastUpdateId > s;
        };
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return switch (chain) {
            case NEXT_FIRST_ID -> d.firstUpdateId == previousLastUpdateId + 1;
            case PREVIOUS_ID -> d.prevUpdateId == previousLastUpdateId;
            case NOT_EARLIER -> d.lastUpdateId >= previousLastUpdateId;
        };
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return detectsDuplicates && BookSyncRules.super.isDuplicate(d, lastUpdateId);
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return expectation + (chain == Chain.NEXT_FIRST_ID ? previousLastUpdateId + 1 : previousLastUpdateId);
    }
}
