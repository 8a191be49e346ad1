-- newsfacts schema, version 2: what the audit needs.
-- * fact_writes / fact_history: every time a document's facts are written (ingest or re-extraction), the run records
--   that it wrote them and what they were. The facts of a document "as of run R" are those of its latest write at or
--   before R, so two runs can be compared without storing unchanged documents again.
-- * run_rules: the version of every rule a run used, so `extract --rules changed` knows what changed since.
-- * reviews: a person's verdicts, keyed by the fact's identity (document, type, value, unit, original span) and not by
--   row id or rule version, so that a verdict survives re-extraction when the fact is unchanged.

CREATE TABLE fact_writes (
  run_id      INTEGER NOT NULL REFERENCES runs(id),
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, run_id)
);

CREATE TABLE fact_history (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type          TEXT NOT NULL,
  value         REAL NOT NULL,
  value_max     REAL,
  unit          TEXT NOT NULL,
  qualifier     TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  rule_version  TEXT NOT NULL,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  norm_start    INTEGER NOT NULL,
  norm_end      INTEGER NOT NULL,
  evidence      TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end  INTEGER NOT NULL,
  trigger       TEXT NOT NULL,
  sentence      TEXT NOT NULL,
  period        TEXT,
  place         TEXT
);
CREATE INDEX fact_history_doc_run ON fact_history(document_id, run_id);

-- Facts stored before this migration: their writing run is facts.run_id (documents without facts: their first run).
INSERT INTO fact_writes (run_id, document_id)
  SELECT DISTINCT run_id, document_id FROM facts WHERE run_id IS NOT NULL;
INSERT OR IGNORE INTO fact_writes (run_id, document_id)
  SELECT first_run, id FROM documents
  WHERE first_run IS NOT NULL AND id NOT IN (SELECT document_id FROM facts);
INSERT INTO fact_history (run_id, document_id, type, value, value_max, unit, qualifier, rule_id, rule_version, start,
  "end", norm_start, norm_end, evidence, evidence_start, evidence_end, trigger, sentence, period, place)
  SELECT run_id, document_id, type, value, value_max, unit, qualifier, rule_id, rule_version, start, "end", norm_start,
  norm_end, evidence, evidence_start, evidence_end, trigger, sentence, period, place FROM facts WHERE run_id IS NOT NULL;

CREATE TABLE run_rules (
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  rule_id      TEXT NOT NULL,
  rule_version TEXT NOT NULL,
  PRIMARY KEY (run_id, rule_id)
);

CREATE TABLE reviews (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type        TEXT NOT NULL,
  value       REAL NOT NULL,
  unit        TEXT NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  verdict     TEXT NOT NULL CHECK (verdict IN ('correct', 'wrong')),
  note        TEXT,
  reviewer    TEXT,
  at          TEXT NOT NULL,
  UNIQUE (document_id, type, value, unit, start, "end")
);
