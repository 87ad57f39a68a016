package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// ev makes an event for the query fixture.
func ev(article, source, target, code string, quad int, gold float64, plover, date, evidence string) dyad.Event {
	e := Event(article, source, target, code, date)
	e.Quad, e.Goldstein, e.Plover = quad, gold, plover
	if date == "" {
		e.DatePrecision = dyad.PrecisionUnresolved
	}
	e.Evidence = []dyad.Evidence{{Sentence: 0, Start: 0, End: len(evidence), Text: evidence}}
	return e
}

// queryFixture stores three articles, one with a copy, five events and
// two quotes; the tests name events by their article and code.
func queryFixture(t *testing.T, s dyad.Store) {
	t.Helper()
	e1 := ev("q1", "CHNMIL", "RUSMIL", "040", 1, 1, "CONSULT", "2023-10-30", "Zhang Youxia met Sergei Shoigu in Beijing.")
	e1.Source.Name, e1.Target.Name = "Zhang Youxia", "Sergei Shoigu"
	e1.Location = &dyad.Location{Name: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4}
	e1.ReportedBy = []string{"Xinhua"}
	e2 := ev("q1", "RUSGOV", "CHNGOV", "0312", 1, 3.5, "COOPERATE", "2023-10-31", "Moscow pledged closer military ties with Beijing.")
	e3 := ev("q2", "USAGOV", "CHNGOV", "112", 3, -2, "DISAPPROVE", "2023-11-02", "Washington criticised the drills near Taiwan.")
	e4 := ev("q2", "CHNMIL", "TWN", "190", 4, -10, "FIGHT", "2023-11-15", "Chinese forces fired on a patrol boat.")
	e4.Location = &dyad.Location{Name: "Kinmen", Country: "TWN", Lat: 24.4, Lon: 118.3}
	e5 := ev("q3", "RUS", "CHN", "036", 1, 4, "CONSULT", "", "Russia wants to meet China soon.")
	r1 := Original("qk1", "q1", "alpha", "Zhang Youxia met Sergei Shoigu in Beijing. Moscow pledged closer military ties with Beijing.", e1, e2)
	r1.Article.Published = "2023-11-01"
	r1.Quotes = []dyad.Quote{
		{ArticleID: "q1", Speaker: dyad.Speaker{Name: "Sergei Shoigu", Code: "RUSMIL"}, Text: "ties are at a high", Direct: true, Cue: "said", Start: 2, End: 20},
		{ArticleID: "q1", Speaker: dyad.Speaker{Name: "Zhang Youxia", Code: "CHNMIL"}, Text: "far from the meeting", Cue: "said", Start: 500, End: 520},
	}
	r2 := Original("qk2", "q2", "beta", "Washington criticised the drills near Taiwan. Chinese forces fired on a patrol boat.", e3, e4)
	r3 := Original("qk3", "q3", "gamma", "Russia wants to meet China soon.", e5)
	write(t, s, 4, r1, Copy("qk1c", "q1c", "delta", "qk1", true), r2, r3)
}

type evKey struct{ article, code string }

func keysOf(hits []dyad.EventHit) []evKey {
	out := []evKey{}
	for _, h := range hits {
		out = append(out, evKey{h.Event.ArticleID, h.Event.Code})
	}
	return out
}

func testQueryEvents(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	ctx := context.Background()
	k := func(a, c string) evKey { return evKey{a, c} }
	for _, tc := range []struct {
		name string
		q    dyad.EventQuery
		want []evKey
	}{
		{"all, newest first, undated last", dyad.EventQuery{Desc: true},
			[]evKey{k("q2", "190"), k("q2", "112"), k("q1", "0312"), k("q1", "040"), k("q3", "036")}},
		{"all, oldest first", dyad.EventQuery{},
			[]evKey{k("q3", "036"), k("q1", "040"), k("q1", "0312"), k("q2", "112"), k("q2", "190")}},
		{"actor code either side", dyad.EventQuery{EventFilter: dyad.EventFilter{Actor: "CHNMIL"}},
			[]evKey{k("q1", "040"), k("q2", "190")}},
		{"actor name part, any case", dyad.EventQuery{EventFilter: dyad.EventFilter{Actor: "shoigu"}},
			[]evKey{k("q1", "040")}},
		{"source country", dyad.EventQuery{EventFilter: dyad.EventFilter{Source: "CHN"}},
			[]evKey{k("q1", "040"), k("q2", "190")}},
		{"target actor code", dyad.EventQuery{EventFilter: dyad.EventFilter{Target: "CHNGOV"}},
			[]evKey{k("q1", "0312"), k("q2", "112")}},
		{"dyad either way", dyad.EventQuery{EventFilter: dyad.EventFilter{DyadA: "CHN", DyadB: "RUS"}},
			[]evKey{k("q3", "036"), k("q1", "040"), k("q1", "0312")}},
		{"dyad directed", dyad.EventQuery{EventFilter: dyad.EventFilter{DyadA: "RUS", DyadB: "CHN", Directed: true}},
			[]evKey{k("q3", "036"), k("q1", "0312")}},
		{"dyad of actor codes", dyad.EventQuery{EventFilter: dyad.EventFilter{DyadA: "RUSMIL", DyadB: "CHNMIL"}},
			[]evKey{k("q1", "040")}},
		{"code prefix", dyad.EventQuery{EventFilter: dyad.EventFilter{Code: "03"}},
			[]evKey{k("q3", "036"), k("q1", "0312")}},
		{"code 031 takes 0312", dyad.EventQuery{EventFilter: dyad.EventFilter{Code: "031"}},
			[]evKey{k("q1", "0312")}},
		{"code 040 exactly and below", dyad.EventQuery{EventFilter: dyad.EventFilter{Code: "040"}}, []evKey{k("q1", "040")}},
		{"code 0312", dyad.EventQuery{EventFilter: dyad.EventFilter{Code: "0312"}}, []evKey{k("q1", "0312")}},
		{"dyad with itself", dyad.EventQuery{EventFilter: dyad.EventFilter{DyadA: "CHN", DyadB: "CHN"}}, []evKey{}},
		{"actor and dyad", dyad.EventQuery{EventFilter: dyad.EventFilter{Actor: "CHNMIL", DyadA: "RUS", DyadB: "CHN"}, Desc: true},
			[]evKey{k("q1", "040")}},
		{"root", dyad.EventQuery{EventFilter: dyad.EventFilter{Root: "19"}}, []evKey{k("q2", "190")}},
		{"plover", dyad.EventQuery{EventFilter: dyad.EventFilter{Plover: "CONSULT"}},
			[]evKey{k("q3", "036"), k("q1", "040")}},
		{"quad", dyad.EventQuery{EventFilter: dyad.EventFilter{Quad: 3}}, []evKey{k("q2", "112")}},
		{"date range", dyad.EventQuery{EventFilter: dyad.EventFilter{From: "2023-10-31", To: "2023-11-02"}},
			[]evKey{k("q1", "0312"), k("q2", "112")}},
		{"until a day drops undated", dyad.EventQuery{EventFilter: dyad.EventFilter{To: "2023-10-30"}},
			[]evKey{k("q1", "040")}},
		{"place country", dyad.EventQuery{EventFilter: dyad.EventFilter{Place: "TWN"}}, []evKey{k("q2", "190")}},
		{"place name, any case", dyad.EventQuery{EventFilter: dyad.EventFilter{Place: "beijing"}}, []evKey{k("q1", "040")}},
		{"evidence words", dyad.EventQuery{EventFilter: dyad.EventFilter{Text: "military Beijing"}}, []evKey{k("q1", "0312")}},
		{"evidence word not there", dyad.EventQuery{EventFilter: dyad.EventFilter{Text: "submarine"}}, []evKey{}},
		{"filters combine", dyad.EventQuery{EventFilter: dyad.EventFilter{Source: "CHN", Quad: 4, From: "2023-11-01"}},
			[]evKey{k("q2", "190")}},
		{"sort by goldstein", dyad.EventQuery{Sort: dyad.SortGoldstein},
			[]evKey{k("q2", "190"), k("q2", "112"), k("q1", "040"), k("q1", "0312"), k("q3", "036")}},
		{"sort by code, descending", dyad.EventQuery{Sort: dyad.SortCode, Desc: true},
			[]evKey{k("q2", "190"), k("q2", "112"), k("q1", "040"), k("q3", "036"), k("q1", "0312")}},
	} {
		page, err := s.QueryEvents(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := keysOf(page.Events); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", tc.name, got, tc.want)
		}
		if page.Next != "" {
			t.Errorf("%s: a single page has a next cursor", tc.name)
		}
	}

	// The hit carries its first article and the counts Events gives.
	page, err := s.QueryEvents(ctx, dyad.EventQuery{EventFilter: dyad.EventFilter{Actor: "Zhang"}})
	if err != nil || len(page.Events) != 1 {
		t.Fatalf("actor Zhang: %v, %v", page, err)
	}
	h := page.Events[0]
	if h.Article.Key != "qk1" || h.Article.ID != "q1" || h.Article.Outlet != "alpha" || h.Article.Published != "2023-11-01" {
		t.Errorf("article %+v", h.Article)
	}
	if h.NumArticles != 2 || h.NumSources != 2 || h.NumMentions != 2 {
		t.Errorf("counts %d articles, %d sources, %d mentions; want 2, 2, 2", h.NumArticles, h.NumSources, h.NumMentions)
	}
	if h.Event.Location == nil || h.Event.Location.Name != "Beijing" || len(h.Event.ReportedBy) != 1 {
		t.Errorf("event %+v", h.Event)
	}
}

func testQueryPaging(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	ctx := context.Background()
	for _, q := range []dyad.EventQuery{
		{Desc: true}, {}, {Sort: dyad.SortGoldstein, Desc: true}, {Sort: dyad.SortCode}, {Sort: dyad.SortID, Desc: true},
		// Filters answered by merging several index scans.
		{EventFilter: dyad.EventFilter{DyadA: "CHN", DyadB: "RUS"}, Desc: true},
		{EventFilter: dyad.EventFilter{DyadA: "RUS", DyadB: "CHN"}, Sort: dyad.SortGoldstein},
		{EventFilter: dyad.EventFilter{Actor: "CHNMIL", DyadA: "CHN", DyadB: "RUS"}},
		{EventFilter: dyad.EventFilter{Actor: "CHNGOV"}, Sort: dyad.SortCode, Desc: true},
	} {
		all, err := s.QueryEvents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var paged []evKey
		q.Limit = 2
		for n := 0; ; n++ {
			page, err := s.QueryEvents(ctx, q)
			if err != nil {
				t.Fatalf("%+v page %d: %v", q, n, err)
			}
			if len(page.Events) > 2 {
				t.Fatalf("page of %d rows with limit 2", len(page.Events))
			}
			paged = append(paged, keysOf(page.Events)...)
			if page.Next == "" {
				break
			}
			q.Cursor = page.Next
		}
		if want := keysOf(all.Events); !reflect.DeepEqual(paged, want) || len(want) == 0 {
			t.Errorf("sort %q desc %v: pages give %v, one query %v", q.Sort, q.Desc, paged, want)
		}
	}
	first, _ := s.QueryEvents(ctx, dyad.EventQuery{Limit: 1})
	for _, tc := range []struct {
		name string
		q    dyad.EventQuery
	}{
		{"garbage cursor", dyad.EventQuery{Cursor: "!!!"}},
		{"cursor of another sort", dyad.EventQuery{Cursor: first.Next, Sort: dyad.SortGoldstein}},
		{"unknown sort", dyad.EventQuery{Sort: "colour"}},
		{"half a dyad", dyad.EventQuery{EventFilter: dyad.EventFilter{DyadA: "CHN"}}},
		{"text without words", dyad.EventQuery{EventFilter: dyad.EventFilter{Text: "!!"}}},
	} {
		if _, err := s.QueryEvents(ctx, tc.q); !errors.Is(err, dyad.ErrBadQuery) {
			t.Errorf("%s: err %v, want ErrBadQuery", tc.name, err)
		}
	}
}

func findEvent(t *testing.T, s dyad.Store, f dyad.EventFilter) int64 {
	t.Helper()
	page, err := s.QueryEvents(context.Background(), dyad.EventQuery{EventFilter: f})
	if err != nil || len(page.Events) != 1 {
		t.Fatalf("find %+v: %d events, %v", f, len(page.Events), err)
	}
	return page.Events[0].ID
}

func testEventDetail(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	// A second article reports the same event: two reports.
	again := ev("q4", "CHNMIL", "RUSMIL", "040", 1, 1, "CONSULT", "2023-10-30", "The two ministers held talks.")
	again.Location = &dyad.Location{Name: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4}
	again.ReportedBy = []string{"TASS", "RIA"}
	write(t, s, 1, Original("qk4", "q4", "epsilon", "The two ministers held talks.", again))
	ctx := context.Background()
	id := findEvent(t, s, dyad.EventFilter{Actor: "Zhang"})
	d, err := s.EventDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != id || d.Event.Code != "040" || d.NumArticles != 3 || d.NumSources != 3 {
		t.Errorf("detail %+v", d.StoredEvent)
	}
	if len(d.Reports) != 2 {
		t.Fatalf("%d reports, want 2", len(d.Reports))
	}
	r0, r1 := d.Reports[0], d.Reports[1]
	if r0.Article.Key != "qk1" || len(r0.Copies) != 1 || r0.Copies[0].Key != "qk1c" || r0.Copies[0].Outlet != "delta" {
		t.Errorf("first report article %+v copies %+v", r0.Article, r0.Copies)
	}
	if r0.Event.Evidence[0].Text != "Zhang Youxia met Sergei Shoigu in Beijing." || r0.Event.Rule != "test:1" {
		t.Errorf("first report event %+v", r0.Event)
	}
	// Only the quote inside the evidence span (0–42) belongs to the event.
	if len(r0.Quotes) != 1 || r0.Quotes[0].Speaker.Name != "Sergei Shoigu" {
		t.Errorf("first report quotes %+v", r0.Quotes)
	}
	if r1.Article.Key != "qk4" || len(r1.Copies) != 0 || !reflect.DeepEqual(r1.Event.ReportedBy, []string{"TASS", "RIA"}) {
		t.Errorf("second report %+v", r1)
	}
	if _, err := s.EventDetail(ctx, 99999); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("missing event: %v, want ErrNotFound", err)
	}
}

func testArticle(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	ctx := context.Background()
	for _, keyOrID := range []string{"qk1", "q1"} {
		a, err := s.Article(ctx, keyOrID)
		if err != nil {
			t.Fatalf("%s: %v", keyOrID, err)
		}
		if a.Key != "qk1" || a.ID != "q1" || !strings.HasPrefix(a.Text, "Zhang Youxia met") || a.Status != dyad.StatusCoded ||
			a.Source != "q1.txt" || a.Language != "en" || a.CopyOf != nil || a.IngestedAt == "" {
			t.Errorf("%s: %+v", keyOrID, a.ArticleRef)
		}
		if len(a.Events) != 2 || a.Events[0].Event.Code != "040" || a.Events[1].Event.Code != "0312" || a.Events[0].EventID == 0 {
			t.Errorf("%s events %+v", keyOrID, a.Events)
		}
		if len(a.Quotes) != 2 || a.Quotes[0].Start != 2 || len(a.Copies) != 1 || a.Copies[0].Key != "qk1c" {
			t.Errorf("%s quotes %+v copies %+v", keyOrID, a.Quotes, a.Copies)
		}
	}
	// A copy shows its story.
	a, err := s.Article(ctx, "q1c")
	if err != nil || a.Key != "qk1" || a.CopyOf == nil || a.CopyOf.Key != "qk1c" || len(a.Events) != 2 {
		t.Errorf("copy: %+v, %v", a, err)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
}

func testDyadSeries(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	write(t, s, 1, Original("qk5", "q5", "zeta", "More talks.",
		ev("q5", "RUSGOV", "CHNGOV", "042", 1, 1.9, "CONSULT", "2023-10-31", "More talks."),
		ev("q5", "CHNGOV", "RUSGOV", "172", 4, -5, "COERCE", "2023-10-31", "Sanctions.")))
	ctx := context.Background()
	for _, tc := range []struct {
		q    dyad.SeriesQuery
		want string
	}{
		// The undated event of q3 counts on q3's publication day.
		{dyad.SeriesQuery{A: "CHN", B: "RUS"}, "2023-10-30 q1 1 1.0; 2023-10-31 q1 2 5.4; 2023-10-31 q4 1 -5.0; 2024-05-14 q1 1 4.0; "},
		{dyad.SeriesQuery{A: "RUS", B: "CHN", Directed: true}, "2023-10-31 q1 2 5.4; 2024-05-14 q1 1 4.0; "},
		{dyad.SeriesQuery{A: "CHN", B: "RUS", From: "2023-10-31", To: "2023-10-31"}, "2023-10-31 q1 2 5.4; 2023-10-31 q4 1 -5.0; "},
		{dyad.SeriesQuery{A: "CHNMIL", B: "RUSMIL"}, "2023-10-30 q1 1 1.0; "},
		{dyad.SeriesQuery{A: "USA", B: "RUS"}, ""},
	} {
		days, err := s.DyadSeries(ctx, tc.q)
		if err != nil {
			t.Errorf("%+v: %v", tc.q, err)
			continue
		}
		var b strings.Builder
		for _, d := range days {
			fmt.Fprintf(&b, "%s q%d %d %.1f; ", d.Date, d.Quad, d.Events, d.Goldstein)
		}
		if b.String() != tc.want {
			t.Errorf("%+v:\n got %s\nwant %s", tc.q, b.String(), tc.want)
		}
	}
	if _, err := s.DyadSeries(ctx, dyad.SeriesQuery{A: "CHN"}); !errors.Is(err, dyad.ErrBadQuery) {
		t.Errorf("half a dyad: %v, want ErrBadQuery", err)
	}
}

func testTopActors(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	ctx := context.Background()
	for _, tc := range []struct {
		q    dyad.ActorQuery
		want string
	}{
		// Counted by code; named by the name most of its latest events give.
		{dyad.ActorQuery{Limit: 3}, "CHNGOV/CHNGOV 0+2; CHNMIL/CHNMIL 2+0; CHN/CHN 0+1; "},
		{dyad.ActorQuery{Role: "target", Country: "RUS"}, "RUSMIL/Sergei Shoigu 0+1; "},
		{dyad.ActorQuery{Role: "source", From: "2023-11-01"}, "CHNMIL/CHNMIL 1+0; USAGOV/USAGOV 1+0; "},
	} {
		got, err := s.TopActors(ctx, tc.q)
		if err != nil {
			t.Errorf("%+v: %v", tc.q, err)
			continue
		}
		var b strings.Builder
		for _, c := range got {
			fmt.Fprintf(&b, "%s/%s %d+%d; ", c.Code, c.Name, c.AsSource, c.AsTarget)
		}
		if b.String() != tc.want {
			t.Errorf("%+v:\n got %s\nwant %s", tc.q, b.String(), tc.want)
		}
	}
}

func testQueryQuotes(t *testing.T, s dyad.Store) {
	queryFixture(t, s)
	ctx := context.Background()
	for _, tc := range []struct {
		q    dyad.QuoteQuery
		want []string
	}{
		{dyad.QuoteQuery{}, []string{"Zhang Youxia", "Sergei Shoigu"}},
		{dyad.QuoteQuery{Speaker: "shoigu"}, []string{"Sergei Shoigu"}},
		{dyad.QuoteQuery{Speaker: "CHNMIL"}, []string{"Zhang Youxia"}},
		{dyad.QuoteQuery{Article: "q2"}, []string{}},
		{dyad.QuoteQuery{Article: "qk1", Speaker: "Zhang"}, []string{"Zhang Youxia"}},
	} {
		page, err := s.QueryQuotes(ctx, tc.q)
		if err != nil {
			t.Errorf("%+v: %v", tc.q, err)
			continue
		}
		got := []string{}
		for _, q := range page.Quotes {
			got = append(got, q.Speaker.Name)
			if q.Article.Key != "qk1" || q.ArticleID != "q1" || q.ID == 0 {
				t.Errorf("quote %+v", q)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.q, got, tc.want)
		}
	}
	page, err := s.QueryQuotes(ctx, dyad.QuoteQuery{Limit: 1})
	if err != nil || len(page.Quotes) != 1 || page.Next == "" {
		t.Fatalf("first page %+v, %v", page, err)
	}
	page, err = s.QueryQuotes(ctx, dyad.QuoteQuery{Limit: 1, Cursor: page.Next})
	if err != nil || len(page.Quotes) != 1 || page.Quotes[0].Speaker.Name != "Sergei Shoigu" || page.Next != "" {
		t.Errorf("second page %+v, %v", page, err)
	}
	if _, err := s.QueryQuotes(ctx, dyad.QuoteQuery{Cursor: "x"}); !errors.Is(err, dyad.ErrBadQuery) {
		t.Errorf("bad cursor: %v, want ErrBadQuery", err)
	}
}

func testVersion(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	v0, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range []dyad.Record{
		Original("v1", "v1", "alpha", "One."),
		Copy("v1c", "v1c", "beta", "v1", true),
		Original("v2", "v2", "alpha", "Two.", Event("v2", "VALGOV", "KESGOV", "040", "2024-05-14")),
	} {
		write(t, s, 1, r)
		v, err := s.Version(ctx)
		if err != nil || v == v0 {
			t.Errorf("write %d: version %q, %v; want a change from %q", i, v, err, v0)
		}
		v0 = v
	}
	write(t, s, 0, Original("v1", "v1", "alpha", "One."))
	if v, _ := s.Version(ctx); v != v0 {
		t.Errorf("a write that stored nothing changed the version: %q -> %q", v0, v)
	}
}
