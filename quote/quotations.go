package quote

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// built is a quote on its way out.
type built struct {
	q     dyad.Quote
	parts []dyad.Span
	act   int  // the attributing act, or -1
	post  bool // the act came right after the closing mark
	sp    speaker
	last  int // the quotation's last token (closing mark or last word)
}

// stateReach is how far back (sentences) a country or capital speaker
// looks for the body of that country quoted before.
const stateReach = 8

// quotations attributes each quotation to a speaker, drops the ones that
// are not quotes (titles, terms, slogans, quotations with no speaker) and
// joins the parts of a quotation split by its attribution.
func (p *proc) quotations() {
	for qi := range p.qs {
		t := p.qt[qi]
		if t.first >= len(p.toks) || t.first >= t.end {
			continue
		}
		last := t.end - 1
		if t.close >= 0 {
			last = t.close
		}
		s0 := p.toks[t.first].Sentence
		if t.open >= 0 {
			s0 = p.toks[t.open].Sentence
		}
		s1 := p.toks[last].Sentence
		full := p.isFull(qi)
		ai, post := p.chooseAct(qi, s0, s1, last)
		if ai < 0 {
			if full {
				p.continueQuote(qi, s0, last)
			}
			continue
		}
		if !full && p.scare(qi, ai) {
			continue
		}
		a := p.acts[ai]
		sp := a.sp
		if sp.kind == spState && !p.stateSpeakers {
			var ok bool
			if sp, ok = p.stateBody(sp, ai); !ok {
				continue
			}
		}
		// "“A,” X said, “B.”": one quotation split by its attribution (and
		// what goes with it: "“A,” X said when asked, “but B.”").
		if n := len(p.out); n > 0 && !post && p.out[n-1].act == ai && p.out[n-1].post && t.open >= 0 &&
			(p.onlyPunct(a.attr1, t.open) || p.lowerStart(qi)) {
			p.extend(&p.out[n-1], qi, last)
			continue
		}
		p.out = append(p.out, p.newQuote(qi, a.cue, sp, ai, post, last))
	}
}

// isFull: the quotation stands as a sentence of its own (it opens its
// sentence or follows a colon or comma), as against a fragment worked into
// the sentence ("called the detention an "authoritarian act"").
func (p *proc) isFull(qi int) bool {
	t := p.qt[qi]
	o := t.open
	if o < 0 || len(p.qs[qi].Parts) > 1 {
		return true
	}
	s := p.toks[o].Sentence
	if o <= p.bodyStart(s) {
		return true
	}
	switch p.norm(o - 1) {
	case ":", ",":
		return true
	}
	return false
}

// chooseAct picks the attribution of quotation qi: the one right after
// its closing mark, else the nearest before it in its sentence, else one
// later in the sentence. A speaker beats a news outlet. post is set for
// the first kind.
func (p *proc) chooseAct(qi, s0, s1, last int) (int, bool) {
	t := p.qt[qi]
	_, hi := p.sentRange(s1)
	k := last + 1
	for k < hi && (p.norm(k) == "," || isDash(p.norm(k))) {
		k++
	}
	media := -1
	mediaPost := false
	pick := func(ai int, post bool) bool {
		if p.acts[ai].sp.kind != spMedia {
			return true
		}
		if media < 0 {
			media, mediaPost = ai, post
		}
		return false
	}
	for ai := int(p.actAt[s1]); ai < int(p.actAt[s1+1]); ai++ {
		// Not "…,” adding that": a participle goes on the clause before.
		if p.acts[ai].attr0 == k && !p.acts[ai].participle && pick(ai, true) {
			return ai, true
		}
	}
	open := t.open
	if open < 0 {
		open = t.first
	}
	for ai := int(p.actAt[s0+1]) - 1; ai >= int(p.actAt[s0]); ai-- {
		if p.acts[ai].verbEnd <= open && pick(ai, false) {
			return ai, false
		}
	}
	for ai := int(p.actAt[s1]); ai < int(p.actAt[s1+1]); ai++ {
		if p.acts[ai].attr0 > last && pick(ai, false) {
			return ai, false
		}
	}
	// "X said:" closing the sentence before a quotation that opens its own.
	if s0 > 0 && p.isFull(qi) {
		plo, phi := p.sentRange(s0 - 1)
		if phi > plo && p.norm(phi-1) == ":" {
			for ai := int(p.actAt[s0]) - 1; ai >= int(p.actAt[s0-1]); ai-- {
				if pick(ai, false) {
					return ai, false
				}
			}
		}
	}
	return media, mediaPost
}

// scare reports whether the fragment qi is a term in quotation marks
// rather than words of the speaker: a title ("Death to America"), a
// single noun ("coexistence"), a term after "the" or "so-called", or a
// modifier of the noun after it ("an "immediate" ceasefire") unless the
// cue governs it directly ("citing "hostile" remarks").
func (p *proc) scare(qi, ai int) bool {
	t := p.qt[qi]
	words, caps, nouns := 0, 0, 0
	for i := t.first; i < t.end; i++ {
		r, _ := utf8.DecodeRuneInString(p.text(i))
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) || smallWord(p.norm(i)) {
			caps++
		}
		if isNoun(p.tag(i)) {
			nouns++
		}
	}
	if words == 0 || caps == words && !smallWord(p.norm(t.first)) {
		return true
	}
	if words == 1 && nouns == 1 {
		return true
	}
	if t.open > 0 {
		switch p.norm(t.open - 1) {
		case "the", "so-called":
			return true
		}
	}
	if t.close >= 0 && t.close+1 < len(p.toks) {
		nx := t.close + 1
		s := p.toks[t.close].Sentence
		if p.toks[nx].Sentence == s && p.inQ[nx] < 0 && (isNoun(p.tag(nx)) || p.tag(nx) == "JJ") {
			gov := t.open - 1
			if gov >= 0 && (isDet(p.norm(gov)) || p.tag(gov) == "PRP$") {
				gov--
			}
			if gov < 0 || gov != p.acts[ai].verbEnd-1 {
				return true
			}
		}
	}
	return false
}

func smallWord(n string) bool {
	switch n {
	case "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "from", "'s":
		return true
	}
	return false
}

// stateBody gives a country or capital speaker the body of that country
// the article quoted last ("Pakistan's foreign ministry said …" …
// "Islamabad said …").
func (p *proc) stateBody(sp speaker, ai int) (speaker, bool) {
	s := p.acts[ai].sent
	for k := ai - 1; k >= 0 && p.acts[k].sent >= s-stateReach; k-- {
		o := p.acts[k].sp
		if o.kind == spBody && o.country != "" && o.country == sp.country {
			return o, true
		}
	}
	return speaker{}, false
}

// continueQuote handles a quotation with no attribution in its sentence:
// it goes on the quotation of the sentence before (same speaker), joined
// to it when nothing but that quotation's attribution lies between.
func (p *proc) continueQuote(qi, s0, last int) {
	n := len(p.out)
	if n == 0 {
		return
	}
	prev := &p.out[n-1]
	if !prev.q.Direct || p.toks[prev.last].Sentence != s0-1 {
		return
	}
	t := p.qt[qi]
	if t.open >= 0 && t.open > p.bodyStart(s0) {
		return
	}
	if prev.post || t.open >= 0 && p.onlyPunct(prev.last+1, t.open) {
		p.extend(prev, qi, last)
		return
	}
	p.out = append(p.out, p.newQuote(qi, prev.q.Cue, prev.sp, -1, false, last))
}

// lowerStart: quotation qi starts with a lower-case letter.
func (p *proc) lowerStart(qi int) bool {
	r, _ := utf8.DecodeRuneInString(p.d.Text[p.qs[qi].Parts[0].Start:])
	return unicode.IsLower(r)
}

// onlyPunct: tokens [from, to) are punctuation only.
func (p *proc) onlyPunct(from, to int) bool {
	for i := from; i < to; i++ {
		r, _ := utf8.DecodeRuneInString(p.text(i))
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// partsOf returns quotation qi's parts.
func (p *proc) partsOf(qi int) []dyad.Span { return slices.Clone(p.qs[qi].Parts) }

func (p *proc) newQuote(qi int, cue string, sp speaker, ai int, post bool, last int) built {
	b := built{act: ai, post: post, sp: sp, last: last, parts: p.partsOf(qi)}
	b.q = dyad.Quote{
		ArticleID: p.d.Article.ID,
		Speaker:   dyad.Speaker{Name: sp.name, Code: sp.code},
		Direct:    true,
		Cue:       cue,
	}
	p.finish(&b)
	return b
}

func (p *proc) extend(b *built, qi, last int) {
	b.parts = append(b.parts, p.partsOf(qi)...)
	b.last = last
	p.finish(b)
}

// finish sets the quote's text and span from its parts.
func (p *proc) finish(b *built) {
	if len(b.parts) == 0 {
		return
	}
	// The comma of "“…,” he said" belongs to the sentence.
	var sb strings.Builder
	end := 0
	for i, sp := range b.parts {
		for i == len(b.parts)-1 && sp.End > sp.Start && (p.d.Text[sp.End-1] == ',' || p.d.Text[sp.End-1] == ' ') {
			sp.End--
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(p.d.Text[sp.Start:sp.End])
		end = sp.End
	}
	b.q.Text = sb.String()
	b.q.Start, b.q.End = b.parts[0].Start, end
}

// emit writes the quotes to the Doc in text order, direct ones first at
// the same offset.
func (p *proc) emit() {
	slices.SortStableFunc(p.out, func(a, b built) int {
		if c := cmp.Compare(a.q.Start, b.q.Start); c != 0 {
			return c
		}
		if a.q.Direct != b.q.Direct {
			if a.q.Direct {
				return -1
			}
			return 1
		}
		return 0
	})
	n := 0
	for i := range p.out {
		if p.out[i].q.Text != "" {
			n++
		}
	}
	p.d.Quotes = slices.Grow(p.d.Quotes, n) // one allocation, not one per doubling
	for i := range p.out {
		q := p.out[i].q
		if q.Text == "" {
			continue
		}
		q.ReportedBy = []string{}
		p.d.Quotes = append(p.d.Quotes, q)
	}
}
