package quote

import (
	"github.com/dyadproject/dyad/internal/textspace"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// phraseKind says how a speaker phrase was found.
type phraseKind uint8

const (
	phNone    phraseKind = iota
	phMention            // an actor mention (maybe with a trailing "in X")
	phPronoun            // he, she, it, they, we, I
	phName               // a run of proper nouns no dictionary knows
	phNoun               // a common-noun phrase ("a military source")
)

// phrase is a noun phrase that may name a speaker.
type phrase struct {
	kind       phraseKind
	first, end int // tokens of the whole phrase
	ment       int // the head's mention, or -1
	pp         int // a mention in a trailing "for/of/in …" phrase, or -1
	abbr       string
}

var noPhrase = phrase{ment: -1, pp: -1}

func isPronoun(n string) bool {
	switch n {
	case "he", "she", "it", "they", "we", "i":
		return true
	}
	return false
}

func isDet(n string) bool { return n == "the" || n == "a" || n == "an" }

// ppPrep: prepositions that attach a phrase to the noun before it in a
// speaker phrase ("a spokesman for the army", "the embassy in Israel").
func ppPrep(n string) bool {
	switch n {
	case "for", "of", "in", "at", "from", "to":
		return true
	}
	return false
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nounTag: a tag that may be part of a noun phrase before its head.
func nounTag(t string) bool {
	switch t {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "POS", "PRP$", "HYPH", "VBN":
		return true
	}
	return false
}

func isNoun(t string) bool { return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" }

// endingAt finds the phrase that ends with token j (not before lo).
func (p *proc) endingAt(j, lo int) phrase {
	if j < lo || p.inQ[j] >= 0 {
		return noPhrase
	}
	abbr := ""
	if p.norm(j) == ")" { // "… Affairs (OCHA)"
		k := j - 1
		for k > lo && j-k < 6 && p.norm(k) != "(" {
			k--
		}
		if k <= lo || p.norm(k) != "(" || k+1 >= j {
			return noPhrase
		}
		abbr = p.d.Text[p.toks[k+1].Start:p.toks[j-1].End]
		j = k - 1
		if j < lo {
			return noPhrase
		}
	}
	ph := p.headEndingAt(j, lo)
	if ph.kind == phNone {
		return ph
	}
	// A trailing "for/of/in X": the head is the phrase before it.
	if ph.kind == phMention || ph.kind == phName {
		b := ph.first - 1
		if b > lo && isDet(p.norm(b)) {
			b--
		}
		if b > lo && ppPrep(p.norm(b)) {
			h := p.headEndingAt(b-1, lo)
			if h.kind == phMention || h.kind == phNoun || h.kind == phName {
				if ph.kind == phMention {
					h.pp = ph.ment
				}
				h.end = ph.end
				ph = h
			}
		}
	}
	if abbr != "" {
		ph.abbr = abbr
	}
	return ph
}

// headEndingAt: a mention, pronoun, proper-noun run or noun phrase whose
// last token is j.
func (p *proc) headEndingAt(j, lo int) phrase {
	if j < lo || p.inQ[j] >= 0 {
		return noPhrase
	}
	if m := p.mEnd[j]; m >= 0 {
		first := p.d.Mentions[m].FirstToken
		if first < lo {
			first = lo
		}
		if first-1 >= lo && isDet(p.norm(first-1)) {
			first--
		}
		return p.withPossessor(phrase{kind: phMention, first: first, end: j + 1, ment: int(m), pp: -1}, lo)
	}
	n, t := p.norm(j), p.tag(j)
	switch {
	case isPronoun(n) && (t == "PRP" || t == ""):
		return phrase{kind: phPronoun, first: j, end: j + 1, ment: p.mentionAt(j), pp: -1}
	case (t == "NNP" || t == "NNPS") && isCap(p.text(j)):
		k := j
		for k-1 >= lo && p.inQ[k-1] < 0 && (p.tag(k-1) == "NNP" || p.tag(k-1) == "NNPS") && isCap(p.text(k-1)) && p.mEnd[k-1] < 0 {
			k--
		}
		return phrase{kind: phName, first: k, end: j + 1, ment: -1, pp: -1}
	case t == "NN" || t == "NNS":
		k := j
		pp := -1
		for k-1 >= lo && p.inQ[k-1] < 0 {
			if p.mEnd[k-1] >= 0 {
				// "Emmanuel Macron's office": the owner gives the code.
				if k-1 < j && p.tag(k) == "POS" {
					pp = int(p.mEnd[k-1])
					k = p.d.Mentions[pp].FirstToken
				}
				break
			}
			pt := p.tag(k - 1)
			if nounTag(pt) {
				k--
				continue
			}
			if pt == "DT" {
				k--
			}
			break
		}
		if k < lo {
			k = lo
		}
		return phrase{kind: phNoun, first: k, end: j + 1, ment: -1, pp: pp}
	}
	return noPhrase
}

// withPossessor extends a mention of a body by the country that owns it:
// "India's" + "Ministry of External Affairs".
func (p *proc) withPossessor(ph phrase, lo int) phrase {
	m := p.d.Mentions[ph.ment]
	if m.Kind == dyad.MentionPerson || m.Kind == dyad.MentionPronoun {
		return ph
	}
	b := ph.first - 1
	if b-1 >= lo && p.tag(b) == "POS" {
		if o := p.mEnd[b-1]; o >= 0 && p.d.Mentions[o].Kind == dyad.MentionCountry {
			ph.first = p.d.Mentions[o].FirstToken
		}
	}
	return ph
}

// mentionAt is the outermost mention starting at token i, or -1.
func (p *proc) mentionAt(i int) int { return int(p.mStart[i]) }

// startingAt finds the phrase that starts at token j (before hi).
func (p *proc) startingAt(j, hi int) phrase {
	if j >= hi || p.inQ[j] >= 0 {
		return noPhrase
	}
	if isDet(p.norm(j)) && j+1 < hi && p.mStart[j+1] >= 0 && p.mStart[j] < 0 {
		ph := p.startingAt(j+1, hi)
		ph.first = j
		return ph
	}
	if m := p.mStart[j]; m >= 0 {
		end := p.d.Mentions[m].EndToken
		if end > hi {
			end = hi
		}
		return p.trailing(phrase{kind: phMention, first: j, end: end, ment: int(m), pp: -1}, hi)
	}
	n, t := p.norm(j), p.tag(j)
	switch {
	case isPronoun(n) && (t == "PRP" || t == ""):
		return phrase{kind: phPronoun, first: j, end: j + 1, ment: -1, pp: -1}
	case (t == "NNP" || t == "NNPS") && isCap(p.text(j)):
		k := j + 1
		for k < hi && p.inQ[k] < 0 && (p.tag(k) == "NNP" || p.tag(k) == "NNPS") && p.mStart[k] < 0 {
			k++
		}
		return phrase{kind: phName, first: j, end: k, ment: -1, pp: -1}
	case t == "DT" || t == "JJ" || t == "PRP$" || t == "CD" || isNoun(t):
		k := j
		if t == "DT" || t == "PRP$" {
			k++
		}
		last := -1
		for k < hi && p.inQ[k] < 0 && nounTag(p.tag(k)) {
			if isNoun(p.tag(k)) {
				last = k
			}
			k++
		}
		if last < 0 {
			return noPhrase
		}
		return p.trailing(phrase{kind: phNoun, first: j, end: last + 1, ment: -1, pp: -1}, hi)
	}
	return noPhrase
}

// trailing adds a "for/of/in X" phrase after a body or role ("the embassy
// in Israel", "a spokesman for the army") and an abbreviation in brackets.
func (p *proc) trailing(ph phrase, hi int) phrase {
	j := ph.end
	if ph.kind == phMention && p.d.Mentions[ph.ment].Kind == dyad.MentionPerson {
		return ph
	}
	if j+1 < hi && ppPrep(p.norm(j)) && p.inQ[j+1] < 0 {
		k := j + 1
		if isDet(p.norm(k)) && k+1 < hi {
			k++
		}
		if m := p.mStart[k]; m >= 0 && k < hi {
			switch p.d.Mentions[m].Kind {
			case dyad.MentionPerson, dyad.MentionPronoun, dyad.MentionMedia:
			default:
				ph.pp = int(m)
				ph.end = min(p.d.Mentions[m].EndToken, hi)
			}
		}
	}
	if j = ph.end; j+2 < hi && p.norm(j) == "(" && p.norm(j+2) == ")" && isCap(p.text(j+1)) {
		ph.abbr = p.text(j + 1)
	}
	return ph
}

// phraseText is the phrase as written, without a leading article, on one
// line, with its abbreviation.
func (p *proc) phraseText(ph phrase) string {
	first := ph.first
	for first < ph.end-1 && isDet(p.norm(first)) {
		first++
	}
	s := textspace.OneSpace(p.d.Text[p.toks[first].Start:p.toks[ph.end-1].End])
	if ph.abbr != "" {
		s += " (" + ph.abbr + ")"
	}
	return s
}

// headNoun is the phrase's head word in lower case: the last word before
// an "of"/"for" inside it, else its last word.
func (p *proc) headNoun(first, end int) string {
	h := end - 1
	for k := first + 1; k < end; k++ {
		if n := p.norm(k); n == "of" || n == "for" || n == "in" {
			h = k - 1
			break
		}
	}
	if h < first {
		h = first
	}
	return p.toks[h].Lemma
}
