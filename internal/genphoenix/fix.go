package main

import (
	"io/fs"
	"strings"

	"github.com/dyadproject/dyad/dict"
)

// fixes is fix.tsv: how Phoenix codes become dyad codes and which words
// and phrases the tool treats specially. Each line is
//
//	DIRECTIVE <TAB> FROM [<TAB> TO] [<TAB> note]
//
// with these directives:
//
//	country  ABC  XYZ   a Phoenix country part written XYZ in dyad ("-": drop the code)
//	igo      NAT  IGONAT  a Phoenix organisation part inside an IGO code
//	agent    INS  REB   a Phoenix agent part read as another ("-": skip it)
//	title    president  a word that may precede a person's name ("President Bush")
//	nonname  administration  a word that makes a person synonym an institution
//	orgword  organization  a word that marks an International entry as an organisation
//	drop     La Liga    a phrase never to output (false positives)
//	hyphen   jean       a first name that news joins to the next one with a hyphen
//	                    ("Jean Bertrand Aristide" also as "Jean-Bertrand Aristide")
type fixes struct {
	country map[string]string
	igo     map[string]string
	agent   map[string]string
	title   map[string]bool
	nonname map[string]bool
	orgword map[string]bool
	drop    map[string]bool
	hyphen  map[string]bool
}

func readFixes(fsys fs.FS, name string) (*fixes, error) {
	fx := &fixes{
		country: map[string]string{}, igo: map[string]string{}, agent: map[string]string{},
		title: map[string]bool{}, nonname: map[string]bool{}, orgword: map[string]bool{}, drop: map[string]bool{}, hyphen: map[string]bool{},
	}
	err := dict.ReadFile(fsys, name, "", func(l dict.Line) error {
		f := l.Fields()
		if len(f) < 2 || f[1] == "" {
			return l.Errorf("want DIRECTIVE<TAB>FROM[<TAB>TO][<TAB>note]")
		}
		from := f[1]
		to := ""
		if len(f) > 2 {
			to = f[2]
		}
		code := func(m map[string]string, n int) error {
			if len(from) != n || !upperLetters(from) {
				return l.Errorf("%s %q: want %d capital letters", f[0], from, n)
			}
			if to == "" || to != "-" && (!upperLetters(to) || len(to)%3 != 0 && !strings.HasPrefix(to, "IGOEU")) {
				return l.Errorf("%s %s: want a dyad code or - as TO, got %q", f[0], from, to)
			}
			if _, dup := m[from]; dup {
				return l.Errorf("%s %s is given twice", f[0], from)
			}
			m[from] = to
			return nil
		}
		word := func(m map[string]bool) error {
			w := strings.ToLower(from)
			if m[w] {
				return l.Errorf("%s %q is given twice", f[0], from)
			}
			m[w] = true
			return nil
		}
		switch f[0] {
		case "country":
			return code(fx.country, 3)
		case "igo":
			return code(fx.igo, 3)
		case "agent":
			return code(fx.agent, 3)
		case "title":
			return word(fx.title)
		case "nonname":
			return word(fx.nonname)
		case "orgword":
			return word(fx.orgword)
		case "drop":
			return word(fx.drop)
		case "hyphen":
			return word(fx.hyphen)
		}
		return l.Errorf("unknown directive %q (want country, igo, agent, title, nonname, orgword, drop or hyphen)", f[0])
	})
	return fx, err
}
