-- newsfacts schema, version 3: what the web interface (`newsfacts serve`) needs to stay fast on a million facts.
-- * Indexes for keyset pagination: every sort order of the facts table is an index walk, ending in the row id
--   (SQLite appends the rowid to every index, so (value) is really (value, id)).
-- * documents_fts: full-text search over the normalized (simplified, half-width) text with FTS5's trigram tokenizer,
--   kept in step with `documents` by triggers, so no stage has to know about it. Queries shorter than three
--   characters (two-character Chinese words such as 贷款) cannot match trigrams; the store falls back to a substring
--   scan for those (src/store/sqlite-browse.ts).

CREATE INDEX facts_value ON facts(value);
CREATE INDEX facts_type_value ON facts(type, value);
CREATE INDEX facts_doc_start ON facts(document_id, start);
CREATE INDEX facts_place ON facts(IFNULL(place, ''));
CREATE INDEX facts_period ON facts(IFNULL(period, ''));
CREATE INDEX documents_lang ON documents(lang);
-- Facet counts and rule summaries read these instead of the table.
CREATE INDEX facts_qualifier ON facts(qualifier);
CREATE INDEX facts_unit ON facts(unit);
CREATE INDEX facts_rule_doc ON facts(rule_id, document_id, rule_version);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  normalized_text,
  content = 'documents',
  content_rowid = 'id',
  tokenize = 'trigram'
);
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, normalized_text) VALUES (new.id, new.normalized_text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, normalized_text) VALUES ('delete', old.id, old.normalized_text);
END;
-- Only a change of the text re-indexes: touching an unchanged document (last_run) must not.
CREATE TRIGGER documents_fts_update AFTER UPDATE OF normalized_text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, normalized_text) VALUES ('delete', old.id, old.normalized_text);
  INSERT INTO documents_fts (rowid, normalized_text) VALUES (new.id, new.normalized_text);
END;
