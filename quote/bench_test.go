package quote

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
)

// sampleDocs are the built-in sample articles taken through the stages
// before this one.
func sampleDocs(b *testing.B) ([]*dyad.Doc, int) {
	raw, err := data.FS.ReadFile("samples/articles.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var docs []*dyad.Doc
	sents := 0
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 1<<24)
	p := &dyad.Pipeline{Stages: pipeline(b, New(Config{})).Stages}
	p.Stages = p.Stages[:len(p.Stages)-1]
	for sc.Scan() {
		var a dyad.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		d, err := dyad.NewDoc(a)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Run(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		sents += len(d.Sentences)
	}
	return docs, sents
}

func BenchmarkProcess(b *testing.B) {
	docs, sents := sampleDocs(b)
	s := New(Config{})
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := s.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sents*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkScan(b *testing.B) {
	docs, _ := sampleDocs(b)
	var n int
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	var qs []Quotation
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			qs = AppendScan(qs[:0], d.Text)
		}
	}
}
