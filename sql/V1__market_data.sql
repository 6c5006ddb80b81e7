-- Market-data results of the Flink job. Every table has a natural primary key and the job
-- writes with INSERT ... ON CONFLICT DO UPDATE, so re-running a replay rewrites identical rows
-- instead of adding new ones. Prices and sizes are exact NUMERICs; times are kept as both the
-- exchange's event time and the local receive time (ns since epoch).

CREATE TABLE book_top (
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    sample_time      TIMESTAMPTZ NOT NULL,  -- end of the event-time second sampled
    exchange_time    TIMESTAMPTZ,           -- event time of the last update in the sample
    receive_time_ns  BIGINT      NOT NULL,
    last_update_id   BIGINT      NOT NULL,
    best_bid         NUMERIC(38, 8) NOT NULL,
    best_bid_size    NUMERIC(38, 8) NOT NULL,
    best_ask         NUMERIC(38, 8) NOT NULL,
    best_ask_size    NUMERIC(38, 8) NOT NULL,
    bid_prices       NUMERIC(38, 8)[] NOT NULL, -- top N levels, best first
    bid_sizes        NUMERIC(38, 8)[] NOT NULL,
    ask_prices       NUMERIC(38, 8)[] NOT NULL,
    ask_sizes        NUMERIC(38, 8)[] NOT NULL,
    PRIMARY KEY (feed, native_symbol, sample_time)
);

CREATE TABLE features (
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    feature_time     TIMESTAMPTZ NOT NULL,  -- end of the event-time second
    book_valid       BOOLEAN     NOT NULL,
    mid              NUMERIC(38, 9),
    spread           NUMERIC(38, 8),
    microprice       DOUBLE PRECISION,
    depth_imbalance  DOUBLE PRECISION,
    depth_levels     INT         NOT NULL,
    ofi_1s           DOUBLE PRECISION NOT NULL,
    book_updates_1s  INT         NOT NULL,
    trade_count_1s   INT         NOT NULL,
    volume_1s        NUMERIC(38, 8) NOT NULL,
    buy_volume_1s    NUMERIC(38, 8) NOT NULL,
    sell_volume_1s   NUMERIC(38, 8) NOT NULL,
    vwap_1s          DOUBLE PRECISION,
    trade_count_1m   INT         NOT NULL,
    volume_1m        NUMERIC(38, 8) NOT NULL,
    buy_volume_1m    NUMERIC(38, 8) NOT NULL,
    sell_volume_1m   NUMERIC(38, 8) NOT NULL,
    vwap_1m          DOUBLE PRECISION,
    realized_vol_1m  DOUBLE PRECISION,
    PRIMARY KEY (feed, native_symbol, feature_time)
);

CREATE TABLE trade_bars_1m (
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    window_start     TIMESTAMPTZ NOT NULL,  -- event-time minute (trade time)
    trade_count      BIGINT      NOT NULL,
    volume           NUMERIC(38, 8) NOT NULL,
    buy_volume       NUMERIC(38, 8) NOT NULL,
    sell_volume      NUMERIC(38, 8) NOT NULL,
    notional         NUMERIC(48, 16) NOT NULL, -- exact sum of price * size
    vwap             NUMERIC(38, 12) NOT NULL, -- notional / volume, rounded half-even
    open             NUMERIC(38, 8) NOT NULL,
    high             NUMERIC(38, 8) NOT NULL,
    low              NUMERIC(38, 8) NOT NULL,
    close            NUMERIC(38, 8) NOT NULL,
    first_trade_id   BIGINT      NOT NULL,
    last_trade_id    BIGINT      NOT NULL,
    PRIMARY KEY (feed, native_symbol, window_start)
);

CREATE TABLE book_gaps (
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    last_update_id   BIGINT      NOT NULL,  -- what the book held before the break
    first_update_id  BIGINT      NOT NULL,  -- the offending diff's U, u, pu
    update_id        BIGINT      NOT NULL,
    prev_update_id   BIGINT      NOT NULL,
    exchange_time    TIMESTAMPTZ,
    receive_time_ns  BIGINT      NOT NULL,
    reason           TEXT        NOT NULL,
    PRIMARY KEY (feed, native_symbol, last_update_id, update_id)
);

CREATE TABLE dead_letters (
    feed             TEXT        NOT NULL,
    receive_time_ns  BIGINT      NOT NULL,
    payload_sha256   TEXT        NOT NULL,
    frame_key        TEXT,
    reason           TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    PRIMARY KEY (feed, receive_time_ns, payload_sha256)
);

-- One row per pipeline run (this table grows by design: it is the run log).
CREATE TABLE pipeline_runs (
    run_id           UUID        PRIMARY KEY,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    mode             TEXT        NOT NULL,  -- bounded | unbounded
    status           TEXT        NOT NULL,  -- running | finished | failed
    inputs           TEXT[]      NOT NULL,  -- replayed files, or topics read
    bootstrap        TEXT        NOT NULL,
    flink_job_id     TEXT,
    counts           JSONB,
    error            TEXT
);
