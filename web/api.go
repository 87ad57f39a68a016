package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// The JSON the API answers with. Events keep FORMATS.md §2's fields and
// add the store's; spans are byte offsets into the article text.

type articleRef struct {
	Key       string `json:"key"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
}

func ref(r dyad.ArticleRef) articleRef { return articleRef(r) }

func refs(rs []dyad.ArticleRef) []articleRef {
	out := make([]articleRef, len(rs))
	for i, r := range rs {
		out[i] = ref(r)
	}
	return out
}

type eventJSON struct {
	ID int64 `json:"id"`
	dyad.Event
	NumArticles int        `json:"num_articles"`
	NumSources  int        `json:"num_sources"`
	NumMentions int        `json:"num_mentions"`
	Article     articleRef `json:"article"`
}

// clean makes a stored event's lists non-null, as FORMATS.md wants.
func clean(e dyad.Event) dyad.Event {
	if e.ReportedBy == nil {
		e.ReportedBy = []string{}
	}
	if e.Evidence == nil {
		e.Evidence = []dyad.Evidence{}
	}
	return e
}

func eventOf(h dyad.EventHit) eventJSON {
	return eventJSON{ID: h.ID, Event: clean(h.Event), NumArticles: h.NumArticles, NumSources: h.NumSources,
		NumMentions: h.NumMentions, Article: ref(h.Article)}
}

var eventParams = []string{"actor", "source", "target", "dyad", "directed", "code", "root", "plover", "quad",
	"from", "to", "place", "q", "sort", "cursor", "limit"}

var sorts = []string{"date", "-date", "goldstein", "-goldstein", "code", "-code", "id", "-id"}

// parseEventQuery reads GET /api/events' query string.
func parseEventQuery(raw string, maxPage int) (dyad.EventQuery, error) {
	var q dyad.EventQuery
	p, err := newParams(raw, eventParams...)
	if err != nil {
		return q, err
	}
	f := &q.EventFilter
	// An all-capitals actor or place is a code, anything else a name.
	f.Actor = p.str("actor", 100)
	f.Source, f.Target = p.code("source"), p.code("target")
	if d := p.str("dyad", 30); d != "" {
		a, b, ok := strings.Cut(strings.ToUpper(d), ",")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || !validCode(a) || !validCode(b) {
			p.fail("dyad", "want two codes separated by a comma, e.g. CHN,RUS")
		}
		f.DyadA, f.DyadB = a, b
	}
	f.Directed = p.boolean("directed")
	if f.Directed && f.DyadA == "" {
		p.fail("directed", "needs dyad")
	}
	f.Code = p.digits("code", 2, 4, "a CAMEO code or prefix of 2 to 4 digits")
	f.Root = p.digits("root", 2, 2, "a CAMEO root of 2 digits, 01 to 20")
	if f.Root != "" && (f.Root < "01" || f.Root > "20") {
		p.fail("root", "want a CAMEO root of 2 digits, 01 to 20")
	}
	f.Plover = p.plover("plover")
	f.Quad = p.intIn("quad", 0, 1, 4)
	f.From, f.To = p.dateRange()
	f.Place = p.str("place", 100)
	f.Text = p.str("q", 200)
	if len(strings.Fields(f.Text)) > 12 {
		p.fail("q", "at most 12 words")
	}
	sort := p.oneOf("sort", "-date", sorts...)
	q.Desc = strings.HasPrefix(sort, "-")
	q.Sort = strings.TrimPrefix(sort, "-")
	q.Cursor = p.str("cursor", 500)
	q.Limit = p.intIn("limit", 50, 1, maxPage)
	if p.err != nil {
		return q, p.err
	}
	return q, nil
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	q, err := parseEventQuery(r.URL.RawQuery, s.cfg.MaxPage)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.cfg.Store.QueryEvents(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Events []eventJSON `json:"events"`
		Next   *string     `json:"next"`
	}{Events: make([]eventJSON, len(page.Events))}
	for i, h := range page.Events {
		out.Events[i] = eventOf(h)
	}
	if page.Next != "" {
		out.Next = &page.Next
	}
	writeJSON(w, r, http.StatusOK, out)
}

func quotes(qs []dyad.Quote) []dyad.Quote {
	out := make([]dyad.Quote, len(qs))
	for i, q := range qs {
		if q.ReportedBy == nil {
			q.ReportedBy = []string{}
		}
		out[i] = q
	}
	return out
}

type reportJSON struct {
	Article articleRef   `json:"article"`
	Copies  []articleRef `json:"copies"`
	Event   dyad.Event   `json:"event"`
	Quotes  []dyad.Quote `json:"quotes"`
	// SourceChain is who the report passes through, outermost first: the
	// outlet, then the agencies it credits.
	SourceChain []string `json:"source_chain"`
}

func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.RawQuery); err != nil {
		s.fail(w, r, err)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		s.fail(w, r, &badParam{"id", "want a positive event id"})
		return
	}
	d, err := s.cfg.Store.EventDetail(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		eventJSON
		Reports []reportJSON `json:"reports"`
	}{eventJSON: eventJSON{ID: d.ID, Event: clean(d.Event), NumArticles: d.NumArticles, NumSources: d.NumSources,
		NumMentions: d.NumMentions}, Reports: []reportJSON{}}
	if len(d.Reports) > 0 {
		out.Article = ref(d.Reports[0].Article)
	}
	for _, rep := range d.Reports {
		chain := []string{}
		if rep.Article.Outlet != "" {
			chain = append(chain, rep.Article.Outlet)
		}
		for _, via := range rep.Event.ReportedBy {
			if len(chain) == 0 || chain[len(chain)-1] != via {
				chain = append(chain, via)
			}
		}
		out.Reports = append(out.Reports, reportJSON{Article: ref(rep.Article), Copies: refs(rep.Copies),
			Event: clean(rep.Event), Quotes: quotes(rep.Quotes), SourceChain: chain})
	}
	writeJSON(w, r, http.StatusOK, out)
}

type sentenceJSON struct {
	Index     int `json:"index"`
	Paragraph int `json:"paragraph"`
	Start     int `json:"start"`
	End       int `json:"end"`
}

type mentionJSON struct {
	Start    int        `json:"start"`
	End      int        `json:"end"`
	Sentence int        `json:"sentence"`
	Kind     string     `json:"kind"`
	Actor    dyad.Actor `json:"actor"`
	Rule     string     `json:"rule"`
}

type articleEventJSON struct {
	EventID int64 `json:"event_id"`
	dyad.Event
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.RawQuery); err != nil {
		s.fail(w, r, err)
		return
	}
	id := r.PathValue("id")
	if id == "" || len(id) > 500 {
		s.fail(w, r, &badParam{"id", "want an article key or id of at most 500 bytes"})
		return
	}
	a, err := s.cfg.Store.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		articleRef
		Language   string             `json:"language"`
		Status     string             `json:"status"`
		Reason     string             `json:"reason"`
		Source     string             `json:"source"`
		IngestedAt string             `json:"ingested_at"`
		CopyOf     *articleRef        `json:"copy_of"`
		Copies     []articleRef       `json:"copies"`
		Text       string             `json:"text"`
		Sentences  []sentenceJSON     `json:"sentences"`
		Mentions   []mentionJSON      `json:"mentions"`
		Events     []articleEventJSON `json:"events"`
		Quotes     []dyad.Quote       `json:"quotes"`
		Notes      []string           `json:"notes"`
	}{articleRef: ref(a.ArticleRef), Language: a.Language, Status: string(a.Status), Reason: a.Reason, Source: a.Source,
		IngestedAt: a.IngestedAt, Copies: refs(a.Copies), Text: a.Text, Sentences: []sentenceJSON{}, Mentions: []mentionJSON{},
		Events: []articleEventJSON{}, Quotes: quotes(a.Quotes), Notes: []string{}}
	if a.CopyOf != nil {
		c := ref(*a.CopyOf)
		out.CopyOf = &c
	}
	for _, e := range a.Events {
		out.Events = append(out.Events, articleEventJSON{EventID: e.EventID, Event: clean(e.Event)})
	}
	if s.cfg.Annotator != nil && a.Text != "" {
		// Sentences and mentions are not stored: find them again, as the
		// coder did, from the stored text.
		art := dyad.Article{ID: a.ID, Text: a.Text, Published: a.Published}
		if _, _, err := dyad.ParseDate(art.Published); err != nil {
			art.Published = ""
		}
		doc, err := s.cfg.Annotator.Code(r.Context(), art)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, st := range doc.Sentences {
			out.Sentences = append(out.Sentences, sentenceJSON{st.Index, st.Paragraph, st.Start, st.End})
		}
		for _, m := range doc.Mentions {
			out.Mentions = append(out.Mentions, mentionJSON{m.Start, m.End, m.Sentence, string(m.Kind), m.Actor, m.Rule})
		}
		out.Notes = append(out.Notes, doc.Notes...)
	}
	writeJSON(w, r, http.StatusOK, out)
}

type pointJSON struct {
	Period        string  `json:"period"` // first day of the period, YYYY-MM-DD
	Events        int     `json:"events"`
	Quad          [4]int  `json:"quad"` // events of QuadClass 1, 2, 3, 4
	Cooperation   int     `json:"cooperation"`
	Conflict      int     `json:"conflict"`
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

func (s *Server) dyadSeries(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.RawQuery, "interval", "directed", "from", "to")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, b := strings.ToUpper(r.PathValue("a")), strings.ToUpper(r.PathValue("b"))
	if !validCode(a) {
		p.fail("a", "want a country code (CHN) or actor code (CHNMIL)")
	}
	if !validCode(b) {
		p.fail("b", "want a country code (RUS) or actor code (RUSMIL)")
	}
	interval := p.oneOf("interval", "month", "day", "week", "month")
	q := dyad.SeriesQuery{A: a, B: b, Directed: p.boolean("directed")}
	q.From, q.To = p.dateRange()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	days, err := s.cfg.Store.DyadSeries(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	points := bucket(days, interval)
	total := pointJSON{Period: ""}
	for _, pt := range points {
		total.Events += pt.Events
		for i := range total.Quad {
			total.Quad[i] += pt.Quad[i]
		}
		total.GoldsteinSum += pt.GoldsteinSum
	}
	finish(&total)
	writeJSON(w, r, http.StatusOK, struct {
		A        string      `json:"a"`
		B        string      `json:"b"`
		Directed bool        `json:"directed"`
		Interval string      `json:"interval"`
		Points   []pointJSON `json:"points"`
		Total    pointJSON   `json:"total"`
	}{a, b, q.Directed, interval, points, total})
}

// bucket sums daily counts into periods: the day, the ISO week (from its
// Monday) or the month (from its first day).
func bucket(days []dyad.DayCount, interval string) []pointJSON {
	points := []pointJSON{}
	for _, d := range days {
		t, err := time.Parse("2006-01-02", d.Date)
		if err != nil || d.Quad < 1 || d.Quad > 4 {
			continue // not a day the series can place
		}
		switch interval {
		case "week":
			t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		case "month":
			t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		period := t.Format("2006-01-02")
		if len(points) == 0 || points[len(points)-1].Period != period {
			points = append(points, pointJSON{Period: period})
		}
		pt := &points[len(points)-1]
		pt.Events += d.Events
		pt.Quad[d.Quad-1] += d.Events
		pt.GoldsteinSum += d.Goldstein
	}
	for i := range points {
		finish(&points[i])
	}
	return points
}

func finish(p *pointJSON) {
	p.Cooperation = p.Quad[0] + p.Quad[1]
	p.Conflict = p.Quad[2] + p.Quad[3]
	p.GoldsteinSum = round(p.GoldsteinSum)
	if p.Events > 0 {
		p.GoldsteinMean = round(p.GoldsteinSum / float64(p.Events))
	}
}

func round(f float64) float64 {
	return float64(int64(f*1000+copysign(0.5, f))) / 1000
}

func copysign(v, sign float64) float64 {
	if sign < 0 {
		return -v
	}
	return v
}

func (s *Server) topActors(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.RawQuery, "role", "country", "from", "to", "limit")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := dyad.ActorQuery{Role: p.oneOf("role", "", "source", "target", "any")}
	if q.Role == "any" {
		q.Role = ""
	}
	q.Country = strings.ToUpper(p.str("country", 3))
	if q.Country != "" && (len(q.Country) != 3 || !validCode(q.Country)) {
		p.fail("country", "want a three-letter country or group code")
	}
	q.From, q.To = p.dateRange()
	q.Limit = p.intIn("limit", 20, 1, 200)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	actors, err := s.cfg.Store.TopActors(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type actorJSON struct {
		Code     string `json:"code"`
		Country  string `json:"country"`
		Name     string `json:"name"`
		Events   int    `json:"events"`
		AsSource int    `json:"as_source"`
		AsTarget int    `json:"as_target"`
	}
	out := struct {
		Actors []actorJSON `json:"actors"`
	}{Actors: make([]actorJSON, len(actors))}
	for i, a := range actors {
		out.Actors[i] = actorJSON{a.Code, a.Country, a.Name, a.AsSource + a.AsTarget, a.AsSource, a.AsTarget}
	}
	writeJSON(w, r, http.StatusOK, out)
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.RawQuery, "speaker", "article", "cursor", "limit")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := dyad.QuoteQuery{Speaker: p.str("speaker", 100), Article: p.str("article", 500), Cursor: p.str("cursor", 500),
		Limit: p.intIn("limit", 50, 1, s.cfg.MaxPage)}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	page, err := s.cfg.Store.QueryQuotes(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type storedQuoteJSON struct {
		ID int64 `json:"id"`
		dyad.Quote
		Article articleRef `json:"article"`
	}
	out := struct {
		Quotes []storedQuoteJSON `json:"quotes"`
		Next   *string           `json:"next"`
	}{Quotes: make([]storedQuoteJSON, len(page.Quotes))}
	for i, sq := range page.Quotes {
		out.Quotes[i] = storedQuoteJSON{sq.ID, quotes([]dyad.Quote{sq.Quote})[0], ref(sq.Article)}
	}
	if page.Next != "" {
		out.Next = &page.Next
	}
	writeJSON(w, r, http.StatusOK, out)
}
