package actor

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dict"
)

// GrammarFile is the table of the grammar's word classes, in data.FS and
// in user folders (where it is optional and extends the built-in one).
const GrammarFile = Dir + "/grammar.tsv"

// Word classes, looked up once per token (Dictionary.words). The first
// ones are closed-class words set here; the others come from GrammarFile.
const (
	clsDet     uint32 = 1 << iota // the, a, an
	clsMod                        // a role modifier: GrammarFile mod and former
	clsPronoun                    // he, she, they …
	clsGroup                      // the (two …), both
	clsCap                        // starts with a capital letter (set per token)
	clsFormer
	clsMediaNoun
	clsAfterRole
	clsTitleNoun
	clsPersonHead
	clsGenericRole
	clsInstitution
	clsOrgHead
	clsGroupWord
	clsParticle
	clsNotName
	clsPlacePrep
	clsMotion
	clsPlaceNoun
	clsEthnic
)

// grammarClasses are the classes of GrammarFile: name, bits, and whether
// a line carries an agent code (0 no, 1 may, 2 must).
var grammarClasses = []struct {
	name string
	bits uint32
	code int
}{
	{"mod", clsMod, 0},
	{"former", clsMod | clsFormer, 0},
	{"media-noun", clsMediaNoun, 0},
	{"after-role", clsAfterRole, 2},
	{"title-noun", clsTitleNoun, 0},
	{"person-head", clsPersonHead, 0},
	{"generic-role", clsGenericRole, 0},
	{"institution", clsInstitution, 0},
	{"org-head", clsOrgHead, 0},
	{"group-word", clsGroupWord, 1},
	{"name-particle", clsParticle, 0},
	{"not-name", clsNotName, 0},
	{"place-prep", clsPlacePrep, 0},
	{"motion", clsMotion, 0},
	{"place-noun", clsPlaceNoun, 0},
	{"ethnic", clsEthnic, 0},
}

// closedClass are the words whose classes the code fixes: articles and
// pronouns are grammar, not data.
var closedClass = map[string]uint32{
	"the": clsDet | clsGroup, "a": clsDet, "an": clsDet, "both": clsGroup,
	"he": clsPronoun, "him": clsPronoun, "his": clsPronoun, "she": clsPronoun,
	"her": clsPronoun, "they": clsPronoun, "them": clsPronoun, "their": clsPronoun,
}

// grammar holds what GrammarFile says.
type grammar struct {
	cls        map[string]uint32
	afterRole  map[string]*Entry // role words that count after a country word
	groupAgent map[string]string // "militaries" -> MIL
}

func newGrammar() *grammar {
	return &grammar{cls: make(map[string]uint32, 512), afterRole: map[string]*Entry{}, groupAgent: map[string]string{}}
}

// read adds one grammar file; every bad line is reported as file:line.
func (g *grammar) read(fsys fs.FS, name, prefix string) error {
	return dict.ReadFile(fsys, name, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) < 2 || len(f) > 3 {
			return l.Errorf("want CLASS<TAB>word|word[<TAB>CODE], got %d field(s)", len(f))
		}
		ci := -1
		for i, c := range grammarClasses {
			if c.name == f[0] {
				ci = i
			}
		}
		if ci < 0 {
			names := make([]string, len(grammarClasses))
			for i, c := range grammarClasses {
				names[i] = c.name
			}
			return l.Errorf("unknown class %q (valid classes: %s)", f[0], strings.Join(names, ", "))
		}
		c := grammarClasses[ci]
		code := ""
		if len(f) == 3 {
			code = f[2]
		}
		switch {
		case c.code == 0 && code != "":
			return l.Errorf("class %s takes no code, got %q", c.name, code)
		case c.code == 2 && code == "":
			return l.Errorf("class %s needs an agent code as third field", c.name)
		case code != "":
			if msg := checkCode(code, KindAgent); msg != "" {
				return l.Errorf("%s", msg)
			}
		}
		for _, w := range strings.Split(f[1], "|") {
			if w == "" || strings.ContainsAny(w, " \t") || normWord(w) != w {
				return l.Errorf("word %q: want one lower-case token norm", w)
			}
			g.cls[w] |= c.bits
			switch c.name {
			case "after-role":
				g.afterRole[w] = &Entry{Kind: KindAgent, Actor: dyad.Actor{Code: code, Agent: code}, Phrases: []string{w}, Rule: "actor/grammar:role-word"}
			case "group-word":
				g.groupAgent[w] = code
			}
		}
		return nil
	})
}

// readGrammar reads the grammar of the built-in tables (from builtin when
// it has one, else from dataFS) and of the user folders that have one.
func readGrammar(builtin fs.FS, prefix string, dataFS fs.FS, dataPrefix string, users []fs.FS, userPrefixes []string) (*grammar, error) {
	g := newGrammar()
	var errs dict.ErrorList
	collect := func(err error) error {
		var l dict.ErrorList
		if errors.As(err, &l) {
			errs = append(errs, l...)
			return nil
		}
		return err
	}
	if _, err := fs.Stat(builtin, GrammarFile); err != nil {
		builtin, prefix = dataFS, dataPrefix
	}
	if err := collect(g.read(builtin, GrammarFile, prefix)); err != nil {
		return g, err
	}
	for i, u := range users {
		if _, err := fs.Stat(u, GrammarFile); err != nil {
			continue
		}
		if err := collect(g.read(u, GrammarFile, userPrefixes[i])); err != nil {
			return g, err
		}
	}
	return g, errs.Err()
}
