-- Contract terms (docs/venues.md#contract-terms): a 1-minute bar's notional is a currency amount, the
-- sum of each trade's notional by its instrument's contract terms (linear: price x size x multiplier;
-- inverse: size x multiplier; quanto: price x size x multiplier in the settlement currency), and this
-- column names its currency. NULL: no terms were known for the instrument (rows written before this
-- migration, captures without an instrument list), and the notional is price x size as before.
ALTER TABLE trade_bars_1m
    ADD COLUMN notional_currency TEXT;
