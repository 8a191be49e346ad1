-- newsfacts schema for PostgreSQL, version 4: the web interface lists facts in byte order of their text keys, as
-- SQLite does (src/store/columns.ts, Dialect.bytewise: COLLATE "C"), so that both stores show the same pages; these
-- indexes serve those orders as keyset walks. Search on PostgreSQL scans the normalized text (ILIKE) for now.

DROP INDEX IF EXISTS facts_type_value;
DROP INDEX IF EXISTS facts_place;
DROP INDEX IF EXISTS facts_period;
CREATE INDEX facts_type_value ON facts((type COLLATE "C"), value, id);
CREATE INDEX facts_rule_id ON facts((rule_id COLLATE "C"), id);
CREATE INDEX facts_place ON facts((COALESCE(place, '') COLLATE "C"), id);
CREATE INDEX facts_period ON facts((COALESCE(period, '') COLLATE "C"), id);
-- Facet counts and rule summaries, as db/migrations/003_browse.sql has them.
CREATE INDEX facts_qualifier ON facts(qualifier);
CREATE INDEX facts_unit ON facts(unit);
CREATE INDEX facts_rule_doc ON facts(rule_id, document_id, rule_version);
