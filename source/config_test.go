package source

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
)

func TestBadTable(t *testing.T) {
	fsys := fstest.MapFS{"source/credits.txt": {Data: []byte("report\tverb\nsay it\tverb\nfoo\tbar\nreport\tverb\nbig news agency\thead\n")}}
	ad, err := actor.Load(actor.Config{})
	if err != nil {
		t.Fatal(err)
	}
	err = New(Config{FS: fsys, Prefix: "x/", Actors: ad}).Process(context.Background(), &dyad.Doc{})
	if err == nil {
		t.Fatal("bad table accepted")
	}
	for _, want := range []string{
		`x/source/credits.txt:2: a verb is one lemma: "say it"`,
		`x/source/credits.txt:3: unknown class "bar"`,
		`x/source/credits.txt:4: "report" listed twice as verb`,
		`x/source/credits.txt:5: a head is one or two words`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestDefaultConfigLoadsActors(t *testing.T) {
	s := New(Config{})
	if s.err != nil {
		t.Fatal(s.err)
	}
	for in, want := range map[string]string{
		"Russian News Agency TASS": "TASS", "The Associated Press": "AP", "dpa-AFX": "DPA",
		"Xinhua News Agency": "Xinhua", "The Unknown Herald": "The Unknown Herald",
	} {
		if got := s.canonical(in); got != want {
			t.Errorf("canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoTokens(t *testing.T) {
	_, src := stages(t)
	if err := src.Process(context.Background(), &dyad.Doc{Text: "Some text."}); err == nil {
		t.Error("text without tokens accepted")
	}
	d := &dyad.Doc{Events: []dyad.Event{{}}, Quotes: []dyad.Quote{{Text: "x"}}}
	if err := src.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Events[0].ReportedBy == nil || d.Quotes[0].ReportedBy == nil {
		t.Error("nil reported_by on an empty doc")
	}
	d = &dyad.Doc{Article: dyad.Article{Outlet: "Reuters"}, Events: []dyad.Event{{}}}
	if err := src.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := d.Events[0].ReportedBy; len(got) != 1 || got[0] != "Reuters" {
		t.Errorf("outlet only: %q", got)
	}
}
