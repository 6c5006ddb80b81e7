-- Exact numbers for every instrument: prices and sizes are mantissas with a per-instrument scale
-- (8 decimals for most, 1e-10 ticks and 15-decimal sizes for some, see docs/venues.md), so the
-- columns that held them at a fixed NUMERIC(38, 8) would round finer values on insert. They
-- become unconstrained NUMERIC, which stores each value exactly at its own scale (PostgreSQL
-- drops the typmod without rewriting the rows; partitioned tables pass it to their partitions).
-- The mid, half a sum of two prices, gets NUMERIC(40, 20): every value a long mantissa at any
-- scale (0 to 18) can give, halved, and still a bound, so an absurd row is refused (22003).
ALTER TABLE book_top
    ALTER COLUMN best_bid TYPE NUMERIC,
    ALTER COLUMN best_bid_size TYPE NUMERIC,
    ALTER COLUMN best_ask TYPE NUMERIC,
    ALTER COLUMN best_ask_size TYPE NUMERIC,
    ALTER COLUMN bid_prices TYPE NUMERIC[],
    ALTER COLUMN bid_sizes TYPE NUMERIC[],
    ALTER COLUMN ask_prices TYPE NUMERIC[],
    ALTER COLUMN ask_sizes TYPE NUMERIC[];

ALTER TABLE features
    ALTER COLUMN mid TYPE NUMERIC(40, 20),
    ALTER COLUMN spread TYPE NUMERIC,
    ALTER COLUMN volume_1s TYPE NUMERIC,
    ALTER COLUMN buy_volume_1s TYPE NUMERIC,
    ALTER COLUMN sell_volume_1s TYPE NUMERIC,
    ALTER COLUMN volume_1m TYPE NUMERIC,
    ALTER COLUMN buy_volume_1m TYPE NUMERIC,
    ALTER COLUMN sell_volume_1m TYPE NUMERIC;

ALTER TABLE trade_bars_1m
    ALTER COLUMN volume TYPE NUMERIC,
    ALTER COLUMN buy_volume TYPE NUMERIC,
    ALTER COLUMN sell_volume TYPE NUMERIC,
    ALTER COLUMN notional TYPE NUMERIC,
    ALTER COLUMN open TYPE NUMERIC,
    ALTER COLUMN high TYPE NUMERIC,
    ALTER COLUMN low TYPE NUMERIC,
    ALTER COLUMN close TYPE NUMERIC;

ALTER TABLE orders
    ALTER COLUMN price TYPE NUMERIC,
    ALTER COLUMN quantity TYPE NUMERIC,
    ALTER COLUMN filled_quantity TYPE NUMERIC,
    ALTER COLUMN queue_ahead TYPE NUMERIC;

ALTER TABLE fills
    ALTER COLUMN price TYPE NUMERIC,
    ALTER COLUMN quantity TYPE NUMERIC;

ALTER TABLE positions
    ALTER COLUMN quantity TYPE NUMERIC;
