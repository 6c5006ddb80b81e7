-- Provenance of every order: the model version whose score made the strategy send it, and that
-- score (null for orders no score caused). Nullable, so existing rows stay valid (in place).
ALTER TABLE orders ADD COLUMN IF NOT EXISTS model_version TEXT;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS score DOUBLE PRECISION;
CREATE INDEX IF NOT EXISTS orders_model_version ON orders (model_version);
