package where

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// wireDocs makes Docs of testdata/wire.txt, one paragraph each, run
// through the stages before "where", repeated to about size bytes.
func wireDocs(b testing.TB, size int) ([]*dyad.Doc, int) {
	raw, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	f := newFront(b)
	var docs []*dyad.Doc
	n := 0
	for n < size {
		for _, p := range paras {
			docs = append(docs, f.doc(b, p, "2024-01-01"))
			n += len(p)
		}
	}
	return docs, n
}

// TestWireGolden lists the places of testdata/wire.txt (our own wire
// copy) against testdata/wire.golden; refresh with -update after a
// change that is meant to alter them.
func TestWireGolden(t *testing.T) {
	docs, _ := wireDocs(t, 1)
	f := newFront(t)
	var b strings.Builder
	for i, d := range docs {
		rs, err := f.where.Resolve(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%.2f,%.2f\t%s\n", i, d.Slice(r.Span), r.Name, r.Country, r.Entry.Kind, r.Lat, r.Lon, r.Cue)
		}
	}
	got := b.String()
	if *update {
		if err := os.WriteFile("testdata/wire.golden", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/wire.golden")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("places of testdata/wire.txt differ from testdata/wire.golden (run with -update to accept):\n%s", got)
	}
}

// TestConcurrentAndDeterministic runs one Stage on many Docs at once
// (run with -race) and checks that every run gives the same places.
func TestConcurrentAndDeterministic(t *testing.T) {
	docs, _ := wireDocs(t, 1)
	f := newFront(t)
	want := make([]string, len(docs))
	for i, d := range docs {
		rs, err := f.where.Resolve(d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = fmt.Sprint(rs)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(docs))
	for range 4 {
		for i, d := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rs, err := f.where.Resolve(d)
				if err != nil {
					errs <- err.Error()
					return
				}
				if got := fmt.Sprint(rs); got != want[i] {
					errs <- fmt.Sprintf("doc %d: %s, want %s", i, got, want[i])
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func BenchmarkProcess(b *testing.B) {
	docs, size := wireDocs(b, 1<<20)
	f := newFront(b)
	if _, err := f.where.Gazetteer(); err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	sentences := 0
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		for _, d := range docs {
			if err := f.where.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sentences*b.N)/time.Since(start).Seconds(), "sentences/s")
}

func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, err := Load(data.FS, data.Prefix); err != nil {
			b.Fatal(err)
		}
	}
}
