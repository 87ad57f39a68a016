package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// Dialect is what differs between SQL databases.
type Dialect struct {
	// Rebind turns ? placeholders into the database's own.
	Rebind func(q string) string
	// SearchSQL takes (query, limit) and returns rows of
	// key, ext_id, title, url, outlet, snippet.
	SearchSQL string
	// SearchArg turns the user's words into the query argument.
	SearchArg func(q string) string
	// EvidenceSQL takes SearchArg's result and selects the ids of the
	// event_mentions rows whose evidence holds every word.
	EvidenceSQL string
	// EvidenceProbe, when set, is a condition on the event_mentions row em
	// that takes SearchArg's result and holds when its evidence has every
	// word; it must be cheap for one row. Empty: always use EvidenceSQL.
	EvidenceProbe string
	// ILike is the case-insensitive LIKE operator.
	ILike string
}

// Store implements dyad.Store over database/sql.
type Store struct {
	DB *sql.DB
	d  Dialect
	// Now is the clock for ingested_at; tests may fix it.
	Now func() time.Time
	// EvidenceSetMax is where text filters switch strategy (see
	// DefaultEvidenceSetMax, used when it is 0); tests lower it.
	EvidenceSetMax int
	stmt           map[string]*sql.Stmt // prepared once: preparing is a large part of a small query's cost
}

// New wraps an open, migrated database.
func New(db *sql.DB, d Dialect) (*Store, error) {
	s := &Store{DB: db, d: d, Now: time.Now, stmt: map[string]*sql.Stmt{}}
	for name, q := range queries {
		st, err := db.Prepare(d.Rebind(q))
		if err != nil {
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		s.stmt[name] = st
	}
	return s, nil
}

// in returns the prepared statement name for use in tx.
func (s *Store) in(ctx context.Context, tx *sql.Tx, name string) *sql.Stmt {
	return tx.StmtContext(ctx, s.stmt[name])
}

var queries = map[string]string{
	"hasArticle":  `SELECT EXISTS (SELECT 1 FROM articles WHERE key = ?) OR EXISTS (SELECT 1 FROM copies WHERE key = ?)`,
	"storyByHash": `SELECT s.id, s.article_key, s.signature, s.shingles FROM stories s WHERE s.text_hash = ? ORDER BY s.id LIMIT 1`,
	"insertStory": `INSERT INTO stories (article_key, text_hash, signature, shingles) VALUES (?, ?, ?, ?) RETURNING id`,
	"insertBand":  `INSERT INTO story_bands (band, story_id) VALUES (?, ?)`,
	"insertArticle": `INSERT INTO articles (key, story_id, ext_id, url, title, outlet, source_name, published, language, text, status, reason, source, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	"insertCopy": `INSERT INTO copies (key, story_id, ext_id, url, title, outlet, source_name, published, language, kind, similarity, source, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"storyOfArticle": `SELECT story_id FROM articles WHERE key = ?`,
	"storyOfCopy":    `SELECT story_id FROM copies WHERE key = ?`,
	"eventsNear":     `SELECT id, date FROM events WHERE match_key = ? AND scope_story = 0 AND date IN (?, ?, ?) ORDER BY id`,
	"eventUndated":   `SELECT id FROM events WHERE match_key = ? AND scope_story = ? AND date = '' ORDER BY id LIMIT 1`,
	"insertEvent": `INSERT INTO events (match_key, scope_story, date, date_precision, code, root, quad, goldstein, plover,
		source_code, source_country, source_agent, source_name, target_code, target_country, target_agent, target_name,
		location_name, location_country, lat, lon, first_article_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
	"insertMention": `INSERT INTO event_mentions (event_id, story_id, article_id, mentions, event_json, evidence) VALUES (?, ?, ?, ?, ?, ?)`,
	"insertQuote": `INSERT INTO quotes (article_id, story_id, speaker_name, speaker_code, text, direct, cue, reported_by, start_offset, end_offset)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
}

// HasArticle implements dyad.Store.
func (s *Store) HasArticle(ctx context.Context, key string) (bool, error) {
	var ok bool
	err := s.stmt["hasArticle"].QueryRowContext(ctx, key, key).Scan(&ok)
	return ok, err
}

// StoryByHash implements dyad.Store.
func (s *Store) StoryByHash(ctx context.Context, hash string) (dyad.StoryRef, bool, error) {
	rows, err := s.stmt["storyByHash"].QueryContext(ctx, hash)
	if err != nil {
		return dyad.StoryRef{}, false, err
	}
	refs, err := scanStories(rows)
	if err != nil || len(refs) == 0 {
		return dyad.StoryRef{}, false, err
	}
	return refs[0], true, nil
}

// StoryCandidates implements dyad.Store.
func (s *Store) StoryCandidates(ctx context.Context, bands []int64, limit int) ([]dyad.StoryRef, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	args := make([]any, 0, len(bands)+1)
	for _, b := range bands {
		args = append(args, b)
	}
	args = append(args, limit)
	q := `SELECT s.id, s.article_key, s.signature, s.shingles FROM stories s WHERE s.id IN (
		SELECT story_id FROM story_bands WHERE band IN (?` + strings.Repeat(", ?", len(bands)-1) + `)) ORDER BY s.id LIMIT ?`
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(q), args...)
	if err != nil {
		return nil, err
	}
	return scanStories(rows)
}

func scanStories(rows *sql.Rows) ([]dyad.StoryRef, error) {
	defer rows.Close()
	var out []dyad.StoryRef
	for rows.Next() {
		var r dyad.StoryRef
		var sig []byte
		if err := rows.Scan(&r.ID, &r.ArticleKey, &sig, &r.Shingles); err != nil {
			return nil, err
		}
		r.Signature = decodeSig(sig)
		out = append(out, r)
	}
	return out, rows.Err()
}

func encodeSig(sig []uint32) []byte {
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSig(b []byte) []uint32 {
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}

// ErrUnknownOriginal is returned for a copy whose original is neither
// stored nor earlier in the batch.
var ErrUnknownOriginal = errors.New("copy of an article that is not stored")

// Write implements dyad.Store: one transaction for the batch.
func (s *Store) Write(ctx context.Context, batch []dyad.Record) (added int, err error) {
	if len(batch) == 0 {
		return 0, nil
	}
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	now := s.Now().UTC().Format(time.RFC3339)
	for i := range batch {
		ok, err := s.writeOne(ctx, tx, &batch[i], now)
		if err != nil {
			return 0, fmt.Errorf("article %q (%s): %w", batch[i].Article.ID, batch[i].Source, err)
		}
		if ok {
			added++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return added, nil
}

func (s *Store) writeOne(ctx context.Context, tx *sql.Tx, r *dyad.Record, now string) (bool, error) {
	var exists bool
	if err := s.in(ctx, tx, "hasArticle").QueryRowContext(ctx, r.Key, r.Key).Scan(&exists); err != nil {
		return false, err
	}
	if exists {
		return false, nil
	}
	a := &r.Article
	if r.Status == dyad.StatusExact || r.Status == dyad.StatusNear {
		story, err := s.storyOf(ctx, tx, r.CopyOf)
		if err != nil {
			return false, err
		}
		_, err = s.in(ctx, tx, "insertCopy").ExecContext(ctx, r.Key, story, a.ID, a.URL, a.Title, a.Outlet, SourceName(*a),
			a.Published, a.Language, string(r.Status), r.Similarity, r.Source, now)
		return err == nil, err
	}
	var story, article int64
	if err := s.in(ctx, tx, "insertStory").QueryRowContext(ctx, r.Key, r.TextHash, encodeSig(r.Signature), r.Shingles).Scan(&story); err != nil {
		return false, err
	}
	for _, b := range r.Bands {
		if _, err := s.in(ctx, tx, "insertBand").ExecContext(ctx, b, story); err != nil {
			return false, err
		}
	}
	if err := s.in(ctx, tx, "insertArticle").QueryRowContext(ctx, r.Key, story, a.ID, a.URL, a.Title, a.Outlet, SourceName(*a),
		a.Published, a.Language, a.Text, string(r.Status), r.Reason, r.Source, now).Scan(&article); err != nil {
		return false, err
	}
	for i := range r.Events {
		if err := s.writeEvent(ctx, tx, &r.Events[i], story, article); err != nil {
			return false, err
		}
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		via, _ := json.Marshal(nonNil(q.ReportedBy))
		if _, err := s.in(ctx, tx, "insertQuote").ExecContext(ctx, article, story, q.Speaker.Name, q.Speaker.Code, q.Text,
			q.Direct, q.Cue, string(via), q.Start, q.End); err != nil {
			return false, err
		}
	}
	return true, nil
}

func (s *Store) storyOf(ctx context.Context, tx *sql.Tx, key string) (int64, error) {
	var id int64
	err := s.in(ctx, tx, "storyOfArticle").QueryRowContext(ctx, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.in(ctx, tx, "storyOfCopy").QueryRowContext(ctx, key).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w (key %s)", ErrUnknownOriginal, key)
	}
	return id, err
}

// MatchKey is what makes two reports the same event, apart from the date:
// source, target, code and place.
func MatchKey(e *dyad.Event) string {
	place := ""
	if e.Location != nil {
		place = strings.ToLower(e.Location.Country + "/" + e.Location.Name)
	}
	return e.Source.Code + "|" + e.Target.Code + "|" + e.Code + "|" + place
}

// writeEvent merges the event with a stored one of the same match key
// dated within a day (the nearest, then the oldest), or stores a new one.
// Undated events merge only within their story.
func (s *Store) writeEvent(ctx context.Context, tx *sql.Tx, e *dyad.Event, story, article int64) error {
	key := MatchKey(e)
	var id int64
	found := false
	if e.Date == "" {
		err := s.in(ctx, tx, "eventUndated").QueryRowContext(ctx, key, story).Scan(&id)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		found = err == nil
	} else if day, err := time.Parse("2006-01-02", e.Date); err == nil {
		prev, next := day.AddDate(0, 0, -1).Format("2006-01-02"), day.AddDate(0, 0, 1).Format("2006-01-02")
		rows, err := s.in(ctx, tx, "eventsNear").QueryContext(ctx, key, prev, e.Date, next)
		if err != nil {
			return err
		}
		// Rows come oldest first: a same-day event wins over a neighbour's.
		exact := false
		for rows.Next() {
			var cid int64
			var cdate string
			if err := rows.Scan(&cid, &cdate); err != nil {
				rows.Close()
				return err
			}
			if same := cdate == e.Date; !found || (same && !exact) {
				id, found, exact = cid, true, same
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	} else {
		return fmt.Errorf("event date %q: want YYYY-MM-DD", e.Date)
	}
	if !found {
		scope := int64(0)
		if e.Date == "" {
			scope = story
		}
		var lname, lcountry string
		var lat, lon float64
		if e.Location != nil {
			lname, lcountry, lat, lon = e.Location.Name, e.Location.Country, e.Location.Lat, e.Location.Lon
		}
		if err := s.in(ctx, tx, "insertEvent").QueryRowContext(ctx, key, scope, e.Date, e.DatePrecision, e.Code, e.Root, e.Quad,
			e.Goldstein, e.Plover, e.Source.Code, e.Source.Country, e.Source.Agent, e.Source.Name,
			e.Target.Code, e.Target.Country, e.Target.Agent, e.Target.Name,
			lname, lcountry, lat, lon, article).Scan(&id); err != nil {
			return err
		}
	}
	c := *e
	c.ReportedBy = nonNil(c.ReportedBy)
	if c.Evidence == nil {
		c.Evidence = []dyad.Evidence{}
	}
	js, err := json.Marshal(&c)
	if err != nil {
		return err
	}
	mentions := max(e.Mentions, 1)
	_, err = s.in(ctx, tx, "insertMention").ExecContext(ctx, id, story, article, mentions, string(js), evidenceText(c.Evidence))
	return err
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// SourceName is the outlet an article is counted under for NumSources:
// its outlet, else its URL's host, else "".
func SourceName(a dyad.Article) string {
	if o := strings.TrimSpace(a.Outlet); o != "" {
		return o
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// Counts implements dyad.Store.
func (s *Store) Counts(ctx context.Context) (dyad.Counts, error) {
	var c dyad.Counts
	err := s.DB.QueryRowContext(ctx, s.d.Rebind(`SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM copies),
		(SELECT COUNT(*) FROM stories),
		(SELECT COUNT(*) FROM articles WHERE status = ?),
		(SELECT COUNT(*) FROM articles WHERE status = ?),
		(SELECT COUNT(*) FROM articles WHERE status = ?),
		(SELECT COUNT(*) FROM copies WHERE kind = ?),
		(SELECT COUNT(*) FROM copies WHERE kind = ?),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM event_mentions),
		(SELECT COUNT(*) FROM quotes)`),
		dyad.StatusCoded, dyad.StatusNotEnglish, dyad.StatusFailed, dyad.StatusExact, dyad.StatusNear).Scan(
		&c.Articles, new(int), &c.Stories, &c.Coded, &c.NotEnglish, &c.Failed, &c.ExactCopies, &c.NearCopies,
		&c.Events, &c.EventMentions, &c.Quotes)
	c.Articles += c.ExactCopies + c.NearCopies
	return c, err
}

// Events implements dyad.Store. Counts follow GDELT: NumArticles counts
// every article (copies too) of every story reporting the event,
// NumSources their distinct outlets, NumMentions the sentences.
func (s *Store) Events(ctx context.Context, fn func(dyad.StoredEvent) error) error {
	rows, err := s.DB.QueryContext(ctx, `WITH arts AS (
			SELECT story_id, source_name FROM articles
			UNION ALL SELECT story_id, source_name FROM copies),
		sizes AS (SELECT story_id, COUNT(*) AS n FROM arts GROUP BY story_id),
		firsts AS (SELECT event_id, MIN(id) AS mid FROM event_mentions GROUP BY event_id)
		SELECT e.id, m.event_json,
			(SELECT CAST(SUM(z.n) AS BIGINT) FROM sizes z WHERE z.story_id IN (SELECT story_id FROM event_mentions WHERE event_id = e.id)),
			(SELECT COUNT(DISTINCT a.source_name) FROM arts a WHERE a.source_name <> '' AND a.story_id IN (SELECT story_id FROM event_mentions WHERE event_id = e.id)),
			(SELECT CAST(SUM(em.mentions * z.n) AS BIGINT) FROM event_mentions em JOIN sizes z ON z.story_id = em.story_id WHERE em.event_id = e.id)
		FROM events e JOIN firsts f ON f.event_id = e.id JOIN event_mentions m ON m.id = f.mid
		ORDER BY e.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var se dyad.StoredEvent
		var js string
		if err := rows.Scan(&se.ID, &js, &se.NumArticles, &se.NumSources, &se.NumMentions); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(js), &se.Event); err != nil {
			return fmt.Errorf("event %d: %w", se.ID, err)
		}
		if err := fn(se); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Reports implements dyad.Store.
func (s *Store) Reports(ctx context.Context, fn func(dyad.EventReport) error) error {
	rows, err := s.DB.QueryContext(ctx, `SELECT event_id, event_json FROM event_mentions ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r dyad.EventReport
		var js string
		if err := rows.Scan(&r.EventID, &js); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(js), &r.Event); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Quotes implements dyad.Store.
func (s *Store) Quotes(ctx context.Context, fn func(dyad.Quote) error) error {
	rows, err := s.DB.QueryContext(ctx, `SELECT a.ext_id, q.speaker_name, q.speaker_code, q.text, q.direct, q.cue,
		q.reported_by, q.start_offset, q.end_offset FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var q dyad.Quote
		var via string
		if err := rows.Scan(&q.ArticleID, &q.Speaker.Name, &q.Speaker.Code, &q.Text, &q.Direct, &q.Cue, &via, &q.Start, &q.End); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(via), &q.ReportedBy); err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Search implements dyad.Store.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]dyad.SearchHit, error) {
	arg := s.d.SearchArg(q)
	if arg == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.DB.QueryContext(ctx, s.d.SearchSQL, arg, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dyad.SearchHit
	for rows.Next() {
		var h dyad.SearchHit
		if err := rows.Scan(&h.Key, &h.ID, &h.Title, &h.URL, &h.Outlet, &h.Snippet); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Close implements dyad.Store.
func (s *Store) Close() error {
	for _, st := range s.stmt {
		st.Close()
	}
	return s.DB.Close()
}

// Words splits a search query into words of letters and digits, the part
// of it both stores' search syntaxes agree on.
func Words(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return !(r == '-' || r == '\'' || ('0' <= r && r <= '9') || isLetter(r))
	})
}

func isLetter(r rune) bool {
	return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r > 0x7f && r != '\u00a0'
}
