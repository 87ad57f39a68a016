-- dyad store schema, version 2 (PostgreSQL; keep in step with sqlite/migrations):
-- what `dyad serve` queries. Evidence text of each report, searchable;
-- indexes for the event filters, each ending in date so that a filtered
-- list comes out in date order.

ALTER TABLE event_mentions ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
UPDATE event_mentions SET evidence = COALESCE((
	SELECT string_agg(x->>'text', ' ')
	FROM json_array_elements(event_mentions.event_json::json->'evidence') x), '');
ALTER TABLE event_mentions ADD COLUMN evidence_tsv tsvector
	GENERATED ALWAYS AS (to_tsvector('simple', evidence)) STORED;
CREATE INDEX event_mentions_evidence ON event_mentions USING GIN (evidence_tsv);

CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_dyad ON events (source_country, target_country, date, id);
CREATE INDEX events_target_country ON events (target_country, date, id);
CREATE INDEX events_source_code ON events (source_code, date, id);
CREATE INDEX events_target_code ON events (target_code, date, id);
CREATE INDEX events_code ON events (code, date, id);
CREATE INDEX events_root ON events (root, date, id);
CREATE INDEX events_quad ON events (quad, date, id);
CREATE INDEX events_plover ON events (plover, date, id);
CREATE INDEX events_place ON events (location_country, date, id);
CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX articles_ext_id ON articles (ext_id);
CREATE INDEX copies_ext_id ON copies (ext_id);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
