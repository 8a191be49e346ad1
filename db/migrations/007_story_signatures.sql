-- newsfacts schema, version 7: grouping stories reads every document's id, publication date, signature and story.
-- Those columns sit after the page's texts in a documents row, so a scan of the table walked every row's overflow
-- pages (the whole database) to reach them; this index holds them, and the scan reads it alone.
CREATE INDEX documents_signature ON documents(story, published, minhash);
