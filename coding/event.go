package coding

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ontology"
)

// article codes one Doc, sentence by sentence.
type article struct {
	c     *Coder
	d     *dyad.Doc
	s     sent
	raw   []rawEvent
	pairs []pairRec
	m     match

	// reused working memory: the members of a compound (notePairs), of
	// an event's sides (emitCode), and merge's groups
	compound, srcs, tgts, pair []member
	drop                       []bool
	groups                     []group
	byKey                      map[[3]string]int
}

// group is one merged event: the raw events of one (source, target,
// code) of countries.
type group struct {
	first int   // index in raw of the first
	sents []int // sentences that report it, in order
	ev    rawEvent
}

// member is one actor of an event: the mention that names it in the
// sentence (-1 when inferred) and its codes.
type member struct {
	mi    int
	actor dyad.Actor
}

// pairRec is a pair of actors named together ("China and Russia"), for
// "the two countries" and "both sides" later on.
type pairRec struct {
	tok int // Doc token index after the pair
	a   [2]member
}

// rawEvent is one coded action before merging.
type rawEvent struct {
	code     string
	src, tgt member
	p        *pattern
	sent     int
	anchor   int // Doc token index
	modality string
	negated  bool
	inferred bool // the target was inferred from the article
	fallback bool // from a fallback pattern: dropped when the sentence has more
}

// reset readies a for coding d (or, with nil, for the pool): it keeps the
// buffers' memory and drops what refers to a Doc's text.
func (a *article) reset(c *Coder, d *dyad.Doc) {
	a.c, a.d = c, d
	clear(a.raw)
	a.raw = a.raw[:0]
	clear(a.pairs)
	a.pairs = a.pairs[:0]
	a.m = match{}
	for _, b := range []*[]member{&a.compound, &a.srcs, &a.tgts, &a.pair} {
		clear(*b)
		*b = (*b)[:0]
	}
	for i := range a.groups {
		a.groups[i].ev = rawEvent{}
	}
	clear(a.byKey)
	s := &a.s
	s.c, s.d = c, d
	s.toks = nil
	clear(s.tags)
	clear(s.lems)
	s.acc = np{}
}

func (a *article) sentence(si int) {
	s := &a.s
	s.load(si)
	if !a.worth() {
		return
	}
	a.notePairs()
	s.findSpeakers()
	first := len(a.raw)
	for i := 0; i < s.n; i++ {
		if s.ment[i] >= 0 {
			// a word inside an actor's name ("riot police", "the
			// Ceasefire Violations Committee") names no event
			continue
		}
		var list []*pattern
		if id := s.lid[i]; id >= 0 {
			list = a.c.idx[id]
		}
		if list == nil && s.nid[i] >= 0 {
			list = a.c.idx[s.nid[i]]
		}
		if list == nil {
			continue
		}
		// the most specific pattern that yields an event wins; one that
		// matches but yields none (its actors do not resolve) gives way
		for pi := s.try(i, list, 0, &a.m); pi >= 0; pi = s.try(i, list, pi+1, &a.m) {
			if a.c.trace != nil {
				a.c.trace(fmt.Sprintf("S%d %q matched %s", si, s.norm(i), a.m.p))
			}
			n := len(a.raw)
			a.emit(&a.m)
			if len(a.raw) > n {
				break
			}
		}
	}
	a.dropFallbacks(first)
}

// dropFallbacks removes the sentence's fallback events ("agreed to" +
// an action no pattern names) whose source has a more specific event.
func (a *article) dropFallbacks(first int) {
	keep := a.raw[:first]
	for i := first; i < len(a.raw); i++ {
		e := &a.raw[i]
		if e.fallback {
			covered := false
			for j := first; j < len(a.raw); j++ {
				if !a.raw[j].fallback && a.raw[j].src.actor.Country == e.src.actor.Country {
					covered = true
					break
				}
			}
			if covered {
				continue
			}
		}
		keep = append(keep, *e)
	}
	a.raw = keep
}

// worth: a sentence with no actor and no "both sides" cannot hold an event.
func (a *article) worth() bool {
	s := &a.s
	for i := 0; i < s.n; i++ {
		if s.ment[i] >= 0 {
			return true
		}
		switch s.norm(i) {
		case "both", "two", "we", "i", "our":
			return true
		}
	}
	return false
}

// notePairs records the compound mentions of the sentence as pairs.
func (a *article) notePairs() {
	d := a.d
	for _, mi := range a.s.ments {
		m := &d.Mentions[mi]
		if m.Kind != dyad.MentionCompound {
			continue
		}
		ms := a.compound[:0]
		a.expand(mi, &ms, 0)
		a.compound = ms
		a.notePair(ms, m.EndToken)
	}
}

func (a *article) notePair(ms []member, tok int) {
	if len(ms) < 2 {
		return
	}
	for i := 0; i < len(ms); i++ {
		for j := i + 1; j < len(ms); j++ {
			if ms[i].actor.Country != "" && ms[j].actor.Country != "" && ms[i].actor.Country != ms[j].actor.Country {
				a.pairs = append(a.pairs, pairRec{tok: tok, a: [2]member{ms[i], ms[j]}})
				return
			}
		}
	}
}

// pairAt is the pair "the two countries" stands for at Doc token tok: of
// the pairs named before, the one named most often, then the latest.
func (a *article) pairAt(tok int, not ...string) []member {
	best, bestN := -1, 0
	for i := range a.pairs {
		if a.pairs[i].tok > tok {
			continue
		}
		if slices.Contains(not, a.pairs[i].a[0].actor.Country) || slices.Contains(not, a.pairs[i].a[1].actor.Country) {
			continue
		}
		n := 0
		for j := 0; j <= i; j++ {
			if a.pairs[j].tok <= tok && samePair(&a.pairs[i], &a.pairs[j]) {
				n++
			}
		}
		if n >= bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return nil
	}
	p := a.pairs[best].a
	return []member{{mi: -1, actor: p[0].actor}, {mi: -1, actor: p[1].actor}}
}

// otherSide is country's counterpart in the most often named pair that
// holds it.
func (a *article) otherSide(tok int, country string) (member, bool) {
	best, bestN := -1, 0
	for i := range a.pairs {
		p := &a.pairs[i]
		if p.tok > tok || p.a[0].actor.Country != country && p.a[1].actor.Country != country {
			continue
		}
		n := 0
		for j := 0; j <= i; j++ {
			if a.pairs[j].tok <= tok && samePair(p, &a.pairs[j]) {
				n++
			}
		}
		if n >= bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return member{}, false
	}
	p := a.pairs[best].a
	if p[0].actor.Country == country {
		return member{mi: -1, actor: p[1].actor}, true
	}
	return member{mi: -1, actor: p[0].actor}, true
}

func samePair(x, y *pairRec) bool {
	a, b := x.a[0].actor.Country, x.a[1].actor.Country
	c, d := y.a[0].actor.Country, y.a[1].actor.Country
	return a == c && b == d || a == d && b == c
}

// expand lists the actors a mention stands for: itself, its antecedent,
// or the members of a compound.
func (a *article) expand(mi int, out *[]member, depth int) {
	d := a.d
	orig := mi
	for hops := 0; mi >= 0 && hops < 8 && depth < 4; hops++ {
		m := &d.Mentions[mi]
		switch m.Kind {
		case dyad.MentionMedia:
			return
		case dyad.MentionCompound:
			end := m.EndToken
			cover := -1
			for ci := mi + 1; ci < len(d.Mentions); ci++ {
				c := &d.Mentions[ci]
				if c.FirstToken >= end || c.Sentence != m.Sentence {
					break
				}
				if c.FirstToken < m.FirstToken || c.EndToken > end || c.FirstToken < cover {
					continue
				}
				cover = c.EndToken
				n := len(*out)
				a.expand(ci, out, depth+1)
				if orig != mi {
					// a pronoun for a compound: name the pronoun as the text
					for k := n; k < len(*out); k++ {
						(*out)[k].mi = orig
					}
				}
			}
			if cover >= 0 {
				return
			}
		}
		if m.Actor.Country != "" {
			*out = append(*out, member{mi: orig, actor: m.Actor})
			return
		}
		mi = m.Antecedent
	}
}

// members lists the actors a phrase names, in *buf's memory (the list is
// valid until the next call with the same buf).
func (a *article) members(buf *[]member, ph np, ok bool, tok int) []member {
	if !ok {
		return nil
	}
	if ph.dual {
		// "both countries", "the two leaders": the article's pair, not
		// whatever pair was named last
		if p := a.pairAt(tok); p != nil {
			return p
		}
	}
	out := (*buf)[:0]
	for _, mi := range ph.ments {
		a.expand(mi, &out, 0)
	}
	*buf = out
	if len(out) == 0 && ph.dual {
		return a.pairAt(tok)
	}
	return out
}

// emit turns a match into raw events, one set per code of its pattern.
func (a *article) emit(m *match) {
	slots, filled := m.slots, m.filled
	for _, code := range m.p.codes {
		m.slots, m.filled = slots, filled
		a.emitCode(m, code)
	}
}

func (a *article) emitCode(m *match, code string) {
	s := &a.s
	p := m.p
	fc := frameCtx{code: code, base: code, modality: dyad.Asserted}
	lead := noSlot
	if p.lead != noSlot && !m.filled[p.lead] {
		lead = p.lead
	}
	vi := -1 // the verb group whose clause the action is in
	obj := -1
	if s.verbal(m.anchor, p) {
		vi = int(s.vgAt[m.anchor])
		s.chain(vi, &fc, lead == noSlot)
		obj = s.objectHead(s.vgs[vi].end)
	} else {
		b := s.npStart(m.anchor)
		if lead != noSlot && b < m.anchor {
			// "Washington's sanctions on", "Iranian strikes in"
			if mi, ok := s.headMentions(b, m.anchor, false); ok {
				m.slots[lead], m.filled[lead] = np{start: b, end: m.anchor, head: m.anchor - 1, ments: []int{mi}}, true
				lead = noSlot
			}
		}
		gi, f, sp, spOK := s.nounGov(b)
		switch f {
		case fIntent, fAgree, fRefuse, fAppeal, fDemand, fThreaten:
			s.applyFrame(&fc, f)
		}
		if gi >= 0 {
			vi = gi
			s.chain(gi, &fc, lead == noSlot)
		} else if spOK {
			fc.src, fc.srcOK = sp, true
		}
		obj = m.anchor
	}
	if fc.drop || (fc.negated || fc.modality == dyad.Hypothetical) && !a.c.keepNeg {
		return
	}
	if lead != noSlot && fc.srcOK {
		m.slots[lead], m.filled[lead] = fc.src, true
	}
	if p.leadHead != nil && (!m.filled[p.lead] || !s.headIn(p.leadHead, m.slots[p.lead])) {
		return
	}
	srcPh, srcOK := m.slots[slotSource], m.filled[slotSource]
	tgtPh, tgtOK := m.slots[slotTarget], m.filled[slotTarget]
	if fc.tgtOK {
		// an appeal or demand: the one urged is the target, the one
		// urging the source
		tgtPh, tgtOK = fc.tgt, true
		srcPh, srcOK = fc.src, fc.srcOK
	}
	if !srcOK && p.flags&flagSaid != 0 && vi >= 0 {
		// "The U.S. action was a blatant interference," Zhao said
		srcPh, srcOK = s.speakerOf(vi)
	}
	tok := s.off + m.anchor
	if m.filled[slotPair] {
		ms := a.members(&a.pair, m.slots[slotPair], true, tok)
		a.notePair(ms, s.off+m.slots[slotPair].end)
		a.pairwise(m, fc, ms)
		return
	}
	if !srcOK && p.flags&flagPair != 0 && !p.has(slotSource) {
		// "clashes along the border": between the article's two sides
		a.pairwise(m, fc, a.pairAt(tok))
		return
	}
	srcs := a.members(&a.srcs, srcPh, srcOK, tok)
	if len(srcs) == 0 && p.flags&flagWhere != 0 {
		// "Prisoners rioted at a jail in Dili": people of the place
		if c := s.placeAfter(m.anchor); c != "" {
			srcs = []member{{mi: -1, actor: dyad.Actor{Code: c, Country: c}}}
		}
	}
	if len(srcs) == 0 {
		return
	}
	if len(srcs) > 1 {
		a.notePair(srcs, s.off+srcPh.end)
	}
	if tgtOK && tgtPh.each {
		a.pairwise(m, fc, srcs)
		return
	}
	tgts := a.members(&a.tgts, tgtPh, tgtOK, tok)
	// reciprocal actions go both ways when they happened; an intention
	// is only the speaker's
	recip := p.flags&flagRecip != 0
	back := recip && fc.modality == dyad.Asserted && !fc.framed
	if len(tgts) > 0 {
		for _, sm := range srcs {
			for _, tm := range tgts {
				a.add(m, fc, sm, tm, false)
				if back {
					a.add(m, fc, tm, sm, false)
				}
			}
		}
		return
	}
	switch {
	case len(srcs) > 1 && (recip || p.flags&flagReact != 0 && srcPh.dual):
		// "China and Russia held talks", "Both countries have recalled
		// their ambassadors"
		a.pairwise(m, fc, srcs)
	case p.flags&flagHome != 0:
		// "declared martial law": at home
		for _, sm := range srcs {
			a.add(m, fc, sm, member{mi: -1, actor: dyad.Actor{Code: sm.actor.Country, Country: sm.actor.Country}}, true)
		}
	case p.flags&flagPair != 0:
		// "offered to mediate": between the article's two sides (not
		// including the one who mediates)
		var not []string
		for _, sm := range srcs {
			not = append(not, sm.actor.Country)
		}
		for _, sm := range srcs {
			for _, tm := range a.pairAt(tok, not...) {
				if tm.actor.Country != sm.actor.Country {
					a.add(m, fc, sm, tm, true)
				}
			}
		}
	case p.flags&flagOther != 0:
		// "agreed to let aid through": toward the other side of the
		// source's conflict
		for _, sm := range srcs {
			if o, ok := a.otherSide(tok, sm.actor.Country); ok {
				a.add(m, fc, sm, o, true)
			}
		}
	case p.flags&flagReact != 0:
		noun := ""
		if obj >= 0 {
			noun = s.word(obj)
		}
		for _, sm := range srcs {
			if t, ok := a.reactTarget(sm.actor.Country, noun); ok {
				a.add(m, fc, sm, t, true)
			}
		}
	case p.flags&flagSolo != 0:
		for _, sm := range srcs {
			a.add(m, fc, sm, member{mi: -1}, false)
		}
	}
}

// pairwise codes the action both ways between every two members.
func (a *article) pairwise(m *match, fc frameCtx, ms []member) {
	for i := range ms {
		for j := range ms {
			if i != j {
				a.add(m, fc, ms[i], ms[j], false)
			}
		}
	}
}

// reactTarget is whom a reaction with no named target is aimed at
// ("condemned the raid", "recalled its ambassador"): the author of the
// latest act of the kind the object names; else whoever last acted
// against the reacting country; else the author of the latest act of
// force.
func (a *article) reactTarget(country, noun string) (member, bool) {
	if roots := a.c.lex.acts[noun]; len(roots) > 0 {
		for i := len(a.raw) - 1; i >= 0; i-- {
			e := &a.raw[i]
			if e.inferred || e.src.actor.Country == "" || e.src.actor.Country == country || e.modality != dyad.Asserted {
				continue
			}
			for _, r := range roots {
				if strings.HasPrefix(e.code, r) {
					return member{mi: -1, actor: e.src.actor}, true
				}
			}
		}
	}
	for i := len(a.raw) - 1; i >= 0; i-- {
		e := &a.raw[i]
		if e.src.actor.Country == "" || e.src.actor.Country == country || e.tgt.actor.Country != country {
			continue
		}
		if q := ontology.QuadClass(e.code); q >= 3 {
			return member{mi: -1, actor: e.src.actor}, true
		}
	}
	return a.lastHostile(country)
}

// lastHostile is the actor of the latest material-conflict event by
// someone other than country: the usual target of a reaction ("condemned
// the raid", "recalled its ambassador") whose target the text leaves out.
func (a *article) lastHostile(country string) (member, bool) {
	for i := len(a.raw) - 1; i >= 0; i-- {
		e := &a.raw[i]
		if e.inferred || e.src.actor.Country == "" || e.src.actor.Country == country {
			continue
		}
		if ontology.QuadClass(e.code) == 4 && e.modality == dyad.Asserted {
			return member{mi: -1, actor: e.src.actor}, true
		}
	}
	return member{}, false
}

func (a *article) add(m *match, fc frameCtx, src, tgt member, inferred bool) {
	if src.actor.Country == "" {
		return
	}
	if len(m.p.agents) > 0 && !slices.Contains(m.p.agents, src.actor.Agent) {
		return
	}
	if src.actor == tgt.actor && !inferred {
		return
	}
	if !inferred && src.actor.Country == tgt.actor.Country && (src.actor.Agent == tgt.actor.Agent || stateAgent(src.actor.Agent) && stateAgent(tgt.actor.Agent)) {
		// one government's offices working together, or a pronoun read
		// back to the wrong side: not an event between actors
		return
	}
	a.raw = append(a.raw, rawEvent{
		code: fc.code, src: src, tgt: tgt, p: m.p, sent: a.s.si, anchor: a.s.off + m.anchor,
		modality: fc.modality, negated: fc.negated, inferred: inferred, fallback: m.p.flags&flagFallback != 0,
	})
}

// merge folds raw events into the article's events: one per (source,
// target, code), a parent code absorbed by a more specific one from the
// same sentence.
func (a *article) merge() []dyad.Event {
	raw := a.raw
	if cap(a.drop) < len(raw) {
		a.drop = make([]bool, len(raw))
	}
	drop := a.drop[:len(raw)]
	clear(drop)
	for i := range raw {
		for j := range raw {
			if i == j || drop[j] || raw[i].sent != raw[j].sent {
				continue
			}
			if sameDyad(&raw[i], &raw[j]) && absorbs(raw[i].code, raw[j].code) {
				drop[i] = true
				break
			}
		}
	}
	if a.byKey == nil {
		a.byKey = map[[3]string]int{}
	}
	// groups are made in the order of their first raw event, so they
	// are in text order as they stand
	groups := a.groups[:0]
	for i := range raw {
		if drop[i] {
			continue
		}
		r := raw[i]
		k := [3]string{r.src.actor.Country, r.tgt.actor.Country, r.code}
		// one event per (source, target, code) of countries: a quote that
		// restates the paraphrase ("Moscow remains ready" / "we remain
		// ready", said the minister) is the same event
		gi, ok := a.byKey[k]
		if !ok {
			gi = len(groups)
			a.byKey[k] = gi
			if len(groups) < cap(groups) {
				groups = groups[:gi+1]
				groups[gi] = group{first: i, sents: groups[gi].sents[:0], ev: r}
			} else {
				groups = append(groups, group{first: i, ev: r})
			}
		} else {
			g := &groups[gi]
			if g.ev.src.actor.Agent == "" && r.src.actor.Agent != "" {
				g.ev.src = r.src
			}
			if g.ev.tgt.actor.Agent == "" && r.tgt.actor.Agent != "" {
				g.ev.tgt = r.tgt
			}
		}
		g := &groups[gi]
		if n := len(g.sents); n == 0 || g.sents[n-1] != r.sent {
			g.sents = append(g.sents, r.sent)
		}
	}
	a.groups = groups
	out := make([]dyad.Event, 0, len(groups))
	for i := range groups {
		out = append(out, a.event(groups[i].ev, groups[i].sents))
	}
	return out
}

func sameDyad(a, b *rawEvent) bool {
	return a.src.actor.Country == b.src.actor.Country && a.tgt.actor.Country == b.tgt.actor.Country &&
		compatible(a.src.actor.Agent, b.src.actor.Agent) && compatible(a.tgt.actor.Agent, b.tgt.actor.Agent)
}

func compatible(x, y string) bool { return x == y || x == "" || y == "" }

func (a *article) eventActor(m member) dyad.EventActor {
	if m.actor.Country == "" {
		return dyad.EventActor{}
	}
	ea := dyad.EventActor{Code: m.actor.Code, Country: m.actor.Country, Agent: m.actor.Agent, Name: m.actor.Name}
	if ea.Code == "" {
		ea.Code = ea.Country + ea.Agent
	}
	if m.mi >= 0 {
		ea.Text = a.d.Slice(a.d.Mentions[m.mi].Span)
	}
	return ea
}

func (a *article) event(r rawEvent, sents []int) dyad.Event {
	d := a.d
	ev := dyad.Event{
		ArticleID:     d.Article.ID,
		Code:          r.code,
		Source:        a.eventActor(r.src),
		Target:        a.eventActor(r.tgt),
		DatePrecision: dyad.PrecisionUnresolved,
		Modality:      r.modality,
		Negated:       r.negated,
		ReportedBy:    []string{},
		Mentions:      len(sents),
		Rule:          r.p.pos,
	}
	for _, si := range sents {
		sn := d.Sentences[si]
		ev.Evidence = append(ev.Evidence, dyad.Evidence{Sentence: sn.Index, Start: sn.Start, End: sn.End, Text: d.Slice(sn.Span)})
	}
	a.c.onto.Fill(&ev)
	return ev
}

// absorbs: general is an ancestor of specific, or the "not specified"
// code of its family (030 for 0312, 110 for 112).
func absorbs(general, specific string) bool {
	if general == specific {
		return false
	}
	if ontology.IsAncestor(general, specific) {
		return true
	}
	return len(general) == 3 && general[2] == '0' && len(specific) >= 3 && specific[:2] == general[:2]
}

// stateAgent: the government itself (or no agent given); courts,
// parliaments and police acting on it are events of their own.
func stateAgent(a string) bool {
	switch a {
	case "", "GOV", "MIL":
		return true
	}
	return false
}
