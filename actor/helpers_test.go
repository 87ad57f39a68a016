package actor

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
)

// front runs the real sentence, token and tag stages to make Docs for
// the actor stage.
type front struct {
	stages []dyad.Stage
}

func newFront(t testing.TB) *front {
	t.Helper()
	tk, err := token.New(token.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return &front{stages: []dyad.Stage{sentence.New(sentence.Config{}), tk, tg}}
}

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

func loadMini(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load(Config{Builtin: os.DirFS("testdata/mini"), BuiltinPrefix: "mini/"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func loadBuiltin(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load(Config{})
	if err != nil {
		if _, bench := t.(*testing.B); !bench {
			t.Fatal(err)
		}
		t.Logf("built-in dictionary errors (benchmarking anyway):\n%v", err)
	}
	return d
}

// describe renders mentions one per line: text kind code [name] ->ante.
func describe(d *dyad.Doc) string {
	var b strings.Builder
	for i, m := range d.Mentions {
		fmt.Fprintf(&b, "%d %q %s %s", i, d.Slice(m.Span), m.Kind, m.Actor.Code)
		if m.Actor.Name != "" {
			fmt.Fprintf(&b, " [%s]", m.Actor.Name)
		}
		if m.Antecedent >= 0 {
			fmt.Fprintf(&b, " ->%d", m.Antecedent)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// repoRoot is the module root, two levels up from this package's folder.
func repoRoot(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared material not found at %s (CI without ../shared): %v", dir, err)
	}
	return dir
}
