-- dyad store schema, version 2: what `dyad serve` queries.
-- Evidence text of each report, searchable; indexes for the event filters,
-- each ending in date so that a filtered list comes out in date order.

ALTER TABLE event_mentions ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
UPDATE event_mentions SET evidence = COALESCE((
	SELECT group_concat(json_extract(x.value, '$.text'), ' ')
	FROM json_each(event_mentions.event_json, '$.evidence') x), '');

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
	evidence, content = 'event_mentions', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild');
CREATE TRIGGER event_mentions_fts_insert AFTER INSERT ON event_mentions BEGIN
	INSERT INTO evidence_fts (rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER event_mentions_fts_delete AFTER DELETE ON event_mentions BEGIN
	INSERT INTO evidence_fts (evidence_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
END;

CREATE INDEX events_date ON events (date);
CREATE INDEX events_dyad ON events (source_country, target_country, date);
CREATE INDEX events_target_country ON events (target_country, date);
CREATE INDEX events_source_code ON events (source_code, date);
CREATE INDEX events_target_code ON events (target_code, date);
CREATE INDEX events_code ON events (code, date);
CREATE INDEX events_root ON events (root, date);
CREATE INDEX events_quad ON events (quad, date);
CREATE INDEX events_plover ON events (plover, date);
CREATE INDEX events_place ON events (location_country, date);
CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX articles_ext_id ON articles (ext_id);
CREATE INDEX copies_ext_id ON copies (ext_id);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
