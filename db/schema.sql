-- schema.sql - the pyrefcheck database, schema version 1.
--
-- Compiled into the binary (store_schema_sql) and applied by db/store.c as
-- migration 1, inside a transaction; store.c records the version in
-- schema_version.  Every statement is idempotent (IF NOT EXISTS), so the
-- file may also be fed to the sqlite3 shell by hand.  No BEGIN/COMMIT here.
--
-- Table and column names are a public query interface (pyrefcheck query):
-- rename nothing, add columns only through a new migration.

-- The schema version of this database: one row, written by store.c.
CREATE TABLE IF NOT EXISTS schema_version (
    version      INTEGER NOT NULL
);

-- One scan of a source tree.  started_at/ended_at are ISO-8601 UTC
-- ("2024-05-01T12:34:56Z"); ended_at and status stay NULL while the scan
-- runs or when it was interrupted.  status: 0 clean, 1 findings, 2 error.
CREATE TABLE IF NOT EXISTS runs (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    ended_at     TEXT,
    tool_version TEXT,
    arguments    TEXT,
    root         TEXT,
    status       INTEGER
);

-- One analysed translation unit of a run; content_hash is the xxHash64 of
-- the file's bytes (16 hex digits).
CREATE TABLE IF NOT EXISTS files (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,
    content_hash TEXT,
    UNIQUE (run_id, path)
);

-- One reported rule violation.  file repeats the reported path (which may
-- be a header included by files.path) so queries need no join.
CREATE TABLE IF NOT EXISTS findings (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    file_id      INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    file         TEXT NOT NULL,
    line         INTEGER NOT NULL,
    col          INTEGER NOT NULL,
    function     TEXT,
    rule         TEXT NOT NULL,
    severity     TEXT NOT NULL,
    message      TEXT NOT NULL,
    fingerprint  TEXT
);

-- The path leading to a finding, step_index 0, 1, 2, ... in order.
CREATE TABLE IF NOT EXISTS trace_steps (
    id           INTEGER PRIMARY KEY,
    finding_id   INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    step_index   INTEGER NOT NULL,
    file         TEXT,
    line         INTEGER NOT NULL,
    col          INTEGER NOT NULL,
    message      TEXT,
    UNIQUE (finding_id, step_index)
);

-- Lookups by rule, file, run and fingerprint; file_id serves the cascade.
-- (files(run_id, path) and trace_steps(finding_id, step_index) are indexed
-- by their UNIQUE constraints.)
CREATE INDEX IF NOT EXISTS findings_by_rule        ON findings(rule);
CREATE INDEX IF NOT EXISTS findings_by_file        ON findings(file);
CREATE INDEX IF NOT EXISTS findings_by_run         ON findings(run_id);
CREATE INDEX IF NOT EXISTS findings_by_fingerprint ON findings(fingerprint);
CREATE INDEX IF NOT EXISTS findings_by_file_id     ON findings(file_id);

-- Findings of the most recent run (the highest run id); from schema
-- version 5 on, of the most recent finished run (see db/store.c).
CREATE VIEW IF NOT EXISTS latest_findings AS
    SELECT * FROM findings
    WHERE run_id = (SELECT max(id) FROM runs);
