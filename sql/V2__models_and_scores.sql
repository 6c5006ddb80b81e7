-- Model registry, scores, and what happened to models while serving.

CREATE TABLE models (
    version_id       TEXT        PRIMARY KEY,
    spec_id          TEXT        NOT NULL,   -- feature spec the model was trained on
    horizon_seconds  INT         NOT NULL,   -- label: log mid return over this event-time horizon
    path             TEXT        NOT NULL,   -- model directory (saved_model/ + rrr-model.json)
    status           TEXT        NOT NULL,   -- candidate | serving | retired | rejected
    train_from       TIMESTAMPTZ NOT NULL,
    train_to         TIMESTAMPTZ NOT NULL,
    test_from        TIMESTAMPTZ NOT NULL,
    test_to          TIMESTAMPTZ NOT NULL,
    data_source      TEXT        NOT NULL,
    metrics          JSONB       NOT NULL,   -- test-slice metrics of the model and of the baselines
    metadata         JSONB       NOT NULL,   -- the whole rrr-model.json
    created_at       TIMESTAMPTZ NOT NULL,
    promoted_at      TIMESTAMPTZ
);

-- A retraining's candidate against the serving model on the same test slice.
CREATE TABLE model_comparisons (
    candidate_version TEXT        NOT NULL REFERENCES models (version_id),
    serving_version   TEXT,                    -- null when nothing was serving
    test_from         TIMESTAMPTZ NOT NULL,
    test_to           TIMESTAMPTZ NOT NULL,
    metric            TEXT        NOT NULL,    -- what decides, e.g. ic
    candidate_value   DOUBLE PRECISION,
    serving_value     DOUBLE PRECISION,
    promoted          BOOLEAN     NOT NULL,
    details           JSONB       NOT NULL,
    compared_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (candidate_version, compared_at)
);

-- One score per instrument and feature second, with the model version that produced it.
CREATE TABLE scores (
    feed             TEXT        NOT NULL,
    native_symbol    TEXT        NOT NULL,
    symbol           TEXT        NOT NULL,
    feature_time     TIMESTAMPTZ NOT NULL,
    model_version    TEXT        NOT NULL,
    spec_id          TEXT        NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    scored_at        TIMESTAMPTZ NOT NULL,   -- processing time (latency = scored_at - feature_time)
    PRIMARY KEY (feed, native_symbol, feature_time, model_version)
);

-- Model loads, swaps and load failures reported by the scoring operator.
CREATE TABLE model_events (
    event_time       TIMESTAMPTZ NOT NULL,
    subtask          INT         NOT NULL,
    kind             TEXT        NOT NULL,   -- loaded | swapped | load_failed
    model_version    TEXT,
    path             TEXT,
    detail           TEXT,
    PRIMARY KEY (event_time, subtask, kind)
);
