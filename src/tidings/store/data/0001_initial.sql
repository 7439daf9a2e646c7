-- tidings store, schema version 1: articles, events, quotes, actors, ingest_log.
-- Migrations run in file-name order, each in one transaction; the number before the first
-- underscore is the schema version the file brings the store to.  Never edit a released file:
-- add a new one.  Statements are separated by semicolons at the end of a line.

CREATE TABLE tidings_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- One row per stored article (the id is the idempotence key of ingestion).
CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    date        DATE,
    source      VARCHAR,
    url         VARCHAR,
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    input       VARCHAR,
    n_events    INTEGER NOT NULL,
    n_quotes    INTEGER NOT NULL,
    notes       VARCHAR[],
    ingested_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE event_ids START 1;

-- Every field of the Event record, actors flattened, plus the article's source and URL.
CREATE TABLE events (
    id               BIGINT PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    n                INTEGER NOT NULL,
    sentence         INTEGER,
    date             DATE,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    source_name      VARCHAR,
    source_text      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    target_name      VARCHAR,
    target_text      VARCHAR,
    cameo            VARCHAR NOT NULL,
    cameo_name       VARCHAR,
    plover           VARCHAR,
    plover_mode      VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    negated          BOOLEAN NOT NULL,
    modality         VARCHAR NOT NULL,
    speaker_code     VARCHAR,
    speaker_country  VARCHAR,
    speaker_sector   VARCHAR,
    speaker_name     VARCHAR,
    speaker_text     VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    location_lat     DOUBLE,
    location_lon     DOUBLE,
    evidence_text    VARCHAR,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    evidence_trigger VARCHAR,
    rule             VARCHAR,
    confidence       DOUBLE,
    article_source   VARCHAR,
    article_url      VARCHAR
);

CREATE TABLE quotes (
    article_id      VARCHAR NOT NULL,
    n               INTEGER NOT NULL,
    speaker_text    VARCHAR,
    speaker_code    VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR,
    speaker_name    VARCHAR,
    text            VARCHAR NOT NULL,
    kind            VARCHAR,
    start           INTEGER,
    "end"           INTEGER,
    cue             VARCHAR
);

-- The actor codes seen, with their names ('' when the actor has no canonical name).
CREATE TABLE actors (
    code       VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    country    VARCHAR,
    sector     VARCHAR,
    events     BIGINT NOT NULL,
    first_date DATE,
    last_date  DATE,
    PRIMARY KEY (code, name)
);

-- One row per input or article handled: stored, or failed with its error.
CREATE TABLE ingest_log (
    run_id               VARCHAR NOT NULL,
    logged_at            TIMESTAMP NOT NULL,
    input                VARCHAR,
    article_id           VARCHAR,
    status               VARCHAR NOT NULL,
    error                VARCHAR,
    read_s               DOUBLE,
    code_s               DOUBLE,
    n_events             INTEGER,
    tidings_version      VARCHAR,
    dictionaries_version VARCHAR,
    lexicon_version      VARCHAR,
    model                VARCHAR
);
