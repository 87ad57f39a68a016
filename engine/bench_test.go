package engine

import (
	"context"
	"slices"
	"testing"

	"github.com/dyadproject/dyad"
)

// benchCorpora are the corpora the benchmarks run on: the embedded
// samples and, when ../shared is present, the dev set texts.
func benchCorpora(b *testing.B) []struct {
	name string
	arts []dyad.Article
} {
	c := []struct {
		name string
		arts []dyad.Article
	}{{"samples", sampleArticles(b)}}
	if dev := devArticles(b); dev != nil {
		c = append(c, struct {
			name string
			arts []dyad.Article
		}{"dev", dev})
	}
	return c
}

// corpusSize counts the sentences and bytes of arts as the engine splits
// them.
func corpusSize(b *testing.B, e *Engine, arts []dyad.Article) (sents, bytes int) {
	for _, a := range arts {
		d, err := e.Code(context.Background(), a)
		if err != nil {
			b.Fatal(err)
		}
		sents += len(d.Sentences)
		bytes += len(d.Text)
	}
	return sents, bytes
}

func report(b *testing.B, sents, arts int) {
	s := b.Elapsed().Seconds()
	if s <= 0 {
		return
	}
	b.ReportMetric(float64(b.N*sents)/s, "sentences/s")
	b.ReportMetric(float64(b.N*arts)/s, "articles/s")
}

// BenchmarkPipeline codes whole corpora with the default engine, one
// article after another on one goroutine: the per-core speed of the
// engine (the target is 20,000 sentences/s). One op is the whole corpus.
func BenchmarkPipeline(b *testing.B) {
	e, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range benchCorpora(b) {
		b.Run(c.name, func(b *testing.B) {
			sents, size := corpusSize(b, e, c.arts)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range c.arts {
					if _, err := e.Code(ctx, a); err != nil {
						b.Fatal(err)
					}
				}
			}
			report(b, sents, len(c.arts))
		})
	}
}

// BenchmarkStage times each stage alone on Docs the stages before it have
// already annotated. Every op restores those layers into reused buffers
// (a copy, no allocation) and leaves the stage's own and later layers
// empty, as in a real run; clipped capacities make any append allocate as
// it would. The copy is timed too: see the "copy" sub-benchmark.
func BenchmarkStage(b *testing.B) {
	e, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	stages := e.pipeline.Stages
	for _, c := range benchCorpora(b) {
		// before[k][i] is article i after stages[:k].
		before := make([][]*dyad.Doc, len(stages)+1)
		for i, a := range c.arts {
			d, err := dyad.NewDoc(a)
			if err != nil {
				b.Fatal(err)
			}
			for k := range stages {
				before[k] = append(before[k], snapshot(d))
				if err := stages[k].Process(ctx, d); err != nil {
					b.Fatalf("%s: %s: %v", c.arts[i].ID, stages[k].Name(), err)
				}
			}
			before[len(stages)] = append(before[len(stages)], snapshot(d))
		}
		sents, size := 0, 0
		for _, d := range before[len(stages)] {
			sents += len(d.Sentences)
			size += len(d.Text)
		}
		run := func(name string, k int, st dyad.Stage) {
			b.Run(c.name+"/"+name, func(b *testing.B) {
				docs := before[k]
				work := make([]dyad.Doc, len(docs))
				buf := make([]layers, len(docs))
				b.SetBytes(int64(size))
				b.ReportAllocs()
				for b.Loop() {
					for i, d := range docs {
						restore(&work[i], d, &buf[i])
						if st != nil {
							if err := st.Process(ctx, &work[i]); err != nil {
								b.Fatal(err)
							}
						}
					}
				}
				report(b, sents, len(docs))
			})
		}
		run("copy", len(stages), nil)
		for k, st := range stages {
			run(st.Name(), k, st)
		}
	}
}

// snapshot deep-copies the layers of d that stages write into.
func snapshot(d *dyad.Doc) *dyad.Doc {
	c := *d
	c.Sentences = slices.Clone(d.Sentences)
	c.Tokens = slices.Clone(d.Tokens)
	c.Mentions = slices.Clone(d.Mentions)
	c.Events = slices.Clone(d.Events)
	c.Quotes = slices.Clone(d.Quotes)
	c.Places = slices.Clone(d.Places)
	c.Notes = slices.Clone(d.Notes)
	return &c
}

// layers are reusable buffers for one Doc's layers.
type layers struct {
	sentences []dyad.Sentence
	tokens    []dyad.Token
	mentions  []dyad.Mention
	events    []dyad.Event
	quotes    []dyad.Quote
	places    []dyad.Place
	notes     []string
}

// restore makes w a copy of d in buf's memory, each layer nil when d's is.
func restore(w, d *dyad.Doc, buf *layers) {
	*w = *d
	w.Sentences = refill(&buf.sentences, d.Sentences)
	w.Tokens = refill(&buf.tokens, d.Tokens)
	w.Mentions = refill(&buf.mentions, d.Mentions)
	w.Events = refill(&buf.events, d.Events)
	w.Quotes = refill(&buf.quotes, d.Quotes)
	w.Places = refill(&buf.places, d.Places)
	w.Notes = refill(&buf.notes, d.Notes)
}

func refill[T any](buf *[]T, src []T) []T {
	if src == nil {
		return nil
	}
	*buf = append((*buf)[:0], src...)
	return (*buf)[:len(src):len(src)]
}
