-- newsfacts schema, version 4: the full-text index is brought up to date when it is needed, not page by page.
-- Trigram-indexing a page's text cost ingest ~3 ms a page on the one writing thread, about as much as everything
-- else it writes, and ingest runs far more often than anyone searches. A stored or re-processed document is now
-- listed in search_pending; the store indexes the listed documents (SqliteStore.updateSearchIndex) before a search
-- needs them: `newsfacts serve` does it when it starts. Documents already indexed keep their entries: a change of
-- text removes the old entry at once (external-content FTS5 must be told the old text) and lists the document again.

CREATE TABLE search_pending (
  id INTEGER PRIMARY KEY  -- documents.id of a document whose text is not in documents_fts yet
);

DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;

CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO search_pending (id) VALUES (new.id);
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, normalized_text)
    SELECT 'delete', old.id, old.normalized_text WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  DELETE FROM search_pending WHERE id = old.id;
END;
-- Only a change of the text re-indexes: touching an unchanged document (last_run) must not.
CREATE TRIGGER documents_search_update AFTER UPDATE OF normalized_text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, normalized_text)
    SELECT 'delete', old.id, old.normalized_text WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  INSERT OR IGNORE INTO search_pending (id) VALUES (new.id);
END;
