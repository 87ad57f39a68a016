package quote

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
)

// wq is an expected quote.
type wq struct {
	direct                   bool
	speaker, code, cue, text string
}

func (w wq) String() string {
	return fmt.Sprintf("{%v, %q, %q, %q, %q}", w.direct, w.speaker, w.code, w.cue, w.text)
}

func gotQuotes(d *dyad.Doc) []wq {
	var out []wq
	for _, q := range d.Quotes {
		out = append(out, wq{q.Direct, q.Speaker.Name, q.Speaker.Code, q.Cue, q.Text})
	}
	return out
}

func TestQuoteTable(t *testing.T) {
	for _, c := range quoteCases {
		t.Run(c.name, func(t *testing.T) {
			d := code(t, dyad.Article{ID: "t", Text: c.text})
			got := gotQuotes(d)
			if os.Getenv("QUOTE_PRINT") != "" {
				var b strings.Builder
				for _, g := range got {
					b.WriteString("\t\t" + g.String() + ",\n")
				}
				fmt.Printf("%s:\n%s", c.name, b.String())
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("%d quotes, want %d:\n got %v\nwant %v", len(got), len(c.want), got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("quote %d:\n got %v\nwant %v", i, got[i], c.want[i])
				}
			}
			checkSpans(t, d)
		})
	}
}

// checkSpans: every quote's span lies in the text, and a direct quote's
// text starts and ends with the bytes of its span.
func checkSpans(t *testing.T, d *dyad.Doc) {
	t.Helper()
	for _, q := range d.Quotes {
		sp := dyad.Span{Start: q.Start, End: q.End}
		if !sp.Valid(len(d.Text)) || sp.Len() == 0 {
			t.Errorf("quote %q: bad span %v", q.Text, sp)
			continue
		}
		in := d.Text[q.Start:q.End]
		if !q.Direct && in != q.Text {
			t.Errorf("indirect quote text %q is not its span %q", q.Text, in)
		}
		if q.Direct {
			first, _, _ := strings.Cut(q.Text, " ")
			if !strings.HasPrefix(in, first) || !strings.HasSuffix(in, q.Text[len(q.Text)-min(len(q.Text), 3):]) {
				t.Errorf("direct quote %q does not match its span %q", q.Text, in)
			}
		}
		if q.ReportedBy == nil {
			t.Errorf("quote %q: ReportedBy is nil", q.Text)
		}
	}
}

// TestConcurrent: one Stage on many Docs at once gives what it gives one
// at a time.
func TestConcurrent(t *testing.T) {
	st := New(Config{})
	p := pipeline(t, st)
	var docs []*dyad.Doc
	var want [][]wq
	for _, c := range quoteCases {
		d, err := dyad.NewDoc(dyad.Article{ID: "t", Text: c.text, Published: "2024-01-15"})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		want = append(want, gotQuotes(d))
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(docs)*4)
	for range 4 {
		for i, d := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := *d
				c.Quotes = nil
				if err := st.Process(context.Background(), &c); err != nil {
					errs <- err.Error()
					return
				}
				if !slices.Equal(gotQuotes(&c), want[i]) {
					errs <- fmt.Sprintf("case %d differs", i)
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
