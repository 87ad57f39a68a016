package source

import (
	"context"
	"testing"

	"github.com/dyadproject/dyad"
)

// FuzzProcess runs the pipeline and this stage on any text and outlet:
// no panic, every chain non-nil and without repeats.
func FuzzProcess(f *testing.F) {
	for _, c := range chainCases {
		f.Add(c.outlet, c.text)
	}
	for _, s := range []string{"", "(", "(AP)", "X (", "— ", "reports", "(With inputs from)", "according to", ", TASS reported."} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, outlet, text string) {
		before, src := stages(t)
		d, err := dyad.NewDoc(dyad.Article{ID: "f", Outlet: outlet, Text: text, Published: "2024-01-15"})
		if err != nil {
			t.Fatal(err)
		}
		if err := (&dyad.Pipeline{Stages: before}).Run(context.Background(), d); err != nil {
			return
		}
		for i := range d.Sentences {
			d.Events = append(d.Events, dyad.Event{Evidence: []dyad.Evidence{{Sentence: i}}})
		}
		d.Events = append(d.Events, dyad.Event{}, dyad.Event{Evidence: []dyad.Evidence{{Sentence: len(d.Sentences) + 3}}})
		if err := src.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		check := func(what string, chain []string) {
			if chain == nil {
				t.Fatalf("%s: nil reported_by", what)
			}
			for i, n := range chain {
				if n == "" {
					t.Fatalf("%s: empty name in %q", what, chain)
				}
				for _, m := range chain[:i] {
					if m == n {
						t.Fatalf("%s: %q twice in %q", what, n, chain)
					}
				}
			}
		}
		for _, e := range d.Events {
			check("event", e.ReportedBy)
		}
		for _, q := range d.Quotes {
			check("quote "+q.Text, q.ReportedBy)
		}
	})
}
