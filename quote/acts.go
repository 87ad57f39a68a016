package quote

import (
	"github.com/dyadproject/dyad/internal/textspace"
	"strings"
)

// act is one attribution in a sentence: a cue ("said", "according to")
// and the speaker it names.
type act struct {
	sent          int
	verb, verbEnd int // the cue's tokens
	attr0, attr1  int // the attribution's tokens: speaker phrase and cue
	class         cueClass
	cue           string
	who           phrase
	sp            speaker
	participle    bool // "…, adding that", "citing"
	inverted      bool // "…,” said X"
}

// aux: auxiliaries and adverbs that may stand between a subject and its
// verb ("has said", "also said", "was quoted").
func (p *proc) skippable(i int) bool {
	switch p.tag(i) {
	case "RB", "RBR", "RBS", "MD":
		return true
	}
	switch p.toks[i].Lemma {
	case "be", "have", "do", "will", "would", "not", "n't":
		return true
	}
	return false
}

func finite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

// findActs finds the attributions of every sentence, outside quotations.
func (p *proc) findActs() {
	ns := len(p.d.Sentences)
	p.actAt = grow(p.actAt, ns+1)
	for s := range ns {
		p.actAt[s] = int32(len(p.acts))
		lo, hi := p.sentRange(s)
		for i := lo; i < hi; i++ {
			if p.inQ[i] >= 0 {
				continue
			}
			n := 0
			if p.t.prepLens&lenBit(p.norm(i)) != 0 { // prepAt's own test, without the call
				n = p.prepAt(i, hi)
			}
			if n > 0 {
				a := act{sent: s, verb: i, verbEnd: i + n, attr0: i, class: cuePrep, cue: p.words(i, i+n)}
				a.who = p.startingAt(i+n, hi)
				if a.who.kind != phNone {
					a.attr1 = a.who.end
					p.addAct(a)
				}
				i += n - 1
				continue
			}
			if !strings.HasPrefix(p.tag(i), "VB") {
				continue
			}
			c := p.t.cues[p.toks[i].Lemma]
			if c == cueNone {
				continue
			}
			n = len(p.acts)
			p.verbAct(s, i, lo, hi, c)
			if len(p.acts) > n && p.acts[n].class == cueQuote && p.acts[n].attr1 > i+1 {
				i = p.acts[n].attr1 - 1 // past "as saying"
			}
		}
	}
	p.actAt[ns] = int32(len(p.acts))
}

func (p *proc) addAct(a act) {
	a.sp = p.speakerOf(a.who, a.verb, 0)
	if !a.sp.ok {
		return
	}
	p.acts = append(p.acts, a)
}

// prepAt returns the length of a prepositional cue at token i, or 0.
func (p *proc) prepAt(i, hi int) int {
	if p.t.prepLens&lenBit(p.norm(i)) == 0 {
		return 0
	}
	for _, words := range p.t.preps {
		if i+len(words) > hi {
			continue
		}
		ok := true
		for k, w := range words {
			if p.norm(i+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return len(words)
		}
	}
	return 0
}

func (p *proc) words(first, end int) string {
	return textspace.OneSpace(p.d.Text[p.toks[first].Start:p.toks[end-1].End])
}

// verbAct reads the attribution around the cue verb at token v.
func (p *proc) verbAct(s, v, lo, hi int, c cueClass) {
	t := p.tag(v)
	a := act{sent: s, verb: v, verbEnd: v + 1, attr1: v + 1, class: c, cue: p.text(v)}
	lo = max(lo, p.bodyStart(s))
	if v < lo {
		return
	}
	// The auxiliary before a participle: "has said", "was quoted".
	aux := v - 1
	for aux >= lo && (p.tag(aux) == "RB" || p.norm(aux) == "not") {
		aux--
	}
	passive := t == "VBN" && aux >= lo && p.toks[aux].Lemma == "be"
	perfect := t == "VBN" && aux >= lo && p.toks[aux].Lemma == "have"
	switch {
	case t == "VB":
		return // "to say", "did not say": rarely attributes
	case t == "VBN" && !passive && !perfect:
		return // "a meeting called by", "the so-called"
	case passive && c != cueQuote:
		return // "was told": the subject heard it
	}
	if c == cueQuote {
		p.quoteAct(a, passive, aux, lo, hi)
		return
	}
	if t == "VBG" {
		a.participle = true
		a.attr0 = v
		if v-1 >= lo && p.norm(v-1) == "," {
			// "…, adding that": the speaker of the clause before.
			if k := len(p.acts) - 1; k >= int(p.actAt[s]) {
				a.who = p.acts[k].who
				a.sp = p.acts[k].sp
				p.acts = append(p.acts, a)
				return
			}
			a.who = p.mainSubject(s)
		} else if a.who = p.endingAt(v-1, lo); a.who.kind == phNone {
			a.who = p.mainSubject(s)
		}
		p.addAct(a)
		return
	}
	// Inverted: "…,” said Shoigu", "…, said the minister."
	j := v - 1
	for j >= lo && p.skippable(j) {
		j--
	}
	if j >= lo && (p.isMark(j) || p.norm(j) == "," && (j-1 < lo || p.isMark(j-1))) {
		if ph := p.startingAt(v+1, hi); ph.kind != phNone {
			a.inverted = true
			a.who = ph
			a.attr0 = v
			a.attr1 = ph.end
			p.addAct(a)
		}
		return
	}
	a.who = p.subjectBefore(v, lo)
	if a.who.kind == phNone && j >= lo && p.norm(j) == "," {
		// "…, said the minister."
		if ph := p.startingAt(v+1, hi); ph.kind != phNone && ph.kind != phPronoun && (ph.end >= hi || p.tag(ph.end) == "." || p.norm(ph.end) == ",") {
			a.inverted = true
			a.who = ph
			a.attr0 = v
			a.attr1 = ph.end
			p.addAct(a)
		}
		return
	}
	if a.who.kind == phNone {
		return
	}
	a.attr0 = a.who.first
	p.addAct(a)
}

// quoteAct: "M quoted X as saying", "X was quoted (by M) as saying".
func (p *proc) quoteAct(a act, passive bool, aux, lo, hi int) {
	v := a.verb
	if passive {
		a.who = p.subjectBefore(aux+1, lo)
		if a.who.kind == phNone {
			return
		}
		a.attr0 = a.who.first
		k := v + 1
		by := k < hi && p.norm(k) == "by"
		if by {
			if m := p.startingAt(k+1, hi); m.kind != phNone {
				k = m.end
			}
		}
		a.cue = p.words(aux, v+1)
		if k+1 < hi && p.norm(k) == "as" && p.toks[k+1].Lemma == "say" {
			if by {
				a.cue += " by …"
			}
			a.cue += " as saying"
			k += 2
		}
		a.attr1 = k
		p.addAct(a)
		return
	}
	// Active: the speaker is the object.
	a.who = p.startingAt(v+1, hi)
	if a.who.kind == phNone {
		return
	}
	a.attr0 = v
	if b := p.subjectBefore(v, lo); b.kind != phNone {
		a.attr0 = b.first
	}
	k := a.who.end
	if k+1 < hi && p.norm(k) == "as" && p.toks[k+1].Lemma == "say" {
		a.cue = p.text(v) + " … as saying"
		k += 2
	}
	a.attr1 = k
	p.addAct(a)
}

// subjectBefore finds the subject of the verb group ending before token v:
// over adverbs and auxiliaries, a parenthesis between commas ("Shoigu,
// meanwhile, said"; "X, head of Y, told") and a time phrase ("on Monday").
func (p *proc) subjectBefore(v, lo int) phrase {
	j := v - 1
	for j >= lo && p.skippable(j) && p.mEnd[j] < 0 {
		j--
	}
	if j < lo {
		return noPhrase
	}
	if j2 := p.skipTime(j, lo); j2 != j {
		j = j2
		for j >= lo && p.skippable(j) {
			j--
		}
	}
	if j >= lo && p.norm(j) == "," {
		// The nearest comma before it with a phrase before that comma; a
		// person's name or a pronoun wins over other phrases.
		var any phrase
		for k := j - 1; k > lo && j-k <= 32; k-- {
			if p.inQ[k] >= 0 || p.norm(k) == ";" {
				break
			}
			if p.norm(k) != "," {
				continue
			}
			ph := p.endingAt(k-1, lo)
			if ph.kind == phNone {
				continue
			}
			if ph.kind == phPronoun || ph.kind == phName || ph.kind == phMention && p.d.Mentions[ph.ment].Kind == "person" {
				return ph
			}
			if any.kind == phNone {
				any = ph
			}
		}
		return any
	}
	return p.endingAt(j, lo)
}

// skipTime steps back over a time phrase ending at j ("on Monday", "late
// on Friday", "earlier this month") and returns the token before it.
func (p *proc) skipTime(j, lo int) int {
	if !timeWord(p.norm(j)) {
		return j
	}
	k := j - 1
	for k >= lo && (p.tag(k) == "DT" || p.tag(k) == "CD" || p.tag(k) == "JJ" || timeWord(p.norm(k))) {
		k--
	}
	if k >= lo && (p.tag(k) == "IN" || p.norm(k) == "this" || p.norm(k) == "last") {
		k--
		if k >= lo && (p.norm(k) == "late" || p.norm(k) == "early" || p.norm(k) == "earlier") {
			k--
		}
		return k
	}
	if k < j-1 || timeWord(p.norm(j)) && (p.norm(j) == "yesterday" || p.norm(j) == "today") {
		return k
	}
	return j
}

func timeWord(n string) bool {
	switch n {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month",
		"year", "today", "yesterday", "tonight":
		return true
	}
	return false
}

// mainSubject is the subject of sentence s's first finite verb.
func (p *proc) mainSubject(s int) phrase {
	lo, hi := p.sentRange(s)
	lo = max(lo, p.bodyStart(s))
	for i := lo; i < hi; i++ {
		if p.inQ[i] >= 0 || !finite(p.tag(i)) {
			continue
		}
		if ph := p.subjectBefore(i, lo); ph.kind != phNone {
			return ph
		}
		return noPhrase
	}
	return noPhrase
}

// isSubject reports whether the phrase ending before token e is followed
// by its verb: over an abbreviation or a parenthesis, a short "in X", a
// time phrase and adverbs.
func (p *proc) isSubject(e, hi int) bool {
	k := e
	if k < hi && p.norm(k) == "(" {
		for k < hi && k-e < 8 && p.norm(k) != ")" {
			k++
		}
		k++
	}
	if k < hi && p.norm(k) == "," {
		k++
		for k < hi && k-e < 32 && p.norm(k) != "," && p.inQ[k] < 0 {
			k++
		}
		if k >= hi || p.norm(k) != "," {
			return false
		}
		k++
	}
	for n := 0; n < 2 && k+1 < hi && p.tag(k) == "IN" && p.norm(k) != "that"; n++ {
		j := k + 1
		if isDet(p.norm(j)) {
			j++
		}
		switch {
		case j < hi && p.mStart[j] >= 0:
			k = p.d.Mentions[p.mStart[j]].EndToken
		case j < hi && (timeWord(p.norm(j)) || p.tag(j) == "NNP"):
			k = j + 1
		default:
			n = 2
		}
	}
	for k < hi && (p.tag(k) == "RB" || p.tag(k) == "RBR") {
		k++
	}
	return k < hi && finite(p.tag(k))
}
