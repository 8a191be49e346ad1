-- newsfacts schema, version 8: a document's story in a table of its own. Grouping stories at the end of every run
-- set `documents.story`, and SQLite rewrites a whole row to change one column of it: every grouping rewrote the page
-- texts of every regrouped document (most of an ingest's documents), a second or more per thousand pages. A row here
-- is a few bytes. The signature stays in `documents` (written once, with the page); the index that grouping reads
-- holds it without the story.
CREATE TABLE document_stories (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  story INTEGER NOT NULL
);
INSERT INTO document_stories (document_id, story) SELECT id, story FROM documents WHERE story IS NOT NULL;
CREATE INDEX document_stories_story ON document_stories(story);
DROP INDEX documents_signature;
DROP INDEX documents_story;
ALTER TABLE documents DROP COLUMN story;
CREATE INDEX documents_signature ON documents(published, minhash);
