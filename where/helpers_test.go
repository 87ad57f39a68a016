package where

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
)

// front runs the real sentence, token, tag and actor stages, so the
// tests see the Docs the places stage sees in the pipeline.
type front struct {
	stages []dyad.Stage
	where  *Stage
}

var (
	frontOnce sync.Once
	frontVal  *front
	frontErr  error
)

func newFront(t testing.TB) *front {
	t.Helper()
	frontOnce.Do(func() {
		tk, err := token.New(token.Config{})
		if err != nil {
			frontErr = err
			return
		}
		tg, err := tag.New(tag.Config{})
		if err != nil {
			frontErr = err
			return
		}
		dct, err := actor.Load(actor.Config{})
		if err != nil {
			frontErr = err
			return
		}
		w, err := New(Config{})
		if err != nil {
			frontErr = err
			return
		}
		frontVal = &front{stages: []dyad.Stage{sentence.New(sentence.Config{}), tk, tg, actor.New(dct)}, where: w}
	})
	if frontErr != nil {
		t.Fatal(frontErr)
	}
	return frontVal
}

// doc runs the stages before "where" on text.
func (f *front) doc(t testing.TB, text, published string) *dyad.Doc {
	t.Helper()
	d, err := dyad.NewDoc(dyad.Article{ID: "t", Text: text, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	p := dyad.Pipeline{Stages: f.stages}
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// places resolves text and describes each place as "text=Name/ISO3".
func (f *front) places(t testing.TB, text string) []string {
	t.Helper()
	d := f.doc(t, text, "2024-01-01")
	rs, err := f.where.Resolve(d)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s=%s/%s", d.Slice(r.Span), r.Name, r.Country))
	}
	return out
}

func describe(d *dyad.Doc, rs []Resolved) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "s%d %q -> %s %s %s (%.2f,%.2f) cue=%s %q readings=%d mention=%d %s\n", r.Sentence, d.Slice(r.Span),
			r.Name, r.Country, r.Entry.Kind, r.Lat, r.Lon, r.Cue, r.Word, r.Readings, r.Mention, r.Entry.Rule())
	}
	return b.String()
}

// sharedDir is ../shared beside the repository root; tests that need it
// skip when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared material not found at %s (it lives beside the repository): %v", dir, err)
	}
	return dir
}
