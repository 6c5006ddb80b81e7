package io.rrralgorithms.connectors.adapters.tardis;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.FrameDecoder.emitAll;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireBoolean;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.SidedLevels;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes the normalized frames of {@link TardisFrames} by {@code source} and {@code dataset}:
 *
 * <ul>
 *   <li>{@code incremental_book_L2}: {@code snapshot} true → {@link EventType#BOOK_SNAPSHOT} (the
 *       rows of an {@code is_snapshot} message), else {@link EventType#BOOK_DELTA}; amount 0 removes
 *       the level; side {@code bid} or {@code ask}; update id = the receive time;
 *   <li>{@code book_snapshot_N}: a check ({@code check} true) → a delta without levels carrying
 *       {@link TardisTopCheck}'s CRC of the row; otherwise the top N as a book of N levels
 *       ({@link MarketEvent#bookDepth}), with an empty delta that syncs it at once;
 *   <li>{@code quotes} → {@link EventType#BBO} (an empty side: price and size 0);
 *   <li>{@code trades} → one {@link EventType#TRADE} a row: side {@code buy}/{@code sell} is the
 *       taker's ({@code unknown}, an exchange that does not say, is refused: the pipeline needs
 *       it); a numeric {@code id} is the trade id, any other none;
 *   <li>nautilus {@code binance_depth}: {@code snapshot} → a snapshot at {@code last_update_id};
 *       else a delta {@code U = first_update_id}, {@code u = last_update_id}, {@code pu}; side
 *       {@code b}/{@code a}.
 * </ul>
 *
 * Exchange time: {@code timestamp} (µs) in ms; receive time: the frame's, {@code local_timestamp}
 * as ns. A bad number, side or field is a {@link DecodeException}: the whole frame is a dead letter.
 */
final class TardisFrameDecoder extends JsonFrameDecoder {
    private static final long serialVersionUID = 1L;

    TardisFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String source = requireText(root, "source");
        String dataset = requireText(root, "dataset");
        if (TardisFrames.SOURCE_NAUTILUS.equals(source) && TardisFrames.NAUTILUS_DEPTH.equals(dataset)) {
            return emit(out, nautilusDepth(frame, root));
        }
        if (!TardisFrames.SOURCE_TARDIS.equals(source)) {
            throw new DecodeException("unknown source '" + source + "' (tardis or nautilus)");
        }
        if (dataset.startsWith(TardisFrames.BOOK_SNAPSHOT_PREFIX)) {
            return bookSnapshot(frame, root, out);
        }
        return switch (dataset) {
            case TardisFrames.INCREMENTAL -> emit(out, incremental(frame, root));
            case TardisFrames.QUOTES -> emit(out, quote(frame, root));
            case TardisFrames.TRADES -> emitAll(out, trades(frame, root));
            default -> throw new DecodeException("unknown dataset '" + dataset + "'");
        };
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String exchange = requireText(root, "exchange");
        String symbol = requireText(root, "symbol");
        if (exchange.isEmpty() || symbol.isEmpty()) {
            throw new DecodeException("field 'exchange' or 'symbol' is empty");
        }
        String nativeSymbol = TardisSymbols.nativeSymbol(exchange, symbol);
        MarketEvent ev = MarketEvent.of(type, feed, nativeSymbol, TardisSymbols.normalize(nativeSymbol),
                frame.receiveTimeNs);
        ev.exchangeTimeMs = JsonFields.requireEpochUsAsMs(root, "timestamp");
        return ev;
    }

    private MarketEvent incremental(RawFrame frame, JsonNode root) throws DecodeException {
        boolean snapshot = requireBoolean(root, "snapshot");
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, root);
        ev.lastUpdateId = frame.receiveTimeNs; // no sequence: receive order (TardisSyncRules)
        return changes(ev, root, snapshot, "bid", "ask");
    }

    private MarketEvent nautilusDepth(RawFrame frame, JsonNode root) throws DecodeException {
        boolean snapshot = requireBoolean(root, "snapshot");
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, root);
        long first = requireLong(root, "first_update_id");
        long last = requireLong(root, "last_update_id");
        if (snapshot) {
            ev.firstUpdateId = last;
            ev.lastUpdateId = last;
        } else {
            EventChecks.requireRange(ev, first, last, "depth update");
            JsonNode pu = root.get("pu");
            if (pu != null && !pu.isNull()) {
                ev.prevUpdateId = requireLong(root, "pu");
            }
        }
        return changes(ev, root, snapshot, "b", "a");
    }

    private static MarketEvent changes(MarketEvent ev, JsonNode root, boolean snapshot, String bid, String ask)
            throws DecodeException {
        JsonNode changes = requireArray(root, "changes", "an array of [side, price, amount]");
        return SidedLevels.read(changes, "changes", (c, where, levels) -> {
            if (!c.isArray() || c.size() != 3) {
                throw new DecodeException("field '" + where + "' must be a [side, price, amount] array");
            }
            boolean isBid = JsonFields.side(c.get(0).asText(), "side", where, bid, ask);
            long price = JsonFields.decimal(c.get(1), where + ".price");
            long size = JsonFields.decimal(c.get(2), where + ".amount");
            EventChecks.requireLevel(where, price, size, snapshot, "price", "amount");
            levels.add(isBid, price, size);
        }).into(ev);
    }

    private Result bookSnapshot(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        int depth = (int) requireLong(root, "depth");
        boolean check = requireBoolean(root, "check");
        JsonNode bids = requireArray(root, "bids", "an array of [price, amount] levels, best first");
        JsonNode asks = requireArray(root, "asks", "an array of [price, amount] levels, best first");
        if (depth <= 0 || bids.size() > depth || asks.size() > depth) {
            throw new DecodeException("book_snapshot of depth " + depth + " has " + bids.size() + " bids and "
                    + asks.size() + " asks");
        }
        if (check) {
            if (depth != TardisTopCheck.DEPTH) {
                throw new DecodeException("a check of depth " + depth + " (only book_snapshot_25 rows are checks)");
            }
            MarketEvent ev = base(frame, EventType.BOOK_DELTA, root).noLevels();
            ev.lastUpdateId = frame.receiveTimeNs;
            ev.checksum = TardisTopCheck.ofRow(exact(bids, "bids"), exact(asks, "asks"));
            return emit(out, ev);
        }
        long[][] b = JsonFields.requireLevels(root, "bids");
        long[][] a = JsonFields.requireLevels(root, "asks");
        MarketEvent snap = base(frame, EventType.BOOK_SNAPSHOT, root).levels(b[0], b[1], a[0], a[1]);
        snap.lastUpdateId = frame.receiveTimeNs;
        snap.bookDepth = depth; // a window of N: levels below it are not in the data
        MarketEvent sync = base(frame, EventType.BOOK_DELTA, root).noLevels();
        sync.lastUpdateId = frame.receiveTimeNs;
        return emitAll(out, List.of(snap, sync));
    }

    /** A check row's levels as exact decimals, validated as a book's are. */
    private static List<BigDecimal[]> exact(JsonNode levels, String field) throws DecodeException {
        List<BigDecimal[]> out = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            JsonNode l = levels.get(i);
            String where = field + "[" + i + "]";
            if (!l.isArray() || l.size() != 2) {
                throw new DecodeException("field '" + where + "' must be a [price, amount] array");
            }
            BigDecimal price = exactDecimal(l.get(0), where + ".price");
            BigDecimal amount = exactDecimal(l.get(1), where + ".amount");
            if (price.signum() <= 0 || amount.signum() <= 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or amount");
            }
            out.add(new BigDecimal[] {price, amount});
        }
        return out;
    }

    private static BigDecimal exactDecimal(JsonNode n, String where) throws DecodeException {
        JsonFields.decimal(n, where); // the same refusals as a book level's (format, digits)
        return new BigDecimal(n.textValue());
    }

    private MarketEvent quote(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, root);
        long[] bid = side(root, "bid");
        long[] ask = side(root, "ask");
        return ev.top(bid[0], bid[1], ask[0], ask[1]);
    }

    private static long[] side(JsonNode root, String field) throws DecodeException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return new long[] {0, 0}; // the exchange's quote had no such side
        }
        if (!n.isArray() || n.size() != 2) {
            throw new DecodeException("field '" + field + "' must be a [price, amount] array or null");
        }
        return new long[] {JsonFields.decimal(n.get(0), field + ".price"), JsonFields.decimal(n.get(1), field + ".amount")};
    }

    private List<MarketEvent> trades(RawFrame frame, JsonNode root) throws DecodeException {
        JsonNode rows = requireArray(root, "trades", "an array of trades");
        List<MarketEvent> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode t = JsonFields.requireObjectAt(rows, "trades", i);
            String where = "trades[" + i + "]";
            MarketEvent ev = base(frame, EventType.TRADE, root);
            long us = requireLong(t, "timestamp");
            if (us <= 0) {
                throw new DecodeException("field '" + where + ".timestamp' must be positive µs since the epoch, got " + us);
            }
            ev.exchangeTimeMs = us / 1_000L;
            ev.price = JsonFields.decimal(t.get("price"), where + ".price");
            ev.size = JsonFields.decimal(t.get("amount"), where + ".amount");
            EventChecks.requirePositiveTrade(ev, where + ": trade with non-positive price or amount");
            String side = requireText(t, "side");
            if ("unknown".equals(side)) {
                throw new DecodeException("field '" + where + ".side' is unknown: the exchange did not say the taker's"
                        + " side, which every trade here needs");
            }
            ev.takerBuy = JsonFields.side(side, "side", where, "buy", "sell");
            ev.tradeId = numericId(t.path("id").asText(""));
            out.add(ev);
        }
        return out;
    }

    /** A non-negative integer id as the venue's trade id; GUIDs, empty ids: none. */
    private static long numericId(String id) {
        if (id.isEmpty() || id.length() > 18) {
            return MarketEvent.NONE;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return MarketEvent.NONE;
            }
        }
        return Long.parseLong(id);
    }
}
