-- Bad data never costs good data. A dead letter keeps the frame's bytes exactly as received
-- (payload_bytes; payload is the sanitized text, NUL shown as \u0000), and a row PostgreSQL
-- refuses (a data exception, a constraint, a size limit) is kept in quarantine instead of
-- failing the job, keyed by its table and the hash of its rendering, so a replay upserts it.

ALTER TABLE dead_letters ADD COLUMN payload_bytes BYTEA; -- null for rows written before V4

CREATE TABLE quarantine (
    table_name           VARCHAR(63)   NOT NULL,  -- the table that refused the row
    row_sha256           TEXT          NOT NULL,  -- hash of row_json: the same on every replay
    row_json             TEXT          NOT NULL,  -- the element's public fields as JSON, sanitized
    sql_state            VARCHAR(5)    NOT NULL,  -- e.g. 23502 not-null violation, 22003 numeric overflow
    message              VARCHAR(4000) NOT NULL,  -- the server's message, sanitized and cut
    first_quarantined_at TIMESTAMPTZ   NOT NULL,
    last_quarantined_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (table_name, row_sha256)
);
CREATE INDEX quarantine_time ON quarantine (last_quarantined_at);
