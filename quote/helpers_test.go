package quote

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
)

// The stages before this one, built once for all tests.
var (
	pipeOnce sync.Once
	pipeErr  error
	before   []dyad.Stage
)

// pipeline returns the real stages up to actor followed by q.
func pipeline(t testing.TB, q dyad.Stage) *dyad.Pipeline {
	t.Helper()
	pipeOnce.Do(func() {
		tk, err := token.New(token.Config{})
		if err != nil {
			pipeErr = err
			return
		}
		tg, err := tag.New(tag.Config{})
		if err != nil {
			pipeErr = err
			return
		}
		ad, err := actor.Load(actor.Config{})
		if err != nil {
			pipeErr = err
			return
		}
		before = []dyad.Stage{sentence.New(sentence.Config{}), tk, tg, actor.New(ad)}
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return &dyad.Pipeline{Stages: append(append([]dyad.Stage{}, before...), q)}
}

// code runs an article through the pipeline with the default quote stage.
func code(t testing.TB, a dyad.Article) *dyad.Doc {
	t.Helper()
	if a.Published == "" {
		a.Published = "2024-01-15"
	}
	d, err := dyad.NewDoc(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline(t, New(Config{})).Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// sharedDir locates ../shared beside the repository, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no shared folder at %s (evaluation data absent): %v", dir, err)
	}
	return dir
}
