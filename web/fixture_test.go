package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/token"
)

// The fixture: two articles written for these tests, with hand-made events
// whose evidence spans are found in the text (the event coder is not under
// test here).
const (
	textBeijing = "BEIJING, Oct 30 (Xinhua) - Chinese defence chief Zhang Youxia met Russian Defence Minister Sergei Shoigu in Beijing on Monday.\n" +
		"Shoigu said military ties between the two countries were \"at their highest level\".\n" +
		"Russia pledged to hold more joint naval drills with China next year."
	textStrait = "TAIPEI, Nov 15 (AFP) - Chinese coast guard ships fired water cannon at a Taiwanese supply boat near Kinmen.\n" +
		"Washington criticised the action and urged Beijing to show restraint."
)

// span returns the evidence for the sentence of text that starts with prefix.
func span(t testing.TB, text, prefix string, sentence int) dyad.Evidence {
	t.Helper()
	start := strings.Index(text, prefix)
	if start < 0 {
		t.Fatalf("%q not in the fixture text", prefix)
	}
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		end = len(text) - start
	}
	return dyad.Evidence{Sentence: sentence, Start: start, End: start + end, Text: text[start : start+end]}
}

func actor(code, name, text string) dyad.EventActor {
	return dyad.EventActor{Code: code, Country: code[:3], Agent: code[3:], Name: name, Text: text}
}

func fixtureEvent(article, code, root string, quad int, gold float64, plover string, src, tgt dyad.EventActor, date string, ev dyad.Evidence) dyad.Event {
	return dyad.Event{ArticleID: article, Code: code, Root: root, Quad: quad, Goldstein: gold, Plover: plover,
		Source: src, Target: tgt, Date: date, DatePrecision: dyad.PrecisionDay, Modality: dyad.Asserted,
		ReportedBy: []string{}, Mentions: 1, Evidence: []dyad.Evidence{ev}, Rule: "data/events/test.txt:" + code}
}

func fixtureRecords(t testing.TB) []dyad.Record {
	e1 := fixtureEvent("beijing-talks", "040", "04", 1, 1, "CONSULT",
		actor("CHNMIL", "Zhang Youxia", "Chinese defence chief Zhang Youxia"),
		actor("RUSMIL", "Sergei Shoigu", "Russian Defence Minister Sergei Shoigu"), "2023-10-30",
		span(t, textBeijing, "BEIJING", 0))
	e1.Location = &dyad.Location{Name: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4}
	e1.ReportedBy = []string{"Xinhua"}
	e2 := fixtureEvent("beijing-talks", "0311", "03", 1, 5.2, "COOPERATE",
		actor("RUSGOV", "Russia", "Russia"), actor("CHNGOV", "China", "China"), "2023-10-30",
		span(t, textBeijing, "Russia pledged", 2))
	e3 := fixtureEvent("strait-cannon", "175", "17", 4, -9, "COERCE",
		actor("CHNCOP", "", "Chinese coast guard ships"), actor("TWNBUS", "", "a Taiwanese supply boat"), "2023-11-15",
		span(t, textStrait, "TAIPEI", 0))
	e3.Location = &dyad.Location{Name: "Kinmen", Country: "TWN", Lat: 24.45, Lon: 118.38}
	e3.ReportedBy = []string{"AFP"}
	e4 := fixtureEvent("strait-cannon", "111", "11", 3, -2, "DISAPPROVE",
		actor("USAGOV", "United States", "Washington"), actor("CHNGOV", "China", "Beijing"), "2023-11-15",
		span(t, textStrait, "Washington criticised", 1))
	quoteStart := strings.Index(textBeijing, "at their highest level")
	rec := func(key, id, outlet, published, text string, events ...dyad.Event) dyad.Record {
		return dyad.Record{Key: key, Article: dyad.Article{ID: id, Title: "Title of " + id, Outlet: outlet, Published: published,
			Text: text, Language: "en"}, Source: id + ".txt", Status: dyad.StatusCoded, TextHash: "hash-" + key,
			Signature: []uint32{1, 2, 3}, Events: events}
	}
	r1 := rec("key-beijing", "beijing-talks", "Wire One", "2023-10-31", textBeijing, e1, e2)
	r1.Quotes = []dyad.Quote{{ArticleID: "beijing-talks", Speaker: dyad.Speaker{Name: "Sergei Shoigu", Code: "RUSMIL"},
		Text: "at their highest level", Direct: true, Cue: "said", ReportedBy: []string{"Xinhua"},
		Start: quoteStart, End: quoteStart + len("at their highest level")}}
	r2 := rec("key-strait", "strait-cannon", "Wire Two", "2023-11-16", textStrait, e3, e4)
	cp := dyad.Record{Key: "key-beijing-copy", Article: dyad.Article{ID: "beijing-copy", Outlet: "Wire Three", Published: "2023-10-31"},
		Source: "copy.txt", Status: dyad.StatusExact, CopyOf: "key-beijing", Similarity: 1}
	return []dyad.Record{r1, cp, r2}
}

func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), sqlite.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// meetStage is a stand-in coder for POST tests: every sentence with the
// word "met" becomes a CONSULT event between the first two countries it
// names from a tiny list.
type meetStage struct{}

func (meetStage) Name() string { return "meet" }

func (meetStage) Process(ctx context.Context, d *dyad.Doc) error {
	names := []struct{ word, code string }{{"France", "FRA"}, {"Germany", "DEU"}, {"Italy", "ITA"}}
	for _, s := range d.Sentences {
		text := d.Slice(s.Span)
		if !strings.Contains(text, " met ") {
			continue
		}
		var found []string
		for _, n := range names {
			if strings.Contains(text, n.word) {
				found = append(found, n.code)
			}
		}
		if len(found) < 2 {
			continue
		}
		d.Events = append(d.Events, fixtureEvent(d.Article.ID, "040", "04", 1, 1, "CONSULT",
			actor(found[0]+"GOV", "", found[0]), actor(found[1]+"GOV", "", found[1]), d.Article.Published,
			dyad.Evidence{Sentence: s.Index, Start: s.Start, End: s.End, Text: text}))
	}
	return nil
}

var (
	annotatorOnce sync.Once
	annotator     *engine.Engine
	annotatorErr  error
)

// sharedAnnotator loads the actor dictionaries once for all tests.
func sharedAnnotator(t testing.TB) *engine.Engine {
	annotatorOnce.Do(func() { annotator, annotatorErr = engine.New(engine.Config{Through: "actor"}) })
	if annotatorErr != nil {
		t.Fatal(annotatorErr)
	}
	return annotator
}

func testCoder(t testing.TB) *engine.Engine {
	tok, err := token.New(token.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return engine.FromStages(sentence.New(sentence.Config{}), tok, meetStage{})
}

// newTestServer serves the fixture; cfg's zero fields get test defaults.
func newTestServer(t testing.TB, cfg Config) (*httptest.Server, dyad.Store) {
	t.Helper()
	if cfg.Store == nil {
		st := openStore(t)
		if _, err := st.Write(context.Background(), fixtureRecords(t)); err != nil {
			t.Fatal(err)
		}
		cfg.Store = st
	}
	if cfg.Annotator == nil {
		cfg.Annotator = sharedAnnotator(t)
	}
	if cfg.Coder == nil {
		cfg.Coder = testCoder(t)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, cfg.Store
}

func eventID(t testing.TB, st dyad.Store, code string) int64 {
	t.Helper()
	page, err := st.QueryEvents(context.Background(), dyad.EventQuery{EventFilter: dyad.EventFilter{Code: code}})
	if err != nil || len(page.Events) != 1 {
		t.Fatalf("event %s: %v %v", code, page, err)
	}
	return page.Events[0].ID
}

var _ = fmt.Sprint
