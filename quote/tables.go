package quote

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// The table files, in data.FS and in Config.FS.
const (
	CuesFile  = "quote/cues.txt"
	NounsFile = "quote/nouns.txt"
)

// cueClass is what an attribution word does (see data/quote/cues.txt).
type cueClass uint8

const (
	cueNone  cueClass = iota
	cueSay            // X said (that) …
	cueTell           // X told Y (that) …
	cueCall           // X called Y "…"; accused, cited
	cueQuote          // M quoted X as saying; X was quoted as saying
	cuePrep           // according to X
)

var cueClasses = map[string]cueClass{"say": cueSay, "tell": cueTell, "call": cueCall, "quote": cueQuote, "prep": cuePrep}

// nounClass is what a speaker phrase's head noun names.
type nounClass uint8

const (
	nounNone nounClass = iota
	nounBody
	nounOrg // a body that may stand for an international organisation
	nounPerson
)

// tables are the loaded word lists; read-only after load.
type tables struct {
	cues  map[string]cueClass // lemma -> class
	preps [][]string          // prepositional cues, as lower-case words
	// prepLens has bit n set when a prep cue's first word is n bytes
	// long (n < 64): most tokens are ruled out without a comparison
	prepLens uint64
	nouns    map[string]nounClass
}

func loadTables(fsys fs.FS, prefix string) (tables, error) {
	if fsys == nil {
		fsys = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	t := tables{cues: map[string]cueClass{}, nouns: map[string]nounClass{}}
	var errs dict.ErrorList
	collect := func(err error) {
		var l dict.ErrorList
		switch {
		case err == nil:
		case errors.As(err, &l):
			errs = append(errs, l...)
		default:
			errs = append(errs, &dict.Error{File: prefix + "quote", Msg: err.Error()})
		}
	}
	collect(dict.ReadFile(fsys, CuesFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) < 2 || f[0] == "" {
			return l.Errorf("want WORDS<TAB>CLASS[<TAB>note]")
		}
		c, ok := cueClasses[f[1]]
		if !ok {
			return l.Errorf("unknown cue class %q (want say, tell, call, quote or prep)", f[1])
		}
		w := strings.ToLower(f[0])
		if c == cuePrep {
			words := strings.Fields(w)
			if len(words) < 2 {
				return l.Errorf("a prep cue has two words or more: %q", f[0])
			}
			t.preps = append(t.preps, words)
			t.prepLens |= lenBit(words[0])
			return nil
		}
		if strings.ContainsAny(w, " \t") {
			return l.Errorf("a verb cue is one lemma: %q", f[0])
		}
		if _, dup := t.cues[w]; dup {
			return l.Errorf("%q listed twice", w)
		}
		t.cues[w] = c
		return nil
	}))
	collect(dict.ReadFile(fsys, NounsFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) < 2 || f[0] == "" || strings.ContainsAny(f[0], " \t") {
			return l.Errorf("want NOUN<TAB>body|org|person")
		}
		var c nounClass
		switch f[1] {
		case "body":
			c = nounBody
		case "org":
			c = nounOrg
		case "person":
			c = nounPerson
		default:
			return l.Errorf("unknown noun class %q (want body, org or person)", f[1])
		}
		t.nouns[strings.ToLower(f[0])] = c
		return nil
	}))
	return t, errs.Err()
}

// lenBit is the bit of prepLens for a first word w; words of 63 bytes
// or more share the top bit.
func lenBit(w string) uint64 { return 1 << min(len(w), 63) }
