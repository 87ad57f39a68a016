package sentence

import (
	"errors"
	"strings"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// class is what a period after a word means.
type class uint8

const (
	clsWord    class = iota // ordinary word: the period ends the sentence
	clsTitle                // "Gen.": never ends a sentence inside a line
	clsNumeric              // "No.": an abbreviation only before a digit
	clsAbbr                 // "Inc.", "U.S.", "E.": ends it only before a sentence opener
)

const (
	abbrevFile   = "sentence/abbreviations.txt"
	startersFile = "sentence/starters.txt"
	// maxWord bounds the words looked up, so lookups use a stack buffer.
	maxWord = 16
)

// tables are the read-only lookup tables of a Splitter.
type tables struct {
	abbrev   map[string]class // exact spelling, or lower case for case-free entries
	starters map[string]bool  // lower case
}

func loadTables() (tables, error) {
	t := tables{abbrev: map[string]class{}, starters: map[string]bool{}}
	var errs dict.ErrorList
	collect := func(err error) error {
		if err == nil {
			return nil
		}
		var l dict.ErrorList
		if errors.As(err, &l) {
			errs = append(errs, l...)
			return nil
		}
		return err
	}
	if err := collect(dict.ReadFile(data.FS, abbrevFile, data.Prefix, t.addAbbrev)); err != nil {
		return t, err
	}
	if err := collect(dict.ReadFile(data.FS, startersFile, data.Prefix, t.addStarter)); err != nil {
		return t, err
	}
	return t, errs.Err()
}

func (t *tables) addAbbrev(l dict.Line) error {
	f := l.Fields()
	if len(f) != 2 {
		return l.Errorf("want abbreviation<TAB>class, got %d fields", len(f))
	}
	var c class
	switch f[1] {
	case "title":
		c = clsTitle
	case "numeric":
		c = clsNumeric
	case "abbr":
		c = clsAbbr
	default:
		return l.Errorf("unknown class %q (want title, numeric or abbr)", f[1])
	}
	w, ok := strings.CutSuffix(f[0], ".")
	if !ok || w == "" || strings.HasSuffix(w, ".") {
		return l.Errorf("abbreviation %q must end in a single period", f[0])
	}
	if len(w) >= maxWord || strings.ContainsAny(w, " \t") {
		return l.Errorf("abbreviation %q: no spaces, at most %d bytes", f[0], maxWord-1)
	}
	keys := []string{w}
	if w != strings.ToLower(w) {
		// Capitalised entries match as written or in all capitals.
		if up := strings.ToUpper(w); up != w {
			keys = append(keys, up)
		}
	}
	for _, k := range keys {
		if old, dup := t.abbrev[k]; dup && old != c {
			return l.Errorf("abbreviation %q listed twice with different classes", f[0])
		}
		t.abbrev[k] = c
	}
	return nil
}

func (t *tables) addStarter(l dict.Line) error {
	w := l.Text
	if len(w) >= maxWord {
		return l.Errorf("starter %q longer than %d bytes", w, maxWord-1)
	}
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return l.Errorf("starter %q: ASCII letters only", w)
		}
	}
	t.starters[strings.ToLower(w)] = true
	return nil
}
