package coding

import (
	"strings"

	"github.com/dyadproject/dyad"
)

// match is one pattern matched at one anchor token.
type match struct {
	p      *pattern
	anchor int
	end    int
	slots  [4]np
	filled [4]bool
}

// maxSkip is how many modifiers may stand between two words of a pattern
// ("imposed new trade sanctions on"); time expressions and adverbs do not
// count.
const maxSkip = 3

// modifier tokens may be skipped between the words of a pattern.
func (s *sent) modifier(i int) bool {
	switch s.pos[i] {
	case pDet, pAdj, pNum, pPrpS, pPOS, pNoun:
		return s.ment[i] < 0
	case pVerb:
		return s.nominal(i) && s.ment[i] < 0
	}
	return false
}

func (s *sent) wordAt(e *elem, i int) bool {
	if !e.acceptsID(s.lid[i], s.nid[i]) {
		return false
	}
	switch e.pos {
	case 'n':
		return s.pos[i] == pNoun || s.pos[i] == pProper
	case 'v':
		return s.pos[i] == pVerb
	case 'j':
		return s.pos[i] == pAdj || s.pos[i] == pVerb && (s.tag(i) == "VBN" || s.tag(i) == "VBG")
	}
	return true
}

// boundary tokens end the stretch a gap may cross.
func (s *sent) boundary(i int) bool {
	switch s.pos[i] {
	case pStop, pQuote:
		return true
	}
	if vi := s.vgAt[i]; vi >= 0 && s.vgs[vi].finite {
		return true
	}
	return s.is(i, setWord, fSubord) && s.pos[i] == pPrep && s.norm(i) != "as"
}

// gapStop tokens end the stretch a gap ("...") may cross: a finite verb,
// or a subordinator that opens a clause ("after X attacked", not "after
// four years").
func (s *sent) gapStop(i int) bool {
	if s.pos[i] == pStop || s.pos[i] == pWh {
		return true
	}
	if vi := s.vgAt[i]; vi >= 0 && s.vgs[vi].finite {
		return true
	}
	if s.pos[i] == pPrep && s.is(i, setWord, fSubord) && s.norm(i) != "as" {
		for j := i + 1; j < s.n && j < i+7; j++ {
			if s.pos[j] == pComma || s.pos[j] == pStop {
				break
			}
			if vi := s.vgAt[j]; vi >= 0 && (s.vgs[vi].finite || s.vgs[vi].bare) {
				return true
			}
		}
	}
	return false
}

// notPlaces drops mentions of places.
func (s *sent) notPlaces(ms []int) []int {
	out := ms[:0]
	for _, mi := range ms {
		if s.d.Mentions[mi].Kind != dyad.MentionPlace {
			out = append(out, mi)
		}
	}
	return out
}

// matchSeq matches es from token pos on; m collects the slots.
func (s *sent) matchSeq(es []elem, pos int, m *match) bool {
	if len(es) == 0 {
		m.end = pos
		return true
	}
	e := &es[0]
	switch e.kind {
	case eWord:
		p, skipped := pos, 0
		for p < s.n {
			if s.wordAt(e, p) {
				if s.matchSeq(es[1:], p+1, m) {
					return true
				}
				break
			}
			if s.filler(p) {
				p++
				continue
			}
			if skipped < maxSkip && s.modifier(p) {
				skipped++
				p++
				continue
			}
			break
		}
		if e.opt {
			return s.matchSeq(es[1:], pos, m)
		}
		return false
	case eSlot:
		ph, ok := s.slotAt(pos, e.slot == slotPair, m.p.flags&flagLoc != 0 || e.place, m.p.flags&flagHead != 0 && !e.place)
		if !ok {
			return false
		}
		m.slots[e.slot], m.filled[e.slot] = ph, true
		if (len(e.words) == 0 || s.headIn(e, ph)) && s.matchSeq(es[1:], ph.end, m) {
			return true
		}
		// a double object read as one phrase: "granted Glas political
		// asylum", "gave France's ambassador 72 hours" - try it cut
		// after an actor or before a number or determiner
		if len(es) > 1 && ph.end-ph.start > 1 {
			for cut := ph.end - 1; cut > ph.start; cut-- {
				atActor := s.ment[cut-1] >= 0 && s.ment[cut] != s.ment[cut-1]
				atNew := (s.pos[cut] == pNum || s.pos[cut] == pDet) && (s.pos[cut-1] == pNoun || s.pos[cut-1] == pProper)
				if !atActor && !atNew {
					continue
				}
				q := s.phrase(ph.start, cut, m.p.flags&flagLoc != 0 || e.place)
				if len(q.ments) == 0 || len(e.words) > 0 && !s.headIn(e, q) {
					continue
				}
				m.slots[e.slot] = q
				if s.matchSeq(es[1:], cut, m) {
					return true
				}
			}
		}
		m.filled[e.slot] = false
		return false
	case eGap:
		// a gap crosses at most e.gap content words (nouns, adjectives,
		// numbers), and never a clause boundary
		content := 0
		for p := pos; p <= s.n && p-pos <= 2*e.gap; p++ {
			if p > pos {
				q := p - 1
				if s.gapStop(q) {
					break
				}
				switch s.pos[q] {
				case pNoun, pProper, pAdj, pNum, pVerb:
					content++
				}
				if content > e.gap {
					break
				}
			}
			if s.matchSeq(es[1:], p, m) {
				return true
			}
		}
		return false
	}
	return false
}

// headIn: the head of the phrase (its last two words) is one of e's words.
func (s *sent) headIn(e *elem, p np) bool {
	for t := p.head; t >= p.start && t >= p.head-1; t-- {
		if e.acceptsID(s.lid[t], s.nid[t]) {
			return true
		}
	}
	return false
}

// slotAt reads the actor phrase that starts at token i (after fillers):
// a noun phrase with its of-phrases and coordinated phrases. places lets a
// capital used as a place fill it ("arrived in Beijing").
func (s *sent) slotAt(i int, pair, places, head bool) (np, bool) {
	for i < s.n && s.filler(i) {
		i++
	}
	i = s.skipQuantity(i)
	if i >= s.n || !s.nominal(i) {
		return np{}, false
	}
	e := s.npEnd(i)
	p := s.phrase(i, e, places)
	if head && len(p.ments) > 0 && !s.actorHead(p) {
		// "hosts a U.S. naval base": the actor only modifies the head
		// (but "met their Iranian counterparts" names them)
		p.ments = nil
		if !p.dual {
			return np{}, false
		}
	}
	if p.each {
		return p, true
	}
	p = s.extend(p, places)
	if len(p.ments) == 0 {
		// "five sites in Iraq", "interested countries in the Asia-Pacific"
		for j := p.end; j+1 < s.n && j < p.end+1; j++ {
			w := s.norm(j)
			if w == "with" && s.inClass(p.head, "border") {
				w = "in" // "the border with Azerbaijan"
			}
			switch w {
			case "in", "inside", "near", "across", "along", "within", "around", "off":
				k := j + 1
				if s.nominal(k) {
					q := s.extend(s.phrase(k, s.npEnd(k), true), true)
					if !places {
						q.ments = s.notPlaces(q.ments)
					}
					if len(q.ments) > 0 {
						p.ments = q.ments
						p.end = q.end
					}
				}
			}
		}
	}
	if len(p.ments) == 0 && !p.dual {
		return np{}, false
	}
	// "the rebels in Darfur must": the phrase takes its "in" phrase along
	if p.end+1 < s.n && s.norm(p.end) == "in" && s.nominal(p.end+1) && p.end+1 < s.n && s.ment[p.end+1] < 0 && !s.time[p.end+1] {
		if e := s.npEnd(p.end + 1); e < s.n && !s.nominal(e) {
			p.end = e
		}
	}
	if pair && len(p.ments) < 2 && !p.dual {
		return np{}, false
	}
	return p, true
}

// byAgent finds "by X" after verb group v, within its clause.
func (s *sent) byAgent(from int) (np, bool) {
	for j := from; j < s.n && j < from+10; j++ {
		if s.boundary(j) || s.pos[j] == pComma {
			break
		}
		if s.norm(j) == "by" && j+1 < s.n {
			if p, ok := s.slotAt(j+1, false, false, false); ok {
				return p, true
			}
		}
	}
	return np{}, false
}

// frameCtx is what the clauses around an anchor say about its action.
type frameCtx struct {
	code     string
	base     string // the action's own code, before frames
	src      np
	srcOK    bool
	tgt      np // set when an appeal or demand names its addressee
	tgtOK    bool
	modality string
	negated  bool
	drop     bool
	framed   bool // a frame changed the code: the other side did not act
}

// applyFrame changes the code for frame k; false when no event is left.
func (s *sent) applyFrame(fc *frameCtx, k frameKind) {
	code, ok := s.c.lex.transform(k, fc.code)
	if !ok {
		fc.drop = true
		return
	}
	fc.code = code
	if k != fTransparent {
		fc.framed = true
	}
	if k == fIntent || k == fAgree {
		if fc.modality == dyad.Asserted {
			fc.modality = dyad.Intended
		}
	}
}

// chain walks from verb group vi up its governors, applying modals,
// negation and frames, and finds the acting subject.
func (s *sent) chain(vi int, fc *frameCtx, haveSrc bool) {
	cur := vi
	for hops := 0; cur >= 0 && hops < 10 && !fc.drop; hops++ {
		s.analyze(cur)
		v := &s.vgs[cur]
		if v.quiet {
			fc.drop = true
			return
		}
		neg := v.neg
		if s.cond[v.head] {
			// inside "if ..." or "unless ...": not asserted
			fc.modality = dyad.Hypothetical
		}
		switch mk := s.modalKind(v.modal); {
		case mk == fIntent:
			if neg {
				s.applyFrame(fc, fRefuse)
				neg = false
			} else if s.conditional && strings.HasPrefix(fc.base, "08") && fc.code == fc.base {
				// "will withdraw its force unless ...": a conditional threat
				s.applyFrame(fc, fThreaten)
			} else {
				s.applyFrame(fc, fIntent)
			}
		case v.modal == "would" && s.reported(cur):
			if neg {
				s.applyFrame(fc, fRefuse)
				neg = false
			} else {
				s.applyFrame(fc, fIntent)
			}
		case mk == fHypo:
			if s.condAny && !neg && threatening(fc.base) && fc.code == fc.base {
				// "may halt its mediation if ...", "could strike if ...":
				// a conditional threat
				s.applyFrame(fc, fThreaten)
			} else {
				fc.modality = dyad.Hypothetical
			}
		}
		if neg {
			fc.negated = true
			fc.modality = dyad.Denied
		}
		if v.subjOK && v.subj.none {
			// "None of them was known to have planned a trip"
			fc.negated = true
			fc.modality = dyad.Denied
		}
		if !haveSrc && v.subjOK && !v.objCtl {
			fc.src, fc.srcOK, haveSrc = v.subj, len(v.subj.ments) > 0 || v.subj.dual, true
			if v.firstP || (len(v.subj.ments) == 0 && !v.subj.dual && v.subj.pron) {
				haveSrc, fc.srcOK = false, false
			}
		}
		switch v.frame {
		case fIntent, fAgree, fRefuse, fThreaten:
			s.applyFrame(fc, v.frame)
		case fAppeal, fDemand:
			if v.objCtl {
				s.applyFrame(fc, v.frame)
				fc.tgt, fc.tgtOK = v.ctlObj, len(v.ctlObj.ments) > 0 || v.ctlObj.dual
				haveSrc, fc.srcOK = false, false
			} else {
				s.applyFrame(fc, v.frame)
			}
		case fTransparent:
			if v.objCtl && !haveSrc && len(v.ctlObj.ments) > 0 {
				fc.src, fc.srcOK, haveSrc = v.ctlObj, true, true
			}
		case fHypo:
			fc.modality = dyad.Hypothetical
		}
		cur = v.gov
	}
	if !haveSrc {
		if sp, ok := s.speakerOf(vi); ok {
			fc.src, fc.srcOK = sp, true
		}
	}
}

// threatening: an action that, held out on a condition, is a threat.
func threatening(code string) bool {
	if len(code) < 2 {
		return false
	}
	switch code[:2] {
	case "16", "17", "18", "19", "20":
		return true
	}
	return false
}

func (s *sent) modalKind(m string) frameKind {
	if m == "" {
		return fNone
	}
	return s.c.lex.words[setModal][m]
}

// reported: verb group vi is inside reported speech, where "would" is
// the future of the original words.
func (s *sent) reported(vi int) bool {
	for hops := 0; vi >= 0 && hops < 10; hops++ {
		if s.vgs[vi].speaker >= 0 {
			return true
		}
		vi = s.vgs[vi].gov
	}
	return false
}

// nounGov finds the verb governing the noun phrase that starts at b:
// "announced sanctions", "held talks", "agreed to a ceasefire", "ready
// for discussions". When there is no verb group but an adjective frame
// ("Moscow remains ready for", with "remains" read as a noun), the
// adjective's own subject is returned.
func (s *sent) nounGov(b int) (int, frameKind, np, bool) {
	g := b - 1
	for g >= 0 && s.filler(g) {
		g--
	}
	prep := ""
	if g >= 0 && (s.pos[g] == pPrep || s.pos[g] == pTo) {
		prep = s.norm(g)
		switch prep {
		case "to", "for", "on", "in":
		default:
			return -1, fNone, np{}, false
		}
		g--
		for g >= 0 && s.filler(g) {
			g--
		}
	}
	if g >= 0 && (s.pos[g] == pAdj || s.pos[g] == pVerb && s.tag(g) == "VBN" && s.frameOf(g, setAdj) != fNone) {
		if f := s.frameOf(g, setAdj); f == fIntent && prep != "" {
			if vi := s.vgAt[g]; vi >= 0 {
				return int(vi), fIntent, np{}, false
			}
			j := g - 1
			for j >= 0 && s.filler(j) {
				j--
			}
			if j >= 0 && s.vgAt[j] >= 0 {
				return int(s.vgAt[j]), fIntent, np{}, false
			}
			tmp := vgroup{start: g}
			if p, ok, _, _ := s.walkSubject(&tmp); ok && len(p.ments) > 0 {
				return -1, fIntent, p, true
			}
		}
		return -1, fNone, np{}, false
	}
	if g < 0 || s.vgAt[g] < 0 {
		return -1, fNone, np{}, false
	}
	gi := int(s.vgAt[g])
	h := s.vgs[gi].head
	f := s.frameOf(h, setVerb)
	switch f {
	case fIntent, fAgree, fRefuse, fAppeal, fDemand, fThreaten:
		return gi, f, np{}, false
	}
	if prep == "" && s.is(h, setLight, fLight) {
		return gi, fTransparent, np{}, false
	}
	if prep == "to" && s.word(h) == "agree" {
		return gi, fAgree, np{}, false
	}
	return -1, fNone, np{}, false
}

// try matches the patterns opened by the word at token i, from list[from]
// on, and returns the first (most specific) that fits and where it is in
// list, or -1.
func (s *sent) try(i int, list []*pattern, from int, m *match) int {
	for pi := from; pi < len(list); pi++ {
		p := list[pi]
		if !s.possible(p) {
			continue
		}
		if !s.wordAt(&p.elems[0], i) {
			continue
		}
		*m = match{p: p, anchor: i}
		if s.verbal(i, p) {
			vi := int(s.vgAt[i])
			v := &s.vgs[vi]
			s.analyze(vi)
			passive := v.passive && p.flags&flagNoPassive == 0 && p.lead != noSlot && len(p.elems) > 1 && p.elems[1].kind == eSlot
			if passive {
				// "TARGET was seized (by SOURCE)": the subject is the object
				if !v.subjOK || (len(v.subj.ments) == 0 && !v.subj.dual) {
					continue
				}
				start := v.end
				if by, ok := s.byAgent(v.end); ok {
					m.slots[p.lead], m.filled[p.lead] = by, true
				}
				m.slots[p.elems[1].slot], m.filled[p.elems[1].slot] = v.subj, true
				if !s.matchSeq(p.elems[2:], start, m) {
					continue
				}
				m.end = max(m.end, i+1)
				return pi
			}
			if v.passive && v.head == i && p.lead == slotSource && p.flags&flagNoPassive == 0 {
				// "is being investigated": the subject undergoes it
				continue
			}
			if !s.matchSeq(p.elems[1:], i+1, m) {
				continue
			}
			return pi
		}
		if s.pos[i] == pNoun && i+1 < s.n && (s.pos[i+1] == pNoun || s.pos[i+1] == pProper) && s.ment[i+1] < 0 &&
			!(len(p.elems) > 1 && p.elems[1].kind == eWord && s.wordAt(&p.elems[1], i+1)) {
			// "riot police", "war games": the noun only modifies another
			continue
		}
		if !s.matchSeq(p.elems[1:], i+1, m) {
			continue
		}
		return pi
	}
	return -1
}

// verbal: the anchor is read as a verb (its clause gives the subject)
// rather than as a noun (its phrase and governing verb do).
func (s *sent) verbal(i int, p *pattern) bool {
	if s.vgAt[i] < 0 {
		return false
	}
	if p.elems[0].pos == 'n' {
		return false
	}
	v := &s.vgs[s.vgAt[i]]
	return v.head == i || (s.pos[i] == pVerb && i >= v.start && i < v.end)
}

// objectHead is the head of the noun phrase after token i ("condemned
// the raid" -> raid), or -1.
func (s *sent) objectHead(i int) int {
	for i < s.n && s.filler(i) {
		i++
	}
	if i >= s.n || !s.nominal(i) {
		return -1
	}
	e := s.npEnd(i)
	if s.ment[e-1] >= 0 {
		return -1
	}
	return e - 1
}

// skipQuantity steps over "more than", "at least", "up to", "some",
// "nearly" before a number: "arrested more than 100 Palestinians".
func (s *sent) skipQuantity(i int) int {
	for k := 0; k < 3 && i+1 < s.n; k++ {
		switch s.norm(i) {
		case "more", "less", "fewer":
			if s.norm(i+1) == "than" {
				i += 2
				continue
			}
		case "at":
			if s.norm(i+1) == "least" || s.norm(i+1) == "most" {
				i += 2
				continue
			}
		case "up":
			if s.norm(i+1) == "to" {
				i += 2
				continue
			}
		case "some", "about", "nearly", "almost", "around", "over", "roughly", "approximately", "only", "just":
			if s.pos[i+1] == pNum {
				i++
				continue
			}
		}
		break
	}
	return i
}

// placeAfter is the country of the first place or country named after
// token i in an "in"/"at"/"across"/"throughout" phrase of the clause.
func (s *sent) placeAfter(i int) string {
	for j := i + 1; j+1 < s.n; j++ {
		if s.gapStop(j) {
			break
		}
		switch s.norm(j) {
		case "in", "at", "across", "throughout", "outside":
			for k := j + 1; k < s.n && k < j+6 && s.nominal(k); k++ {
				if mi := s.ment[k]; mi >= 0 {
					if c := s.d.Mentions[mi].Actor.Country; c != "" {
						return c
					}
				}
			}
		}
	}
	return ""
}
