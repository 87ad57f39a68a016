package actor

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

func TestGrammarReportsEveryBadLine(t *testing.T) {
	fsys := fstest.MapFS{GrammarFile: {Data: []byte(strings.Join([]string{
		"mod\tsenior|top",                // 1 ok
		"modifier\tsenior",               // 2 unknown class
		"after-role\tleader",             // 3 needs a code
		"after-role\tleader\tXYZ",        // 4 not an agent code
		"mod\tsenior\tGOV",               // 5 mod takes no code
		"mod\tSenior|top brass",          // 6 not a norm
		"group-word\tmilitaries\tMIL",    // 7 ok
		"group-word\tcountries",          // 8 ok
		"place-prep",                     // 9 too few fields
		"after-role\tpeople\tCVL\textra", // 10 too many fields
		"not-name\tmonday||tuesday",      // 11 empty word
	}, "\n"))}}
	g := newGrammar()
	err := g.read(fsys, GrammarFile, "data/")
	var list dict.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a dict.ErrorList", err)
	}
	want := []string{
		`data/actors/grammar.tsv:2: unknown class "modifier" (valid classes: mod, former, media-noun, after-role, title-noun, person-head, generic-role, institution, org-head, group-word, name-particle, not-name, place-prep, motion, place-noun, ethnic)`,
		`data/actors/grammar.tsv:3: class after-role needs an agent code as third field`,
		`data/actors/grammar.tsv:4: CODE "XYZ": "XYZ" is not a CAMEO agent code (GOV, MIL, COP, JUD, LEG, OPP, REB, MED, BUS, CVL, REF, SPY, ELI, …)`,
		`data/actors/grammar.tsv:5: class mod takes no code, got "GOV"`,
		`data/actors/grammar.tsv:6: word "Senior": want one lower-case token norm`,
		`data/actors/grammar.tsv:9: want CLASS<TAB>word|word[<TAB>CODE], got 1 field(s)`,
		`data/actors/grammar.tsv:10: want CLASS<TAB>word|word[<TAB>CODE], got 4 field(s)`,
		`data/actors/grammar.tsv:11: word "": want one lower-case token norm`,
	}
	if got := list.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if g.cls["senior"] != clsMod || g.cls["militaries"] != clsGroupWord || g.groupAgent["militaries"] != "MIL" {
		t.Errorf("classes: senior %b, militaries %b %q", g.cls["senior"], g.cls["militaries"], g.groupAgent["militaries"])
	}
	if _, ok := g.groupAgent["countries"]; !ok || g.groupAgent["countries"] != "" {
		t.Errorf("countries: want a group word with no agent")
	}
}

// TestBuiltinGrammar checks the built-in table loads cleanly and says what
// the engine relies on.
func TestBuiltinGrammar(t *testing.T) {
	g := newGrammar()
	if err := g.read(data.FS, GrammarFile, data.Prefix); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		word string
		cls  uint32
	}{
		{"former", clsMod | clsFormer}, {"senior", clsMod}, {"ministry", clsInstitution | clsOrgHead},
		{"monday", clsNotName}, {"in", clsPlacePrep | clsNotName}, {"bin", clsParticle}, {"flew", clsMotion},
		{"militaries", clsGroupWord}, {"chief", clsMod | clsAfterRole | clsTitleNoun | clsPersonHead | clsGenericRole},
	} {
		if got := g.cls[c.word]; got != c.cls {
			t.Errorf("class of %q = %b, want %b", c.word, got, c.cls)
		}
	}
	if e := g.afterRole["chief"]; e == nil || e.Actor.Code != "GOV" {
		t.Errorf("after-role chief = %+v", e)
	}
}

// TestUserGrammar: a user folder's grammar.tsv extends the built-in word
// classes, and dict check validates it.
func TestUserGrammar(t *testing.T) {
	user := writeUserDir(t, map[string]string{
		"mine.txt":    "RUS\tcountry\tRussia\n",
		"grammar.tsv": "after-role\tstrongman\tGOV\n",
	})
	d, err := Load(Config{UserDirs: []string{user}})
	if err != nil {
		t.Fatal(err)
	}
	doc := newFront(t).doc(t, "The Russian strongman spoke.", "2023-11-01")
	if err := New(d).Process(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if got := describe(doc); got != "0 \"The Russian strongman\" role RUSGOV\n" {
		t.Errorf("got %q", got)
	}
	bad := writeUserDir(t, map[string]string{"mine.txt": "RUS\tcountry\tRussia\n", "grammar.tsv": "mod\tTop\n"})
	if err := Check(bad); err == nil || !strings.Contains(err.Error(), "actors/grammar.tsv:1: word \"Top\"") {
		t.Errorf("Check = %v", err)
	}
}

func FuzzGrammarFile(f *testing.F) {
	f.Add("mod\tsenior|top\nafter-role\tleader\tGOV\ngroup-word\tcountries\n")
	f.Add("x\ty\tz\tw\n\t\n|\n")
	f.Fuzz(func(t *testing.T, s string) {
		g := newGrammar()
		err := g.read(fstest.MapFS{GrammarFile: {Data: []byte(s)}}, GrammarFile, "")
		var list dict.ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("error is not a list of line errors: %v", err)
		}
		for w, c := range g.cls {
			if w == "" || normWord(w) != w || c == 0 {
				t.Fatalf("accepted word %q class %b", w, c)
			}
		}
		for w, e := range g.afterRole {
			if e == nil || e.Actor.Agent == "" || g.cls[w]&clsAfterRole == 0 {
				t.Fatalf("after-role %q = %+v", w, e)
			}
		}
	})
}
