package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
)

// BenchmarkProcess: the built-in sample articles, taken through the
// stages up to quote, with one event on every sentence.
func BenchmarkProcess(b *testing.B) {
	raw, err := data.FS.ReadFile("samples/articles.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	before, src := stages(b)
	var docs []*dyad.Doc
	sents := 0
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a dyad.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		d, err := dyad.NewDoc(a)
		if err != nil {
			b.Fatal(err)
		}
		if err := (&dyad.Pipeline{Stages: before}).Run(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		for i := range d.Sentences {
			d.Events = append(d.Events, dyad.Event{Evidence: []dyad.Evidence{{Sentence: i}}})
		}
		docs = append(docs, d)
		sents += len(d.Sentences)
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := src.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
