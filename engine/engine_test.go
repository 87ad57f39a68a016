package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ingest"
)

func TestDefaultStageOrder(t *testing.T) {
	want := []string{"sentence", "token", "tag", "actor", "event", "quote", "when", "where", "source"}
	if got := StageOrder(); !slices.Equal(got, want) {
		t.Fatalf("StageOrder() = %v, want %v", got, want)
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Stages(); !slices.Equal(got, want) {
		t.Errorf("engine stages = %v, want %v (each constructor must name its stage as in StageOrder)", got, want)
	}
	e, err = New(Config{Through: "token"})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Stages(); !slices.Equal(got, want[:2]) {
		t.Errorf("Through token: stages = %v", got)
	}
	if _, err := New(Config{Through: "nosuch"}); err == nil {
		t.Error("unknown stage accepted")
	}
}

func TestCodeFillsLayers(t *testing.T) {
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.Code(context.Background(), dyad.Article{ID: "x", Published: "2024-01-02",
		Text: "Ministers met in Paris on Monday. They said talks would go on."})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 || len(d.Tokens) < 10 {
		t.Fatalf("sentences=%d tokens=%d", len(d.Sentences), len(d.Tokens))
	}
	for _, tok := range d.Tokens {
		if tok.Tag == "" || tok.Lemma == "" {
			t.Errorf("token %q has no tag or lemma", d.Slice(tok.Span))
		}
	}
}

// stage is a test stage that records the article ids it saw.
type stage struct {
	name string
	fn   func(d *dyad.Doc) error
}

func (s stage) Name() string                                 { return s.name }
func (s stage) Process(_ context.Context, d *dyad.Doc) error { return s.fn(d) }

func items(n int) Source {
	return func(emit func(ingest.Item) error) error {
		for i := range n {
			it := ingest.Item{Article: dyad.Article{ID: fmt.Sprint(i), Text: "x"}, Source: fmt.Sprint("in:", i)}
			if i%7 == 3 {
				it = ingest.Item{Source: it.Source, Err: errors.New("unreadable " + it.Source)}
			}
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunKeepsInputOrderAndGoesOnAfterFailures(t *testing.T) {
	slow := stage{"slow", func(d *dyad.Doc) error {
		// Early articles take longer, so workers finish out of order.
		var n int
		fmt.Sscan(d.Article.ID, &n)
		time.Sleep(time.Duration(50-n%50) * 20 * time.Microsecond)
		switch {
		case n%11 == 5:
			return errors.New("stage failed")
		case n == 42:
			var m map[string]int
			m["boom"]++ // a panicking stage must not end the run
		}
		return nil
	}}
	e := FromStages(slow)
	var got []string
	err := e.Run(context.Background(), 4, items(100), func(r Result) error {
		switch {
		case r.Err != nil:
			got = append(got, "err:"+r.Item.Source)
		default:
			got = append(got, r.Doc.Article.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 100 {
		t.Fatalf("%d results, want 100", len(got))
	}
	for i, g := range got {
		want := fmt.Sprint(i)
		if i%7 == 3 || i%11 == 5 || i == 42 {
			want = fmt.Sprint("err:in:", i)
		}
		if g != want {
			t.Fatalf("result %d = %q, want %q", i, g, want)
		}
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	var processed atomic.Int64
	e := FromStages(stage{"count", func(*dyad.Doc) error { processed.Add(1); return nil }})
	stop := errors.New("stop")
	n := 0
	err := e.Run(context.Background(), 2, items(10000), func(Result) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v", err)
	}
	if p := processed.Load(); p > 1000 {
		t.Errorf("processed %d articles after emit failed", p)
	}
}

func TestPanicBecomesArticleError(t *testing.T) {
	e := FromStages(stage{"bad", func(*dyad.Doc) error { panic("kaboom") }})
	_, err := e.codeSafely(context.Background(), dyad.Article{ID: "p", Text: "x"})
	if err == nil || !strings.Contains(err.Error(), `internal error coding "p": kaboom`) {
		t.Fatalf("err = %v", err)
	}
}

func BenchmarkRunSamples(b *testing.B) {
	e, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Russian Defence Minister Sergei Shoigu held talks in Beijing on Monday, Xinhua reported. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := e.Code(context.Background(), dyad.Article{ID: "b", Text: text}); err != nil {
			b.Fatal(err)
		}
	}
}
