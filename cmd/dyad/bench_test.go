package main

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/dedup"
)

func TestBenchArticlesShareAtMostTwoSentences(t *testing.T) {
	arts, err := benchArticles(400)
	if err != nil {
		t.Fatal(err)
	}
	sents := make([]map[string]bool, len(arts))
	for i, a := range arts {
		sents[i] = map[string]bool{}
		for _, para := range strings.Split(a.Text, "\n") {
			for _, s := range splitSentences(para) {
				sents[i][s] = true
			}
		}
	}
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			shared := 0
			for s := range sents[i] {
				if sents[j][s] {
					shared++
				}
			}
			if shared > 2 {
				t.Fatalf("%s and %s share %d sentences", arts[i].ID, arts[j].ID, shared)
			}
		}
	}
	h := dedup.New(dedup.Config{})
	ix := dedup.NewIndex(h)
	for _, a := range arts {
		sk := h.Sketch(a.Text)
		if m, ok := ix.Find(sk); ok {
			t.Fatalf("%s reads as a copy of %s (similarity %.2f)", a.ID, m.Key, m.Similarity)
		}
		ix.Add(a.ID, sk)
	}
}

func TestSplitSentences(t *testing.T) {
	got := splitSentences(`U.S. officials met on Monday. "We agreed," he said. Talks go on! Gen. Smith left? Yes.`)
	want := []string{"U.S. officials met on Monday.", `"We agreed," he said.`, "Talks go on!", "Gen. Smith left?", "Yes."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}

// TestBenchIngestShort runs the benchmark on 150 articles: every one is
// stored and coded, and the second run adds nothing.
func TestBenchIngestShort(t *testing.T) {
	env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	res, err := benchIngest(context.Background(), env, t.TempDir(), 150, 2, 50)
	if err != nil {
		t.Fatal(err)
	}
	if res.First.Written != 150 || res.First.Coded != 150 || res.First.ExactCopies+res.First.NearCopies != 0 {
		t.Errorf("first run: %s", res.First)
	}
	if res.First.Events == 0 {
		t.Errorf("no events coded: %s", res.First)
	}
	if res.Second.Written != 0 || res.Second.Known != 150 {
		t.Errorf("second run: %s", res.Second)
	}
	t.Logf("%.0f articles/s on 150 articles", res.Rate())
}

// BenchmarkIngest10k is the done-when measure: 10,000 generated articles
// into a fresh embedded store (go test -run X -bench Ingest10k ./cmd/dyad).
// Set DYAD_BENCH_N to change the count.
func BenchmarkIngest10k(b *testing.B) {
	n := 10000
	if s := os.Getenv("DYAD_BENCH_N"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	for b.Loop() {
		res, err := benchIngest(context.Background(), env, b.TempDir(), n, runtime.GOMAXPROCS(0), 200)
		if err != nil {
			b.Fatal(err)
		}
		if res.Second.Written != 0 {
			b.Fatalf("second run added %d", res.Second.Written)
		}
		b.ReportMetric(res.Rate(), "articles/s")
		b.ReportMetric(float64(res.First.Events), "events")
		b.ReportMetric(res.SecondTime.Seconds(), "rerun-s")
		b.ReportMetric(res.CPURate(), "cpu-articles/s")
	}
}
