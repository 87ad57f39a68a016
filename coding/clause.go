package coding

import (
	"slices"

	"github.com/dyadproject/dyad"
)

// The clause analysis is shallow: noun phrases are runs of nominal tokens,
// verb groups come from findVerbGroups, and a clause's subject is found by
// walking left from its verb over fillers, parentheticals, prepositional
// phrases and coordinations. It needs no parse tree.

// npStart is the first token of the noun phrase that ends at j.
func (s *sent) npStart(j int) int {
	if s.pos[j] == pPron && s.ment[j] < 0 {
		return j
	}
	b := j
	for b > 0 {
		k := b - 1
		if s.pos[k] == pClose && k > 1 {
			// "The pro-Iranian Hizbollah (Party of God) group"
			o := k - 1
			for o > 0 && s.pos[o] != pOpen && k-o < 10 {
				o--
			}
			if s.pos[o] == pOpen && o > 0 && s.nominal(o-1) {
				b = o
				continue
			}
			break
		}
		if s.time[k] && s.ment[k] < 0 {
			break
		}
		if s.pos[k] == pPron && s.ment[k] < 0 {
			break
		}
		if (s.nominal(k) || s.hyphenJoin(k)) && s.pos[k] != pComma {
			b = k
			continue
		}
		// 'an "immediate and unconditional" ceasefire'
		if (s.pos[k] == pQuote || s.pos[k] == pConj && s.norm(k) == "and") && k > 0 && (s.pos[k-1] == pAdj || s.pos[k-1] == pQuote) {
			b = k
			continue
		}
		break
	}
	return b
}

// npEnd is the end of the noun phrase that starts at i.
func (s *sent) npEnd(i int) int {
	if s.pos[i] == pPron && s.ment[i] < 0 {
		return i + 1
	}
	e := i
	for e < s.n {
		if (s.nominal(e) || s.hyphenJoin(e)) && s.pos[e] != pComma {
			if e > i && ((s.time[e] && s.ment[e] < 0) || (s.pos[e] == pPron && s.ment[e] < 0)) {
				break
			}
			e++
			continue
		}
		// 'an "immediate and unconditional" ceasefire'
		if e > i && (s.pos[e] == pQuote || s.pos[e] == pConj && s.norm(e) == "and") && s.pos[e-1] == pAdj && e+1 < s.n && (s.pos[e+1] == pAdj || s.pos[e+1] == pQuote && e+2 < s.n && s.nominal(e+2)) {
			e++
			continue
		}
		if e > i && s.pos[e] == pQuote && s.pos[e-1] == pAdj && e+1 < s.n && s.nominal(e+1) {
			e++
			continue
		}
		break
	}
	return e
}

// hyphenJoin: a token inside a mention is always part of its phrase.
func (s *sent) hyphenJoin(i int) bool { return s.ment[i] >= 0 }

// headMentions returns the actor mentions a phrase [b, e) names: the one
// over its last token, else the last one in it.
func (s *sent) headMentions(b, e int, places bool) (int, bool) {
	last := -1
	for t := e - 1; t >= b; t-- {
		mi := int(s.ment[t])
		if mi < 0 {
			continue
		}
		if !places && s.d.Mentions[mi].Kind == dyad.MentionPlace || !s.usable(mi) {
			continue
		}
		if last < 0 {
			last = mi
		}
		if t == e-1 || s.pos[e-1] == pPOS {
			return mi, true
		}
	}
	return last, last >= 0
}

// actorHead: the phrase's head is (in) an actor mention, not a noun an
// actor only modifies ("the Iranian strike").
func (s *sent) actorHead(p np) bool {
	h := p.head
	if h < p.start || h >= s.n {
		return true
	}
	mi := int(s.ment[h])
	if mi >= 0 && slices.Contains(p.ments, mi) || s.inClass(h, "persons") {
		return true
	}
	// "U.N. mediator Diego Cordovez": a name after its title
	return s.pos[h] == pProper && h > p.start && (s.pos[h-1] == pProper || s.inClass(h-1, "persons"))
}

// usable: the mention names an actor (a country code, or a pronoun or
// compound to resolve), not a bare "agents" or "officials".
func (s *sent) usable(mi int) bool {
	m := &s.d.Mentions[mi]
	switch m.Kind {
	case dyad.MentionCompound, dyad.MentionPronoun:
		return true
	}
	return m.Actor.Country != "" || m.Antecedent >= 0
}

// phrase builds an np over [b, e) with its of-phrases up to ofEnd, reading
// the dual and pronoun flags.
func (s *sent) phrase(b, e int, places bool) np {
	p := np{start: b, end: e, head: e - 1}
	if mi, ok := s.headMentions(b, e, places); ok {
		p.ments = append(p.ments, mi)
	}
	// a coordination inside one phrase ("President Ashraf Ghani and NATO
	// Secretary-General Jens Stoltenberg"): every actor in it
	for t := b; t < e; t++ {
		if s.pos[t] == pConj && s.ment[t] >= 0 && s.d.Mentions[s.ment[t]].Kind == dyad.MentionCompound {
			p.ments = p.ments[:0]
			last := -1
			for u := b; u < e; u++ {
				if mi := int(s.ment[u]); mi >= 0 && mi != last && s.usable(mi) && (places || s.d.Mentions[mi].Kind != dyad.MentionPlace) {
					p.ments = append(p.ments, mi)
					last = mi
				}
			}
			break
		}
	}
	s.flags(&p, b, e)
	return p
}

// flags reads "both countries", "the two leaders", "we", "each other".
func (s *sent) flags(p *np, b, e int) {
	hasTwo := false
	for t := b; t < e; t++ {
		switch s.norm(t) {
		case "both", "two", "each":
			hasTwo = true
		case "none", "no", "neither", "nobody", "nothing":
			if t == b {
				p.none = true
			}
		case "we", "us", "i", "our", "me", "my", "ours":
			if s.pos[t] == pPron || s.pos[t] == pPrpS {
				p.first = true
			}
		}
		if s.pos[t] == pPron {
			p.pron = true
		}
	}
	if e-b == 1 && s.pos[b] == pPron {
		p.pron = true
	}
	if hasTwo && e-1 >= b && s.inClass(e-1, "dual") {
		p.dual = true
	}
	if e-b == 2 && (s.norm(b) == "each" || s.norm(b) == "one" || s.norm(b) == "the") && (s.norm(b+1) == "other" || s.norm(b+1) == "another") {
		p.each = true
	}
	if p.first && len(p.ments) > 0 {
		// "our country" the actor stage may have coded: keep it
		p.first = false
	}
}

func (s *sent) inClass(i int, class string) bool {
	ids := s.c.classIDs[class]
	return hasID(ids, s.lid[i]) || hasID(ids, s.nid[i])
}

// extend adds "of"-phrases and coordinated phrases to p, starting at p.end:
// "the compound of the U.S. embassy", "Spain and the United States".
func (s *sent) extend(p np, places bool) np {
	// of-phrases: the actor may sit in them when the head names none
	for p.end+1 < s.n && s.norm(p.end) == "of" && s.nominal(p.end+1) {
		e := s.npEnd(p.end + 1)
		if len(p.ments) == 0 {
			if mi, ok := s.headMentions(p.end+1, e, places); ok {
				p.ments = append(p.ments, mi)
			}
		}
		p.end = e
	}
	// an apposition of names: "the UN refugee agency, UNHCR, out of"
	if p.end+2 < s.n && s.pos[p.end] == pComma && s.pos[p.end+1] == pProper {
		e := p.end + 1
		for e < s.n && (s.pos[e] == pProper || s.ment[e] >= 0 && s.ment[e] == s.ment[p.end+1]) && e-p.end < 6 {
			e++
		}
		if e < s.n && s.pos[e] == pComma && e+1 < s.n && !s.nominal(e+1) && s.pos[e+1] != pConj {
			if len(p.ments) == 0 {
				if mi, ok := s.headMentions(p.end+1, e, places); ok {
					p.ments = append(p.ments, mi)
				}
			}
			p.end = e + 1
		}
	}
	// coordination: ", X, Y and Z"
	for p.end+1 < s.n {
		j := p.end
		if s.pos[j] == pComma && j+1 < s.n && s.pos[j+1] == pConj {
			j++
		}
		if !(s.pos[j] == pConj && (s.norm(j) == "and" || s.norm(j) == "or")) && s.pos[j] != pComma {
			break
		}
		k := j + 1
		for k < s.n && s.filler(k) {
			k++
		}
		if k >= s.n || !s.nominal(k) {
			break
		}
		e := s.npEnd(k)
		q := s.phrase(k, e, places)
		q = s.extendOf(q, places)
		if e < s.n && s.startsClause(e) {
			break
		}
		if len(q.ments) == 0 {
			// "the Sudanese government and the rebels in Darfur": the
			// phrase goes on though the second names no country
			if s.pos[j] != pConj || len(p.ments) == 0 {
				break
			}
			for q.end+1 < s.n && s.pos[q.end] == pPrep && s.norm(q.end) != "of" && s.nominal(q.end+1) {
				q.end = s.npEnd(q.end + 1)
			}
		}
		p.ments = append(p.ments, q.ments...)
		p.end = q.end
	}
	return p
}

func (s *sent) extendOf(p np, places bool) np {
	for p.end+1 < s.n && s.norm(p.end) == "of" && s.nominal(p.end+1) {
		e := s.npEnd(p.end + 1)
		if len(p.ments) == 0 {
			if mi, ok := s.headMentions(p.end+1, e, places); ok {
				p.ments = append(p.ments, mi)
			}
		}
		p.end = e
	}
	return p
}

// startsClause: a verb group follows the phrase, so the phrase is a new
// clause's subject ("..., and Hunt warned").
func (s *sent) startsClause(i int) bool {
	for i < s.n && s.filler(i) {
		i++
	}
	return i < s.n && s.vgAt[i] >= 0 && !s.vgs[s.vgAt[i]].inf && !s.vgs[s.vgAt[i]].bare
}

// subject walk results.
const (
	stopNone  = iota
	stopVerb  // reached another verb group: the clause is its complement
	stopConj  // reached "and"/"but": a coordinated verb
	stopComma // a comma with nothing before it we can skip
	stopEdge  // the start of the sentence or a clause boundary
)

// walkSubject finds the subject of verb group v.
func (s *sent) walkSubject(v *vgroup) (np, bool, int, int) {
	j := v.start - 1
	for j >= 0 {
		switch {
		case s.filler(j):
			j--
		case s.pos[j] == pClose:
			// "(SSS)": a parenthesis; "The International Labor Office
			// (ILO)": the acronym may be the actor the name is not
			k := j - 1
			for k >= 0 && s.pos[k] != pOpen && j-k < 12 {
				k--
			}
			if k < 0 || s.pos[k] != pOpen {
				return np{}, false, stopEdge, j
			}
			acro, hasAcro := s.headMentions(k+1, j, false)
			p, ok, st, at := s.walkSubject(&vgroup{start: k})
			if ok && len(p.ments) == 0 && hasAcro {
				p.ments = append(p.ments, acro)
			}
			return p, ok, st, at
		case s.pos[j] == pComma:
			k := j - 1
			for k >= 0 && s.pos[k] != pComma && s.pos[k] != pStop && !(s.pos[k] == pQuote && k < j-1) {
				k--
			}
			if k >= 0 && s.pos[k] == pComma && j-k <= 30 && s.parenthetical(k+1, j) {
				// "Salaheddine Sidhoum, Algeria's leading activist,
				// staged": when the name is not an actor, the apposition
				// may say whose it is
				if p, ok, st, at := s.walkSubject(&vgroup{start: k}); ok && len(p.ments) == 0 && s.nominal(k+1) && s.pos[k+1] != pPrep {
					if mi, ok2 := s.headMentions(k+1, s.npEnd(k+1), false); ok2 {
						p.ments = append(p.ments, mi)
					}
					return p, ok, st, at
				} else {
					return p, ok, st, at
				}
			}
			return np{}, false, stopComma, j
		case s.pos[j] == pWh || (s.norm(j) == "that" && s.pos[j] != pDet):
			if s.pos[j] == pWh || s.norm(j) == "that" {
				w := s.norm(j)
				if w == "who" || w == "which" || w == "that" || w == "whom" {
					k := j - 1
					if k >= 0 && s.pos[k] == pComma {
						k--
					}
					for k >= 0 && s.time[k] {
						k--
					}
					if k >= 0 && s.nominal(k) {
						b := s.npStart(k)
						p := s.phrase(b, k+1, false)
						if w == "that" {
							// "a rocket attack on a base that killed": the
							// noun phrase nearest the verb
							p.ments = p.ments[:0]
							if mi, ok := s.headMentions(b, k+1, false); ok && int(s.ment[k]) == mi {
								p.ments = append(p.ments, mi)
							}
						}
						return p, true, stopNone, b
					}
				}
			}
			return np{}, false, stopEdge, j
		case s.nominal(j):
			return s.subjectPhrase(j)
		case s.vgAt[j] >= 0:
			// "British aircraft using precision guided missiles killed":
			// a participle and its object modify the subject
			if w := &s.vgs[s.vgAt[j]]; w.bare && s.tag(w.head) == "VBG" && w.start > 0 && s.nominal(w.start-1) && j == w.end-1 {
				j = w.start - 1
				continue
			}
			return np{}, false, stopVerb, j
		case s.pos[j] == pConj:
			return np{}, false, stopConj, j
		default:
			return np{}, false, stopEdge, j
		}
	}
	return np{}, false, stopEdge, -1
}

// subjectPhrase reads the subject phrase that ends at token j: its head,
// the prepositional phrases after the head, and coordinated subjects.
func (s *sent) subjectPhrase(j int) (np, bool, int, int) {
	b := s.npStart(j)
	e := j + 1
	// walk back over "PREP NP" to the head: "The vice chairman of China's
	// Central Military Commission Zhang Youxia", "Protesters furious over X"
	var ofMents []int
	for b >= 2 && s.pos[b-1] == pPrep && !s.is(b-1, setWord, fSubord) && s.norm(b-1) != "that" {
		k := b - 2
		if k >= 1 && (s.pos[k] == pPrep || s.pos[k] == pAdv) && s.norm(b-1) == "with" {
			// "along with", "together with"
			k--
		}
		for k >= 0 && s.filler(k) {
			k--
		}
		if k < 0 || !s.nominal(k) {
			break
		}
		switch s.norm(b - 1) {
		case "of":
			if mi, ok := s.headMentions(b, e, false); ok {
				ofMents = append(ofMents[:0], mi)
			}
		case "in", "from", "for", "throughout", "across":
			// "Opposition groups in Zimbabwe", "Doctors from two
			// American aid groups": where a group comes from
			if mi, ok := s.headMentions(b, e, true); ok && len(ofMents) == 0 {
				ofMents = append(ofMents, mi)
			}
		}
		e = k + 1
		b = s.npStart(k)
	}
	p := s.phrase(b, e, false)
	if len(p.ments) == 0 && len(ofMents) > 0 {
		p.ments = ofMents
	}
	p.end = j + 1
	// coordinated subjects: "Spain and the United States condemned"
	for b >= 2 && (s.pos[b-1] == pConj && s.norm(b-1) == "and" || s.pos[b-1] == pComma) {
		k := b - 2
		if s.pos[b-1] == pConj && k >= 0 && s.pos[k] == pComma {
			k--
		}
		if k < 0 || !s.nominal(k) || s.ment[k] < 0 {
			break
		}
		kb := s.npStart(k)
		mi, ok := s.headMentions(kb, k+1, false)
		if !ok || !s.coordLeftEdge(kb) {
			break
		}
		p.ments = append([]int{mi}, p.ments...)
		p.start = kb
		b = kb
	}
	return p, true, stopNone, b
}

// coordLeftEdge: a phrase joined by "and" to a subject must itself start
// a clause (or follow a verb of saying), not be some verb's object.
func (s *sent) coordLeftEdge(b int) bool {
	k := b - 1
	for k >= 0 && s.filler(k) {
		k--
	}
	if k < 0 {
		return true
	}
	switch s.pos[k] {
	case pComma, pConj, pStop, pQuote, pOpen:
		return true
	case pPrep:
		return s.is(k, setWord, fSubord) || s.norm(k) == "that"
	case pWh:
		return true
	}
	if s.norm(k) == "that" {
		return true
	}
	if vi := s.vgAt[k]; vi >= 0 {
		return s.is(s.vgs[vi].head, setVerb, fSpeech)
	}
	return false
}

// parenthetical reports whether the tokens [a, b) between two commas can be
// skipped on the way to a subject: a relative clause, an apposition, a
// participle or prepositional phrase, an adverb.
func (s *sent) parenthetical(a, b int) bool {
	if a >= b {
		return false
	}
	switch s.pos[a] {
	case pWh, pPrep, pAdv:
		return true
	case pVerb:
		return s.tag(a) == "VBG" || s.tag(a) == "VBN"
	}
	if s.time[a] {
		return true
	}
	for t := a; t < b; t++ {
		if vi := s.vgAt[t]; vi >= 0 && s.vgs[vi].finite {
			return false
		}
	}
	return true
}

// analyze fills the clause fields of verb group vi (once).
func (s *sent) analyze(vi int) {
	v := &s.vgs[vi]
	if v.done {
		return
	}
	v.done = true
	switch {
	case v.inf:
		s.control(vi)
	case v.bare:
		s.adjunct(vi)
	default:
		s.finiteClause(vi)
	}
}

func (s *sent) finiteClause(vi int) {
	v := &s.vgs[vi]
	p, ok, stop, at := s.walkSubject(v)
	if !ok && stop == stopVerb && s.tag(v.head) == "VB" && v.modal == "" && at >= 0 {
		// a bare infinitive after a verb: "help mediate", "let them go"
		if gi := s.vgAt[at]; gi >= 0 && s.vgs[gi].end == v.start {
			v.finite = false
			s.control(vi)
			return
		}
	}
	if ok {
		v.subj, v.subjOK = p, true
		v.firstP = p.first || (p.pron && len(p.ments) == 0)
		s.thatClause(vi)
		return
	}
	if stop == stopConj && at >= 0 {
		// a coordinated verb: "forced their way in and arrested Glas";
		// the nearest earlier verb whose subject is an actor ("Islamabad
		// said the attack killed two and denounced it")
		prev := s.vgBefore(at)
		for q := prev; q >= 0; q-- {
			s.analyze(q)
			if w := &s.vgs[q]; w.finite && w.subjOK && len(w.subj.ments) > 0 && s.actorHead(w.subj) {
				prev = q
				break
			}
		}
		if prev >= 0 {
			s.analyze(prev)
			pv := &s.vgs[prev]
			v.subj, v.subjOK, v.firstP = pv.subj, pv.subjOK, pv.firstP
			v.gov, v.frame, v.objCtl, v.ctlObj, v.quiet = pv.gov, pv.frame, pv.objCtl, pv.ctlObj, pv.quiet
		}
	}
}

// thatClause reads "demanded that Denmark withdraw", "urged that X":
// the clause's subject is the one the demand or appeal is aimed at.
func (s *sent) thatClause(vi int) {
	v := &s.vgs[vi]
	for t := v.subj.end; t < v.start; t++ {
		if s.pos[t] == pWh || s.pos[t] == pComma {
			// "told the Iranian ambassador, who was visiting ...": a
			// relative clause, not the clause demanded
			return
		}
	}
	k := v.subj.start - 1
	that := k >= 0 && s.norm(k) == "that"
	if that {
		k--
	}
	for k >= 0 && s.filler(k) {
		k--
	}
	if that && k >= 0 && (s.pos[k] == pNoun) && s.inClass(k, "demand") {
		// "reiterated its demand that Israel ease restrictions": the
		// demand's owner asks it of the clause's subject
		b := s.npStart(k)
		g := b - 1
		for g >= 0 && s.filler(g) {
			g--
		}
		if g >= 0 && s.vgAt[g] >= 0 {
			v.gov, v.frame, v.objCtl, v.ctlObj = int(s.vgAt[g]), fDemand, true, v.subj
		}
		return
	}
	if k < 0 || s.vgAt[k] < 0 {
		return
	}
	gi := int(s.vgAt[k])
	switch f := s.frameOf(s.vgs[gi].head, setVerb); f {
	case fDemand, fAppeal:
		if s.vgs[gi].passive {
			return
		}
		v.gov, v.frame, v.objCtl, v.ctlObj = gi, f, true, v.subj
	}
}

// vgBefore is the nearest verb group ending at or before token j.
func (s *sent) vgBefore(j int) int {
	for k := j; k >= 0; k-- {
		if vi := s.vgAt[k]; vi >= 0 {
			return int(vi)
		}
	}
	return -1
}

// control finds what governs an infinitive: "ready to", "agreed to",
// "urged India to", "plans to", "in order to".
func (s *sent) control(vi int) {
	v := &s.vgs[vi]
	k := v.start - 1
	for k >= 0 && (s.pos[k] == pAdv || s.time[k]) {
		k--
	}
	// step over an adverbial phrase: "agreed in principle on Saturday to"
	for k >= 1 && s.nominal(k) && s.ment[k] < 0 {
		b := s.npStart(k)
		if b < 1 || s.pos[b-1] != pPrep || s.norm(b-1) == "of" || s.norm(b-1) == "for" {
			break
		}
		j := b - 2
		for j >= 0 && (s.pos[j] == pAdv || s.time[j]) {
			j--
		}
		if j < 0 || s.vgAt[j] < 0 {
			break
		}
		k = j
	}
	if k < 0 {
		return
	}
	// coordinated infinitive: "to deepen X and (to) continue"
	if s.pos[k] == pConj {
		if prev := s.vgBefore(k); prev >= 0 && s.vgs[prev].inf {
			s.analyze(prev)
			pv := s.vgs[prev]
			v.gov, v.frame, v.objCtl, v.ctlObj, v.quiet = pv.gov, pv.frame, pv.objCtl, pv.ctlObj, pv.quiet
			v.subj, v.subjOK, v.firstP = pv.subj, pv.subjOK, pv.firstP
		}
		return
	}
	if gi := s.vgAt[k]; gi >= 0 {
		// "agreed to", "refused to", "plans to", "continued to"
		g := &s.vgs[gi]
		v.gov = int(gi)
		v.frame = s.verbFrame(g.head)
		if af := s.frameOf(g.head, setAdj); af != fNone && (s.tag(g.head) == "VBN" || s.tag(g.head) == "VBG") {
			// "is determined to", "are prepared to", "is set to"
			v.frame = af
		}
		if s.word(g.head) == "be" || s.word(g.head) == "have" && v.frame == fTransparent {
			// "is to meet", "are due to": a plan; "have to": an obligation
			if s.word(g.head) == "be" {
				v.frame = fIntent
			} else {
				v.frame = fHypo
			}
		}
		return
	}
	switch {
	case s.pos[k] == pAdj || s.pos[k] == pVerb && s.tag(k) == "VBN":
		// "ready to", "determined to", "prepared to", "able to"
		v.frame = s.frameOf(k, setAdj)
		if v.frame == fNone {
			v.frame = s.frameOf(k, setVerb)
			if v.frame != fIntent && v.frame != fTransparent {
				v.frame = fHypo
			}
		}
		j := k - 1
		for j >= 0 && (s.pos[j] == pAdv || s.time[j]) {
			j--
		}
		if j >= 0 && s.vgAt[j] >= 0 {
			v.gov = int(s.vgAt[j])
			return
		}
		// "Russia, ready to ...": read the adjective's own subject
		tmp := vgroup{start: k}
		if p, ok, _, _ := s.walkSubject(&tmp); ok {
			v.subj, v.subjOK = p, true
			v.firstP = p.first || (p.pron && len(p.ments) == 0)
		}
		return
	case s.nominal(k):
		b := s.npStart(k)
		nf := s.frameOf(k, setNoun)
		g := b - 1
		for g >= 0 && (s.pos[g] == pAdv || s.time[g]) {
			g--
		}
		if nf == fNone && g >= 1 && s.pos[g] == pPrep {
			// "called on Ottawa to", "appealed to X to"
			switch s.norm(g) {
			case "on", "upon", "to", "with":
				g--
			}
		}
		if nf != fNone {
			// "plans to", "a promise to", "its readiness to", "the threat to"
			v.frame = nf
			if g >= 0 && s.vgAt[g] >= 0 {
				v.gov = int(s.vgAt[g])
			} else if mi, ok := s.headMentions(b, k, false); ok {
				v.subj, v.subjOK = np{start: b, end: k, ments: []int{mi}}, true
			}
			return
		}
		if g >= 0 && s.vgAt[g] >= 0 {
			gi := int(s.vgAt[g])
			f := s.verbFrame(s.vgs[gi].head)
			switch f {
			case fAppeal, fDemand:
				v.gov, v.frame, v.objCtl = gi, f, true
				v.ctlObj = s.extend(s.phrase(b, k+1, false), false)
				v.ctlObj.end = k + 1
				return
			}
			switch s.word(s.vgs[gi].head) {
			case "allow", "let", "permit", "help", "enable", "invite", "encourage", "persuade", "convince", "get", "want", "expect", "ask", "tell", "order", "force":
				v.gov, v.frame, v.objCtl = gi, fTransparent, true
				v.ctlObj = s.extend(s.phrase(b, k+1, false), false)
				return
			}
			// "reserved the right to respond", "sent troops to help": purpose
			v.gov, v.frame = gi, fHypo
		}
		return
	}
	// "in order to", "so as to": purpose
	if gi := s.vgBefore(k); gi >= 0 {
		v.gov, v.frame = gi, fHypo
	}
}

// verbFrame is the frame a verb opens over an infinitive or clause after it.
func (s *sent) verbFrame(h int) frameKind {
	if s.pos[h] == pModal {
		return fTransparent
	}
	if f := s.frameOf(h, setVerb); f != fNone {
		switch f {
		case fLight, fAlleged:
			// "decided to", "helped to": these read as plain verbs here
		default:
			return f
		}
	}
	return fTransparent
}

// adjunct reads a lone participle or gerund: ", saying ...", "after
// hosting talks", "accused X of sheltering", "a tanker carrying oil".
func (s *sent) adjunct(vi int) {
	v := &s.vgs[vi]
	k := v.start - 1
	for k >= 0 && (s.pos[k] == pAdv || s.time[k]) {
		k--
	}
	if k < 0 {
		// "Speaking at the forum, X said": the main verb's subject
		for gi := vi + 1; gi < len(s.vgs); gi++ {
			if s.vgs[gi].finite {
				v.gov, v.frame = gi, fTransparent
				return
			}
		}
		return
	}
	switch {
	case s.pos[k] == pPrep || s.pos[k] == pTo:
		w := s.norm(k)
		gi := s.vgBefore(k)
		if gi < 0 {
			return
		}
		v.gov, v.frame = gi, fTransparent
		switch w {
		case "to":
			// "committed to breaking": an intent; "resorted to throwing
			// stones": the act itself
			g := s.vgs[gi]
			if f := s.frameOf(g.head, setAdj); f == fIntent {
				v.frame = f
			} else if f := s.frameOf(g.head, setVerb); f == fIntent || f == fAgree {
				v.frame = f
			} else if s.frameOf(k-1, setAdj) == fIntent || s.frameOf(k-1, setVerb) == fIntent {
				v.frame = fIntent
			}
		case "of", "for", "over", "about", "against", "from":
			// "accused X of sheltering", "praised X for opposing",
			// "allegations of", "refrained from attacking"
			v.quiet = true
		case "without":
			v.neg = true
		case "by", "after", "before", "while", "since", "upon", "on", "in", "when", "through":
			// the main clause's subject acts
		default:
			v.quiet = true
		}
		return
	case s.pos[k] == pComma:
		// ", accusing them of", ", saying that": the main clause's subject
		if gi := s.vgBefore(k); gi >= 0 {
			g := &s.vgs[gi]
			if g.bare {
				s.analyze(gi)
				v.gov, v.frame = g.gov, g.frame
				v.subj, v.subjOK, v.firstP = g.subj, g.subjOK, g.firstP
				return
			}
			v.gov, v.frame = gi, fTransparent
		}
		return
	case s.nominal(k):
		b := s.npStart(k)
		if s.tag(v.head) == "VBN" && !s.byAfter(v) && s.clauseInitial(b) && s.objectAfter(v) {
			// a past tense the tagger read as a participle: "police forced"
			v.bare, v.finite = false, true
			s.finiteClause(vi)
			return
		}
		if s.tag(v.head) == "VBG" {
			// "a tanker carrying oil": the phrase before acts; "issued a
			// declaration demanding that ...": the one who issued it
			p := s.phrase(b, k+1, false)
			if len(p.ments) == 0 {
				g := b - 1
				for g >= 0 && s.filler(g) {
					g--
				}
				if g >= 0 && s.vgAt[g] >= 0 {
					v.gov, v.frame = int(s.vgAt[g]), fTransparent
					return
				}
			}
			v.subj, v.subjOK = p, true
			return
		}
		// "sanctions imposed by X": a reduced passive
		v.passive = true
		p := s.phrase(b, k+1, false)
		v.subj, v.subjOK = p, true
		return
	case s.pos[k] == pConj:
		if prev := s.vgBefore(k); prev >= 0 {
			s.analyze(prev)
			pv := &s.vgs[prev]
			v.subj, v.subjOK, v.firstP = pv.subj, pv.subjOK, pv.firstP
			v.gov, v.frame, v.objCtl, v.ctlObj, v.quiet = pv.gov, pv.frame, pv.objCtl, pv.ctlObj, pv.quiet
		}
	case s.vgAt[k] >= 0 && s.tag(v.head) == "VBG":
		// "began collecting", "continued shelling", "stopped firing"
		gi := int(s.vgAt[k])
		v.gov, v.frame = gi, fTransparent
		switch s.word(s.vgs[gi].head) {
		case "stop", "cease", "quit", "halt", "end", "avoid", "refrain":
			v.neg = true
		}
	}
}

func (s *sent) byAfter(v *vgroup) bool {
	j := v.end
	for j < s.n && s.filler(j) {
		j++
	}
	return j < s.n && s.norm(j) == "by"
}

func (s *sent) objectAfter(v *vgroup) bool {
	j := v.end
	for j < s.n && s.filler(j) {
		j++
	}
	return j < s.n && (s.nominal(j) || s.pos[j] == pPrep || s.pos[j] == pPart)
}

// clauseInitial: the phrase starting at b opens its clause.
func (s *sent) clauseInitial(b int) bool {
	k := b - 1
	for k >= 0 && s.filler(k) {
		k--
	}
	if k < 0 {
		return true
	}
	switch s.pos[k] {
	case pComma, pStop, pQuote, pConj, pOpen:
		return true
	case pPrep:
		return s.is(k, setWord, fSubord) || s.norm(k) == "that"
	}
	if s.norm(k) == "that" {
		return true
	}
	if vi := s.vgAt[k]; vi >= 0 {
		return s.is(s.vgs[vi].head, setVerb, fSpeech)
	}
	return false
}

// findSpeakers marks, for every verb group, the speech verb whose
// complement holds it, and reads "according to X".
func (s *sent) findSpeakers() {
	for vi := range s.vgs {
		s.analyze(vi)
	}
	post := -1 // the first post-posed attribution's comma or quote
	for vi := range s.vgs {
		v := &s.vgs[vi]
		if !s.speechVG(v) {
			continue
		}
		lo, hi := v.end, s.n
		// post-posed: '"...," Shoigu said' / '..., TASS reported' / '...,
		// said X': a comma or quote before the speaker, and no clause of
		// its own after the verb ("In a letter, Iraq said it would ..."
		// is pre-posed)
		sb := v.start
		if v.subjOK {
			sb = v.subj.start
		}
		k := sb - 1
		for k >= 0 && s.filler(k) && s.pos[k] != pQuote {
			k--
		}
		clauseAfter := false
		for wi := vi + 1; wi < len(s.vgs); wi++ {
			if s.vgs[wi].finite {
				clauseAfter = true
				break
			}
		}
		if k >= 1 && (s.pos[k] == pComma || s.pos[k] == pQuote) && !clauseAfter {
			lo, hi = 0, k
			if post < 0 || k < post {
				post = k
			}
			if !v.subjOK {
				// inverted: "..., said Foreign Minister X"
				if j := v.end; j < s.n && s.nominal(j) {
					p := s.extend(s.phrase(j, s.npEnd(j), false), false)
					v.subj, v.subjOK = p, true
				}
			}
		}
		v.lo, v.hi = lo, hi
	}
	// a complement opened before a post-posed attribution ends there:
	// "China has said [it is ready ...], Xinhua reported"
	for vi := range s.vgs {
		v := &s.vgs[vi]
		if v.hi > v.lo && v.lo > 0 && post > v.lo && v.hi > post {
			v.hi = post
		}
	}
	// every verb group gets the innermost speech verb around it: the one
	// that itself lies inside the others' complements
	for wi := range s.vgs {
		w := &s.vgs[wi]
		for vi := range s.vgs {
			v := &s.vgs[vi]
			if vi == wi || v.hi <= v.lo || !(w.start >= v.lo && w.end <= v.hi) {
				continue
			}
			if w.speaker < 0 {
				w.speaker = vi
				continue
			}
			cur := &s.vgs[w.speaker]
			if v.start >= cur.lo && v.end <= cur.hi {
				w.speaker = vi
			}
		}
	}
	// "according to X", "as per X"
	for i := 0; i+2 < s.n; i++ {
		if (s.norm(i) == "according" && s.norm(i+1) == "to") || (s.norm(i) == "as" && s.norm(i+1) == "per") {
			j := i + 2
			if s.nominal(j) {
				p := s.extend(s.phrase(j, s.npEnd(j), false), false)
				if len(p.ments) > 0 {
					s.acc, s.hasAcc = p, true
				}
			}
		}
	}
}

// speechVG: a finite verb of saying, or "saying" after a comma.
func (s *sent) speechVG(v *vgroup) bool {
	if !s.is(v.head, setVerb, fSpeech) || v.inf {
		return false
	}
	if v.bare {
		return s.tag(v.head) == "VBG"
	}
	return true
}

// speakerOf returns the phrase naming who says the clause of verb group vi.
func (s *sent) speakerOf(vi int) (np, bool) {
	for hops := 0; vi >= 0 && hops < 8; hops++ {
		v := &s.vgs[vi]
		if v.speaker >= 0 {
			sp := &s.vgs[v.speaker]
			if q, ok := s.quotedSpeaker(v.speaker); ok {
				return q, true
			}
			if sp.subjOK && len(sp.subj.ments) > 0 {
				return sp.subj, true
			}
			if sp.subjOK && sp.firstP {
				return s.speakerOf(v.speaker)
			}
			return np{}, false
		}
		vi = v.gov
	}
	if s.hasAcc {
		return s.acc, true
	}
	return np{}, false
}

// quotedSpeaker reads "TASS quoted Shoigu as saying" and "X was quoted
// (by Y) as saying": the one quoted speaks.
func (s *sent) quotedSpeaker(vi int) (np, bool) {
	v := &s.vgs[vi]
	if s.word(v.head) != "quote" && s.word(v.head) != "cite" {
		return np{}, false
	}
	if v.passive {
		if v.subjOK && len(v.subj.ments) > 0 {
			return v.subj, true
		}
		return np{}, false
	}
	j := v.end
	if j < s.n && s.nominal(j) {
		p := s.extend(s.phrase(j, s.npEnd(j), false), false)
		if len(p.ments) > 0 {
			return p, true
		}
	}
	return np{}, false
}
