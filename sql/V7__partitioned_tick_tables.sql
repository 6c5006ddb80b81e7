-- Months of data: the tick-scale tables (a row per instrument or account per second) become
-- partitioned by day (UTC), so that old days can be dropped whole (`rrr maintain --retention-days`)
-- instead of deleted row by row, and queries by time range read only their days. The sinks create
-- the partition of a day before its first row (rrr_day_partition); `rrr maintain` creates them
-- ahead. There is no default partition: a default partition holding rows of a day would make that
-- day's partition impossible to create later.
--
-- Existing rows move to the new tables in place (a database of an earlier version upgrades with
-- `rrr migrate`, or any command that migrates).

-- The partition of `parent` holding `day` (UTC), created if missing; returns its name.
CREATE FUNCTION rrr_day_partition(parent regclass, day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    parent_schema text;
    parent_name   text;
    part_name     text;
BEGIN
    SELECT n.nspname, c.relname INTO parent_schema, parent_name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
    part_name := parent_name || '_' || to_char(day, 'YYYYMMDD');
    IF to_regclass(format('%I.%I', parent_schema, part_name)) IS NULL THEN
        BEGIN
            EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                parent_schema, part_name, parent_schema, parent_name,
                day::text || ' 00:00:00+00', (day + 1)::text || ' 00:00:00+00');
        EXCEPTION
            -- another sink created it at the same moment
            WHEN duplicate_table OR unique_violation THEN NULL;
        END;
    END IF;
    RETURN part_name;
END $$;

DO $$
DECLARE
    t record;
    d date;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('book_top', 'sample_time', 'feed, native_symbol, sample_time'),
            ('features', 'feature_time', 'feed, native_symbol, feature_time'),
            ('scores', 'feature_time', 'feed, native_symbol, feature_time, model_version'),
            ('positions', 'snapshot_time', 'account_id, feed, native_symbol, snapshot_time'),
            ('pnl', 'snapshot_time', 'account_id, snapshot_time')) AS v (tbl, time_col, pk) LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t.tbl, t.tbl || '_v6');
        EXECUTE format('ALTER INDEX %I RENAME TO %I', t.tbl || '_pkey', t.tbl || '_v6_pkey');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS) '
            'PARTITION BY RANGE (%I)', t.tbl, t.tbl || '_v6', t.time_col);
        EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (%s)', t.tbl, t.pk);
        FOR d IN EXECUTE format('SELECT DISTINCT (%I AT TIME ZONE ''UTC'')::date FROM %I', t.time_col, t.tbl || '_v6')
        LOOP
            PERFORM rrr_day_partition(t.tbl::regclass, d);
        END LOOP;
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', t.tbl, t.tbl || '_v6');
        EXECUTE format('DROP TABLE %I', t.tbl || '_v6');
    END LOOP;
END $$;

-- The queries the project and its users run: an instrument (normalized symbol) over a time range
-- (training's --from/--to, the report, psql), and the latest time (retrain's max(feature_time)).
CREATE INDEX book_top_symbol_time ON book_top (symbol, sample_time);
CREATE INDEX features_symbol_time ON features (symbol, feature_time);
CREATE INDEX features_time ON features (feature_time);
CREATE INDEX scores_symbol_time ON scores (symbol, feature_time);
CREATE INDEX positions_symbol_time ON positions (symbol, snapshot_time);
CREATE INDEX pnl_time ON pnl (snapshot_time);
