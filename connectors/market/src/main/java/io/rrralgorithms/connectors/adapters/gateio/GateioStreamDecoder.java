package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.RestSnapshotFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What Gate.io's spot and futures decoders share: the v4 envelope (ignored channels, replies and
 * errors: {@link GateioFrames#dataChannel}), the REST order book snapshot ({@code id},
 * {@code current}, {@code bids}/{@code asks}) and the book ticker's time and update id. Each
 * market says how it names instruments, writes levels and times its snapshots.
 */
abstract class GateioStreamDecoder extends RestSnapshotFrameDecoder {
    /** A market's rule for one part of a frame. */
    @FunctionalInterface
    interface Rule<T> {
        T apply(JsonNode node) throws DecodeException;
    }

    private final Set<String> ignoredChannels;
    private final String keyName;
    private final VenueSymbols.Normalizer symbols;
    private final Rule<Long> snapshotTimeMs;
    private final GateioFrames.SideReader levels;

    /**
     * @param keyName what the frame key of a snapshot names, for its refusals ({@code "contract"})
     * @param symbols the normalized symbol of a currency pair or contract
     * @param snapshotTimeMs the exchange time (ms) of a REST snapshot that has a {@code current}
     * @param levels how a REST snapshot writes a side's levels
     */
    GateioStreamDecoder(String feed, Set<String> ignoredChannels, String keyName, VenueSymbols.Normalizer symbols,
            Rule<Long> snapshotTimeMs, GateioFrames.SideReader levels) {
        super(feed);
        this.ignoredChannels = ignoredChannels;
        this.keyName = keyName;
        this.symbols = symbols;
        this.snapshotTimeMs = snapshotTimeMs;
        this.levels = levels;
    }

    @Override
    protected final Result decodeStream(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String channel = GateioFrames.dataChannel(root, ignoredChannels);
        return channel == null ? Result.IGNORED : decodeChannel(frame, root, channel, out);
    }

    /** A data frame of a channel that is not ignored. */
    protected abstract Result decodeChannel(RawFrame frame, JsonNode root, String channel, Consumer<MarketEvent> out)
            throws DecodeException;

    final MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws DecodeException {
        return MarketEvent.of(type, feed, nativeSymbol, symbols.normalize(nativeSymbol), frame.receiveTimeNs);
    }

    @Override
    protected final MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        GateioFrames.checkSnapshot(frame, root, keyName);
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, frame.key);
        ev.lastUpdateId = requireLong(root, "id");
        ev.exchangeTimeMs = root.hasNonNull("current") ? snapshotTimeMs.apply(root) : 0L;
        return ev.levels(levels.levels(root, "bids"), levels.levels(root, "asks"));
    }

    /** A book ticker's BBO event with its time {@code t} and update id {@code u}, the levels left to the market. */
    final MarketEvent bookTicker(RawFrame frame, JsonNode r) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, requireText(r, "s"));
        ev.exchangeTimeMs = JsonFields.requireEpochMs(r, "t");
        ev.lastUpdateId = requireLong(r, "u");
        return ev;
    }
}
