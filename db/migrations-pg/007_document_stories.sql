-- newsfacts schema, version 7: a document's story in a table of its own, as in SQLite's migration 008 (grouping
-- stories no longer writes document rows; PostgreSQL makes a new version of a whole row for each UPDATE).
CREATE TABLE document_stories (
  document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  story BIGINT NOT NULL
);
INSERT INTO document_stories (document_id, story) SELECT id, story FROM documents WHERE story IS NOT NULL;
CREATE INDEX document_stories_story ON document_stories(story);
DROP INDEX documents_story;
ALTER TABLE documents DROP COLUMN story;
