-- newsfacts schema, version 1. Applied by src/store/migrate.ts in a transaction; never edit a released migration,
-- add the next numbered file instead.

CREATE TABLE runs (
  id              INTEGER PRIMARY KEY,
  started_at      TEXT NOT NULL,
  finished_at     TEXT,
  command         TEXT NOT NULL,
  inputs          TEXT NOT NULL,            -- JSON array of the paths/URLs given
  code_version    TEXT NOT NULL,
  ruleset_version TEXT NOT NULL,
  dict_versions   TEXT NOT NULL,            -- JSON: opencc-js, nodejieba, …
  pipeline_version TEXT NOT NULL,           -- hash of the three above: a change re-processes stored documents
  status          TEXT NOT NULL DEFAULT 'running',  -- running | done | failed
  pages_read      INTEGER NOT NULL DEFAULT 0,
  pages_stored    INTEGER NOT NULL DEFAULT 0,
  pages_unchanged INTEGER NOT NULL DEFAULT 0,
  pages_failed    INTEGER NOT NULL DEFAULT 0,
  facts_stored    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  content_hash     TEXT NOT NULL UNIQUE,    -- sha256 of the page's bytes: the same page is stored once
  source           TEXT NOT NULL,           -- path as reached from the ingest argument, WARC target URL, file:line
  url              TEXT,
  fetched_at       TEXT,
  format           TEXT NOT NULL,           -- html | text
  encoding         TEXT NOT NULL,
  decode_issues    TEXT,                    -- JSON array, null when clean
  lang             TEXT NOT NULL,
  title            TEXT,
  published        TEXT,
  source_name      TEXT,
  author           TEXT,
  empty_reason     TEXT,
  original_text    TEXT NOT NULL,           -- decoded page (HTML source for HTML): offsets point here
  clean_text       TEXT NOT NULL,
  normalized_text  TEXT NOT NULL,
  clean_map        BLOB NOT NULL,           -- Int32 pairs: clean_text index → original range
  norm_map         BLOB NOT NULL,           -- Int32 pairs: normalized_text index → original range
  flags            TEXT NOT NULL DEFAULT '[]',
  pipeline_version TEXT NOT NULL,
  first_run        INTEGER REFERENCES runs(id),
  last_run         INTEGER REFERENCES runs(id)
);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE facts (
  id                  INTEGER PRIMARY KEY,
  document_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  run_id              INTEGER REFERENCES runs(id),
  type                TEXT NOT NULL,
  value               REAL NOT NULL,
  value_max           REAL,
  unit                TEXT NOT NULL,
  qualifier           TEXT NOT NULL,
  rule_id             TEXT NOT NULL,
  rule_version        TEXT NOT NULL,
  start               INTEGER NOT NULL,      -- the figure in original_text (UTF-16 indices)
  "end"               INTEGER NOT NULL,
  norm_start          INTEGER NOT NULL,
  norm_end            INTEGER NOT NULL,
  evidence            TEXT NOT NULL,
  evidence_start      INTEGER NOT NULL,
  evidence_end        INTEGER NOT NULL,
  evidence_norm_start INTEGER NOT NULL,
  evidence_norm_end   INTEGER NOT NULL,
  trigger             TEXT NOT NULL,
  sentence            TEXT NOT NULL,
  period              TEXT,
  place               TEXT,
  UNIQUE (document_id, type, start, "end")
);
CREATE INDEX facts_type ON facts(type);
CREATE INDEX facts_rule ON facts(rule_id);

CREATE TABLE errors (
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER REFERENCES runs(id),
  source  TEXT NOT NULL,
  record  TEXT,                              -- WARC record id, JSONL line, … when the source holds many pages
  reason  TEXT NOT NULL,
  at      TEXT NOT NULL
);
