-- newsfacts schema for PostgreSQL, version 3: mirrors the indexes of db/migrations/003_browse.sql (keyset pagination
-- over facts). PostgreSQL does not append the row id to an index as SQLite does, so each index ends in id here.
-- The SQLite FTS5 trigram table has no twin yet: full-text search over documents is not available on PostgreSQL
-- (pg_trgm's GIN index on documents.normalized_text is the planned equivalent).

CREATE INDEX facts_value ON facts(value, id);
CREATE INDEX facts_type_value ON facts(type, value, id);
CREATE INDEX facts_doc_start ON facts(document_id, start);
CREATE INDEX facts_place ON facts((COALESCE(place, '')), id);
CREATE INDEX facts_period ON facts((COALESCE(period, '')), id);
CREATE INDEX documents_lang ON documents(lang);
