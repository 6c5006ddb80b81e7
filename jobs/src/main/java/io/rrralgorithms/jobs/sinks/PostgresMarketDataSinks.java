package io.rrralgorithms.jobs.sinks;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.jdbc.UpsertSinks;
import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.MarketDataSinks;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.scoring.ModelEvent;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import io.rrralgorithms.jobs.trading.OrderStatus;
import io.rrralgorithms.jobs.trading.PnlSnapshot;
import io.rrralgorithms.jobs.trading.PositionSnapshot;
import io.rrralgorithms.jobs.trading.RiskEvent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The job's outputs as idempotent upserts into the tables of {@code sql/}. The binders bind text
 * as it is: the sink sanitizes every text parameter and quarantines rows the server refuses.
 *
 * <p>An upsert updates only a row that changed ({@code IS DISTINCT FROM}), so a backfill of data a
 * table already holds rewrites nothing; a feature row of an invalid book never replaces one of a
 * valid book, and a bar of fewer trades never replaces a fuller one (a backfill started mid-minute).
 */
public class PostgresMarketDataSinks implements MarketDataSinks {
    static final String BOOK_TOP_SQL = """
            INSERT INTO book_top (feed, native_symbol, symbol, sample_time, exchange_time, receive_time_ns,
                last_update_id, best_bid, best_bid_size, best_ask, best_ask_size, bid_prices, bid_sizes, ask_prices,
                ask_sizes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, native_symbol, sample_time) DO UPDATE SET symbol = EXCLUDED.symbol,
                exchange_time = EXCLUDED.exchange_time, receive_time_ns = EXCLUDED.receive_time_ns,
                last_update_id = EXCLUDED.last_update_id, best_bid = EXCLUDED.best_bid,
                best_bid_size = EXCLUDED.best_bid_size, best_ask = EXCLUDED.best_ask,
                best_ask_size = EXCLUDED.best_ask_size, bid_prices = EXCLUDED.bid_prices,
                bid_sizes = EXCLUDED.bid_sizes, ask_prices = EXCLUDED.ask_prices, ask_sizes = EXCLUDED.ask_sizes
            WHERE (book_top.symbol, book_top.exchange_time, book_top.receive_time_ns, book_top.last_update_id,
                book_top.best_bid, book_top.best_bid_size, book_top.best_ask, book_top.best_ask_size,
                book_top.bid_prices, book_top.bid_sizes, book_top.ask_prices, book_top.ask_sizes) IS DISTINCT FROM
                (EXCLUDED.symbol, EXCLUDED.exchange_time, EXCLUDED.receive_time_ns, EXCLUDED.last_update_id,
                EXCLUDED.best_bid, EXCLUDED.best_bid_size, EXCLUDED.best_ask, EXCLUDED.best_ask_size,
                EXCLUDED.bid_prices, EXCLUDED.bid_sizes, EXCLUDED.ask_prices, EXCLUDED.ask_sizes)
            """;

    static final String FEATURES_SQL = """
            INSERT INTO features (feed, native_symbol, symbol, feature_time, book_valid, mid, spread, microprice,
                depth_imbalance, depth_levels, ofi_1s, book_updates_1s, trade_count_1s, volume_1s, buy_volume_1s,
                sell_volume_1s, vwap_1s, trade_count_1m, volume_1m, buy_volume_1m, sell_volume_1m, vwap_1m,
                realized_vol_1m,
                depth_imbalance_1, depth_imbalance_5, depth_total, bid_slope, ask_slope, ret_1s,
                ret_lag_1s, ret_5s, ret_30s, ofi_5s, ofi_30s, volume_5s, buy_volume_5s,
                sell_volume_5s, bbo_updates_1s, bbo_ofi_1s, bbo_bid, bbo_ask, bbo_bid_size,
                bbo_ask_size, notional_1s, notional_1m, notional_currency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, native_symbol, feature_time) DO UPDATE SET symbol = EXCLUDED.symbol,
                book_valid = EXCLUDED.book_valid, mid = EXCLUDED.mid, spread = EXCLUDED.spread,
                microprice = EXCLUDED.microprice, depth_imbalance = EXCLUDED.depth_imbalance,
                depth_levels = EXCLUDED.depth_levels, ofi_1s = EXCLUDED.ofi_1s,
                book_updates_1s = EXCLUDED.book_updates_1s, trade_count_1s = EXCLUDED.trade_count_1s,
                volume_1s = EXCLUDED.volume_1s, buy_volume_1s = EXCLUDED.buy_volume_1s,
                sell_volume_1s = EXCLUDED.sell_volume_1s, vwap_1s = EXCLUDED.vwap_1s,
                trade_count_1m = EXCLUDED.trade_count_1m, volume_1m = EXCLUDED.volume_1m,
                buy_volume_1m = EXCLUDED.buy_volume_1m, sell_volume_1m = EXCLUDED.sell_volume_1m,
                vwap_1m = EXCLUDED.vwap_1m, realized_vol_1m = EXCLUDED.realized_vol_1m,
                depth_imbalance_1 = EXCLUDED.depth_imbalance_1,
                depth_imbalance_5 = EXCLUDED.depth_imbalance_5, depth_total = EXCLUDED.depth_total,
                bid_slope = EXCLUDED.bid_slope, ask_slope = EXCLUDED.ask_slope,
                ret_1s = EXCLUDED.ret_1s, ret_lag_1s = EXCLUDED.ret_lag_1s,
                ret_5s = EXCLUDED.ret_5s, ret_30s = EXCLUDED.ret_30s, ofi_5s = EXCLUDED.ofi_5s,
                ofi_30s = EXCLUDED.ofi_30s, volume_5s = EXCLUDED.volume_5s,
                buy_volume_5s = EXCLUDED.buy_volume_5s, sell_volume_5s = EXCLUDED.sell_volume_5s,
                bbo_updates_1s = EXCLUDED.bbo_updates_1s, bbo_ofi_1s = EXCLUDED.bbo_ofi_1s,
                bbo_bid = EXCLUDED.bbo_bid, bbo_ask = EXCLUDED.bbo_ask,
                bbo_bid_size = EXCLUDED.bbo_bid_size, bbo_ask_size = EXCLUDED.bbo_ask_size,
                notional_1s = EXCLUDED.notional_1s, notional_1m = EXCLUDED.notional_1m,
                notional_currency = EXCLUDED.notional_currency
            WHERE (features.symbol, features.book_valid, features.mid, features.spread, features.microprice,
                features.depth_imbalance, features.depth_levels, features.ofi_1s, features.book_updates_1s,
                features.trade_count_1s, features.volume_1s, features.buy_volume_1s, features.sell_volume_1s,
                features.vwap_1s, features.trade_count_1m, features.volume_1m, features.buy_volume_1m,
                features.sell_volume_1m, features.vwap_1m, features.realized_vol_1m,
                features.depth_imbalance_1, features.depth_imbalance_5, features.depth_total,
                features.bid_slope, features.ask_slope, features.ret_1s, features.ret_lag_1s,
                features.ret_5s, features.ret_30s, features.ofi_5s, features.ofi_30s,
                features.volume_5s, features.buy_volume_5s, features.sell_volume_5s,
                features.bbo_updates_1s, features.bbo_ofi_1s, features.bbo_bid, features.bbo_ask,
                features.bbo_bid_size, features.bbo_ask_size, features.notional_1s, features.notional_1m,
                features.notional_currency) IS DISTINCT FROM
                (EXCLUDED.symbol, EXCLUDED.book_valid, EXCLUDED.mid, EXCLUDED.spread, EXCLUDED.microprice,
                EXCLUDED.depth_imbalance, EXCLUDED.depth_levels, EXCLUDED.ofi_1s, EXCLUDED.book_updates_1s,
                EXCLUDED.trade_count_1s, EXCLUDED.volume_1s, EXCLUDED.buy_volume_1s, EXCLUDED.sell_volume_1s,
                EXCLUDED.vwap_1s, EXCLUDED.trade_count_1m, EXCLUDED.volume_1m, EXCLUDED.buy_volume_1m,
                EXCLUDED.sell_volume_1m, EXCLUDED.vwap_1m, EXCLUDED.realized_vol_1m,
                EXCLUDED.depth_imbalance_1, EXCLUDED.depth_imbalance_5, EXCLUDED.depth_total,
                EXCLUDED.bid_slope, EXCLUDED.ask_slope, EXCLUDED.ret_1s, EXCLUDED.ret_lag_1s,
                EXCLUDED.ret_5s, EXCLUDED.ret_30s, EXCLUDED.ofi_5s, EXCLUDED.ofi_30s,
                EXCLUDED.volume_5s, EXCLUDED.buy_volume_5s, EXCLUDED.sell_volume_5s,
                EXCLUDED.bbo_updates_1s, EXCLUDED.bbo_ofi_1s, EXCLUDED.bbo_bid, EXCLUDED.bbo_ask,
                EXCLUDED.bbo_bid_size, EXCLUDED.bbo_ask_size, EXCLUDED.notional_1s, EXCLUDED.notional_1m,
                EXCLUDED.notional_currency)
                AND (EXCLUDED.book_valid OR NOT features.book_valid)
            """;

    static final String TRADE_BARS_SQL = """
            INSERT INTO trade_bars_1m (feed, native_symbol, symbol, window_start, trade_count, volume, buy_volume,
                sell_volume, notional, vwap, open, high, low, close, first_trade_id, last_trade_id, notional_currency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, native_symbol, window_start) DO UPDATE SET symbol = EXCLUDED.symbol,
                trade_count = EXCLUDED.trade_count, volume = EXCLUDED.volume, buy_volume = EXCLUDED.buy_volume,
                sell_volume = EXCLUDED.sell_volume, notional = EXCLUDED.notional, vwap = EXCLUDED.vwap,
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                first_trade_id = EXCLUDED.first_trade_id, last_trade_id = EXCLUDED.last_trade_id,
                notional_currency = EXCLUDED.notional_currency
            WHERE (trade_bars_1m.symbol, trade_bars_1m.trade_count, trade_bars_1m.volume, trade_bars_1m.buy_volume,
                trade_bars_1m.sell_volume, trade_bars_1m.notional, trade_bars_1m.vwap, trade_bars_1m.open,
                trade_bars_1m.high, trade_bars_1m.low, trade_bars_1m.close, trade_bars_1m.first_trade_id,
                trade_bars_1m.last_trade_id, trade_bars_1m.notional_currency) IS DISTINCT FROM (EXCLUDED.symbol,
                EXCLUDED.trade_count, EXCLUDED.volume, EXCLUDED.buy_volume, EXCLUDED.sell_volume, EXCLUDED.notional,
                EXCLUDED.vwap, EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.first_trade_id,
                EXCLUDED.last_trade_id, EXCLUDED.notional_currency)
                AND EXCLUDED.trade_count >= trade_bars_1m.trade_count
            """;

    static final String GAPS_SQL = """
            INSERT INTO book_gaps (feed, native_symbol, symbol, last_update_id, first_update_id, update_id,
                prev_update_id, exchange_time, receive_time_ns, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, native_symbol, last_update_id, update_id) DO UPDATE SET symbol = EXCLUDED.symbol,
                first_update_id = EXCLUDED.first_update_id, prev_update_id = EXCLUDED.prev_update_id,
                exchange_time = EXCLUDED.exchange_time, receive_time_ns = EXCLUDED.receive_time_ns,
                reason = EXCLUDED.reason
            WHERE (book_gaps.symbol, book_gaps.first_update_id, book_gaps.prev_update_id, book_gaps.exchange_time,
                book_gaps.receive_time_ns, book_gaps.reason) IS DISTINCT FROM (EXCLUDED.symbol,
                EXCLUDED.first_update_id, EXCLUDED.prev_update_id, EXCLUDED.exchange_time,
                EXCLUDED.receive_time_ns, EXCLUDED.reason)
            """;

    static final String DEAD_LETTERS_SQL = """
            INSERT INTO dead_letters (feed, receive_time_ns, payload_sha256, frame_key, reason, payload, payload_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, receive_time_ns, payload_sha256) DO UPDATE SET frame_key = EXCLUDED.frame_key,
                reason = EXCLUDED.reason, payload = EXCLUDED.payload, payload_bytes = EXCLUDED.payload_bytes
            WHERE (dead_letters.frame_key, dead_letters.reason, dead_letters.payload, dead_letters.payload_bytes)
                IS DISTINCT FROM (EXCLUDED.frame_key, EXCLUDED.reason, EXCLUDED.payload, EXCLUDED.payload_bytes)
            """;

    /** A field the venue's message does not carry is NULL. */
    static final String DERIVATIVES_SQL = """
            INSERT INTO derivatives (feed, native_symbol, symbol, event_time, receive_time_ns, mark_price, index_price,
                funding_rate, next_funding_time, open_interest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, native_symbol, event_time, receive_time_ns) DO UPDATE SET symbol = EXCLUDED.symbol,
                mark_price = EXCLUDED.mark_price, index_price = EXCLUDED.index_price,
                funding_rate = EXCLUDED.funding_rate, next_funding_time = EXCLUDED.next_funding_time,
                open_interest = EXCLUDED.open_interest
            WHERE (derivatives.symbol, derivatives.mark_price, derivatives.index_price, derivatives.funding_rate,
                derivatives.next_funding_time, derivatives.open_interest) IS DISTINCT FROM (EXCLUDED.symbol,
                EXCLUDED.mark_price, EXCLUDED.index_price, EXCLUDED.funding_rate, EXCLUDED.next_funding_time,
                EXCLUDED.open_interest)
            """;

    /** A score row is rewritten by a replay, but keeps the time it was first scored at. */
    static final String SCORES_SQL = """
            INSERT INTO scores (feed, native_symbol, symbol, feature_time, model_version, spec_id, score, scored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed, native_symbol, feature_time, model_version) DO UPDATE SET symbol = EXCLUDED.symbol,
                spec_id = EXCLUDED.spec_id, score = EXCLUDED.score
            WHERE (scores.symbol, scores.spec_id, scores.score) IS DISTINCT FROM (EXCLUDED.symbol,
                EXCLUDED.spec_id, EXCLUDED.score)
            """;

    static final String MODEL_EVENTS_SQL = """
            INSERT INTO model_events (event_time, subtask, kind, model_version, path, detail)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_time, subtask, kind) DO UPDATE SET model_version = EXCLUDED.model_version,
                path = EXCLUDED.path, detail = EXCLUDED.detail
            WHERE (model_events.model_version, model_events.path, model_events.detail) IS DISTINCT FROM
                (EXCLUDED.model_version, EXCLUDED.path, EXCLUDED.detail)
            """;

    /**
     * The latest state of an order: an update applies only when it is not older (event time,
     * filled quantity, status rank), so a replay after a restore never moves an order back.
     */
    static final String ORDERS_SQL = """
            INSERT INTO orders (order_id, account_id, feed, native_symbol, symbol, side, order_type, price, quantity,
                filled_quantity, filled_notional, average_price, fees, status, status_rank, created_at, arrives_at,
                updated_at, reason, reject_rule, reject_detail, queue_ahead, model_version, score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET account_id = EXCLUDED.account_id, feed = EXCLUDED.feed,
                native_symbol = EXCLUDED.native_symbol, symbol = EXCLUDED.symbol, side = EXCLUDED.side,
                order_type = EXCLUDED.order_type, price = EXCLUDED.price, quantity = EXCLUDED.quantity,
                filled_quantity = EXCLUDED.filled_quantity, filled_notional = EXCLUDED.filled_notional,
                average_price = EXCLUDED.average_price, fees = EXCLUDED.fees, status = EXCLUDED.status,
                status_rank = EXCLUDED.status_rank, created_at = EXCLUDED.created_at, arrives_at = EXCLUDED.arrives_at,
                updated_at = EXCLUDED.updated_at, reason = EXCLUDED.reason, reject_rule = EXCLUDED.reject_rule,
                reject_detail = EXCLUDED.reject_detail, queue_ahead = EXCLUDED.queue_ahead,
                model_version = EXCLUDED.model_version, score = EXCLUDED.score
            WHERE (EXCLUDED.updated_at, EXCLUDED.filled_quantity, EXCLUDED.status_rank)
                >= (orders.updated_at, orders.filled_quantity, orders.status_rank)
                AND (orders.account_id, orders.feed, orders.native_symbol, orders.symbol, orders.side,
                orders.order_type, orders.price, orders.quantity, orders.filled_quantity, orders.filled_notional,
                orders.average_price, orders.fees, orders.status, orders.status_rank, orders.created_at,
                orders.arrives_at, orders.updated_at, orders.reason, orders.reject_rule, orders.reject_detail,
                orders.queue_ahead, orders.model_version, orders.score) IS DISTINCT FROM (EXCLUDED.account_id, EXCLUDED.feed, EXCLUDED.native_symbol,
                EXCLUDED.symbol, EXCLUDED.side, EXCLUDED.order_type, EXCLUDED.price, EXCLUDED.quantity,
                EXCLUDED.filled_quantity, EXCLUDED.filled_notional, EXCLUDED.average_price, EXCLUDED.fees,
                EXCLUDED.status, EXCLUDED.status_rank, EXCLUDED.created_at, EXCLUDED.arrives_at,
                EXCLUDED.updated_at, EXCLUDED.reason, EXCLUDED.reject_rule, EXCLUDED.reject_detail,
                EXCLUDED.queue_ahead, EXCLUDED.model_version, EXCLUDED.score)
            """;

    static final String FILLS_SQL = """
            INSERT INTO fills (fill_id, order_id, account_id, feed, native_symbol, symbol, side, price, quantity, notional,
                fee, taker, fill_time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (fill_id) DO UPDATE SET order_id = EXCLUDED.order_id, account_id = EXCLUDED.account_id,
                feed = EXCLUDED.feed, native_symbol = EXCLUDED.native_symbol, symbol = EXCLUDED.symbol,
                side = EXCLUDED.side, price = EXCLUDED.price, quantity = EXCLUDED.quantity,
                notional = EXCLUDED.notional, fee = EXCLUDED.fee, taker = EXCLUDED.taker, fill_time = EXCLUDED.fill_time
            WHERE (fills.order_id, fills.account_id, fills.feed, fills.native_symbol, fills.symbol, fills.side,
                fills.price, fills.quantity, fills.notional, fills.fee, fills.taker, fills.fill_time) IS DISTINCT
                FROM (EXCLUDED.order_id, EXCLUDED.account_id, EXCLUDED.feed, EXCLUDED.native_symbol,
                EXCLUDED.symbol, EXCLUDED.side, EXCLUDED.price, EXCLUDED.quantity, EXCLUDED.notional, EXCLUDED.fee,
                EXCLUDED.taker, EXCLUDED.fill_time)
            """;

    static final String POSITIONS_SQL = """
            INSERT INTO positions (account_id, feed, native_symbol, snapshot_time, symbol, quantity, cost_basis,
                average_price, mark, realized_pnl, unrealized_pnl, fees, pnl_currency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, feed, native_symbol, snapshot_time) DO UPDATE SET symbol = EXCLUDED.symbol,
                quantity = EXCLUDED.quantity, cost_basis = EXCLUDED.cost_basis, average_price = EXCLUDED.average_price,
                mark = EXCLUDED.mark, realized_pnl = EXCLUDED.realized_pnl, unrealized_pnl = EXCLUDED.unrealized_pnl,
                fees = EXCLUDED.fees, pnl_currency = EXCLUDED.pnl_currency
            WHERE (positions.symbol, positions.quantity, positions.cost_basis, positions.average_price,
                positions.mark, positions.realized_pnl, positions.unrealized_pnl, positions.fees,
                positions.pnl_currency) IS DISTINCT FROM
                (EXCLUDED.symbol, EXCLUDED.quantity, EXCLUDED.cost_basis, EXCLUDED.average_price, EXCLUDED.mark,
                EXCLUDED.realized_pnl, EXCLUDED.unrealized_pnl, EXCLUDED.fees, EXCLUDED.pnl_currency)
            """;

    static final String PNL_SQL = """
            INSERT INTO pnl (account_id, snapshot_time, realized_pnl, unrealized_pnl, fees, equity, cash, mark_value,
                drawdown, gross_notional, risk_state, fills, orders, rejections)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, snapshot_time) DO UPDATE SET realized_pnl = EXCLUDED.realized_pnl,
                unrealized_pnl = EXCLUDED.unrealized_pnl, fees = EXCLUDED.fees, equity = EXCLUDED.equity,
                cash = EXCLUDED.cash, mark_value = EXCLUDED.mark_value, drawdown = EXCLUDED.drawdown,
                gross_notional = EXCLUDED.gross_notional, risk_state = EXCLUDED.risk_state, fills = EXCLUDED.fills,
                orders = EXCLUDED.orders, rejections = EXCLUDED.rejections
            WHERE (pnl.realized_pnl, pnl.unrealized_pnl, pnl.fees, pnl.equity, pnl.cash, pnl.mark_value,
                pnl.drawdown, pnl.gross_notional, pnl.risk_state, pnl.fills, pnl.orders, pnl.rejections) IS
                DISTINCT FROM (EXCLUDED.realized_pnl, EXCLUDED.unrealized_pnl, EXCLUDED.fees, EXCLUDED.equity,
                EXCLUDED.cash, EXCLUDED.mark_value, EXCLUDED.drawdown, EXCLUDED.gross_notional,
                EXCLUDED.risk_state, EXCLUDED.fills, EXCLUDED.orders, EXCLUDED.rejections)
            """;

    static final String RISK_EVENTS_SQL = """
            INSERT INTO risk_events (account_id, sequence, event_time, rule, order_id, instrument, state_before,
                state_after, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, sequence) DO UPDATE SET event_time = EXCLUDED.event_time, rule = EXCLUDED.rule,
                order_id = EXCLUDED.order_id, instrument = EXCLUDED.instrument, state_before = EXCLUDED.state_before,
                state_after = EXCLUDED.state_after, detail = EXCLUDED.detail
            WHERE (risk_events.event_time, risk_events.rule, risk_events.order_id, risk_events.instrument,
                risk_events.state_before, risk_events.state_after, risk_events.detail) IS DISTINCT FROM
                (EXCLUDED.event_time, EXCLUDED.rule, EXCLUDED.order_id, EXCLUDED.instrument, EXCLUDED.state_before,
                EXCLUDED.state_after, EXCLUDED.detail)
            """;

    private final PostgresTarget target;

    public PostgresMarketDataSinks(PostgresTarget target) {
        this.target = target;
    }

    @Override
    public Sink<BookTop> bookSamples() {
        return UpsertSinks.upsertByDay(target, BOOK_TOP_SQL, PostgresMarketDataSinks::bindBookTop, t -> t.sampleTimeMs)
                .withFlushLatency(Latencies.PATH_MARKET, "book_top", t -> t.ingestNs);
    }

    @Override
    public Sink<FeatureRow> features() {
        return UpsertSinks.upsertByDay(target, FEATURES_SQL, PostgresMarketDataSinks::bindFeatures, r -> r.timeMs);
    }

    @Override
    public Sink<TradeBar> tradeBars() {
        return UpsertSinks.upsert(target, TRADE_BARS_SQL, PostgresMarketDataSinks::bindTradeBar);
    }

    @Override
    public Sink<BookGap> gaps() {
        return UpsertSinks.upsert(target, GAPS_SQL, PostgresMarketDataSinks::bindGap);
    }

    @Override
    public Sink<DeadLetter> deadLetters() {
        return UpsertSinks.upsert(target, DEAD_LETTERS_SQL, PostgresMarketDataSinks::bindDeadLetter);
    }

    @Override
    public Sink<MarketEvent> derivatives() {
        return UpsertSinks.upsertByDay(target, DERIVATIVES_SQL, PostgresMarketDataSinks::bindDerivatives,
                MarketEvent::eventTimeMs);
    }

    @Override
    public Sink<Score> scores() {
        return UpsertSinks.upsertByDay(target, SCORES_SQL, PostgresMarketDataSinks::bindScore, s -> s.featureTimeMs);
    }

    @Override
    public Sink<ModelEvent> modelEvents() {
        return UpsertSinks.upsert(target, MODEL_EVENTS_SQL, PostgresMarketDataSinks::bindModelEvent);
    }

    @Override
    public Sink<Order> orders() {
        // only the per-event path's orders carry an ingest time: theirs is the frame → row latency
        return UpsertSinks.upsert(target, ORDERS_SQL, PostgresMarketDataSinks::bindOrder)
                .withFlushLatency(Latencies.PATH_DECISION, "orders", o -> o.ingestNs);
    }

    @Override
    public Sink<Fill> fills() {
        return UpsertSinks.upsert(target, FILLS_SQL, PostgresMarketDataSinks::bindFill)
                .withFlushLatency(Latencies.PATH_DECISION, "fills", f -> f.ingestNs);
    }

    @Override
    public Sink<PositionSnapshot> positions() {
        return UpsertSinks.upsertByDay(target, POSITIONS_SQL, PostgresMarketDataSinks::bindPosition, p -> p.timeMs);
    }

    @Override
    public Sink<PnlSnapshot> pnl() {
        return UpsertSinks.upsertByDay(target, PNL_SQL, PostgresMarketDataSinks::bindPnl, p -> p.timeMs);
    }

    @Override
    public Sink<RiskEvent> riskEvents() {
        return UpsertSinks.upsert(target, RISK_EVENTS_SQL, PostgresMarketDataSinks::bindRiskEvent);
    }

    static int statusRank(OrderStatus s) {
        return switch (s) {
            case PENDING -> 0;
            case OPEN -> 1;
            case PARTIALLY_FILLED -> 2;
            case FILLED, CANCELED, REJECTED -> 3;
        };
    }

    static void bindOrder(PreparedStatement ps, Order o) throws SQLException {
        int i = 1;
        ps.setString(i++, o.orderId);
        ps.setString(i++, o.accountId);
        ps.setString(i++, o.feed);
        ps.setString(i++, o.nativeSymbol);
        ps.setString(i++, o.symbol);
        ps.setString(i++, o.side.name());
        ps.setString(i++, o.type.name());
        ps.setBigDecimal(i++, o.price == 0 ? null : Decimals.toBigDecimal(o.price));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(o.quantity));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(o.filledQuantity));
        BigDecimal notional = o.filledNotional == null ? BigDecimal.ZERO : o.filledNotional;
        ps.setBigDecimal(i++, notional);
        ps.setBigDecimal(i++, o.filledQuantity == 0 ? null
                : notional.divide(Decimals.toBigDecimal(o.filledQuantity), MathContext.DECIMAL128));
        ps.setBigDecimal(i++, o.fees == null ? BigDecimal.ZERO : o.fees);
        ps.setString(i++, o.status.name());
        ps.setInt(i++, statusRank(o.status));
        ps.setTimestamp(i++, new Timestamp(o.createdAtMs));
        ps.setTimestamp(i++, new Timestamp(o.arrivesAtMs));
        ps.setTimestamp(i++, new Timestamp(Math.max(o.updatedAtMs, o.createdAtMs)));
        ps.setString(i++, o.reason);
        ps.setString(i++, o.rejectRule);
        ps.setString(i++, o.rejectDetail);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(o.queueAhead));
        ps.setString(i++, o.modelVersion);
        if (o.score == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, o.score);
        }
    }

    static void bindFill(PreparedStatement ps, Fill f) throws SQLException {
        int i = 1;
        ps.setString(i++, f.fillId);
        ps.setString(i++, f.orderId);
        ps.setString(i++, f.accountId);
        ps.setString(i++, f.feed);
        ps.setString(i++, f.nativeSymbol);
        ps.setString(i++, f.symbol);
        ps.setString(i++, f.side.name());
        BigDecimal price = Decimals.toBigDecimal(f.price);
        BigDecimal qty = Decimals.toBigDecimal(f.quantity);
        ps.setBigDecimal(i++, price);
        ps.setBigDecimal(i++, qty);
        ps.setBigDecimal(i++, price.multiply(qty));
        ps.setBigDecimal(i++, f.fee == null ? BigDecimal.ZERO : f.fee);
        ps.setBoolean(i++, f.taker);
        ps.setTimestamp(i, new Timestamp(f.timeMs));
    }

    static void bindPosition(PreparedStatement ps, PositionSnapshot p) throws SQLException {
        int i = 1;
        ps.setString(i++, p.accountId);
        ps.setString(i++, p.feed);
        ps.setString(i++, p.nativeSymbol);
        ps.setTimestamp(i++, new Timestamp(p.timeMs));
        ps.setString(i++, p.symbol);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(p.quantity));
        ps.setBigDecimal(i++, orZero(p.costBasis));
        ps.setBigDecimal(i++, p.averagePrice);
        ps.setBigDecimal(i++, p.mark);
        ps.setBigDecimal(i++, orZero(p.realizedPnl));
        ps.setBigDecimal(i++, orZero(p.unrealizedPnl));
        ps.setBigDecimal(i++, orZero(p.fees));
        ps.setString(i, p.pnlCurrency);
    }

    static void bindPnl(PreparedStatement ps, PnlSnapshot p) throws SQLException {
        int i = 1;
        ps.setString(i++, p.accountId);
        ps.setTimestamp(i++, new Timestamp(p.timeMs));
        ps.setBigDecimal(i++, orZero(p.realizedPnl));
        ps.setBigDecimal(i++, orZero(p.unrealizedPnl));
        ps.setBigDecimal(i++, orZero(p.fees));
        ps.setBigDecimal(i++, orZero(p.equity));
        ps.setBigDecimal(i++, orZero(p.cash));
        ps.setBigDecimal(i++, orZero(p.markValue));
        ps.setBigDecimal(i++, orZero(p.drawdown));
        ps.setBigDecimal(i++, orZero(p.grossNotional));
        ps.setString(i++, p.riskState == null ? "ACTIVE" : p.riskState.name());
        ps.setLong(i++, p.fills);
        ps.setLong(i++, p.orders);
        ps.setLong(i, p.rejections);
    }

    static void bindRiskEvent(PreparedStatement ps, RiskEvent e) throws SQLException {
        int i = 1;
        ps.setString(i++, e.accountId);
        ps.setLong(i++, e.sequence);
        ps.setTimestamp(i++, new Timestamp(e.timeMs));
        ps.setString(i++, e.rule);
        ps.setString(i++, e.orderId);
        ps.setString(i++, e.instrumentKey);
        ps.setString(i++, e.stateBefore == null ? null : e.stateBefore.name());
        ps.setString(i++, e.stateAfter == null ? null : e.stateAfter.name());
        ps.setString(i, e.detail);
    }

    static void bindDerivatives(PreparedStatement ps, MarketEvent e) throws SQLException {
        int i = 1;
        ps.setString(i++, e.feed);
        ps.setString(i++, e.nativeSymbol);
        ps.setString(i++, e.symbol);
        ps.setTimestamp(i++, new Timestamp(e.eventTimeMs()));
        ps.setLong(i++, e.receiveTimeNs);
        ps.setBigDecimal(i++, e.has(MarketEvent.MARK_PRICE) ? Decimals.toBigDecimal(e.markPrice, e.priceScale) : null);
        ps.setBigDecimal(i++, e.has(MarketEvent.INDEX_PRICE) ? Decimals.toBigDecimal(e.indexPrice, e.priceScale) : null);
        ps.setBigDecimal(i++, e.has(MarketEvent.FUNDING_RATE) ? Decimals.toBigDecimal(e.fundingRate, e.priceScale) : null);
        ps.setTimestamp(i++, e.has(MarketEvent.NEXT_FUNDING_TIME) ? new Timestamp(e.nextFundingTimeMs) : null);
        ps.setBigDecimal(i, e.has(MarketEvent.OPEN_INTEREST) ? Decimals.toBigDecimal(e.openInterest, e.sizeScale) : null);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    static void bindScore(PreparedStatement ps, Score s) throws SQLException {
        int i = 1;
        ps.setString(i++, s.feed);
        ps.setString(i++, s.nativeSymbol);
        ps.setString(i++, s.symbol);
        ps.setTimestamp(i++, new Timestamp(s.featureTimeMs));
        ps.setString(i++, s.modelVersion);
        ps.setString(i++, s.specId);
        ps.setDouble(i++, s.score);
        ps.setTimestamp(i, new Timestamp(s.scoredAtMs));
    }

    static void bindModelEvent(PreparedStatement ps, ModelEvent e) throws SQLException {
        int i = 1;
        ps.setTimestamp(i++, new Timestamp(e.eventTimeMs));
        ps.setInt(i++, e.subtask);
        ps.setString(i++, e.kind);
        ps.setString(i++, e.modelVersion);
        ps.setString(i++, e.path);
        ps.setString(i, e.detail);
    }

    static void bindBookTop(PreparedStatement ps, BookTop t) throws SQLException {
        int i = 1;
        ps.setString(i++, t.feed);
        ps.setString(i++, t.nativeSymbol);
        ps.setString(i++, t.symbol);
        ps.setTimestamp(i++, new Timestamp(t.sampleTimeMs));
        setTime(ps, i++, t.exchangeTimeMs);
        ps.setLong(i++, t.receiveTimeNs);
        ps.setLong(i++, t.lastUpdateId);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(t.bidPrices[0], t.priceScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(t.bidSizes[0], t.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(t.askPrices[0], t.priceScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(t.askSizes[0], t.sizeScale));
        ps.setArray(i++, numericArray(ps, t.bidPrices, t.priceScale));
        ps.setArray(i++, numericArray(ps, t.bidSizes, t.sizeScale));
        ps.setArray(i++, numericArray(ps, t.askPrices, t.priceScale));
        ps.setArray(i, numericArray(ps, t.askSizes, t.sizeScale));
    }

    static void bindFeatures(PreparedStatement ps, FeatureRow r) throws SQLException {
        int i = 1;
        ps.setString(i++, r.feed);
        ps.setString(i++, r.nativeSymbol);
        ps.setString(i++, r.symbol);
        ps.setTimestamp(i++, new Timestamp(r.timeMs));
        ps.setBoolean(i++, r.bookValid);
        ps.setBigDecimal(i++, r.mid);
        ps.setBigDecimal(i++, r.spread);
        setDouble(ps, i++, r.microprice);
        setDouble(ps, i++, r.depthImbalance);
        ps.setInt(i++, r.depthLevels);
        ps.setDouble(i++, r.ofi);
        ps.setInt(i++, r.bookUpdates);
        ps.setInt(i++, r.tradeCount1s);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.volume1s, r.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.buyVolume1s, r.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.sellVolume1s, r.sizeScale));
        setDouble(ps, i++, r.vwap1s);
        ps.setInt(i++, r.tradeCount1m);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.volume1m, r.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.buyVolume1m, r.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.sellVolume1m, r.sizeScale));
        setDouble(ps, i++, r.vwap1m);
        setDouble(ps, i++, r.realizedVol1m);
        setDouble(ps, i++, r.depthImbalance1);
        setDouble(ps, i++, r.depthImbalance5);
        setDouble(ps, i++, r.depthTotal);
        setDouble(ps, i++, r.bidSlope);
        setDouble(ps, i++, r.askSlope);
        setDouble(ps, i++, r.ret1s);
        setDouble(ps, i++, r.retLag1s);
        setDouble(ps, i++, r.ret5s);
        setDouble(ps, i++, r.ret30s);
        ps.setDouble(i++, r.ofi5s);
        ps.setDouble(i++, r.ofi30s);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.volume5s, r.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.buyVolume5s, r.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(r.sellVolume5s, r.sizeScale));
        ps.setInt(i++, r.bboUpdates);
        ps.setDouble(i++, r.bboOfi);
        setDouble(ps, i++, r.bboBid);
        setDouble(ps, i++, r.bboAsk);
        setDouble(ps, i++, r.bboBidSize);
        setDouble(ps, i++, r.bboAskSize);
        ps.setDouble(i++, r.notional1s);
        ps.setDouble(i++, r.notional1m);
        ps.setString(i, r.notionalCurrency);
    }

    static void bindTradeBar(PreparedStatement ps, TradeBar b) throws SQLException {
        int i = 1;
        ps.setString(i++, b.feed);
        ps.setString(i++, b.nativeSymbol);
        ps.setString(i++, b.symbol);
        ps.setTimestamp(i++, new Timestamp(b.windowStartMs));
        ps.setLong(i++, b.tradeCount);
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.volume, b.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.buyVolume, b.sizeScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.sellVolume, b.sizeScale));
        ps.setBigDecimal(i++, b.notional);
        ps.setBigDecimal(i++, b.vwap());
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.open, b.priceScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.high, b.priceScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.low, b.priceScale));
        ps.setBigDecimal(i++, Decimals.toBigDecimal(b.close, b.priceScale));
        ps.setLong(i++, b.firstTradeId);
        ps.setLong(i++, b.lastTradeId);
        ps.setString(i, b.notionalCurrency);
    }

    static void bindGap(PreparedStatement ps, BookGap g) throws SQLException {
        int i = 1;
        ps.setString(i++, g.feed);
        ps.setString(i++, g.nativeSymbol);
        ps.setString(i++, g.symbol);
        ps.setLong(i++, g.lastUpdateId);
        ps.setLong(i++, g.firstUpdateId);
        ps.setLong(i++, g.updateId);
        ps.setLong(i++, g.prevUpdateId);
        setTime(ps, i++, g.exchangeTimeMs);
        ps.setLong(i++, g.receiveTimeNs);
        ps.setString(i, g.reason);
    }

    static void bindDeadLetter(PreparedStatement ps, DeadLetter d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.feed == null ? "unknown" : d.feed);
        ps.setLong(i++, d.receiveTimeNs);
        ps.setString(i++, d.payloadSha256);
        ps.setString(i++, d.key);
        ps.setString(i++, d.reason);
        // text columns are sanitized by the sink (NUL and lone surrogates); the bytes stay exact
        ps.setString(i++, d.payload == null ? "" : d.payload);
        ps.setBytes(i, d.payloadBytes);
    }

    private static Array numericArray(PreparedStatement ps, long[] mantissas, int scale) throws SQLException {
        BigDecimal[] values = new BigDecimal[mantissas.length];
        for (int k = 0; k < mantissas.length; k++) {
            values[k] = Decimals.toBigDecimal(mantissas[k], scale);
        }
        return ps.getConnection().createArrayOf("numeric", values);
    }

    private static void setTime(PreparedStatement ps, int i, long epochMs) throws SQLException {
        if (epochMs > 0) {
            ps.setTimestamp(i, new Timestamp(epochMs));
        } else {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null || v.isNaN() || v.isInfinite()) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
