-- newsfacts schema, version 6 (issue 14): stories. A document's MinHash signature (base64 of 126 32-bit minima over
-- its normalized text's shingles), its story (the id of the story's earliest document; itself when it is no copy), and
-- for a fact the same figure (type, value, unit) in the story's earliest document when the fact is a reprint of it.
ALTER TABLE documents ADD COLUMN minhash TEXT;
ALTER TABLE documents ADD COLUMN story BIGINT;
ALTER TABLE facts ADD COLUMN duplicate_of BIGINT;
CREATE INDEX documents_story ON documents(story);
