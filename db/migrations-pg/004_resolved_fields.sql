-- newsfacts schema, version 4 (issue 14): every fact's resolved interval, modality, running-total flag and place with
-- codes, and how each was decided (JSON: words and offsets in normalized text). Facts stored before stay null until
-- their documents are processed again (the pipeline version changed with this stage, so the next ingest does).
ALTER TABLE facts ADD COLUMN period_start TEXT;
ALTER TABLE facts ADD COLUMN period_end TEXT;
ALTER TABLE facts ADD COLUMN modality TEXT;
ALTER TABLE facts ADD COLUMN cumulative INTEGER;
ALTER TABLE facts ADD COLUMN country TEXT;
ALTER TABLE facts ADD COLUMN province TEXT;
ALTER TABLE facts ADD COLUMN province_code TEXT;
ALTER TABLE facts ADD COLUMN admin TEXT;
ALTER TABLE facts ADD COLUMN admin_code TEXT;
ALTER TABLE facts ADD COLUMN resolution TEXT;
CREATE INDEX facts_province_period ON facts(province_code, period_end);
