-- Contract terms (docs/venues.md#contract-terms): a 1-minute bar's notional is a currency amount, the
-- sum of each trade's notional by its instrument's contract terms (linear: price x size x multiplier;
-- inverse: size x multiplier; quanto: price x size x multiplier in the settlement currency), and this
-- column names its currency. NULL: no terms were known for the instrument (rows written before this
-- migration, captures without an instrument list), and the notional is price x size as before.
ALTER TABLE trade_bars_1m
    ADD COLUMN notional_currency TEXT;

-- The features' currency amounts traded (feature spec v2 keeps its columns): each second's and the last
-- minute's sum of trade notionals by the contract terms, in notional_currency (NULL: no trade in the minute, or no terms known, the
-- sums are then of price x size). 0 for a second without trades, as its volume.
ALTER TABLE features
    ADD COLUMN notional_1s DOUBLE PRECISION,
    ADD COLUMN notional_1m DOUBLE PRECISION,
    ADD COLUMN notional_currency TEXT;

-- A paper position's cost basis, PnL and fees are in its instrument's PnL currency: the quote currency
-- (a quanto's settlement currency), the base currency of an inverse contract (docs/trading.md). The
-- account's pnl rows stay in the quote currency (inverse amounts converted at the mark). NULL: no terms.
ALTER TABLE positions
    ADD COLUMN pnl_currency TEXT;
