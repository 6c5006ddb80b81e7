-- Feature spec v2 (features-and-models.md#feature-spec): multi-level depth imbalance, book slopes,
-- lagged returns, order-flow and trade imbalance over 5 and 30 s, and the BBO stream's inputs.
-- Nullable: rows written before this migration have none of them (spec v2 cannot score those).
ALTER TABLE features
    ADD COLUMN depth_imbalance_1 DOUBLE PRECISION,
    ADD COLUMN depth_imbalance_5 DOUBLE PRECISION,
    ADD COLUMN depth_total DOUBLE PRECISION,
    ADD COLUMN bid_slope DOUBLE PRECISION,
    ADD COLUMN ask_slope DOUBLE PRECISION,
    ADD COLUMN ret_1s DOUBLE PRECISION,
    ADD COLUMN ret_lag_1s DOUBLE PRECISION,
    ADD COLUMN ret_5s DOUBLE PRECISION,
    ADD COLUMN ret_30s DOUBLE PRECISION,
    ADD COLUMN ofi_5s DOUBLE PRECISION,
    ADD COLUMN ofi_30s DOUBLE PRECISION,
    ADD COLUMN volume_5s NUMERIC,
    ADD COLUMN buy_volume_5s NUMERIC,
    ADD COLUMN sell_volume_5s NUMERIC,
    ADD COLUMN bbo_updates_1s INT,
    ADD COLUMN bbo_ofi_1s DOUBLE PRECISION,
    ADD COLUMN bbo_bid DOUBLE PRECISION,
    ADD COLUMN bbo_ask DOUBLE PRECISION,
    ADD COLUMN bbo_bid_size DOUBLE PRECISION,
    ADD COLUMN bbo_ask_size DOUBLE PRECISION;
