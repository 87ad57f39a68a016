package tag

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// benchDoc is the wire-style corpus of package token repeated to ~1 MB,
// split into sentences crudely (the sentence stage is not under test).
func benchDoc(b *testing.B) *dyad.Doc {
	raw, err := os.ReadFile("../token/testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.Write(raw)
		sb.WriteByte('\n')
	}
	text := sb.String()
	d := &dyad.Doc{Text: text}
	start := 0
	add := func(end int) {
		for start < end && (text[start] == ' ' || text[start] == '\n') {
			start++
		}
		if start < end {
			d.Sentences = append(d.Sentences, dyad.Sentence{Span: dyad.Span{Start: start, End: end}, Index: len(d.Sentences)})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n':
			add(i)
		case (text[i] == '.' || text[i] == '?' || text[i] == '!') && i+2 < len(text) && text[i+1] == ' ' && 'A' <= text[i+2] && text[i+2] <= 'Z' && i > 2 && text[i-2] != ' ' && text[i-2] != '.':
			add(i + 1)
		}
	}
	add(len(text))
	return d
}

func report(b *testing.B, d *dyad.Doc) {
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(d.Tokens)*b.N)/sec, "tokens/s")
	b.ReportMetric(float64(len(d.Sentences)*b.N)/sec, "sentences/s")
}

func BenchmarkTag(b *testing.B) {
	tk, tg := stages(b)
	d := benchDoc(b)
	ctx := context.Background()
	if err := tk.Process(ctx, d); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tg.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	report(b, d)
}

// BenchmarkTokenizeTag is the two stages together, the figure the engine's
// 20 MB/s-per-core budget for them is measured against.
func BenchmarkTokenizeTag(b *testing.B) {
	tk, tg := stages(b)
	d := benchDoc(b)
	ctx := context.Background()
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tk.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		if err := tg.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	report(b, d)
}

func BenchmarkLoadLexicon(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadLexicon(nil, ""); err != nil {
			b.Fatal(err)
		}
	}
}
