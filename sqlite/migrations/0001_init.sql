-- dyad store schema, version 1.
-- A story is one text; the article that brought it keeps the text, later
-- copies (exact or near) keep only their metadata. Events are merged across
-- stories; event_mentions says which story reported which event.

CREATE TABLE stories (
	id          INTEGER PRIMARY KEY,
	article_key TEXT NOT NULL UNIQUE,
	text_hash   TEXT NOT NULL,
	signature   BLOB NOT NULL,
	shingles    INTEGER NOT NULL
);
CREATE INDEX stories_text_hash ON stories (text_hash);

-- LSH band keys of each story's MinHash signature, for near-copy lookups.
CREATE TABLE story_bands (
	band     INTEGER NOT NULL,
	story_id INTEGER NOT NULL REFERENCES stories (id)
);
CREATE INDEX story_bands_band ON story_bands (band);

CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	key         TEXT NOT NULL UNIQUE,
	story_id    INTEGER NOT NULL REFERENCES stories (id),
	ext_id      TEXT NOT NULL,
	url         TEXT NOT NULL,
	title       TEXT NOT NULL,
	outlet      TEXT NOT NULL,
	source_name TEXT NOT NULL, -- outlet, else URL host: what NumSources counts
	published   TEXT NOT NULL,
	language    TEXT NOT NULL,
	text        TEXT NOT NULL,
	status      TEXT NOT NULL, -- coded, not_english, failed
	reason      TEXT NOT NULL, -- why it was not coded
	source      TEXT NOT NULL, -- file:line or URL it was read from
	ingested_at TEXT NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);

CREATE TABLE copies (
	id          INTEGER PRIMARY KEY,
	key         TEXT NOT NULL UNIQUE,
	story_id    INTEGER NOT NULL REFERENCES stories (id),
	ext_id      TEXT NOT NULL,
	url         TEXT NOT NULL,
	title       TEXT NOT NULL,
	outlet      TEXT NOT NULL,
	source_name TEXT NOT NULL,
	published   TEXT NOT NULL,
	language    TEXT NOT NULL,
	kind        TEXT NOT NULL, -- exact_copy, near_copy
	similarity  REAL NOT NULL, -- estimated Jaccard similarity to the story
	source      TEXT NOT NULL,
	ingested_at TEXT NOT NULL
);
CREATE INDEX copies_story ON copies (story_id);

CREATE TABLE events (
	id               INTEGER PRIMARY KEY,
	match_key        TEXT NOT NULL,    -- source|target|code|place
	scope_story      INTEGER NOT NULL, -- undated events merge only within this story; 0 when dated
	date             TEXT NOT NULL,
	date_precision   TEXT NOT NULL,
	code             TEXT NOT NULL,
	root             TEXT NOT NULL,
	quad             INTEGER NOT NULL,
	goldstein        REAL NOT NULL,
	plover           TEXT NOT NULL,
	source_code      TEXT NOT NULL,
	source_country   TEXT NOT NULL,
	source_agent     TEXT NOT NULL,
	source_name      TEXT NOT NULL,
	target_code      TEXT NOT NULL,
	target_country   TEXT NOT NULL,
	target_agent     TEXT NOT NULL,
	target_name      TEXT NOT NULL,
	location_name    TEXT NOT NULL,
	location_country TEXT NOT NULL,
	lat              REAL NOT NULL,
	lon              REAL NOT NULL,
	first_article_id INTEGER NOT NULL REFERENCES articles (id)
);
CREATE INDEX events_match ON events (match_key, date);

-- One row per event per coded article (story) that reports it.
CREATE TABLE event_mentions (
	id         INTEGER PRIMARY KEY,
	event_id   INTEGER NOT NULL REFERENCES events (id),
	story_id   INTEGER NOT NULL REFERENCES stories (id),
	article_id INTEGER NOT NULL REFERENCES articles (id),
	mentions   INTEGER NOT NULL,
	event_json TEXT NOT NULL -- the event as the article reported it (FORMATS.md §2)
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
CREATE INDEX event_mentions_story ON event_mentions (story_id);

CREATE TABLE quotes (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles (id),
	story_id     INTEGER NOT NULL REFERENCES stories (id),
	speaker_name TEXT NOT NULL,
	speaker_code TEXT NOT NULL,
	text         TEXT NOT NULL,
	direct       INTEGER NOT NULL,
	cue          TEXT NOT NULL,
	reported_by  TEXT NOT NULL, -- JSON array
	start_offset INTEGER NOT NULL,
	end_offset   INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);

-- Full-text search over titles and texts (the articles table is the content).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text, content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
