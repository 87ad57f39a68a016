package when_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
	"github.com/dyadproject/dyad/when"
)

// front runs the sentence, token and tag stages: the stage reads tokens
// and tags for tense; mentions and events are made by hand below, so
// these tests do not depend on the actor tables or the event patterns.
func front(t *testing.T, a dyad.Article) *dyad.Doc {
	t.Helper()
	tk, err := token.New(token.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New(tag.Config{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := dyad.NewDoc(a)
	if err != nil {
		t.Fatal(err)
	}
	pl := dyad.Pipeline{Stages: []dyad.Stage{sentence.New(sentence.Config{}), tk, tg}}
	if err := pl.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// ev is an event reported in the sentence that contains key, between the
// mentions src and tgt (the first occurrences in that sentence at or
// after key's start).
type ev struct {
	key, src, tgt string
	date, prec    string
}

// addEvents puts mentions and events on d as the actor and event stages
// would.
func addEvents(t *testing.T, d *dyad.Doc, evs []ev) {
	t.Helper()
	for _, e := range evs {
		at := strings.Index(d.Text, e.key)
		if at < 0 {
			t.Fatalf("%q not in text", e.key)
		}
		si := -1
		for i, sn := range d.Sentences {
			if sn.Start <= at && at < sn.End {
				si = i
			}
		}
		sn := d.Sentences[si]
		event := dyad.Event{Code: "010", DatePrecision: dyad.PrecisionUnresolved,
			Evidence: []dyad.Evidence{{Sentence: si, Start: sn.Start, End: sn.End, Text: d.Slice(sn.Span)}}}
		for _, name := range []string{e.src, e.tgt} {
			if name == "" {
				continue
			}
			k := strings.Index(d.Text[at:sn.End], name)
			if k < 0 {
				t.Fatalf("%q not in sentence of %q", name, e.key)
			}
			sp := dyad.Span{Start: at + k, End: at + k + len(name)}
			d.Mentions = append(d.Mentions, dyad.Mention{Span: sp, Sentence: si, Kind: dyad.MentionCountry, Antecedent: -1})
		}
		event.Source.Text, event.Target.Text = e.src, e.tgt
		d.Events = append(d.Events, event)
	}
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
}

func runStage(t *testing.T, cfg when.Config, a dyad.Article, evs []ev) *dyad.Doc {
	t.Helper()
	d := front(t, a)
	addEvents(t, d, evs)
	if err := when.New(cfg).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for i, e := range evs {
		got := d.Events[i]
		if got.Date != e.date || got.DatePrecision != e.prec {
			t.Errorf("%s: %q -> %s/%s: got %q %s, want %q %s", a.ID, e.key, e.src, e.tgt, got.Date, got.DatePrecision, e.date, e.prec)
		}
	}
	return d
}

// The fixture is our own writing, in wire style. 2024-03-14 is a Thursday.
const ankara = `ANKARA, March 14 (Wire) - Turkey summoned the Swedish ambassador on Wednesday over a protest in Stockholm, the foreign ministry said.
Sweden has rejected the complaint. Ankara had earlier warned Stockholm against allowing the rally. Erdogan criticised Sweden in a speech.
The two ministers will meet in Brussels next week. Sweden recalled its envoy from Ankara in February.
Turkey expelled Swedish diplomats in 2019, and on Monday it warned Sweden again. Turkey kept troops in Syria since 2016.
Officials said talks between Turkey and Greece in the 1990s failed. Ankara hosted Swedish officials from March 4 to 6.`

func TestStageAnkara(t *testing.T) {
	a := dyad.Article{ID: "ankara", Published: "2024-03-14", Text: ankara}
	evs := []ev{
		{"Turkey summoned", "Turkey", "Swedish ambassador", "2024-03-13", "day"},
		{"Sweden has rejected", "Sweden", "", "", "unresolved"},                  // present perfect
		{"Ankara had earlier", "Ankara", "Stockholm", "", "unresolved"},          // "had earlier"
		{"Erdogan criticised", "Erdogan", "Sweden", "2024-03-14", "day"},         // no date: publication day
		{"The two ministers", "ministers", "", "2024-03-18", "week"},             // next week
		{"Sweden recalled", "Sweden", "Ankara", "2024-02-01", "month"},           // in February
		{"Turkey expelled", "Turkey", "Swedish diplomats", "2019-01-01", "year"}, // not the Monday of the next clause
		{"it warned", "it", "Sweden", "2024-03-11", "day"},                       // on Monday
		{"Turkey kept", "Turkey", "Syria", "2024-03-14", "day"},                  // a bound does not date it
		{"talks between", "Turkey", "Greece", "", "unresolved"},                  // a decade
		{"Ankara hosted", "Ankara", "Swedish officials", "2024-03-04", "day"},    // a range: its first day
	}
	d := runStage(t, when.Config{}, a, evs)
	if len(d.Notes) != 0 {
		t.Errorf("notes: %q", d.Notes)
	}
	// the dateline's "March 14" dates nothing
	a.Text = strings.Replace(ankara, "on Wednesday ", "", 1)
	runStage(t, when.Config{}, a, []ev{{"Turkey summoned", "Turkey", "Swedish ambassador", "2024-03-14", "day"}})
}

func TestStageReported(t *testing.T) {
	// "reported on Wednesday" dates what it reports, unless that is told
	// as background. 2024-03-14 is a Thursday.
	a := dyad.Article{ID: "tt", Published: "2024-03-14", Text: "Turkey condemned the rally, the agency TT reported on Wednesday.\n" +
		"Sweden has said it respects free speech, the agency TT reported on Wednesday."}
	runStage(t, when.Config{}, a, []ev{
		{"Turkey condemned", "Turkey", "", "2024-03-13", "day"},
		{"Sweden has said", "Sweden", "", "", "unresolved"},
	})
}

func TestStageDayOnly(t *testing.T) {
	a := dyad.Article{ID: "ankara", Published: "2024-03-14", Text: ankara}
	runStage(t, when.Config{DayOnly: true}, a, []ev{
		{"The two ministers", "ministers", "", "", "week"},
		{"Sweden recalled", "Sweden", "Ankara", "", "month"},
		{"it warned", "it", "Sweden", "2024-03-11", "day"},
	})
}

func TestStageDateline(t *testing.T) {
	// No publication date: the dateline's day, its year from a written date.
	// 2024-01-09 is a Tuesday.
	a := dyad.Article{ID: "tokyo", Text: "TOKYO, Jan 9 (Wire) - Japan protested to China on Monday over the agreement signed on December 28, 2023.\nJapan and China held talks."}
	d := runStage(t, when.Config{}, a, []ev{
		{"Japan protested", "Japan", "China", "2024-01-08", "day"},
		{"Japan and China held", "Japan", "China", "2024-01-09", "day"},
	})
	if got := d.Published.Format("2006-01-02"); got != "2024-01-09" {
		t.Errorf("Published = %s", got)
	}
	if want := `when: no publication date: dated 2024-01-09 from the dateline, its year from "on December 28, 2023"`; len(d.Notes) != 2 || d.Notes[1] != want {
		t.Errorf("notes %q, want the second to be %q", d.Notes, want)
	}

	// No year anywhere: relative dates stay unresolved, written ones resolve.
	a = dyad.Article{ID: "tokyo2", Text: "TOKYO, Jan 9 (Wire) - Japan protested to China on Monday.\nJapan and China held talks.\nJapan and China signed a pact on 3 May 2022."}
	d = runStage(t, when.Config{}, a, []ev{
		{"Japan protested", "Japan", "China", "", "unresolved"},
		{"Japan and China held", "Japan", "China", "", "unresolved"},
		{"Japan and China signed", "Japan", "China", "2022-05-03", "day"},
	})
	if !d.Published.IsZero() {
		t.Errorf("Published set to %v", d.Published)
	}
	if want := "when: no publication date and the dateline (Jan 9) gives no year: relative dates stay unresolved"; len(d.Notes) != 2 || d.Notes[1] != want {
		t.Errorf("notes %q, want the second to be %q", d.Notes, want)
	}

	// A year in the dateline.
	a = dyad.Article{ID: "tokyo3", Text: "TOKYO, 9 January 2024 (Wire) - Japan protested to China on Monday."}
	d = runStage(t, when.Config{}, a, []ev{{"Japan protested", "Japan", "China", "2024-01-08", "day"}})
	if want := "when: no publication date: dated 2024-01-09 from the dateline"; len(d.Notes) != 2 || d.Notes[1] != want {
		t.Errorf("notes %q", d.Notes)
	}

	// Published a day after the dateline: the dateline anchors. 2025-07-28 is a Monday.
	a = dyad.Article{ID: "putrajaya", Published: "2025-07-29", Text: "PUTRAJAYA, July 28 (Wire) - Thailand and Cambodia agreed on Monday to a ceasefire.\nCommanders were to meet on Tuesday morning. Malaysia hosted the talks."}
	d = runStage(t, when.Config{}, a, []ev{
		{"Thailand and Cambodia agreed", "Thailand", "Cambodia", "2025-07-28", "day"},
		{"Commanders", "Commanders", "", "2025-07-29", "day"},
		{"Malaysia hosted", "Malaysia", "", "2025-07-28", "day"},
	})
	if want := "when: relative dates are anchored at the dateline's 2025-07-28 (published 2025-07-29)"; len(d.Notes) != 1 || d.Notes[0] != want {
		t.Errorf("notes %q", d.Notes)
	}

	// A dateline far from the publication date does not anchor.
	a = dyad.Article{ID: "old", Published: "2025-08-20", Text: "PUTRAJAYA, July 28 (Wire) - Malaysia hosted the talks."}
	runStage(t, when.Config{}, a, []ev{{"Malaysia hosted", "Malaysia", "", "2025-08-20", "day"}})

	// No date at all.
	a = dyad.Article{ID: "none", Text: "Malaysia hosted the talks on Monday. Malaysia hosted more talks."}
	runStage(t, when.Config{}, a, []ev{
		{"Malaysia hosted the talks on Monday", "Malaysia", "", "", "unresolved"},
		{"Malaysia hosted more", "Malaysia", "", "", "unresolved"},
	})
}

func TestStageNoEvents(t *testing.T) {
	d := front(t, dyad.Article{ID: "x", Published: "2024-01-02", Text: "Nothing happened on Monday."})
	if err := when.New(when.Config{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := when.New(when.Config{}).Process(ctx, d); err == nil {
		t.Error("cancelled context accepted")
	}
	if got := when.New(when.Config{}).Name(); got != "when" {
		t.Errorf("Name() = %q", got)
	}
}

func TestStageConcurrent(t *testing.T) {
	st := when.New(when.Config{})
	docs := make([]*dyad.Doc, 8)
	for i := range docs {
		docs[i] = front(t, dyad.Article{ID: "c", Published: "2024-03-14", Text: ankara})
		addEvents(t, docs[i], []ev{{"Turkey summoned", "Turkey", "Swedish ambassador", "", ""}})
	}
	done := make(chan error)
	for _, d := range docs {
		go func() { done <- st.Process(context.Background(), d) }()
	}
	for range docs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range docs {
		if got := d.Events[0].Date; got != "2024-03-13" {
			t.Errorf("got %q", got)
		}
	}
}
