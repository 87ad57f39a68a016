package when_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/when"
)

// megabyte repeats testdata/wire.txt (our own wire-style text) to about
// 1 MB.
func megabyte(b *testing.B) string {
	b.Helper()
	text, err := os.ReadFile(filepath.Join("testdata", "wire.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(text), 1<<20/len(text)+1)
}

// BenchmarkScan finds the expressions of every sentence of 1 MB: the
// scanner's cost with no event to narrow it.
func BenchmarkScan(b *testing.B) {
	text := megabyte(b)
	spans := sentence.Split(text)
	anchor := time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)
	var sc when.Scanner
	var buf []when.Expr
	n := 0
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, sp := range spans {
			buf = sc.Append(buf[:0], text[sp.Start:sp.End], sp.Start, anchor)
			n += len(buf)
		}
	}
	b.ReportMetric(float64(len(spans)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	if n == 0 {
		b.Fatal("nothing found")
	}
}

// BenchmarkStage dates one event in every sentence of 1 MB (a worst
// case: real articles have far fewer events than sentences).
func BenchmarkStage(b *testing.B) {
	text := megabyte(b)
	spans := sentence.Split(text)
	d := &dyad.Doc{Text: text, Published: time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)}
	for i, sp := range spans {
		d.Sentences = append(d.Sentences, dyad.Sentence{Span: sp, Index: i})
		d.Events = append(d.Events, dyad.Event{Evidence: []dyad.Evidence{{Sentence: i, Start: sp.Start, End: sp.End}}})
	}
	st := when.New(when.Config{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(spans)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
