package source

import (
	"context"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/quote"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
)

// The real stages up to quote, and this one, built once for all tests.
var (
	pipeOnce sync.Once
	pipeErr  error
	upToQ    []dyad.Stage
	stage    *Stage
)

func stages(t testing.TB) ([]dyad.Stage, *Stage) {
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
		upToQ = []dyad.Stage{sentence.New(sentence.Config{}), tk, tg, actor.New(ad), quote.New(quote.Config{})}
		stage = New(Config{Actors: ad})
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return upToQ, stage
}

// run codes a up to the quote stage, puts one bare event on each sentence
// listed in events, and runs the source stage.
func run(t testing.TB, a dyad.Article, events ...int) *dyad.Doc {
	t.Helper()
	if a.Published == "" {
		a.Published = "2024-01-15"
	}
	if a.ID == "" {
		a.ID = "t"
	}
	before, src := stages(t)
	d, err := dyad.NewDoc(a)
	if err != nil {
		t.Fatal(err)
	}
	p := dyad.Pipeline{Stages: before}
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, s := range events {
		if s >= len(d.Sentences) {
			t.Fatalf("no sentence %d (%d sentences)", s, len(d.Sentences))
		}
		sn := d.Sentences[s]
		d.Events = append(d.Events, dyad.Event{ArticleID: a.ID, Code: "010",
			Evidence: []dyad.Evidence{{Sentence: s, Start: sn.Start, End: sn.End, Text: d.Slice(sn.Span)}}})
	}
	if err := src.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}
