package quote

import (
	"context"
	"testing"

	"github.com/dyadproject/dyad"
)

// FuzzProcess runs the whole pipeline up to this stage on any text: no
// panic, and every quote is well formed.
func FuzzProcess(f *testing.F) {
	for _, c := range quoteCases {
		f.Add(c.text)
	}
	for _, s := range []string{"", "\"", "“", "said", "“x,” said", ", said “", "He said: “\n“\n“", "according to", "“A,” B said, “C", "it said. “x”"} {
		f.Add(s)
	}
	st := New(Config{})
	f.Fuzz(func(t *testing.T, text string) {
		d, err := dyad.NewDoc(dyad.Article{ID: "f", Text: text, Published: "2024-01-15"})
		if err != nil {
			t.Fatal(err)
		}
		if err := pipeline(t, st).Run(context.Background(), d); err != nil {
			return // an earlier stage may refuse the text
		}
		for _, q := range d.Quotes {
			sp := dyad.Span{Start: q.Start, End: q.End}
			if !sp.Valid(len(d.Text)) || sp.Len() == 0 || q.Text == "" || q.ReportedBy == nil || q.ArticleID != "f" {
				t.Fatalf("bad quote %+v in %q", q, text)
			}
		}
	})
}
