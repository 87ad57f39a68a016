package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/ingest/loader"
	"github.com/dyadproject/dyad/sqlite"
)

func runBench(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "bench", "ingest [flags]",
		"Measures ingest: generates N articles by recombining the sentences of the\n"+
			"shipped samples (any two share at most two of their eight sentences, so\n"+
			"dedup keeps them apart), writes them as JSON Lines files into a directory, ingests the\n"+
			"directory into a fresh embedded store, reports articles per second, then\n"+
			"ingests it again and checks that nothing is added.")
	n := fs.Int("n", 10000, "articles to generate")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles coded in parallel")
	batch := fs.Int("batch", 200, "articles per database transaction")
	dir := fs.String("dir", "", "work `DIR` for the articles and the store (default a temporary directory, removed after)")
	minRate := fs.Float64("min-rate", 0, "fail when the first run is slower than this many articles/s")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "ingest" {
		return usagef("want 'dyad bench ingest'")
	}
	if *n < 1 || *workers < 1 || *batch < 1 {
		return usagef("--n, --workers and --batch must be at least 1")
	}
	work := *dir
	if work == "" {
		work, err = os.MkdirTemp("", "dyad-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	res, err := benchIngest(ctx, env, work, *n, *workers, *batch)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "generated %d articles (%d sentences, %.1f MB) in %s\n", res.Articles, res.Sentences, float64(res.Bytes)/1e6, res.Dir)
	fmt.Fprintf(env.Stdout, "first run:  %d stored (%d coded, %d not English, %d copies, %d failed), %d events, %d quotes in %s: %.0f articles/s, %.0f sentences/s (%d workers)\n",
		res.First.Written, res.First.Coded, res.First.NotEnglish, res.First.ExactCopies+res.First.NearCopies, res.First.Failed,
		res.First.Events, res.First.Quotes, res.FirstTime.Round(time.Millisecond), res.Rate(), float64(res.Sentences)/res.FirstTime.Seconds(), *workers)
	if res.FirstCPU > 0 {
		fmt.Fprintf(env.Stdout, "            %.1f ms CPU per article (%.0f articles/s with all %d cores free; the machine's load shows in the gap to the wall rate)\n",
			res.FirstCPU.Seconds()*1000/float64(max(res.First.Written, 1)), res.CPURate(), runtime.GOMAXPROCS(0))
	}
	fmt.Fprintf(env.Stdout, "second run: %d already stored, %d added in %s\n", res.Second.Known, res.Second.Written, res.SecondTime.Round(time.Millisecond))
	if res.Second.Written != 0 {
		return fmt.Errorf("the second run added %d articles; want 0", res.Second.Written)
	}
	if *minRate > 0 && res.Rate() < *minRate {
		return fmt.Errorf("%.0f articles/s is below --min-rate %.0f", res.Rate(), *minRate)
	}
	return nil
}

// benchResult is what a bench run measured.
type benchResult struct {
	Dir                   string
	Articles, Sentences   int
	Bytes                 int64
	First, Second         loader.Stats
	FirstTime, SecondTime time.Duration
	FirstCPU              time.Duration // CPU time of the first run, all threads
}

// CPURate is the first run's articles per second if every core were busy
// with it alone: the rate on an idle machine when nothing serialises.
func (r benchResult) CPURate() float64 {
	if r.FirstCPU <= 0 {
		return 0
	}
	return float64(r.First.Written) / r.FirstCPU.Seconds() * float64(runtime.GOMAXPROCS(0))
}

func (r benchResult) Rate() float64 { return float64(r.First.Written) / r.FirstTime.Seconds() }

// benchIngest generates n articles under work/articles, ingests them twice
// into work/bench.db and measures both runs.
func benchIngest(ctx context.Context, env *Env, work string, n, workers, batch int) (benchResult, error) {
	res := benchResult{Dir: filepath.Join(work, "articles")}
	arts, err := benchArticles(n)
	if err != nil {
		return res, err
	}
	res.Articles = len(arts)
	if res.Bytes, res.Sentences, err = writeBenchArticles(res.Dir, arts); err != nil {
		return res, err
	}
	dbPath := filepath.Join(work, "bench.db")
	for _, p := range []string{dbPath, dbPath + "-wal", dbPath + "-shm"} {
		os.Remove(p)
	}
	in := &inputFlags{workers: workers, quiet: true}
	quiet := &Env{Stdin: env.Stdin, Stdout: env.Stdout, Stderr: env.Stderr}
	for i, out := range []*loader.Stats{&res.First, &res.Second} {
		store, err := sqlite.Open(ctx, dbPath, sqlite.Config{})
		if err != nil {
			return res, err
		}
		start, cpu := time.Now(), cpuTime()
		st, err := ingestInto(ctx, quiet, store, in, batch, func(emit func(ingest.Item) error) error {
			return readSources(ctx, quiet, []string{res.Dir}, ingest.Options{}, emit)
		})
		elapsed := time.Since(start)
		if cerr := store.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return res, err
		}
		*out = st
		if i == 0 {
			res.FirstTime, res.FirstCPU = elapsed, cpuTime()-cpu
		} else {
			res.SecondTime = elapsed
		}
	}
	return res, nil
}

// benchArticles makes n articles from the sentences of the embedded sample
// articles. The sentence pool is cut into 8 columns of p sentences (p
// prime); article i takes, in column j, the sentence at q_i(j) mod p for a
// quadratic q_i of its own. Two distinct quadratics over Z_p agree on at
// most two points, so two articles share at most two of their eight
// sentences: far below the near-copy thresholds (Jaccard 0.5, containment
// 0.8), so dedup keeps every article.
func benchArticles(n int) ([]dyad.Article, error) {
	raw, err := fs.ReadFile(data.FS, samplesPath)
	if err != nil {
		return nil, err
	}
	type sent struct{ text, published string }
	var pool []sent
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a dyad.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s%s: %w", data.Prefix, samplesPath, err)
		}
		for _, para := range strings.Split(a.Text, "\n") {
			for _, s := range splitSentences(para) {
				pool = append(pool, sent{s, a.Published})
			}
		}
	}
	outlets := []string{"Bench Wire", "Harbour Ledger", "Pacific Wire", "Meridian News", "Gulf Dispatch"}
	const per = 8
	p := largestPrime(len(pool) / per)
	if p < per || p*p*p < n {
		return nil, fmt.Errorf("the samples give %d sentences: too few for %d articles", len(pool), n)
	}
	arts := make([]dyad.Article, 0, n)
	for i := range n {
		a, b, c := i%p, (i/p)%p, i/(p*p)
		var text strings.Builder
		var first sent
		for j := range per {
			s := pool[j*p+(a+b*j+c*j*j)%p]
			if j == 0 {
				first = s
			} else if j%2 == 0 {
				text.WriteByte('\n')
			} else {
				text.WriteByte(' ')
			}
			text.WriteString(s.text)
		}
		title := first.text
		if words := strings.Fields(title); len(words) > 10 {
			title = strings.Join(words[:10], " ")
		}
		arts = append(arts, dyad.Article{
			ID:        fmt.Sprintf("bench-%05d", i+1),
			Title:     title,
			Outlet:    outlets[i%len(outlets)],
			Published: first.published,
			Text:      text.String(),
		})
	}
	return arts, nil
}

// splitSentences cuts a paragraph after ". ", "? " or "! " when a capital
// letter or a quote follows and the word before is not a short
// abbreviation ("U.S.", "Mr.", "Jan.").
func splitSentences(para string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(para); i++ {
		c := para[i]
		if (c != '.' && c != '?' && c != '!') || para[i+1] != ' ' {
			continue
		}
		next := para[i+2]
		if !(next >= 'A' && next <= 'Z' || next == '"') {
			continue
		}
		wordStart := strings.LastIndexByte(para[:i], ' ') + 1
		if c == '.' && i-wordStart <= 3 {
			continue
		}
		out = append(out, strings.TrimSpace(para[start:i+1]))
		start = i + 2
	}
	if rest := strings.TrimSpace(para[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func largestPrime(n int) int {
	for p := n; p >= 2; p-- {
		prime := true
		for d := 2; d*d <= p; d++ {
			if p%d == 0 {
				prime = false
				break
			}
		}
		if prime {
			return p
		}
	}
	return 0
}

// writeBenchArticles writes the articles as JSON Lines, 100 per file.
func writeBenchArticles(dir string, arts []dyad.Article) (size int64, sentences int, err error) {
	if err := os.RemoveAll(dir); err != nil {
		return 0, 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	const perFile = 100
	for i := 0; i < len(arts); i += perFile {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, a := range arts[i:min(i+perFile, len(arts))] {
			sentences += 8
			if err := enc.Encode(a); err != nil {
				return 0, 0, err
			}
		}
		name := filepath.Join(dir, fmt.Sprintf("articles-%04d.jsonl", i/perFile+1))
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return 0, 0, err
		}
		size += int64(buf.Len())
	}
	return size, sentences, nil
}
