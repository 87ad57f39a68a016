package loader

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/storetest"
)

// runner codes like the engine does: the source runs ahead in its own
// goroutine, results come back in input order, items with Err pass through.
func runner(code func(a dyad.Article) (*dyad.Doc, error)) Runner {
	return func(ctx context.Context, src Source, emit func(Coded) error) error {
		ch := make(chan ingest.Item, 16)
		done := make(chan error, 1)
		stop := make(chan struct{})
		go func() {
			defer close(ch)
			done <- src(func(it ingest.Item) error {
				select {
				case ch <- it:
					return nil
				case <-stop:
					return errors.New("stopped")
				}
			})
		}()
		var emitErr error
		for it := range ch {
			if emitErr != nil {
				continue
			}
			c := Coded{Item: it, Err: it.Err}
			if it.Err == nil {
				c.Doc, c.Err = code(it.Article)
			}
			if err := emit(c); err != nil {
				emitErr = err
				close(stop)
			}
		}
		if emitErr != nil {
			return emitErr
		}
		if err := <-done; err != nil {
			return err
		}
		return ctx.Err()
	}
}

// codeOne gives every article one event and one quote, and fails on FAILME.
func codeOne(a dyad.Article) (*dyad.Doc, error) {
	if strings.Contains(a.Text, "FAILME") {
		return nil, errors.New("tag: cannot tag")
	}
	d, err := dyad.NewDoc(a)
	if err != nil {
		return nil, err
	}
	d.Events = []dyad.Event{storetest.Event("", "VALGOV", "KESGOV", "040", a.Published)}
	d.Quotes = []dyad.Quote{{Speaker: dyad.Speaker{Name: "A. Speaker"}, Text: "words", Direct: true, Start: 0, End: 5}}
	return d, nil
}

// story writes an English-looking story of n sentences from seed.
func story(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	word := func() string {
		syl := []string{"ka", "lo", "mi", "ren", "tas", "vo", "dri", "sel", "mun", "ga", "pe", "zor"}
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		return b.String()
	}
	var paras []string
	for p := 0; p < n; p += 3 {
		var sents []string
		for s := p; s < min(p+3, n); s++ {
			sents = append(sents, fmt.Sprintf("The %s of the %s said that the %s and %s were in %s with %s.",
				word(), word(), word(), word(), word(), word()))
		}
		paras = append(paras, strings.Join(sents, " "))
	}
	return strings.Join(paras, "\n")
}

const french = "Les ministres des affaires étrangères se sont réunis mardi à Genève et ont convenu que la trêve serait prolongée de trois mois, selon des responsables qui ont parlé à la presse."

func items(arts ...dyad.Article) Source {
	return func(emit func(ingest.Item) error) error {
		for i, a := range arts {
			it := ingest.Item{Article: a, Source: fmt.Sprintf("in.jsonl:%d", i+1)}
			if a.ID == "unreadable" {
				it = ingest.Item{Source: it.Source, Err: errors.New(it.Source + ": not JSON")}
			}
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
}

func openStore(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadDecisions(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	defer s.Close()
	a := story(1, 12)
	paras := strings.Split(a, "\n")
	arts := []dyad.Article{
		{ID: "a", Outlet: "Alpha", Published: "2024-05-14", Text: a},
		{ID: "a-again", Outlet: "Beta", Published: "2024-05-14", Text: strings.ToUpper(a)},                           // exact copy
		{ID: "a-trim", Outlet: "Gamma", Published: "2024-05-15", Text: "HEADLINE\n" + strings.Join(paras[:3], "\n")}, // near copy
		{ID: "b", Outlet: "Alpha", Published: "2024-05-15", Text: story(2, 12)},
		{ID: "fr", Outlet: "Le Journal", Published: "2024-05-15", Text: french},
		{ID: "tagged-fr", Published: "2024-05-15", Text: "Short", Language: "fr-FR"},
		{ID: "unreadable"},
		{ID: "bad", Published: "2024-05-15", Text: story(3, 6) + " FAILME"},
		{ID: "a", Outlet: "Alpha", Published: "2024-05-14", Text: a}, // the same article twice
	}
	var warnings []string
	l, err := New(Config{Store: s, BatchSize: 3, Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	st, err := l.Load(context.Background(), runner(codeOne), items(arts...))
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Read: 7, ReadErrors: 1, Known: 1, Coded: 2, Failed: 1, NotEnglish: 2, ExactCopies: 1, NearCopies: 1,
		Events: 2, Quotes: 2, Written: 7}
	if st != want {
		t.Errorf("stats\n got %+v\nwant %+v", st, want)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "not JSON") || !strings.Contains(warnings[1], "cannot tag") {
		t.Errorf("warnings %q", warnings)
	}
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantC := dyad.Counts{Articles: 7, Stories: 5, Coded: 2, NotEnglish: 2, Failed: 1, ExactCopies: 1, NearCopies: 1,
		Events: 1, EventMentions: 2, Quotes: 2}
	if c != wantC {
		t.Errorf("counts\n got %+v\nwant %+v", c, wantC)
	}
	// a and b report the same event a day apart: one event; a's story has
	// three articles from three outlets, b one more from Alpha.
	var evs []dyad.StoredEvent
	s.Events(context.Background(), func(e dyad.StoredEvent) error { evs = append(evs, e); return nil })
	if len(evs) != 1 || evs[0].NumArticles != 4 || evs[0].NumSources != 3 || evs[0].NumMentions != 4 || evs[0].Event.ArticleID != "a" {
		t.Errorf("events %+v", evs)
	}

	// Again: nothing new.
	st, err = l.Load(context.Background(), runner(codeOne), items(arts...))
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 0 || st.Known != 8 || st.Coded != 0 {
		t.Errorf("second run: %+v", st)
	}
	if c2, _ := s.Counts(context.Background()); c2 != c {
		t.Errorf("second run changed counts: %+v", c2)
	}
}

func TestCopyOfStoredStory(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	defer s.Close()
	l, err := New(Config{Store: s})
	if err != nil {
		t.Fatal(err)
	}
	a := story(5, 15)
	if _, err := l.Load(context.Background(), runner(codeOne), items(dyad.Article{ID: "a", Text: a})); err != nil {
		t.Fatal(err)
	}
	// A later run finds copies in the store, exact and near.
	near := strings.Join(strings.Split(a, "\n")[1:], "\n") + "\nCopyright the outlet."
	st, err := l.Load(context.Background(), runner(codeOne), items(
		dyad.Article{ID: "exact", Text: a + "!!"}, dyad.Article{ID: "near", Text: near}))
	if err != nil {
		t.Fatal(err)
	}
	if st.ExactCopies != 1 || st.NearCopies != 1 || st.Coded != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestStoreFailureStops(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	l, err := New(Config{Store: s})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := l.Load(context.Background(), runner(codeOne), items(dyad.Article{ID: "a", Text: story(1, 3)})); err == nil {
		t.Fatal("Load into a closed store succeeded")
	}
}

func BenchmarkLoad(b *testing.B) {
	arts := make([]dyad.Article, 500)
	for i := range arts {
		arts[i] = dyad.Article{ID: fmt.Sprint(i), Published: "2024-05-14", Text: story(uint64(i), 24)}
	}
	for b.Loop() {
		b.StopTimer()
		s := openStore(b, filepath.Join(b.TempDir(), "dyad.db"))
		l, _ := New(Config{Store: s})
		b.StartTimer()
		st, err := l.Load(context.Background(), runner(codeOne), items(arts...))
		if err != nil || st.Coded != len(arts) {
			b.Fatal(err, st)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

func sqliteOpen(path string) (*sqlite.Store, error) {
	return sqlite.Open(context.Background(), path, sqlite.Config{})
}
