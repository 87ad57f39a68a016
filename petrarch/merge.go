package petrarch

import (
	"strings"

	"github.com/dyadproject/dyad/actor"
)

// dedupe leaves out a phrase that an earlier line of the same kind gives
// another code on overlapping dates, across all files of one import (one
// dictionary layer): dyad's loader refuses such a phrase as ambiguous,
// and PETRARCH codes the phrase by its first entry too.
func dedupe(results []*Result) {
	type seen struct {
		code, name string
		from, to   int
		file       string
		line       int
	}
	byKey := map[string][]seen{}
	for _, r := range results {
		kept := r.Lines[:0]
		carry := ""
		for _, l := range r.Lines {
			var pl phraseList
			for i, p := range l.Phrases {
				key := l.Kind.String() + "\x00" + phraseKey(p)
				clash := -1
				for j, s := range byKey[key] {
					samePerson := l.Kind == actor.KindPerson && s.name == l.Phrases[0]
					if s.code != l.Code && !samePerson && overlap(s.from, s.to, l.From, l.To) {
						clash = j
						break
					}
				}
				if clash >= 0 {
					s := byKey[key][clash]
					r.lose(l.Src[i], "phrase %q already names %s %s at %s:%d, which PETRARCH uses first too; left out of the %s line here", p, l.Kind, s.code, s.file, s.line, l.Code)
					continue
				}
				pl.add(p, l.Src[i])
			}
			if len(pl.phrases) == 0 {
				if l.Comment != "" {
					carry = l.Comment
				}
				continue
			}
			l.Phrases, l.Src = pl.phrases, pl.src
			if l.Comment == "" {
				l.Comment = carry
			}
			carry = ""
			for i, p := range l.Phrases {
				key := l.Kind.String() + "\x00" + phraseKey(p)
				byKey[key] = append(byKey[key], seen{code: l.Code, name: l.Phrases[0], from: l.From, to: l.To, file: r.File, line: l.Src[i]})
			}
			kept = append(kept, l)
		}
		r.Lines = kept
		r.count()
	}
}

// phraseKey is how the loader compares phrases, near enough: lower case,
// single spaces.
func phraseKey(p string) string { return strings.ToLower(strings.Join(strings.Fields(p), " ")) }

// overlap mirrors the loader's test: dates YYYYMMDD, 0 open; a stretch
// that ends on the day the other begins does not overlap.
func overlap(aFrom, aTo, bFrom, bTo int) bool {
	return (aTo == 0 || bFrom == 0 || bFrom < aTo) && (bTo == 0 || aFrom == 0 || aFrom < bTo)
}
