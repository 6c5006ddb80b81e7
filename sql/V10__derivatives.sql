-- Derivatives data as the venues publish it (EventType.DERIVATIVES): mark and index price, funding
-- rate and next funding time, open interest, one row per instrument per venue message. A field the
-- venue's message does not carry is NULL (Bitget's perpetual tickers carry all five; other venues
-- send some of them, on channels of their own). Exact values: unconstrained NUMERIC at the
-- venue's own digits. Partitioned by day like the other tick-scale tables (V7), so `rrr maintain`
-- creates and drops its days too.
CREATE TABLE derivatives (
    feed               TEXT        NOT NULL,
    native_symbol      TEXT        NOT NULL,
    symbol             TEXT        NOT NULL,
    event_time         TIMESTAMPTZ NOT NULL,  -- the venue's time of the values, else the receive time
    receive_time_ns    BIGINT      NOT NULL,
    mark_price         NUMERIC,
    index_price        NUMERIC,
    funding_rate       NUMERIC,               -- per funding interval: 0.0001 = 0.01 %
    next_funding_time  TIMESTAMPTZ,
    open_interest      NUMERIC,               -- in the venue's unit (contracts or base currency)
    PRIMARY KEY (feed, native_symbol, event_time, receive_time_ns)
) PARTITION BY RANGE (event_time);

CREATE INDEX derivatives_symbol_time ON derivatives (symbol, event_time);
