package quote

import (
	"strings"

	"github.com/dyadproject/dyad"
)

// indirect adds the reported speech of verbs of saying as quotes with
// Direct false: "X said (that) <clause>", "<clause>, X said",
// "according to X, <clause>". A clause that is all one direct quotation
// is left to that quotation; news outlets' reports are credits (package
// source), not speech.
func (p *proc) indirect() {
	for ai := range p.acts {
		a := &p.acts[ai]
		switch a.class {
		case cueSay, cueTell, cuePrep, cueQuote:
		default:
			continue
		}
		if a.sp.kind == spMedia {
			continue
		}
		c0, c1 := p.complement(ai)
		if c0 < 0 || c1 <= c0 {
			continue
		}
		if q := p.inQ[c0]; q >= 0 && p.qt[q].open == c0 {
			qt := p.qt[q]
			if qt.close < 0 || qt.close >= c1-2 {
				continue
			}
		}
		sp := p.span(c0, c1)
		b := built{act: ai, sp: a.sp, last: c1 - 1}
		b.q = dyad.Quote{
			ArticleID: p.d.Article.ID,
			Speaker:   dyad.Speaker{Name: a.sp.name, Code: a.sp.code},
			Text:      p.d.Text[sp.Start:sp.End],
			Direct:    false,
			Cue:       a.cue,
			Start:     sp.Start,
			End:       sp.End,
		}
		p.out = append(p.out, b)
	}
}

// complement returns the tokens of the clause act ai reports, or -1.
func (p *proc) complement(ai int) (int, int) {
	a := p.acts[ai]
	s := a.sent
	_, hi := p.sentRange(s)
	body := p.bodyStart(s)
	end := hi
	// The clause stops where a later attribution of the sentence starts
	// after a comma ("…, as per Xinhua", "…, adding that").
	for b := ai + 1; b < int(p.actAt[s+1]); b++ {
		nb := p.acts[b]
		if nb.attr0 > a.verbEnd && nb.attr0-1 >= 0 && (p.norm(nb.attr0-1) == "," || nb.participle) {
			end = nb.attr0
			break
		}
	}
	end = p.trimEnd(a.verbEnd, end)
	first := ai == int(p.actAt[s])
	postposed := !a.participle && a.attr0 > body && p.norm(a.attr0-1) == "," && first && p.restIsAdjunct(a.attr1, hi)
	switch {
	case a.class == cuePrep && a.attr0 <= body:
		c0 := a.attr1
		if c0 < end && p.norm(c0) == "," {
			c0++
		}
		return p.clause(c0, end)
	case postposed:
		c1 := p.trimEnd(body, a.attr0-1)
		return p.clause(body, c1)
	case a.class == cuePrep:
		return -1, -1
	}
	j := a.verbEnd
	if a.inverted || a.class == cueQuote {
		j = a.attr1
	}
	if a.class == cueQuote && !strings.HasSuffix(a.cue, "as saying") {
		return -1, -1
	}
	if a.class == cueTell {
		if obj := p.startingAt(j, end); obj.kind != phNone {
			j = obj.end
		}
	}
	// "that" before the clause, over an object and adverbials.
	for k := j; k < end && k < j+16; k++ {
		n := p.norm(k)
		if n == "that" && (p.tag(k) == "IN" || p.tag(k) == "WDT" || p.tag(k) == "DT") {
			return p.clause(k+1, end)
		}
		if finite(p.tag(k)) || n == "," && k > j || p.isMark(k) && k > j || n == ";" || n == ":" {
			break
		}
	}
	if a.class == cueTell && j == a.verbEnd {
		return -1, -1
	}
	// No "that": over adverbs and preposition phrases to a clause.
	k := j
	for n := 0; k < end && n < 4; n++ {
		switch t := p.tag(k); {
		case t == "RB":
			k++
		case (t == "IN" || t == "TO") && p.norm(k) != "if" && p.norm(k) != "whether":
			k++
			for k < end && (nounTag(p.tag(k)) || p.tag(k) == "DT") {
				k++
			}
		default:
			n = 4
		}
	}
	if k >= end {
		return -1, -1
	}
	if n := p.norm(k); n == "if" || n == "whether" {
		return p.clause(k, end)
	}
	// A clause: a subject phrase and its verb right after it.
	if subj := p.startingAt(k, end); subj.kind != phNone && p.isSubject(subj.end, end) {
		return k, end
	}
	return -1, -1
}

// clause returns [c0, c1) when it holds a finite verb, else -1.
func (p *proc) clause(c0, c1 int) (int, int) {
	for k := c0; k < c1; k++ {
		if finite(p.tag(k)) {
			return c0, c1
		}
	}
	return -1, -1
}

// trimEnd drops final punctuation before end.
func (p *proc) trimEnd(lo, end int) int {
	for end > lo {
		switch p.tag(end - 1) {
		case ".", ",", ":":
			end--
			continue
		}
		if p.norm(end-1) == ";" {
			end--
			continue
		}
		break
	}
	return end
}

// restIsAdjunct: after a final attribution only adverbials follow ("…,
// Anwar said after hosting talks."): no finite verb, no clause.
func (p *proc) restIsAdjunct(from, hi int) bool {
	for k := from; k < hi; k++ {
		if finite(p.tag(k)) || p.norm(k) == "that" {
			return false
		}
	}
	return true
}
