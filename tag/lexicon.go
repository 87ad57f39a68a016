package tag

import (
	"io/fs"
	"sort"
	"strings"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// The lexicon's files inside the data file system.
const (
	WordsFile     = "lexicon/words.txt"      // derived: word, tags, lemmas
	OverridesFile = "lexicon/overrides.txt"  // hand-written corrections, same format
	IrregularFile = "lexicon/irregular.txt"  // derived: irregular form, class, lemma
	LemmaFile     = "lexicon/lemmarules.txt" // hand-written suffix rules for lemmas
	GuessFile     = "lexicon/guess.txt"      // hand-written suffix -> tags for unknown words
)

// maxTags bounds the candidate tags kept per word (the rest are rare).
const maxTags = 8

type entry struct {
	tags   [maxTags]Tag
	n      uint8
	set    set
	lemmas []string // parallel to tags; "" means the lower-case word; nil when none
}

func (e *entry) first() Tag { return e.tags[0] }

// lemmaFor returns the entry's lemma for t, or one of a tag of the same
// class, or "".
func (e *entry) lemmaFor(t Tag) (string, bool) {
	if e.lemmas == nil {
		return "", false
	}
	c := t.class()
	found := false
	var alt string
	for i := 0; i < int(e.n); i++ {
		if e.tags[i] == t {
			return e.lemmas[i], true
		}
		if !found && c != 0 && e.tags[i].class() == c && e.lemmas[i] != "" {
			alt, found = e.lemmas[i], true
		}
	}
	return alt, found
}

type irrKey struct {
	class byte
	form  string
}

type lemmaRule struct {
	class       byte
	suffix, rep string
}

type guessRule struct {
	suffix string
	tags   []Tag
}

// Lexicon is the tagger's word list with tags and lemmas, the irregular
// inflections, the lemma suffix rules and the unknown-word guesses. It is
// immutable once loaded and may be shared by many Taggers.
type Lexicon struct {
	words     map[string]int32
	entries   []entry
	irregular map[irrKey]string
	lemma     []lemmaRule
	guess     []guessRule // longest suffix first
}

// LoadLexicon reads the lexicon files from fsys (nil: the embedded data.FS).
// prefix is put before file names in error positions ("" with a nil fsys:
// data.Prefix). Every bad line of every file is reported.
func LoadLexicon(fsys fs.FS, prefix string) (*Lexicon, error) {
	if fsys == nil {
		fsys = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	lx := &Lexicon{
		words:     make(map[string]int32, 100000),
		entries:   make([]entry, 0, 100000),
		irregular: make(map[irrKey]string, 6000),
	}
	var errs dict.ErrorList
	collect := func(err error) error {
		if err == nil {
			return nil
		}
		if l, ok := err.(dict.ErrorList); ok {
			errs = append(errs, l...)
			return nil
		}
		return err
	}
	for _, name := range []string{WordsFile, OverridesFile} {
		if err := collect(dict.ReadFile(fsys, name, prefix, lx.addWord)); err != nil {
			return nil, err
		}
	}
	err := dict.ReadFile(fsys, IrregularFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) != 3 || len(f[1]) != 1 || !strings.Contains("nvar", f[1]) {
			return l.Errorf("want form<TAB>class (n, v, a or r)<TAB>lemma")
		}
		lx.irregular[irrKey{f[1][0], f[0]}] = f[2]
		return nil
	})
	if err := collect(err); err != nil {
		return nil, err
	}
	err = dict.ReadFile(fsys, LemmaFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) == 2 {
			f = append(f, "")
		}
		if len(f) != 3 || len(f[0]) != 1 || !strings.Contains("nvar", f[0]) || f[1] == "" {
			return l.Errorf("want class (n, v, a or r)<TAB>suffix<TAB>replacement (may be empty)")
		}
		if f[2] == "-" {
			f[2] = ""
		}
		lx.lemma = append(lx.lemma, lemmaRule{class: f[0][0], suffix: f[1], rep: f[2]})
		return nil
	})
	if err := collect(err); err != nil {
		return nil, err
	}
	err = dict.ReadFile(fsys, GuessFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) != 2 || f[0] == "" {
			return l.Errorf("want suffix<TAB>tags")
		}
		tags, err := parseTags(l, f[1])
		if err != nil {
			return err
		}
		lx.guess = append(lx.guess, guessRule{suffix: f[0], tags: tags})
		return nil
	})
	if err := collect(err); err != nil {
		return nil, err
	}
	sort.SliceStable(lx.guess, func(i, j int) bool { return len(lx.guess[i].suffix) > len(lx.guess[j].suffix) })
	if len(errs) > 0 {
		return nil, errs
	}
	return lx, nil
}

func parseTags(l dict.Line, field string) ([]Tag, error) {
	names := strings.Fields(field)
	if len(names) == 0 {
		return nil, l.Errorf("no tags")
	}
	tags := make([]Tag, 0, len(names))
	for _, n := range names {
		t, ok := ParseTag(n)
		if !ok || t >= Period {
			return nil, l.Errorf("unknown word tag %q", n)
		}
		tags = append(tags, t)
	}
	return tags, nil
}

// addWord reads "word<TAB>tags[<TAB>lemmas]"; a later line for the same
// word (overrides.txt) replaces the earlier one.
func (lx *Lexicon) addWord(l dict.Line) error {
	f := l.Fields()
	if len(f) < 2 || len(f) > 3 || f[0] == "" {
		return l.Errorf("want word<TAB>tags[<TAB>lemmas]")
	}
	tags, err := parseTags(l, f[1])
	if err != nil {
		return err
	}
	if len(tags) > maxTags {
		tags = tags[:maxTags]
	}
	var e entry
	for i, t := range tags {
		e.tags[i] = t
		e.set |= 1 << t
	}
	e.n = uint8(len(tags))
	if len(f) == 3 {
		lem := strings.Fields(f[2])
		if len(lem) < len(tags) {
			return l.Errorf("%d lemmas for %d tags", len(lem), len(tags))
		}
		e.lemmas = make([]string, len(tags))
		for i := range tags {
			if lem[i] != "-" {
				e.lemmas[i] = lem[i]
			}
		}
	}
	pastBoth(f[0], &e)
	if e.tags[0] == VBZ && e.set.has(NNS) {
		// The source's order for "-s" words is unreliable ("exercises"
		// VBZ first): when the base is first a noun, so is the plural;
		// the rules find the verbs. "comes" (come: VB first) stays.
		if base := lx.lookup(strings.TrimSuffix(f[0], "s")); base != nil && base.first() == NN {
			for j := 1; j < int(e.n); j++ {
				if e.tags[j] == NNS {
					e.tags[0], e.tags[j] = e.tags[j], e.tags[0]
					if e.lemmas != nil {
						e.lemmas[0], e.lemmas[j] = e.lemmas[j], e.lemmas[0]
					}
					break
				}
			}
		}
	}
	if e.set.has(VBZ) && !e.set.has(NNS) && int(e.n) < maxTags && strings.HasSuffix(f[0], "s") && !strings.HasSuffix(f[0], "ss") && kindOf(f[0])&kSay == 0 {
		// A verb in -s is usually also a plural noun ("scuffles"); the
		// rules still find the verb after a subject.
		if base := lx.lookup(f[0][:len(f[0])-1]); base != nil && base.first() == NN {
			e.tags[e.n], e.n = NNS, e.n+1
			e.set |= 1 << NNS
			if e.lemmas != nil {
				e.lemmas = append(e.lemmas[:e.n-1:e.n-1], "")
			}
		}
	}
	if i, ok := lx.words[f[0]]; ok {
		lx.entries[i] = e
		return nil
	}
	lx.words[f[0]] = int32(len(lx.entries))
	lx.entries = append(lx.entries, e)
	return nil
}

// pastBoth makes a regular "-ed" form both VBD and VBN when the source
// lists only one ("wounded" VBN alone could never be "killed and wounded"
// in the past tense).
func pastBoth(w string, e *entry) {
	if !strings.HasSuffix(w, "ed") || int(e.n) >= maxTags || e.set.has(VBD) == e.set.has(VBN) {
		return
	}
	have, add := VBD, VBN
	if e.set.has(VBN) {
		have, add = VBN, VBD
	}
	e.tags[e.n] = add
	e.set |= 1 << add
	if e.lemmas != nil {
		for i := 0; i < int(e.n); i++ {
			if e.tags[i] == have {
				e.lemmas = append(e.lemmas[:e.n:e.n], e.lemmas[i])
				break
			}
		}
	}
	e.n++
	if e.lemmas != nil && len(e.lemmas) < int(e.n) {
		e.lemmas = append(e.lemmas, "")
	}
}

func (lx *Lexicon) lookup(w string) *entry {
	if i, ok := lx.words[w]; ok {
		return &lx.entries[i]
	}
	return nil
}

// Tags returns the tags the lexicon lists for word (exact case), most
// likely first, or nil.
func (lx *Lexicon) Tags(word string) []Tag {
	e := lx.lookup(word)
	if e == nil {
		return nil
	}
	return append([]Tag(nil), e.tags[:e.n]...)
}

// Len is the number of words in the lexicon.
func (lx *Lexicon) Len() int { return len(lx.entries) }

// hasClass reports whether w is listed with a base-form tag of class c.
func (lx *Lexicon) hasBase(w string, c byte) bool {
	e := lx.lookup(w)
	if e == nil {
		return false
	}
	switch c {
	case 'n':
		return e.set.has(NN)
	case 'v':
		return e.set.has(VB) || e.set.has(VBP)
	case 'a':
		return e.set.has(JJ)
	case 'r':
		return e.set.has(RB)
	}
	return false
}

// guessTags gives the tags of an unknown lower-case word by its suffix.
func (lx *Lexicon) guessTags(w string) []Tag {
	for _, g := range lx.guess {
		if len(w) > len(g.suffix)+1 && strings.HasSuffix(w, g.suffix) {
			return g.tags
		}
	}
	return nil
}
