package quote

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad"
)

func TestStateSpeakers(t *testing.T) {
	text := "Moscow accused Kyiv of “state terrorism” after the strike."
	if d := code(t, dyad.Article{ID: "t", Text: text}); len(d.Quotes) != 0 {
		t.Errorf("default: %d quotes, want none", len(d.Quotes))
	}
	d, err := dyad.NewDoc(dyad.Article{ID: "t", Text: text, Published: "2024-01-15"})
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline(t, New(Config{StateSpeakers: true})).Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := gotQuotes(d)
	want := []wq{{true, "Moscow", "RUSGOV", "accused", "state terrorism"}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("StateSpeakers: got %v, want %v", got, want)
	}
}

func TestBadTables(t *testing.T) {
	fsys := fstest.MapFS{
		"quote/cues.txt":  {Data: []byte("say\tsay\nshout\tyell\naccording\tprep\nsay\tsay\n")},
		"quote/nouns.txt": {Data: []byte("ministry\tbody\nhead of state\tperson\nsource\twho\n")},
	}
	s := New(Config{FS: fsys, Prefix: "x/"})
	err := s.Process(context.Background(), &dyad.Doc{})
	if err == nil {
		t.Fatal("bad tables accepted")
	}
	for _, want := range []string{
		"x/quote/cues.txt:2: unknown cue class \"yell\"",
		"x/quote/cues.txt:3: a prep cue has two words or more",
		"x/quote/cues.txt:4: \"say\" listed twice",
		"x/quote/nouns.txt:2: want NOUN<TAB>body|org|person",
		"x/quote/nouns.txt:3: unknown noun class \"who\"",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := loadTables(fstest.MapFS{}, ""); err == nil {
		t.Error("missing tables accepted")
	}
}

func TestBuiltinTables(t *testing.T) {
	tb, err := loadTables(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if tb.cues["say"] != cueSay || tb.cues["tell"] != cueTell || tb.cues["quote"] != cueQuote || tb.nouns["ministry"] != nounBody || tb.nouns["spokesman"] != nounPerson {
		t.Errorf("built-in tables lack basic entries")
	}
	if len(tb.preps) == 0 {
		t.Error("no prepositional cues")
	}
}

func TestNoTokens(t *testing.T) {
	d := &dyad.Doc{Text: "Some text."}
	if err := New(Config{}).Process(context.Background(), d); err == nil {
		t.Error("text without tokens accepted")
	}
	d = &dyad.Doc{}
	if err := New(Config{}).Process(context.Background(), d); err != nil || len(d.Quotes) != 0 {
		t.Errorf("empty doc: %v, %d quotes", err, len(d.Quotes))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New(Config{}).Process(ctx, d); err == nil {
		t.Error("cancelled context accepted")
	}
}
