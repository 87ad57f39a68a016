package coding

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyadproject/dyad"
)

// benchArticles are the 20 sample articles of data/samples and, when
// ../shared is present, the dev news set.
func benchArticles(b *testing.B) []dyad.Article {
	b.Helper()
	var arts []dyad.Article
	read := func(path string) {
		f, err := os.Open(path)
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a dyad.Article
			if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
				arts = append(arts, a)
			}
		}
	}
	root := repoRoot(b)
	read(filepath.Join(root, "data", "samples", "articles.jsonl"))
	read(filepath.Join(root, "..", "shared", "eval", "dev", "news-dev.gold.jsonl"))
	if len(arts) == 0 {
		b.Skip("no sample articles")
	}
	return arts
}

// BenchmarkPipeline runs the whole front of the engine and the coder,
// text to events as JSON Lines (encoding/json, as package export writes
// them), one article after another on one core, and
// reports sentences and articles per second.
func BenchmarkPipeline(b *testing.B) {
	arts := benchArticles(b)
	p := newPipe(b)
	pl := dyad.Pipeline{Stages: append(append([]dyad.Stage{}, p.front...), p.coder)}
	w := json.NewEncoder(bufio.NewWriter(io.Discard))
	ctx := context.Background()
	sents := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			d, err := dyad.NewDoc(a)
			if err != nil {
				b.Fatal(err)
			}
			if err := pl.Run(ctx, d); err != nil {
				b.Fatal(err)
			}
			for j := range d.Events {
				if err := w.Encode(&d.Events[j]); err != nil {
					b.Fatal(err)
				}
			}
			sents += len(d.Sentences)
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/s, "sentences/s")
	b.ReportMetric(float64(b.N*len(arts))/s, "articles/s")
}

// BenchmarkCoder times the event stage alone, on Docs the front has
// already annotated.
func BenchmarkCoder(b *testing.B) {
	arts := benchArticles(b)
	p := newPipe(b)
	front := dyad.Pipeline{Stages: p.front}
	var docs []*dyad.Doc
	sents := 0
	for _, a := range arts {
		d, err := dyad.NewDoc(a)
		if err != nil {
			b.Fatal(err)
		}
		if err := front.Run(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		sents += len(d.Sentences)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := p.coder.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*sents)/s, "sentences/s")
}

// FuzzProcess runs arbitrary text through the pipeline and checks what
// the coder promises: no panic, evidence that indexes the text, codes the
// ontology knows, a rule on every event.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Russia and China held talks in Beijing on Monday.",
		"\"We remain ready,\" Shoigu said, but Iran refused to release the British tanker.",
		"Both countries recalled their ambassadors, and Thailand shut its border with Cambodia.",
		"Mali demanded that Denmark withdraw its troops unless , , ( ) \"",
		"said said said . . . to to to",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := newPipe(t)
		d, err := dyad.NewDoc(dyad.Article{ID: "f", Text: text})
		if err != nil {
			return
		}
		pl := dyad.Pipeline{Stages: append(append([]dyad.Stage{}, p.front...), p.coder)}
		if err := pl.Run(context.Background(), d); err != nil {
			return // an earlier stage may refuse odd input
		}
		for _, e := range d.Events {
			if _, ok := p.coder.onto.Lookup(e.Code); !ok || e.Rule == "" || len(e.Evidence) == 0 {
				t.Fatalf("bad event %+v", e)
			}
			for _, ev := range e.Evidence {
				if ev.Start < 0 || ev.End > len(d.Text) || ev.Start > ev.End || d.Text[ev.Start:ev.End] != ev.Text {
					t.Fatalf("evidence %+v does not index the text", ev)
				}
			}
		}
	})
}
