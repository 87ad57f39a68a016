package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dyadproject/dyad"
)

// The read side of dyad serve: filtered, keyset-paginated event lists,
// event and article details, series and rankings.

func evidenceText(ev []dyad.Evidence) string {
	var b strings.Builder
	for i, e := range ev {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(e.Text)
	}
	return b.String()
}

// where accumulates AND-ed conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// isCode reports whether s reads as a code (capitals and digits) rather
// than a name.
func isCode(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// likeArg escapes s for LIKE … ESCAPE '\'.
func likeArg(s string, contains bool) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
	if contains {
		return "%" + s + "%"
	}
	return s
}

// sideCol is the events column a side value is compared with.
func sideCol(prefix, v string) string {
	if len(v) == 3 {
		return "e." + prefix + "_country"
	}
	return "e." + prefix + "_code"
}

func dyadCond(w *where, a, b string, directed bool) {
	if directed {
		w.add(sideCol("source", a)+" = ? AND "+sideCol("target", b)+" = ?", a, b)
		return
	}
	w.add("(("+sideCol("source", a)+" = ? AND "+sideCol("target", b)+" = ?) OR ("+
		sideCol("source", b)+" = ? AND "+sideCol("target", a)+" = ?))", a, b, b, a)
}

func dateConds(w *where, from, to string) {
	if from != "" {
		w.add("e.date >= ?", from)
	}
	if to != "" {
		w.add("e.date <= ? AND e.date <> ''", to)
	}
}

// eventFilter is a filter as SQL: conditions every row meets, and
// alternatives of which a row meets one (either side of an actor or a
// dyad, the codes under a prefix). An index answers each alternative in
// sort order where it cannot answer their OR, so QueryEvents scans one
// index per alternative and merges the scans.
type eventFilter struct {
	common *where
	alts   []*where
}

// or makes the alternatives the product of the current ones and opts.
func (f *eventFilter) or(opts ...*where) {
	var out []*where
	for _, a := range f.alts {
		for _, o := range opts {
			out = append(out, &where{conds: append(append([]string{}, a.conds...), o.conds...), args: append(append([]any{}, a.args...), o.args...)})
		}
	}
	f.alts = out
}

func cond(c string, args ...any) *where { return &where{conds: []string{c}, args: args} }

func (s *Store) eventWhere(ctx context.Context, f *dyad.EventFilter) (*eventFilter, error) {
	ef := &eventFilter{common: &where{}, alts: []*where{{}}}
	w := ef.common
	like := " " + s.d.ILike + ` ? ESCAPE '\'`
	if f.Actor != "" {
		if isCode(f.Actor) {
			ef.or(cond("e.source_code = ?", f.Actor), cond("e.target_code = ?", f.Actor))
		} else {
			arg := likeArg(f.Actor, true)
			w.add("(e.source_name"+like+" OR e.target_name"+like+")", arg, arg)
		}
	}
	if f.Source != "" {
		w.add(sideCol("source", f.Source)+" = ?", f.Source)
	}
	if f.Target != "" {
		w.add(sideCol("target", f.Target)+" = ?", f.Target)
	}
	if (f.DyadA == "") != (f.DyadB == "") {
		return nil, fmt.Errorf("%w: a dyad needs both sides", dyad.ErrBadQuery)
	}
	if f.DyadA != "" {
		ab := cond(sideCol("source", f.DyadA)+" = ? AND "+sideCol("target", f.DyadB)+" = ?", f.DyadA, f.DyadB)
		if f.Directed || f.DyadA == f.DyadB {
			w.add(ab.conds[0], ab.args...)
		} else {
			ef.or(ab, cond(sideCol("source", f.DyadB)+" = ? AND "+sideCol("target", f.DyadA)+" = ?", f.DyadB, f.DyadA))
		}
	}
	switch n := len(f.Code); {
	case n == 2:
		w.add("e.root = ?", f.Code) // the root is the code's first two digits
	case n == 3:
		// The code itself and its four-digit children.
		opts := []*where{cond("e.code = ?", f.Code)}
		for d := '0'; d <= '9'; d++ {
			opts = append(opts, cond("e.code = ?", f.Code+string(d)))
		}
		ef.or(opts...)
	case n > 0:
		w.add("e.code = ?", f.Code)
	}
	if f.Root != "" {
		w.add("e.root = ?", f.Root)
	}
	if f.Plover != "" {
		w.add("e.plover = ?", f.Plover)
	}
	if f.Quad != 0 {
		w.add("e.quad = ?", f.Quad)
	}
	dateConds(w, f.From, f.To)
	if f.Place != "" {
		if len(f.Place) == 3 && isCode(f.Place) {
			w.add("e.location_country = ?", f.Place)
		} else {
			w.add("e.location_name"+like, likeArg(f.Place, false))
		}
	}
	if f.Text != "" {
		arg := s.d.SearchArg(f.Text)
		if arg == "" {
			return nil, fmt.Errorf("%w: text %q has no words", dyad.ErrBadQuery, f.Text)
		}
		// Few matches: collect them and sort. Many: walk the events in
		// sort order and test each one's evidence, cheaply by LIKE first,
		// so that a common word does not collect half the store.
		many := false
		if s.d.EvidenceProbe != "" {
			var n int
			max := s.EvidenceSetMax
			if max <= 0 {
				max = DefaultEvidenceSetMax
			}
			if err := s.DB.QueryRowContext(ctx, s.d.Rebind("SELECT COUNT(*) FROM ("+s.d.EvidenceSQL+" LIMIT ?) m"), arg, max).Scan(&n); err != nil {
				return nil, err
			}
			many = n >= max
		}
		if many {
			var likes []string
			var args []any
			for _, word := range Words(f.Text) {
				likes = append(likes, "em.evidence"+like)
				args = append(args, likeArg(word, true))
			}
			w.add("EXISTS (SELECT 1 FROM event_mentions em WHERE em.event_id = e.id AND "+strings.Join(likes, " AND ")+" AND "+s.d.EvidenceProbe+")",
				append(args, arg)...)
		} else {
			w.add("e.id IN (SELECT em.event_id FROM event_mentions em WHERE em.id IN ("+s.d.EvidenceSQL+"))", arg)
		}
	}
	return ef, nil
}

// DefaultEvidenceSetMax is the number of evidence matches above which a
// text filter tests events one by one instead of collecting the matches.
const DefaultEvidenceSetMax = 5000

// cursor is the position after the last row of a page: the sort it was
// made for, that row's sort value and its id.
type cursor struct {
	Sort string          `json:"s"`
	Val  json.RawMessage `json:"v,omitempty"`
	ID   int64           `json:"i"`
}

func encodeCursor(c cursor) string {
	js, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(js)
}

func decodeCursor(s, sortName string) (cursor, error) {
	var c cursor
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(raw, &c)
	}
	if err != nil {
		return c, fmt.Errorf("%w: malformed cursor", dyad.ErrBadQuery)
	}
	if c.Sort != sortName {
		return c, fmt.Errorf("%w: the cursor belongs to another sort order (%s)", dyad.ErrBadQuery, c.Sort)
	}
	return c, nil
}

// sortColumns maps a sort key to its column.
var sortColumns = map[string]string{
	dyad.SortDate:      "e.date",
	dyad.SortGoldstein: "e.goldstein",
	dyad.SortCode:      "e.code",
	dyad.SortID:        "e.id",
}

// QueryEvents implements dyad.Querier. It selects the page's ids first,
// which the indexes answer, and then reads those events only.
func (s *Store) QueryEvents(ctx context.Context, q dyad.EventQuery) (dyad.EventPage, error) {
	if q.Sort == "" {
		q.Sort = dyad.SortDate
	}
	col, ok := sortColumns[q.Sort]
	if !ok {
		return dyad.EventPage{}, fmt.Errorf("%w: unknown sort %q", dyad.ErrBadQuery, q.Sort)
	}
	if q.Limit <= 0 {
		q.Limit = 50
	}
	ef, err := s.eventWhere(ctx, &q.EventFilter)
	if err != nil {
		return dyad.EventPage{}, err
	}
	sortName := q.Sort
	dir, cmp := "ASC", ">"
	if q.Desc {
		sortName, dir, cmp = "-"+q.Sort, "DESC", "<"
	}
	var after *where
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor, sortName)
		if err != nil {
			return dyad.EventPage{}, err
		}
		if q.Sort == dyad.SortID {
			after = cond("e.id "+cmp+" ?", c.ID)
		} else {
			var v any
			if q.Sort == dyad.SortGoldstein {
				var f float64
				err = json.Unmarshal(c.Val, &f)
				v = f
			} else {
				var str string
				err = json.Unmarshal(c.Val, &str)
				v = str
			}
			if err != nil {
				return dyad.EventPage{}, fmt.Errorf("%w: malformed cursor", dyad.ErrBadQuery)
			}
			// A row value, so that the index scan starts at the cursor.
			after = cond("("+col+", e.id) "+cmp+" (?, ?)", v, c.ID)
		}
	}
	order := " ORDER BY " + col + " " + dir
	if q.Sort != dyad.SortID {
		order += ", e.id " + dir
	}
	branch := func(alt *where) (string, []any) {
		w := &where{conds: append(append([]string{}, ef.common.conds...), alt.conds...), args: append(append([]any{}, ef.common.args...), alt.args...)}
		if after != nil {
			w.add(after.conds[0], after.args...)
		}
		return "SELECT e.id AS id, " + col + " AS k FROM events e" + w.sql() + order + " LIMIT ?", append(w.args, q.Limit+1)
	}
	var sqlText string
	var args []any
	if len(ef.alts) == 1 {
		sqlText, args = branch(ef.alts[0])
	} else {
		parts := make([]string, len(ef.alts))
		for i, alt := range ef.alts {
			b, a := branch(alt)
			parts[i] = fmt.Sprintf("SELECT id, k FROM (%s) b%d", b, i)
			args = append(args, a...)
		}
		sqlText = strings.Join(parts, " UNION ") + " ORDER BY k " + dir + ", id " + dir + " LIMIT ?"
		args = append(args, q.Limit+1)
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(sqlText), args...)
	if err != nil {
		return dyad.EventPage{}, err
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return dyad.EventPage{}, err
	}
	more := len(ids) > q.Limit
	if more {
		ids = ids[:q.Limit]
	}
	hits, err := s.eventHits(ctx, ids)
	if err != nil {
		return dyad.EventPage{}, err
	}
	page := dyad.EventPage{Events: hits}
	if more && len(hits) > 0 {
		last := hits[len(hits)-1]
		c := cursor{Sort: sortName, ID: last.ID}
		switch q.Sort {
		case dyad.SortDate:
			c.Val, _ = json.Marshal(last.Event.Date)
		case dyad.SortGoldstein:
			c.Val, _ = json.Marshal(last.Event.Goldstein)
		case dyad.SortCode:
			c.Val, _ = json.Marshal(last.Event.Code)
		}
		page.Next = encodeCursor(c)
	}
	return page, nil
}

// scanIDs reads the first column of (id, sort key) rows.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		var key any
		if err := rows.Scan(&id, &key); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func placeholders(n int) string {
	return "?" + strings.Repeat(", ?", n-1)
}

func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

const articleRefCols = "a.key, a.ext_id, a.title, a.url, a.outlet, a.published"

func refDest(r *dyad.ArticleRef) []any {
	return []any{&r.Key, &r.ID, &r.Title, &r.URL, &r.Outlet, &r.Published}
}

// eventHits reads the events with these ids, in this order, each as its
// first report with its first article and GDELT-style counts.
func (s *Store) eventHits(ctx context.Context, ids []int64) ([]dyad.EventHit, error) {
	if len(ids) == 0 {
		return []dyad.EventHit{}, nil
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT e.id, m.event_json, `+articleRefCols+`
		FROM events e JOIN articles a ON a.id = e.first_article_id
		JOIN event_mentions m ON m.id = (SELECT MIN(m2.id) FROM event_mentions m2 WHERE m2.event_id = e.id)
		WHERE e.id IN (`+placeholders(len(ids))+`)`), int64Args(ids)...)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*dyad.EventHit, len(ids))
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			h := &dyad.EventHit{}
			var js string
			if err := rows.Scan(append([]any{&h.ID, &js}, refDest(&h.Article)...)...); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(js), &h.Event); err != nil {
				return fmt.Errorf("event %d: %w", h.ID, err)
			}
			byID[h.ID] = h
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	if err := s.countEvents(ctx, ids, byID); err != nil {
		return nil, err
	}
	out := make([]dyad.EventHit, 0, len(ids))
	for _, id := range ids {
		if h := byID[id]; h != nil {
			out = append(out, *h)
		}
	}
	return out, nil
}

// countEvents fills NumArticles, NumSources and NumMentions as Events
// does, for a few events.
func (s *Store) countEvents(ctx context.Context, ids []int64, byID map[int64]*dyad.EventHit) error {
	type rep struct {
		event, story int64
		mentions     int
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT event_id, story_id, mentions FROM event_mentions
		WHERE event_id IN (`+placeholders(len(ids))+`)`), int64Args(ids)...)
	if err != nil {
		return err
	}
	var reps []rep
	stories := map[int64]bool{}
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var r rep
			if err := rows.Scan(&r.event, &r.story, &r.mentions); err != nil {
				return err
			}
			reps = append(reps, r)
			stories[r.story] = true
		}
		return rows.Err()
	}()
	if err != nil || len(reps) == 0 {
		return err
	}
	sids := make([]int64, 0, len(stories))
	for id := range stories {
		sids = append(sids, id)
	}
	sort.Slice(sids, func(i, j int) bool { return sids[i] < sids[j] })
	rows, err = s.DB.QueryContext(ctx, s.d.Rebind(`SELECT story_id, source_name FROM articles WHERE story_id IN (`+placeholders(len(sids))+`)
		UNION ALL SELECT story_id, source_name FROM copies WHERE story_id IN (`+placeholders(len(sids))+`)`),
		append(int64Args(sids), int64Args(sids)...)...)
	if err != nil {
		return err
	}
	size := map[int64]int{}
	names := map[int64][]string{}
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				return err
			}
			size[id]++
			if name != "" {
				names[id] = append(names[id], name)
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return err
	}
	seen := map[int64]map[string]bool{}
	for _, r := range reps {
		h := byID[r.event]
		if h == nil {
			continue
		}
		n := size[r.story]
		h.NumArticles += n
		h.NumMentions += r.mentions * n
		if seen[r.event] == nil {
			seen[r.event] = map[string]bool{}
		}
		for _, name := range names[r.story] {
			if !seen[r.event][name] {
				seen[r.event][name] = true
				h.NumSources++
			}
		}
	}
	return nil
}

// EventDetail implements dyad.Querier.
func (s *Store) EventDetail(ctx context.Context, id int64) (dyad.EventDetail, error) {
	hits, err := s.eventHits(ctx, []int64{id})
	if err != nil {
		return dyad.EventDetail{}, err
	}
	if len(hits) == 0 {
		return dyad.EventDetail{}, fmt.Errorf("event %d: %w", id, dyad.ErrNotFound)
	}
	d := dyad.EventDetail{StoredEvent: hits[0].StoredEvent}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT m.event_json, m.story_id, a.id, `+articleRefCols+`
		FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id`), id)
	if err != nil {
		return d, err
	}
	var stories, articles []int64
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var r dyad.ReportDetail
			var js string
			var story, article int64
			if err := rows.Scan(append([]any{&js, &story, &article}, refDest(&r.Article)...)...); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(js), &r.Event); err != nil {
				return err
			}
			r.Copies, r.Quotes = []dyad.ArticleRef{}, []dyad.Quote{}
			d.Reports = append(d.Reports, r)
			stories, articles = append(stories, story), append(articles, article)
		}
		return rows.Err()
	}()
	if err != nil {
		return d, err
	}
	copies, err := s.copiesOf(ctx, stories)
	if err != nil {
		return d, err
	}
	quotes, err := s.quotesOf(ctx, articles)
	if err != nil {
		return d, err
	}
	for i := range d.Reports {
		r := &d.Reports[i]
		r.Copies = append(r.Copies, copies[stories[i]]...)
		for _, q := range quotes[articles[i]] {
			for _, ev := range r.Event.Evidence {
				if q.Start < ev.End && ev.Start < q.End {
					r.Quotes = append(r.Quotes, q)
					break
				}
			}
		}
	}
	return d, nil
}

// copiesOf lists the copies of each story, oldest first.
func (s *Store) copiesOf(ctx context.Context, stories []int64) (map[int64][]dyad.ArticleRef, error) {
	out := map[int64][]dyad.ArticleRef{}
	if len(stories) == 0 {
		return out, nil
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT a.story_id, `+articleRefCols+` FROM copies a
		WHERE a.story_id IN (`+placeholders(len(stories))+`) ORDER BY a.id`), int64Args(stories)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var story int64
		var r dyad.ArticleRef
		if err := rows.Scan(append([]any{&story}, refDest(&r)...)...); err != nil {
			return nil, err
		}
		out[story] = append(out[story], r)
	}
	return out, rows.Err()
}

const quoteCols = "q.article_id, a.ext_id, q.speaker_name, q.speaker_code, q.text, q.direct, q.cue, q.reported_by, q.start_offset, q.end_offset"

func scanQuote(sc interface{ Scan(...any) error }, article *int64, extra ...any) (dyad.Quote, error) {
	var q dyad.Quote
	var via string
	err := sc.Scan(append([]any{article, &q.ArticleID, &q.Speaker.Name, &q.Speaker.Code, &q.Text, &q.Direct, &q.Cue,
		&via, &q.Start, &q.End}, extra...)...)
	if err == nil {
		err = json.Unmarshal([]byte(via), &q.ReportedBy)
	}
	return q, err
}

// quotesOf lists the quotes of each article in text order.
func (s *Store) quotesOf(ctx context.Context, articles []int64) (map[int64][]dyad.Quote, error) {
	out := map[int64][]dyad.Quote{}
	if len(articles) == 0 {
		return out, nil
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT `+quoteCols+` FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE q.article_id IN (`+placeholders(len(articles))+`) ORDER BY q.start_offset, q.id`), int64Args(articles)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		q, err := scanQuote(rows, &article)
		if err != nil {
			return nil, err
		}
		out[article] = append(out[article], q)
	}
	return out, rows.Err()
}

// Article implements dyad.Querier.
func (s *Store) Article(ctx context.Context, keyOrID string) (dyad.StoredArticle, error) {
	var a dyad.StoredArticle
	var id, story int64
	var status string
	cols := `SELECT a.id, a.story_id, ` + articleRefCols + `, a.text, a.language, a.status, a.reason, a.source, a.ingested_at FROM articles a `
	dest := append(append([]any{&id, &story}, refDest(&a.ArticleRef)...), &a.Text, &a.Language, &status, &a.Reason, &a.Source, &a.IngestedAt)
	found := false
	for _, cond := range []string{"WHERE a.key = ?", "WHERE a.ext_id = ? ORDER BY a.id LIMIT 1"} {
		err := s.DB.QueryRowContext(ctx, s.d.Rebind(cols+cond), keyOrID).Scan(dest...)
		if err == nil {
			found = true
			break
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return a, err
		}
	}
	if !found {
		// A copy shows its story's text and codes.
		var c dyad.ArticleRef
		var cstory int64
		copyCols := `SELECT a.story_id, ` + articleRefCols + ` FROM copies a `
		for _, cond := range []string{"WHERE a.key = ?", "WHERE a.ext_id = ? ORDER BY a.id LIMIT 1"} {
			err := s.DB.QueryRowContext(ctx, s.d.Rebind(copyCols+cond), keyOrID).Scan(append([]any{&cstory}, refDest(&c)...)...)
			if err == nil {
				found = true
				break
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return a, err
			}
		}
		if !found {
			return a, fmt.Errorf("article %q: %w", keyOrID, dyad.ErrNotFound)
		}
		if err := s.DB.QueryRowContext(ctx, s.d.Rebind(cols+"WHERE a.story_id = ? ORDER BY a.id LIMIT 1"), cstory).Scan(dest...); err != nil {
			return a, fmt.Errorf("story of copy %q: %w", keyOrID, err)
		}
		a.CopyOf = &c
	}
	a.Status = dyad.ArticleStatus(status)
	copies, err := s.copiesOf(ctx, []int64{story})
	if err != nil {
		return a, err
	}
	a.Copies = append([]dyad.ArticleRef{}, copies[story]...)
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT event_id, event_json FROM event_mentions WHERE article_id = ? ORDER BY id`), id)
	if err != nil {
		return a, err
	}
	a.Events = []dyad.EventReport{}
	err = func() error {
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
			a.Events = append(a.Events, r)
		}
		return rows.Err()
	}()
	if err != nil {
		return a, err
	}
	quotes, err := s.quotesOf(ctx, []int64{id})
	if err != nil {
		return a, err
	}
	a.Quotes = append([]dyad.Quote{}, quotes[id]...)
	return a, nil
}

// DyadSeries implements dyad.Querier.
func (s *Store) DyadSeries(ctx context.Context, q dyad.SeriesQuery) ([]dyad.DayCount, error) {
	if q.A == "" || q.B == "" {
		return nil, fmt.Errorf("%w: a dyad needs both sides", dyad.ErrBadQuery)
	}
	// An undated event counts on the day its first article was published,
	// the date the coding policy gives an event whose text names none.
	w := &where{}
	dyadCond(w, q.A, q.B, q.Directed)
	outer := &where{}
	outer.add("x.day <> ''")
	if q.From != "" {
		outer.add("x.day >= ?", q.From)
	}
	if q.To != "" {
		outer.add("x.day <= ?", q.To)
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT x.day, x.quad, COUNT(*), SUM(x.goldstein) FROM (
		SELECT CASE WHEN e.date <> '' THEN e.date
			ELSE (SELECT substr(a.published, 1, 10) FROM articles a WHERE a.id = e.first_article_id) END AS day,
			e.quad, e.goldstein
		FROM events e`+w.sql()+`) x`+outer.sql()+
		` GROUP BY x.day, x.quad ORDER BY x.day, x.quad`), append(w.args, outer.args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dyad.DayCount{}
	for rows.Next() {
		var d dyad.DayCount
		if err := rows.Scan(&d.Date, &d.Quad, &d.Events, &d.Goldstein); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// TopActors implements dyad.Querier. It counts by code from the code
// indexes alone, then names each of the few codes it returns after the
// name most of its latest events give it.
func (s *Store) TopActors(ctx context.Context, q dyad.ActorQuery) ([]dyad.ActorCount, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	filter := func(side string) *where {
		w := &where{}
		if q.Country != "" {
			// A code starts with its country: stay inside the code index.
			w.add("e."+side+"_code >= ? AND e."+side+"_code < ?", q.Country, q.Country[:len(q.Country)-1]+string(q.Country[len(q.Country)-1]+1))
		}
		dateConds(w, q.From, q.To)
		return w
	}
	var parts []string
	var args []any
	for _, side := range []string{"source", "target"} {
		if q.Role != "" && q.Role != side {
			continue
		}
		w := filter(side)
		s, t := "COUNT(*)", "0"
		if side == "target" {
			s, t = t, s
		}
		parts = append(parts, fmt.Sprintf("SELECT e.%[1]s_code AS code, %[2]s AS s, %[3]s AS t FROM events e%[4]s GROUP BY e.%[1]s_code", side, s, t, w.sql()))
		args = append(args, w.args...)
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT code, CAST(SUM(s) AS BIGINT), CAST(SUM(t) AS BIGINT) FROM (`+
		strings.Join(parts, " UNION ALL ")+`) x WHERE code <> '' GROUP BY code ORDER BY SUM(s) + SUM(t) DESC, code LIMIT ?`), append(args, q.Limit)...)
	if err != nil {
		return nil, err
	}
	out := []dyad.ActorCount{}
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var c dyad.ActorCount
			if err := rows.Scan(&c.Code, &c.AsSource, &c.AsTarget); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := s.nameActor(ctx, &out[i], q); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nameActor gives c the country and the most frequent name of its latest
// events in the query's period (ties: the latest), on either side.
func (s *Store) nameActor(ctx context.Context, c *dyad.ActorCount, q dyad.ActorQuery) error {
	var parts []string
	var args []any
	for _, side := range []string{"source", "target"} {
		w := &where{}
		w.add("e."+side+"_code = ?", c.Code)
		dateConds(w, q.From, q.To)
		parts = append(parts, fmt.Sprintf("SELECT name, country, date FROM (SELECT e.%[1]s_name AS name, e.%[1]s_country AS country, e.date AS date FROM events e%[2]s ORDER BY e.date DESC LIMIT 50) %[1]s", side, w.sql()))
		args = append(args, w.args...)
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(strings.Join(parts, " UNION ALL ")+" ORDER BY date DESC"), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	count := map[string]int{}
	best := ""
	for rows.Next() {
		var name, country, date string
		if err := rows.Scan(&name, &country, &date); err != nil {
			return err
		}
		if c.Country == "" {
			c.Country = country
		}
		if name == "" {
			continue
		}
		count[name]++
		if best == "" || count[name] > count[best] {
			best = name
		}
	}
	c.Name = best
	return rows.Err()
}

// QueryQuotes implements dyad.Querier.
func (s *Store) QueryQuotes(ctx context.Context, q dyad.QuoteQuery) (dyad.QuotePage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	w := &where{}
	if q.Speaker != "" {
		if isCode(q.Speaker) {
			w.add("q.speaker_code = ?", q.Speaker)
		} else {
			w.add("q.speaker_name "+s.d.ILike+` ? ESCAPE '\'`, likeArg(q.Speaker, true))
		}
	}
	if q.Article != "" {
		w.add("(a.key = ? OR a.ext_id = ?)", q.Article, q.Article)
	}
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor, "quotes")
		if err != nil {
			return dyad.QuotePage{}, err
		}
		w.add("q.id < ?", c.ID)
	}
	rows, err := s.DB.QueryContext(ctx, s.d.Rebind(`SELECT `+quoteCols+`, q.id, `+articleRefCols+`
		FROM quotes q JOIN articles a ON a.id = q.article_id`+w.sql()+` ORDER BY q.id DESC LIMIT ?`), append(w.args, q.Limit+1)...)
	if err != nil {
		return dyad.QuotePage{}, err
	}
	defer rows.Close()
	page := dyad.QuotePage{Quotes: []dyad.StoredQuote{}}
	for rows.Next() {
		var sq dyad.StoredQuote
		var article int64
		quote, err := scanQuote(rows, &article, append([]any{&sq.ID}, refDest(&sq.Article)...)...)
		if err != nil {
			return page, err
		}
		sq.Quote = quote
		page.Quotes = append(page.Quotes, sq)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	if len(page.Quotes) > q.Limit {
		page.Quotes = page.Quotes[:q.Limit]
		page.Next = encodeCursor(cursor{Sort: "quotes", ID: page.Quotes[q.Limit-1].ID})
	}
	return page, nil
}

// Version implements dyad.Querier: the highest row ids of the tables a
// write adds to, which only grow.
func (s *Store) Version(ctx context.Context) (string, error) {
	var a, c, m sql.NullInt64
	err := s.DB.QueryRowContext(ctx, `SELECT (SELECT MAX(id) FROM articles), (SELECT MAX(id) FROM copies),
		(SELECT MAX(id) FROM event_mentions)`).Scan(&a, &c, &m)
	return fmt.Sprintf("%d.%d.%d", a.Int64, c.Int64, m.Int64), err
}
