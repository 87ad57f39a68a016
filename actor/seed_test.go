package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// find returns the index of the nth (from 0) mention whose text contains
// sub and, when para >= 0, lies in that paragraph (line); -1 when none.
func find(d *dyad.Doc, sub string, para, nth int) int {
	for i, m := range d.Mentions {
		if (para < 0 || d.Sentences[m.Sentence].Paragraph == para) && strings.Contains(d.Slice(m.Span), sub) {
			if nth == 0 {
				return i
			}
			nth--
		}
	}
	return -1
}

// TestSeed is the acceptance check on the worked example, with
// the built-in dictionaries.
func TestSeed(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(sharedDir(t), "examples", "xiangshan-2023.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := newFront(t).doc(t, string(text), "2023-11-01")
	if err := New(loadBuiltin(t)).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + describe(d))
	type want struct {
		sub       string
		line      int
		kind      dyad.MentionKind
		codes     string // accepted codes, "|"-separated
		name      string
		anteMatch string // text the antecedent contains, "" for none
	}
	for _, w := range []want{
		{"Zhang", 0, dyad.MentionPerson, "CHNMIL", "Zhang Youxia", "Zhang Youxia"},
		{"Zhang Youxia", 2, dyad.MentionPerson, "CHNMIL", "Zhang Youxia", ""},
		{"Sergei Shoigu", 2, dyad.MentionPerson, "RUSMIL|RUSGOV", "Sergei Shoigu", ""},
		{"Zhang", 3, dyad.MentionPerson, "CHNMIL", "Zhang Youxia", "Zhang"},
		{"He", 4, dyad.MentionPronoun, "CHNMIL", "Zhang Youxia", "Zhang"},
		{"Shoigu", 5, dyad.MentionPerson, "RUSMIL|RUSGOV", "Sergei Shoigu", ""},
		{"The Russian Defence Minister", 6, dyad.MentionRole, "RUSMIL|RUSGOV", "Sergei Shoigu", "Shoigu"},
		{"Moscow", 6, dyad.MentionMetonym, "RUSGOV|RUS", "", ""},
		{"the West", 6, dyad.MentionRegion, "WST", "", ""},
		{"TASS", 6, dyad.MentionMedia, "RUSMED", "", ""},
		{"He", 8, dyad.MentionPronoun, "RUSMIL|RUSGOV", "Sergei Shoigu", "Shoigu"},
		{"Asia-Pacific", 8, dyad.MentionRegion, "ASA", "", ""},
		{"The Russian Defence Minister", 10, dyad.MentionRole, "RUSMIL|RUSGOV", "Sergei Shoigu", "Shoigu"},
		{"Moscow", 10, dyad.MentionMetonym, "RUSGOV|RUS", "", ""},
		{"Beijing", 12, dyad.MentionPlace, "CHN", "", ""},
		{"Xinhua", 1, dyad.MentionMedia, "CHNMED", "", ""},
		{"Xinhua", 4, dyad.MentionMedia, "CHNMED", "", ""},
		{"ANI", 15, dyad.MentionMedia, "INDMED", "", ""},
	} {
		i := find(d, w.sub, w.line, 0)
		if i < 0 {
			t.Errorf("line %d: no mention with %q", w.line, w.sub)
			continue
		}
		m := d.Mentions[i]
		if m.Kind != w.kind || !strings.Contains("|"+w.codes+"|", "|"+m.Actor.Code+"|") {
			t.Errorf("line %d %q: %s %s, want %s %s", w.line, d.Slice(m.Span), m.Kind, m.Actor.Code, w.kind, w.codes)
		}
		if w.name != "" && m.Actor.Name != w.name {
			t.Errorf("line %d %q: name %q, want %q", w.line, d.Slice(m.Span), m.Actor.Name, w.name)
		}
		switch {
		case w.anteMatch == "" && m.Kind == dyad.MentionPerson && m.Antecedent >= 0 && w.sub != "Shoigu":
			t.Errorf("line %d %q: antecedent %d, want none", w.line, w.sub, m.Antecedent)
		case w.anteMatch != "" && (m.Antecedent < 0 || !strings.Contains(d.Slice(d.Mentions[m.Antecedent].Span), w.anteMatch)):
			t.Errorf("line %d %q: antecedent %d, want a mention of %q", w.line, w.sub, m.Antecedent, w.anteMatch)
		}
		if (m.Kind == dyad.MentionMedia || m.Kind == dyad.MentionPlace) == IsEventActor(m) {
			t.Errorf("%q: IsEventActor = %v", w.sub, IsEventActor(m))
		}
	}
	// "the relations between the two militaries" -> CHNMIL and RUSMIL.
	i := find(d, "the two militaries", 3, 0)
	if i < 0 {
		t.Fatal("no mention of the two militaries on line 3")
	}
	var got []string
	for _, a := range MemberActors(d.Mentions, i) {
		got = append(got, a.Code)
	}
	if strings.Join(got, ",") != "CHNMIL,RUSMIL" {
		t.Errorf("the two militaries = %v, want CHNMIL,RUSMIL", got)
	}
	// No media outlet is ever coded as anything but media.
	for _, m := range d.Mentions {
		if strings.HasSuffix(m.Actor.Code, "MED") && m.Kind != dyad.MentionMedia {
			t.Errorf("%q coded %s as %s", d.Slice(m.Span), m.Actor.Code, m.Kind)
		}
	}
}
