-- Paper trading: orders, fills, positions, PnL and risk events of the trading operator. Every
-- table has a natural key and the job upserts, so a restart from a checkpoint (which replays the
-- outputs after it, identically: the operator is deterministic in event time) rewrites the same
-- rows instead of adding or losing any. Prices and quantities are exact NUMERIC(38, 8); money
-- (notional, fees, PnL, cash) is unconstrained NUMERIC, which keeps the exact products of
-- prices, quantities and fee rates.

-- One row per order: its latest state. A replayed older state never overwrites a newer one.
CREATE TABLE orders (
    order_id         TEXT        PRIMARY KEY,   -- <account>-<feed>:<symbol>-<sequence>, deterministic
    account_id       TEXT        NOT NULL,
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    side             TEXT        NOT NULL,      -- BUY | SELL
    order_type       TEXT        NOT NULL,      -- MARKET | IOC | LIMIT
    price            NUMERIC(38, 8),            -- limit price; null for MARKET
    quantity         NUMERIC(38, 8) NOT NULL,
    filled_quantity  NUMERIC(38, 8) NOT NULL,
    filled_notional  NUMERIC     NOT NULL,      -- Σ fill price × quantity
    average_price    NUMERIC,                   -- filled_notional / filled_quantity; null when unfilled
    fees             NUMERIC     NOT NULL,
    status           TEXT        NOT NULL,      -- PENDING | OPEN | PARTIALLY_FILLED | FILLED | CANCELED | REJECTED
    status_rank      INT         NOT NULL,      -- 0 pending, 1 open, 2 partially filled, 3 final
    created_at       TIMESTAMPTZ NOT NULL,      -- event time the strategy created it
    arrives_at       TIMESTAMPTZ NOT NULL,      -- created_at + order latency
    updated_at       TIMESTAMPTZ NOT NULL,      -- event time of the last state change
    reason           TEXT,
    reject_rule      TEXT,                      -- the risk rule that rejected it
    reject_detail    TEXT,
    queue_ahead      NUMERIC(38, 8) NOT NULL
);
CREATE INDEX orders_account_time ON orders (account_id, created_at);

CREATE TABLE fills (
    fill_id          TEXT        PRIMARY KEY,   -- <order_id>-<n>
    order_id         TEXT        NOT NULL,
    account_id       TEXT        NOT NULL,
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    side             TEXT        NOT NULL,
    price            NUMERIC(38, 8) NOT NULL,
    quantity         NUMERIC(38, 8) NOT NULL,
    notional         NUMERIC     NOT NULL,      -- price × quantity, exact
    fee              NUMERIC     NOT NULL,
    taker            BOOLEAN     NOT NULL,
    fill_time        TIMESTAMPTZ NOT NULL
);
CREATE INDEX fills_account_time ON fills (account_id, fill_time);

-- Position per account and instrument, at the end of every event-time second that had inputs.
CREATE TABLE positions (
    account_id       TEXT        NOT NULL,
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    snapshot_time    TIMESTAMPTZ NOT NULL,
    symbol           TEXT        NOT NULL,
    quantity         NUMERIC(38, 8) NOT NULL,   -- signed: > 0 long, < 0 short
    cost_basis       NUMERIC     NOT NULL,
    average_price    NUMERIC,
    mark             NUMERIC,
    realized_pnl     NUMERIC     NOT NULL,
    unrealized_pnl   NUMERIC     NOT NULL,
    fees             NUMERIC     NOT NULL,
    PRIMARY KEY (account_id, feed, native_symbol, snapshot_time)
);

-- Account PnL. Identity, exact: realized_pnl + unrealized_pnl - fees = equity = cash + mark_value.
CREATE TABLE pnl (
    account_id       TEXT        NOT NULL,
    snapshot_time    TIMESTAMPTZ NOT NULL,
    realized_pnl     NUMERIC     NOT NULL,
    unrealized_pnl   NUMERIC     NOT NULL,
    fees             NUMERIC     NOT NULL,
    equity           NUMERIC     NOT NULL,
    cash             NUMERIC     NOT NULL,      -- cash flows of all fills, from 0
    mark_value       NUMERIC     NOT NULL,      -- Σ position × mark
    drawdown         NUMERIC     NOT NULL,      -- peak equity in the window - equity
    gross_notional   NUMERIC     NOT NULL,
    risk_state       TEXT        NOT NULL,      -- ACTIVE | REDUCING | HALTED
    fills            BIGINT      NOT NULL,      -- counts so far
    orders           BIGINT      NOT NULL,
    rejections       BIGINT      NOT NULL,
    PRIMARY KEY (account_id, snapshot_time)
);

-- Rejected orders (by rule) and account state changes (drawdown, kill switch, manual commands).
CREATE TABLE risk_events (
    account_id       TEXT        NOT NULL,
    sequence         BIGINT      NOT NULL,      -- per account
    event_time       TIMESTAMPTZ NOT NULL,
    rule             TEXT        NOT NULL,
    order_id         TEXT,
    instrument       TEXT,
    state_before     TEXT,
    state_after      TEXT,
    detail           TEXT,
    PRIMARY KEY (account_id, sequence)
);
CREATE INDEX risk_events_rule ON risk_events (account_id, rule);
