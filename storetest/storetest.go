package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/dyadproject/dyad"
)

// Opener makes a new, empty store for one test; the suite closes it.
type Opener func(t *testing.T) dyad.Store

// Run runs every test of the suite against stores made by open.
func Run(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s dyad.Store)
	}{
		{"Empty", testEmpty},
		{"WriteAndCount", testWriteAndCount},
		{"Idempotent", testIdempotent},
		{"CopyInSameBatch", testCopyInSameBatch},
		{"UnknownOriginalRollsBack", testUnknownOriginal},
		{"StoryLookups", testStoryLookups},
		{"EventMerging", testEventMerging},
		{"ReportsAndQuotes", testReportsAndQuotes},
		{"Search", testSearch},
		{"QueryEvents", testQueryEvents},
		{"QueryPaging", testQueryPaging},
		{"EventDetail", testEventDetail},
		{"Article", testArticle},
		{"DyadSeries", testDyadSeries},
		{"TopActors", testTopActors},
		{"QueryQuotes", testQueryQuotes},
		{"Version", testVersion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tc.fn(t, s)
		})
	}
}

// Event makes a coded event with the fields the store keys on.
func Event(article, source, target, code, date string) dyad.Event {
	return dyad.Event{
		ArticleID: article, Code: code, Root: code[:2], Quad: 1, Goldstein: 1, Plover: "CONSULT",
		Source: dyad.EventActor{Code: source, Country: source[:3], Name: source},
		Target: dyad.EventActor{Code: target, Country: target[:3], Name: target},
		Date:   date, DatePrecision: dyad.PrecisionDay, Modality: dyad.Asserted,
		Mentions: 1, Rule: "test:1",
		Evidence: []dyad.Evidence{{Sentence: 0, Start: 0, End: 5, Text: "Talks"}},
	}
}

// Original makes a coded record that starts a story.
func Original(key, id, outlet, text string, events ...dyad.Event) dyad.Record {
	sig := make([]uint32, 8)
	for i := range sig {
		sig[i] = uint32(len(key)*31 + i)
	}
	return dyad.Record{
		Key: key, Article: dyad.Article{ID: id, URL: "https://" + outlet + ".example/" + id, Title: "Title of " + id,
			Outlet: outlet, Published: "2024-05-14", Text: text, Language: "en"},
		Source: id + ".txt", Status: dyad.StatusCoded, TextHash: "hash-" + key,
		Signature: sig, Bands: []int64{int64(len(key)), -int64(len(id)) - 100}, Shingles: 42,
		Events: events,
	}
}

// Copy makes a copy record of the article with key of.
func Copy(key, id, outlet, of string, exact bool) dyad.Record {
	st, sim := dyad.StatusNear, 0.8
	if exact {
		st, sim = dyad.StatusExact, 1
	}
	return dyad.Record{
		Key: key, Article: dyad.Article{ID: id, URL: "https://" + outlet + ".example/" + id, Outlet: outlet, Published: "2024-05-15"},
		Source: id + ".txt", Status: st, Reason: "copy of " + of, CopyOf: of, Similarity: sim,
	}
}

func write(t *testing.T, s dyad.Store, want int, recs ...dyad.Record) {
	t.Helper()
	n, err := s.Write(context.Background(), recs)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if n != want {
		t.Fatalf("Write added %d, want %d", n, want)
	}
}

func counts(t *testing.T, s dyad.Store) dyad.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

func checkCounts(t *testing.T, s dyad.Store, want dyad.Counts) {
	t.Helper()
	if got := counts(t, s); got != want {
		t.Errorf("counts\n got %+v\nwant %+v", got, want)
	}
}

func testEmpty(t *testing.T, s dyad.Store) {
	checkCounts(t, s, dyad.Counts{})
	ok, err := s.HasArticle(context.Background(), "nope")
	if err != nil || ok {
		t.Errorf("HasArticle on empty store = %v, %v", ok, err)
	}
	n, err := s.Write(context.Background(), nil)
	if err != nil || n != 0 {
		t.Errorf("empty batch: %d, %v", n, err)
	}
}

func testWriteAndCount(t *testing.T, s dyad.Store) {
	ne := Original("k-fr", "fr1", "lemonde", "Les ministres se sont réunis.")
	ne.Status, ne.Reason, ne.Article.Language = dyad.StatusNotEnglish, "language fr", "fr"
	failed := Original("k-bad", "bad1", "x", "Broken text")
	failed.Status, failed.Reason = dyad.StatusFailed, "tag: boom"
	write(t, s, 5,
		Original("k1", "a1", "alpha", "Ministers met in Geneva.", Event("a1", "VALGOV", "KESGOV", "040", "2024-05-14")),
		Copy("k2", "b1", "beta", "k1", true),
		Copy("k3", "c1", "gamma", "k1", false),
		ne, failed)
	checkCounts(t, s, dyad.Counts{Articles: 5, Stories: 3, Coded: 1, NotEnglish: 1, Failed: 1,
		ExactCopies: 1, NearCopies: 1, Events: 1, EventMentions: 1})
	for _, k := range []string{"k1", "k2", "k3", "k-fr", "k-bad"} {
		if ok, err := s.HasArticle(context.Background(), k); err != nil || !ok {
			t.Errorf("HasArticle(%s) = %v, %v", k, ok, err)
		}
	}
}

func testIdempotent(t *testing.T, s dyad.Store) {
	batch := []dyad.Record{
		Original("k1", "a1", "alpha", "Ministers met.", Event("a1", "VALGOV", "KESGOV", "040", "2024-05-14")),
		Copy("k2", "b1", "beta", "k1", false),
	}
	write(t, s, 2, batch...)
	before := counts(t, s)
	write(t, s, 0, batch...)
	write(t, s, 0, batch[1])
	if after := counts(t, s); after != before {
		t.Errorf("re-writing changed counts: %+v -> %+v", before, after)
	}
}

func testCopyInSameBatch(t *testing.T, s dyad.Store) {
	write(t, s, 3, Original("k1", "a1", "alpha", "Text one."), Copy("k2", "b1", "beta", "k1", true),
		// A copy of a copy joins the same story.
		Copy("k3", "c1", "gamma", "k2", false))
	c := counts(t, s)
	if c.Stories != 1 || c.Articles != 3 {
		t.Errorf("counts %+v: want 1 story of 3 articles", c)
	}
}

func testUnknownOriginal(t *testing.T, s dyad.Store) {
	_, err := s.Write(context.Background(), []dyad.Record{
		Original("k1", "a1", "alpha", "Text one.", Event("a1", "VALGOV", "KESGOV", "040", "2024-05-14")),
		Copy("k2", "b1", "beta", "missing", false),
	})
	if err == nil {
		t.Fatal("copy of an unknown article was accepted")
	}
	// The batch is one transaction: the original before it is gone too.
	checkCounts(t, s, dyad.Counts{})
	if ok, _ := s.HasArticle(context.Background(), "k1"); ok {
		t.Error("k1 stored from a failed batch")
	}
}

func testStoryLookups(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	r1, r2 := Original("k1", "a1", "alpha", "One."), Original("k22", "a22", "beta", "Two.")
	write(t, s, 2, r1, r2)
	ref, ok, err := s.StoryByHash(ctx, "hash-k22")
	if err != nil || !ok || ref.ArticleKey != "k22" || ref.Shingles != 42 || !reflect.DeepEqual(ref.Signature, r2.Signature) {
		t.Errorf("StoryByHash = %+v, %v, %v", ref, ok, err)
	}
	if _, ok, err := s.StoryByHash(ctx, "hash-none"); ok || err != nil {
		t.Errorf("StoryByHash(none) = %v, %v", ok, err)
	}
	// r1 has bands 2 and -102, r2 bands 3 and -103.
	refs, err := s.StoryCandidates(ctx, []int64{r2.Bands[0], 999}, 10)
	if err != nil || len(refs) != 1 || refs[0].ArticleKey != "k22" {
		t.Errorf("StoryCandidates(r2 band) = %+v, %v", refs, err)
	}
	refs, err = s.StoryCandidates(ctx, []int64{r1.Bands[0], r2.Bands[0], r1.Bands[1]}, 10)
	if err != nil || len(refs) != 2 || refs[0].ArticleKey != "k1" || refs[1].ArticleKey != "k22" {
		t.Errorf("StoryCandidates(both) = %+v, %v", refs, err)
	}
	refs, err = s.StoryCandidates(ctx, []int64{r1.Bands[0], r2.Bands[0]}, 1)
	if err != nil || len(refs) != 1 || refs[0].ArticleKey != "k1" {
		t.Errorf("StoryCandidates(limit 1) = %+v, %v", refs, err)
	}
	if refs, err := s.StoryCandidates(ctx, nil, 10); err != nil || len(refs) != 0 {
		t.Errorf("StoryCandidates(nil) = %+v, %v", refs, err)
	}
}

func events(t *testing.T, s dyad.Store) []dyad.StoredEvent {
	t.Helper()
	var out []dyad.StoredEvent
	if err := s.Events(context.Background(), func(e dyad.StoredEvent) error { out = append(out, e); return nil }); err != nil {
		t.Fatalf("Events: %v", err)
	}
	return out
}

func testEventMerging(t *testing.T, s dyad.Store) {
	ev := func(article, date string) dyad.Event { return Event(article, "VALGOV", "KESGOV", "040", date) }
	twice := ev("a1", "2024-05-14")
	twice.Mentions = 2
	write(t, s, 6,
		Original("k1", "a1", "alpha", "One.", twice),
		Copy("k1c", "a1c", "alpha", "k1", true), // same outlet: one more article, no more sources
		Copy("k1d", "a1d", "delta", "k1", false),
		Original("k2", "a2", "beta", "Two.", ev("a2", "2024-05-15")), // within a day: same event
		Original("k3", "a3", "gamma", "Three.", ev("a3", "2024-05-17"), // two days on: a new event
			Event("a3", "KESGOV", "VALGOV", "040", "2024-05-17")), // reversed dyad: another
		Original("k4", "a4", "delta", "Four.", ev("a4", "")), // undated: its own event
	)
	got := events(t, s)
	type row struct {
		article, date          string
		arts, sources, mention int
	}
	var rows []row
	for _, e := range got {
		rows = append(rows, row{e.Event.ArticleID, e.Event.Date, e.NumArticles, e.NumSources, e.NumMentions})
	}
	want := []row{
		// a1 with its two copies (3 articles, outlets alpha and delta) plus a2 (beta).
		{"a1", "2024-05-14", 4, 3, 2*3 + 1},
		{"a3", "2024-05-17", 1, 1, 1},
		{"a3", "2024-05-17", 1, 1, 1},
		{"a4", "", 1, 1, 1},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("events\n got %+v\nwant %+v", rows, want)
	}
	if len(got) == 4 && got[2].Event.Source.Code != "KESGOV" {
		t.Errorf("third event source %q, want KESGOV", got[2].Event.Source.Code)
	}
	// A later copy of a story raises the counts of its events.
	write(t, s, 1, Copy("k2c", "a2c", "epsilon", "k2", false))
	if e := events(t, s)[0]; e.NumArticles != 5 || e.NumSources != 4 || e.NumMentions != 8 {
		t.Errorf("after a new copy: %d articles, %d sources, %d mentions; want 5, 4, 8", e.NumArticles, e.NumSources, e.NumMentions)
	}
	// An undated event of another story stays apart; one of the same story merges.
	write(t, s, 1, Original("k5", "a5", "zeta", "Five.", ev("a5", ""), ev("a5", "")))
	if n := len(events(t, s)); n != 5 {
		t.Errorf("%d events after a second undated story, want 5", n)
	}
	if c := counts(t, s); c.EventMentions != 7 {
		t.Errorf("%d event mentions, want 7", c.EventMentions)
	}
}

func testReportsAndQuotes(t *testing.T, s dyad.Store) {
	e := Event("a1", "VALGOV", "KESGOV", "040", "2024-05-14")
	e.Location = &dyad.Location{Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.15}
	e.ReportedBy = []string{"Continental Press"}
	r := Original("k1", "a1", "alpha", "Ministers met in Geneva.", e)
	r.Quotes = []dyad.Quote{
		{ArticleID: "a1", Speaker: dyad.Speaker{Name: "Anneliese Marrow", Code: "VALGOV"}, Text: "We have bought time",
			Direct: true, Cue: "told reporters", Start: 3, End: 22},
		{ArticleID: "a1", Speaker: dyad.Speaker{Name: "Orhan Tekelli"}, Text: "they fired first", Cue: "accused",
			ReportedBy: []string{"TASS"}, Start: 30, End: 46},
	}
	write(t, s, 1, r)
	var reps []dyad.EventReport
	if err := s.Reports(context.Background(), func(r dyad.EventReport) error { reps = append(reps, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || !reflect.DeepEqual(reps[0].Event, e) {
		t.Errorf("Reports\n got %+v\nwant %+v", reps, e)
	}
	var qs []dyad.Quote
	if err := s.Quotes(context.Background(), func(q dyad.Quote) error { qs = append(qs, q); return nil }); err != nil {
		t.Fatal(err)
	}
	want := append([]dyad.Quote(nil), r.Quotes...)
	want[0].ReportedBy = []string{}
	if !reflect.DeepEqual(qs, want) {
		t.Errorf("Quotes\n got %+v\nwant %+v", qs, want)
	}
	stop := errors.New("stop")
	if err := s.Quotes(context.Background(), func(dyad.Quote) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Quotes did not pass on the callback's error: %v", err)
	}
}

func testSearch(t *testing.T, s dyad.Store) {
	write(t, s, 3,
		Original("k1", "a1", "alpha", "Negotiators agreed to extend the border truce in Geneva."),
		Original("k2", "a2", "beta", "An earthquake struck the coast; rescuers searched the rubble."),
		Original("k3", "a3", "gamma", "The truce held as monitors patrolled the border passes."))
	ctx := context.Background()
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"truce", []string{"a1", "a3"}},
		{"border truce Geneva", []string{"a1"}},
		{"EARTHQUAKE", []string{"a2"}},
		{"Title of a2", []string{"a2"}}, // titles are searched too
		{`truce" OR "x`, nil},           // query syntax is not interpreted
		{"nothing-like-this", nil},
		{"   ", nil},
	} {
		hits, err := s.Search(ctx, tc.q, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tc.q, err)
			continue
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		sortStrings(ids)
		if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, ids, tc.want)
		}
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
