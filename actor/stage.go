package actor

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Stage is the "actor" pipeline stage. It is immutable and safe for
// concurrent use on different Docs.
type Stage struct {
	dict *Dictionary
	// pool keeps the per-Doc working buffers between Docs.
	pool sync.Pool
}

// New makes the stage over a loaded dictionary.
func New(d *Dictionary) *Stage { return &Stage{dict: d} }

// Name is the stage name.
func (s *Stage) Name() string { return "actor" }

// NoteNoDate is added to Doc.Notes when people had to be coded without
// a publication date.
const NoteNoDate = "actor: no publication date: people are coded with their most recent role"

// Process fills d.Mentions (replacing what was there), sorted by span
// start, outer mentions before the ones they contain.
func (s *Stage) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Tokens) == 0 {
		if strings.TrimSpace(d.Text) != "" {
			return fmt.Errorf("no tokens: the token stage must run before %q", s.Name())
		}
		d.Mentions = d.Mentions[:0]
		return nil
	}
	p, _ := s.pool.Get().(*proc)
	if p == nil {
		p = &proc{}
	}
	p.reset(s.dict, d)
	defer func() {
		p.reset(nil, nil)
		s.pool.Put(p)
	}()
	if !d.Published.IsZero() {
		y, m, dd := d.Published.Date()
		p.day = y*10000 + int(m)*100 + dd
	}
	p.run()
	if p.undated && p.day == 0 && !slices.Contains(d.Notes, NoteNoDate) {
		d.Notes = append(d.Notes, NoteNoDate)
	}
	return nil
}

// match is one dictionary phrase found in the text.
type match struct {
	first, end int // token range
	entry      *Entry
	// stale is set when the entry chosen is a person's role that does not
	// hold on the article's date (the nearest one was taken).
	stale bool
}

// ment is a mention under construction.
type ment struct {
	dyad.Mention
	ante    *ment
	members []*ment
	// title holds the norms of the role words that named a person
	// ("defense", "minister"), for bare titles later on.
	title    []string
	person   string // key of the person for coreference (its name)
	surname  string // norm of the last word of the name
	family   string // norm of the first word (family name in "Zhang Youxia")
	plural   bool
	definite bool
	adjHead  bool // a role that starts with a country adjective
	instit   bool // a role naming an institution (ministry, army)
	pending  int  // coreference still to do (see pend*)
	absorbed bool // dropped: merged into another mention
	index    int  // position in Doc.Mentions, set by emit
	// needCountry: a titled person whose country the phrase does not say
	// ("President Yoweri Museveni"), found later from the article.
	needCountry bool
	// ethnic: "ethnic Albanians" name a people, coded by where they live
	// (the article's other main country), not by their kin state.
	ethnic bool
}

const (
	pendNone = iota
	pendPronoun
	pendPlural
	pendSurname
	pendTitle
	pendGroup
)

type proc struct {
	dict    *Dictionary
	d       *dyad.Doc
	toks    []dyad.Token
	day     int
	undated bool
	matchAt []int32
	matches []match
	ments   []*ment
	best    []int32
	best2   []int32
	wid     []int32  // per token: its id in the trie's vocabulary, or -1
	cls     []uint32 // per token: word classes (cls*)
	np      np       // the phrase being parsed, reused
	titleOf match    // a title word known to the grammar (see titleNouns)
	slabs   [][]ment // mentions are carved from blocks to spare allocations
	slab    int      // the block in use
	// surnames are capitalised words that may be a person named elsewhere
	// in the article (token index, sentence).
	surnames [][2]int
	group    []*ment
}

func (p *proc) norm(i int) string {
	if n := p.toks[i].Norm; n != "" {
		return n
	}
	return normWord(p.text(i))
}

func (p *proc) text(i int) string { t := p.toks[i]; return p.d.Text[t.Start:t.End] }

// reset readies p for d, keeping its buffers; reset(nil, nil) drops
// every reference to the last Doc.
func (p *proc) reset(dct *Dictionary, d *dyad.Doc) {
	p.dict, p.d, p.day, p.undated = dct, d, 0, false
	p.toks = nil
	if d != nil {
		p.toks = d.Tokens
	}
	p.matches = p.matches[:0]
	clear(p.ments)
	p.ments = p.ments[:0]
	for i := range p.slabs {
		clear(p.slabs[i])
		p.slabs[i] = p.slabs[i][:0]
	}
	p.slab = 0
	p.np = np{agents: p.np.agents[:0]}
	p.surnames = p.surnames[:0]
}

func (p *proc) run() {
	if cap(p.matchAt) < len(p.toks) {
		p.matchAt = make([]int32, len(p.toks))
	}
	p.matchAt = p.matchAt[:len(p.toks)]
	for i := range p.matchAt {
		p.matchAt[i] = -1
	}
	// One look-up per token: its word id in the trie and its word class.
	if cap(p.wid) < len(p.toks) {
		p.wid = make([]int32, len(p.toks))
		p.cls = make([]uint32, len(p.toks))
	}
	p.wid, p.cls = p.wid[:len(p.toks)], p.cls[:len(p.toks)]
	for i := range p.toks {
		w, ok := p.dict.words[p.norm(i)]
		if !ok {
			w.id = -1
		}
		p.wid[i] = w.id
		c := w.cls
		if r := firstRune(p.text(i)); unicode.IsUpper(r) {
			c |= clsCap
		}
		p.cls[i] = c
	}
	for si := range p.d.Sentences {
		s := p.d.Sentences[si]
		p.find(s.FirstToken, s.EndToken)
	}
	if len(p.d.Sentences) == 0 {
		p.find(0, len(p.toks))
	}
	for si := range p.d.Sentences {
		s := p.d.Sentences[si]
		p.compose(si, s.FirstToken, s.EndToken)
	}
	p.coref()
	p.emit()
}

// find runs the trie over tokens [lo, hi): at each token the longest
// phrase whose case rules hold, left to right, without overlaps.
func (p *proc) find(lo, hi int) {
	for i := lo; i < hi; {
		bestEnd := p.longest(i, hi)
		if bestEnd < 0 {
			if e, ok := p.affixed(i); ok {
				p.matches = append(p.matches, match{first: i, end: i + 1, entry: e})
				p.matchAt[i] = int32(len(p.matches) - 1)
			}
			i++
			continue
		}
		// A longer phrase that starts inside this one wins, and this one
		// is cut short before it: "the West Bank" over "the West",
		// "President" + "Xi Jinping" over "President Xi" + "Jinping".
		for k := i + 1; k < bestEnd; k++ {
			if p.longestInto(k, hi, &p.best2) > bestEnd {
				bestEnd = p.longest(i, k)
				break
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		e, stale := p.choose(p.best)
		p.matches = append(p.matches, match{first: i, end: bestEnd, entry: e, stale: stale})
		for k := i; k < bestEnd; k++ {
			p.matchAt[k] = int32(len(p.matches) - 1)
		}
		i = bestEnd
	}
}

// longest returns the end of the longest phrase at token i whose case
// rules hold, with its entries in p.best; -1 when there is none.
func (p *proc) longest(i, hi int) int { return p.longestInto(i, hi, &p.best) }

func (p *proc) longestInto(i, hi int, out *[]int32) int {
	dct := p.dict
	node := int32(0)
	bestEnd := -1
	best := (*out)[:0]
	for j := i; j < hi; j++ {
		id := p.wid[j]
		if id < 0 {
			break
		}
		node = dct.stepID(node, id)
		if node < 0 {
			break
		}
		ends := dct.ends[node]
		if len(ends) == 0 {
			continue
		}
		n := len(best)
		for _, pat := range ends {
			if p.caseFits(pat, i) {
				best = append(best, pat.entry)
			}
		}
		if len(best) > n {
			bestEnd = j + 1
			best = append(best[:0], best[n:]...)
		}
	}
	*out = best
	return bestEnd
}

// affixed looks through "-led" compounds: "US-led", "Saudi-led" name
// the country that leads.
func (p *proc) affixed(i int) (*Entry, bool) {
	nm := p.norm(i)
	stem, ok := strings.CutSuffix(nm, "-led")
	if !ok || stem == "" {
		return nil, false
	}
	node := p.dict.step(0, stem)
	if node < 0 {
		return nil, false
	}
	text := p.text(i)[:len(stem)]
	best := p.best[:0]
	for _, pat := range p.dict.ends[node] {
		if len(pat.words) == 1 && caseOK(pat.rules[0], text, pat.words[0]) {
			if k := p.dict.entries[pat.entry].Kind; k == KindCountry || k == KindAdj {
				best = append(best, pat.entry)
			}
		}
	}
	p.best = best
	if len(best) == 0 {
		return nil, false
	}
	e, _ := p.choose(best)
	return e, true
}

func (p *proc) caseFits(pat pattern, i int) bool {
	for k, r := range pat.rules {
		if r != caseAny && !caseOK(r, p.text(i+k), pat.words[k]) {
			return false
		}
	}
	return true
}

// choose picks one entry among those whose phrase matched: the latest
// dictionary layer, then the kind that comes first (Kind order), then the
// entry valid on the article's date (the most recent when the date is
// unknown, the nearest in time when none is valid), then load order.
func (p *proc) choose(cands []int32) (*Entry, bool) {
	dct := p.dict
	best := -1
	for _, c := range cands {
		if best < 0 {
			best = int(c)
			continue
		}
		a, b := dct.entries[c], dct.entries[best]
		la, lb := dct.layer[c], dct.layer[best]
		switch {
		case la != lb:
			if la > lb {
				best = int(c)
			}
		case a.Kind != b.Kind:
			if a.Kind < b.Kind {
				best = int(c)
			}
		default:
			if p.better(a, b) {
				best = int(c)
			}
		}
	}
	e := dct.entries[best]
	if e.From == 0 && e.To == 0 {
		return e, false
	}
	if p.day == 0 {
		p.undated = true
		return e, false
	}
	return e, !e.ValidAt(p.day)
}

// better reports whether dated entry a fits the article's date better
// than b (ties keep b, the earlier line).
func (p *proc) better(a, b *Entry) bool {
	if p.day == 0 {
		// Most recent role: open-ended first, then the latest start.
		if (a.To == 0) != (b.To == 0) {
			return a.To == 0
		}
		if a.To != b.To {
			return a.To > b.To
		}
		return a.From > b.From
	}
	va, vb := a.ValidAt(p.day), b.ValidAt(p.day)
	if va != vb {
		return va
	}
	if va {
		return a.From > b.From // the more specific, later role
	}
	return distance(a, p.day) < distance(b, p.day)
}

func distance(e *Entry, day int) int {
	switch {
	case e.From != 0 && day < e.From:
		return dayNum(e.From) - dayNum(day)
	case e.To != 0 && day > e.To:
		return dayNum(day) - dayNum(e.To)
	}
	return 0
}

// dayNum turns YYYYMMDD into a day count good enough to compare gaps.
func dayNum(v int) int { return v/10000*372 + v/100%100*31 + v%100 }

// --- the phrase grammar ---------------------------------------------

func (p *proc) matchOf(i int) *match {
	if i < 0 || i >= len(p.matchAt) || p.matchAt[i] < 0 {
		return nil
	}
	return &p.matches[p.matchAt[i]]
}

// matchStarting is the match that starts at token i, if any.
func (p *proc) matchStarting(i, hi int) *match {
	if i >= hi {
		return nil
	}
	m := p.matchOf(i)
	if m == nil || m.first != i {
		return nil
	}
	return m
}

func isNamed(k Kind) bool { return k != KindAgent && k != KindMedia && k != KindPerson }

// np is a parsed noun phrase around a role word.
type np struct {
	first, end int
	det        string // "the", "a", ""
	elite      bool   // former, ousted, ex-
	cref       *match // country / org / capital … before the role
	possessive bool   // cref was "X's"
	agents     []*match
	of         *match // complement: "of Armenia", "of China's CMC"
	ofCountry  *match // the country before an "of" complement's org
	ofOrg      *unknownOrg
	person     *match
	name       [2]int // unknown name tokens [first, end)
	media      *match
	in         *match // "rebels in Darfur": the place that gives the country
}

// unknownOrg is a capitalised institution name not in the dictionary
// ("Central Military Commission"), coded from its words.
type unknownOrg struct {
	first, end int
	agent      string
}

// parseNP reads a noun phrase starting at token i of a sentence ending
// at hi: [det] [mods] [country/org ['s]] [mods] role-words* [of X] [name]
// or a media outlet. It returns nil when there is no role word, name or
// outlet to build on.
func (p *proc) parseNP(i, hi int) *np {
	// Most tokens start nothing: leave before building anything.
	if p.matchStarting(i, hi) == nil && p.cls[i]&(clsDet|clsMod) == 0 {
		return nil
	}
	n := &p.np
	*n = np{first: i, agents: n.agents[:0]}
	j := i
	if j < hi {
		switch p.norm(j) {
		case "the", "a", "an":
			n.det = p.norm(j)
			j++
		}
	}
	j = p.skipMods(n, j, hi)
	if m := p.matchStarting(j, hi); m != nil && (isNamed(m.entry.Kind) || p.personOwns(m, hi)) {
		n.cref = m
		j = m.end
		if j < hi && isPossessive(p.norm(j)) {
			n.possessive = true
			j++
		}
	}
	j = p.skipMods(n, j, hi)
	mediaWords := 0
	for j < hi {
		if m := p.matchStarting(j, hi); m != nil && m.entry.Kind == KindAgent {
			n.agents = append(n.agents, m)
			j = m.end
			continue
		}
		if len(n.agents) > 0 && p.is(j, clsMod) && j+1 < hi {
			if m := p.matchStarting(j+1, hi); m != nil && m.entry.Kind == KindAgent {
				j++ // "foreign minister and deputy prime minister"
				continue
			}
		}
		// One descriptive word between a country word and its role:
		// "French paper workers", "Turkish Kurd refugees", "Iranian
		// nuclear negotiators".
		if len(n.agents) == 0 && n.cref != nil && j == p.afterCref(n) && j+1 < hi && p.describes(n, j) {
			if m := p.matchStarting(j+1, hi); m != nil && m.entry.Kind == KindAgent {
				j++
				continue
			}
		}
		if p.is(j, clsMediaNoun) {
			mediaWords++
			j++
			continue
		}
		// "Palestinian leader", "junta leader": a common role word the
		// dictionary may lack, after a country word or another role word.
		if p.is(j, clsAfterRole) && (n.cref != nil || len(n.agents) > 0) && p.matchOf(j) == nil {
			n.agents = append(n.agents, &match{first: j, end: j + 1, entry: p.dict.afterRole[p.norm(j)]})
			j++
			continue
		}
		// "chairman of …", "head of …": a title word the dictionary does
		// not list, coded by its "of" complement.
		if len(n.agents) == 0 && p.is(j, clsTitleNoun) && j+2 < hi && p.norm(j+1) == "of" && p.matchOf(j) == nil {
			p.titleOf = match{first: j, end: j + 1, entry: &p.dict.titleOf}
			n.agents = append(n.agents, &p.titleOf)
			j++
			continue
		}
		break
	}
	if m := p.matchStarting(j, hi); m != nil && m.entry.Kind == KindMedia && (n.cref != nil || len(n.agents) > 0 || mediaWords > 0) {
		n.media = m
		n.end = m.end
		return n
	}
	if len(n.agents) == 0 {
		return nil
	}
	j = n.agents[len(n.agents)-1].end
	titleOnly := n.agents[0].entry == &p.dict.titleOf
	// "of" complement: "the president of Armenia", "vice chairman of
	// China's Central Military Commission".
	if j+1 < hi && p.norm(j) == "of" {
		k := j + 1
		if p.norm(k) == "the" {
			k++
		}
		if m := p.matchStarting(k, hi); m != nil && isNamed(m.entry.Kind) {
			n.of = m
			k = m.end
			if k+1 < hi && isPossessive(p.norm(k)) {
				if m2 := p.matchStarting(k+1, hi); m2 != nil && isNamed(m2.entry.Kind) {
					n.ofCountry, n.of = m, m2
					k = m2.end
				} else if u := p.unknownOrgAt(k+1, hi); u != nil {
					n.ofCountry, n.ofOrg = m, u
					k = u.end
				}
			}
			for k < hi {
				if m := p.matchStarting(k, hi); m != nil && m.entry.Kind == KindAgent {
					n.agents = append(n.agents, m)
					k = m.end
					continue
				}
				break
			}
			j = k
		}
	}
	if titleOnly && n.of == nil && n.ofOrg == nil {
		return nil
	}
	n.end = j
	if m := p.matchStarting(j, hi); m != nil && m.entry.Kind == KindPerson {
		n.person = m
		n.end = m.end
	} else if e := p.nameRun(j, hi); e > j {
		n.name = [2]int{j, e}
		n.end = e
		// "King Hassan of Morocco"
		if n.cref == nil && n.of == nil && e+1 < hi && p.norm(e) == "of" {
			if m := p.matchStarting(e+1, hi); m != nil && isNamed(m.entry.Kind) && m.entry.Kind != KindRegion {
				n.of = m
				n.end = m.end
			}
		}
	}
	// "security forces in Guinea", "refugees from Syria": a role with no
	// country of its own takes the place it is in or comes from.
	if n.cref == nil && n.of == nil && n.ofOrg == nil && n.person == nil && n.end+1 < hi {
		if pn := p.norm(n.end); pn == "in" || pn == "from" {
			k := n.end + 1
			if p.norm(k) == "the" && k+1 < hi {
				k++
			}
			if m := p.matchStarting(k, hi); m != nil && (m.entry.Kind == KindCountry || m.entry.Kind == KindCapital) {
				n.in = m
				n.end = m.end
			}
		}
	}
	return n
}

// personOwns reports whether a known person's possessive heads a role
// ("Zoran Djindjic's opposition coalition", "Putin's spokesman"), or the
// name stands before an institution ("the Obama administration"): the
// role then takes the person's country.
func (p *proc) personOwns(m *match, hi int) bool {
	if m.entry.Kind != KindPerson || m.entry.Actor.Country == "" || m.end+1 >= hi {
		return false
	}
	if !isPossessive(p.norm(m.end)) {
		// "the Obama administration", "the Netanyahu government": a
		// name before an institution word.
		r := p.matchStarting(m.end, hi)
		return r != nil && r.entry.Kind == KindAgent && p.institution(r)
	}
	k := m.end + 1
	for k < hi && p.is(k, clsMod) && p.matchOf(k) == nil {
		k++
	}
	r := p.matchStarting(k, hi)
	return r != nil && r.entry.Kind == KindAgent
}

// afterCref is the token after a phrase's country word and its
// possessive and modifiers.
func (p *proc) afterCref(n *np) int {
	j := n.cref.end
	if n.possessive {
		j++
	}
	for j < len(p.toks) && p.is(j, clsMod) && p.matchOf(j) == nil {
		j++
	}
	return j
}

// describes reports whether token i may qualify the role after a
// country word: a word the dictionaries do not know, tagged as an
// adjective or a noun, that is no modifier, outlet noun or grammar word.
// A capitalised word counts only after a demonym or a possessive
// ("Turkish Kurd refugees", "Nicaragua's Sandinista government"), not
// after a name it may continue ("Warsaw Pact").
func (p *proc) describes(n *np, i int) bool {
	switch n.cref.entry.Kind {
	case KindCountry, KindAdj, KindRegion:
	default:
		return false
	}
	if p.matchOf(i) != nil || p.is(i, clsMod|clsMediaNoun|clsNotName|clsDet|clsPronoun|clsAfterRole|clsTitleNoun) {
		return false
	}
	switch p.toks[i].Tag {
	case "JJ", "NN":
	case "NNP":
		if n.cref.entry.Kind != KindAdj && !n.possessive {
			return false
		}
	default:
		return false
	}
	if p.capitalised(i) && n.cref.entry.Kind != KindAdj && !n.possessive {
		return false
	}
	return isWordRune(firstRune(p.norm(i)))
}

// skipMods passes over words that qualify a role without changing whom
// it names ("senior", "top", "visiting"); "former" and the like make the
// person an elite (ELI) rather than an office holder.
func (p *proc) skipMods(n *np, j, hi int) int {
	for j < hi && p.matchStarting(j, hi) == nil {
		switch {
		case p.is(j, clsFormer):
			n.elite = true
			j++
		case p.is(j, clsMod):
			j++
		default:
			return j
		}
	}
	return j
}

func isPossessive(n string) bool { return n == "'s" || n == "'" }

// unknownOrgAt reads a run of capitalised words that ends in an
// institution word ("Central Military Commission"); its agent is that of
// a role word inside it ("Military" -> MIL), else GOV.
func (p *proc) unknownOrgAt(i, hi int) *unknownOrg {
	last := -1
	for k := i; k < hi && k < i+6; k++ {
		if !p.capitalised(k) || p.matchOf(k) != nil && p.matchOf(k).entry.Kind != KindAgent {
			break
		}
		if p.is(k, clsOrgHead) {
			last = k
		}
	}
	if last < 0 {
		return nil
	}
	u := &unknownOrg{first: i, end: last + 1, agent: "GOV"}
	for k := i; k <= last; k++ {
		if m := p.matchOf(k); m != nil && m.entry.Kind == KindAgent && m.entry.Actor.Agent != "GOV" {
			u.agent = m.entry.Actor.Agent
			break
		}
	}
	return u
}

func (p *proc) capitalised(i int) bool { return p.cls[i]&clsCap != 0 }

// is reports whether token i has one of the word classes c.
func (p *proc) is(i int, c uint32) bool { return p.cls[i]&c != 0 }

// nameRun returns the end of a personal name starting at i (1 to 5
// capitalised words, lower-case particles inside), or i when none.
func (p *proc) nameRun(i, hi int) int {
	e := i
	for k := i; k < hi && k < i+5; k++ {
		nm := p.norm(k)
		if mt := p.matchOf(k); mt != nil {
			// "Tom King": a capitalised one-word role inside a name.
			if k == i || mt.entry.Kind != KindAgent || mt.end-mt.first != 1 || !p.capitalised(k) {
				break
			}
		}
		if p.is(k, clsNotName) || !isWordRune(firstRune(nm)) || isClosedClass(p.toks[k].Tag) {
			break
		}
		if p.capitalised(k) || strings.HasPrefix(nm, "al-") || strings.HasPrefix(nm, "el-") {
			e = k + 1
			continue
		}
		if p.is(k, clsParticle) && k > i {
			continue
		}
		break
	}
	return e
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func isClosedClass(tag string) bool {
	switch tag {
	case "DT", "IN", "CC", "PRP", "PRP$", "MD", "TO", "WDT", "WP", "WRB", "VBD", "VBZ", "VBP", "EX":
		return true
	}
	return false
}

// compose builds the sentence's mentions from its matches.
func (p *proc) compose(si, lo, hi int) {
	start := len(p.ments)
	for i := lo; i < hi; {
		if e := p.groupAt(si, i, hi); e > i {
			i = e
			continue
		}
		if n := p.parseNP(i, hi); n != nil && n.keep(p) {
			p.fromNP(si, n)
			i = n.end
			continue
		}
		// A name followed by ", the Russian defence minister,".
		if !p.capitalised(i) {
		} else if e := p.nameRun(i, hi); e > i && e+1 < hi && p.norm(e) == "," && (e-i >= 2 || strings.HasPrefix(p.toks[i].Tag, "NNP")) {
			if n := p.parseNP(e+1, hi); n != nil && n.media == nil && n.person == nil && n.name[1] == 0 && (n.cref != nil || n.of != nil) {
				pm := p.newMent(si, i, e, dyad.MentionPerson)
				pm.Actor = p.roleActor(n)
				pm.Actor.Name = p.span(i, e)
				pm.Rule = p.roleRule(n)
				pm.person = pm.Actor.Name
				pm.surname, pm.family = p.norm(e-1), p.norm(i)
				pm.title = p.titleWords(n)
				role := p.fromNP(si, n)
				role.ante = pm
				role.pending = pendNone
				i = n.end
				continue
			}
		}
		if m := p.matchStarting(i, hi); m != nil {
			p.fromMatch(si, m, lo, hi)
			i = m.end
			continue
		}
		p.other(si, i, hi)
		i++
	}
	p.coordinate(p.ments[start:], lo)
}

func (p *proc) span(first, end int) string {
	return p.d.Text[p.toks[first].Start:p.toks[end-1].End]
}

func (p *proc) newMent(si, first, end int, kind dyad.MentionKind) *ment {
	// Mentions live in blocks that never move, so pointers stay valid.
	for p.slab < len(p.slabs) && len(p.slabs[p.slab]) == cap(p.slabs[p.slab]) {
		p.slab++
	}
	if p.slab == len(p.slabs) {
		p.slabs = append(p.slabs, make([]ment, 0, 16+len(p.toks)/8))
	}
	b := &p.slabs[p.slab]
	*b = append(*b, ment{Mention: dyad.Mention{
		Span:       dyad.Span{Start: p.toks[first].Start, End: p.toks[end-1].End},
		Sentence:   si,
		FirstToken: first,
		EndToken:   end,
		Kind:       kind,
		Antecedent: -1,
	}})
	m := &(*b)[len(*b)-1]
	p.ments = append(p.ments, m)
	return m
}

// roleActor codes a role phrase: the country of its country word or "of"
// complement, the agent of its last role word; an org or group with an
// agent of its own (CHNMIL, IGONAT, PSEREB) keeps its code.
func (p *proc) roleActor(n *np) dyad.Actor {
	agent := p.head(n).entry.Actor.Agent
	var ref *Entry
	switch {
	case n.of != nil:
		ref = n.of.entry
	case n.ofOrg != nil:
		a := dyad.Actor{Country: n.ofCountry.entry.Actor.Country, Agent: n.ofOrg.agent}
		a.Code = a.Country + a.Agent
		return a
	case n.cref != nil:
		ref = n.cref.entry
	case n.in != nil:
		ref = n.in.entry
	}
	a := dyad.Actor{Agent: agent}
	if ref != nil {
		a.Country = ref.Actor.Country
		if ref.Actor.Agent != "" && (ref.Kind != KindCapital && ref.Kind != KindMetonym && ref.Kind != KindPerson || agent == "") {
			a.Agent = ref.Actor.Agent
		}
	}
	if a.Agent == "" {
		a.Agent = "GOV"
	}
	if n.elite {
		a.Agent = "ELI"
	}
	a.Code = a.Country + a.Agent
	return a
}

func (p *proc) roleRule(n *np) string {
	var parts []string
	for _, m := range []*match{n.cref, n.ofCountry, n.of, n.in} {
		if m != nil {
			parts = append(parts, m.entry.Rule)
		}
	}
	parts = append(parts, p.head(n).entry.Rule)
	return strings.Join(parts, "+")
}

func (p *proc) titleWords(n *np) []string {
	var w []string
	for _, a := range n.agents {
		for k := a.first; k < a.end; k++ {
			w = append(w, p.norm(k))
		}
	}
	return w
}

// fromNP turns a parsed phrase into a mention.
func (p *proc) fromNP(si int, n *np) *ment {
	switch {
	case n.media != nil:
		m := p.newMent(si, n.first, n.end, dyad.MentionMedia)
		m.Actor = n.media.entry.Actor
		m.Rule = n.media.entry.Rule
		return m
	case n.person != nil:
		m := p.newMent(si, n.first, n.end, dyad.MentionPerson)
		e := n.person.entry
		if alt := p.byTitle(e, n); alt != nil {
			e = alt
		}
		m.Actor = e.Actor
		m.Rule = e.Rule
		if n.person.stale || e.Actor.Agent == "" {
			// The dictionary's role does not hold on this date: the title
			// in the text says what the person is now.
			a := p.roleActor(n)
			if a.Country != "" || e.Actor.Country == "" {
				a.Name = e.Actor.Name
				m.Actor = a
				m.Rule = p.roleRule(n) + "+" + e.Rule
			}
		}
		m.person = e.Actor.Name
		m.surname, m.family = e.last, e.first
		m.title = p.titleWords(n)
		return m
	case n.name[1] > 0:
		m := p.newMent(si, n.first, n.end, dyad.MentionPerson)
		m.Actor = p.roleActor(n)
		m.needCountry = m.Actor.Country == ""
		m.Actor.Name = p.span(n.name[0], n.name[1])
		m.Rule = p.roleRule(n)
		m.person = m.Actor.Name
		m.surname, m.family = p.norm(n.name[1]-1), p.norm(n.name[0])
		m.title = p.titleWords(n)
		return m
	}
	m := p.newMent(si, n.first, n.end, dyad.MentionRole)
	m.Actor = p.roleActor(n)
	m.Rule = p.roleRule(n)
	m.title = p.titleWords(n)
	m.ethnic = n.cref != nil && n.cref.entry.Kind == KindAdj && n.of == nil && n.first > 0 && p.is(n.first-1, clsEthnic)
	head := n.agents[len(n.agents)-1]
	hn := p.norm(head.end - 1)
	m.plural = isPluralNoun(hn, p.toks[head.end-1].Tag)
	m.instit = p.institution(head)
	m.definite = n.det == "the" || n.possessive
	m.adjHead = n.det == "" && n.cref != nil && n.cref.first == n.first && n.cref.entry.Kind == KindAdj
	switch {
	case m.plural:
	case !m.instit && (m.definite || n.cref == nil):
		m.pending = pendTitle
	}
	return m
}

func isPluralNoun(norm, tag string) bool {
	if tag == "NNS" || tag == "NNPS" {
		return true
	}
	if tag != "" {
		return false
	}
	return strings.HasSuffix(norm, "s") && !strings.HasSuffix(norm, "ss") && !strings.HasSuffix(norm, "us") && norm != "police"
}

// fromMatch makes the mention of a dictionary match that is not part of a
// role phrase.
func (p *proc) fromMatch(si int, mt *match, lo, hi int) {
	e := mt.entry
	switch e.Kind {
	case KindAdj:
		// "Asian Lite News", "Chinese New Year": part of a longer name;
		// but "Iraqi Kurds", "Turkish Kurd refugees" are people.
		if run := p.unknownCapsRun(mt.end, hi); run >= 2 || run == 1 && !strings.HasSuffix(p.norm(mt.end), "s") &&
			(mt.end+1 >= hi || !isLowerWord(p.text(mt.end+1))) {
			return
		}
		m := p.newMent(si, mt.first, mt.end, dyad.MentionCountry)
		m.Actor = e.Actor
		m.Rule = e.Rule
		m.ethnic = mt.first > 0 && p.is(mt.first-1, clsEthnic)
	case KindCountry:
		m := p.newMent(si, mt.first, mt.end, dyad.MentionCountry)
		m.Actor = e.Actor
		m.Rule = e.Rule
	case KindCapital, KindMetonym:
		if p.isPlace(mt, lo, hi) {
			m := p.newMent(si, mt.first, mt.end, dyad.MentionPlace)
			m.Actor = dyad.Actor{Code: e.Actor.Country, Country: e.Actor.Country, Name: e.Actor.Name}
			m.Rule = e.Rule
			return
		}
		m := p.newMent(si, mt.first, mt.end, dyad.MentionMetonym)
		m.Actor = e.Actor
		if m.Actor.Agent == "" {
			m.Actor.Agent = "GOV"
			m.Actor.Code = m.Actor.Country + "GOV"
		}
		m.Rule = e.Rule
	case KindRegion:
		m := p.newMent(si, mt.first, mt.end, dyad.MentionRegion)
		m.Actor = e.Actor
		m.Rule = e.Rule
	case KindOrg:
		m := p.newMent(si, mt.first, mt.end, dyad.MentionOrg)
		m.Actor = e.Actor
		m.Rule = e.Rule
	case KindGroup:
		m := p.newMent(si, mt.first, mt.end, dyad.MentionGroup)
		m.Actor = e.Actor
		m.Rule = e.Rule
		m.plural = true
	case KindMedia:
		m := p.newMent(si, mt.first, mt.end, dyad.MentionMedia)
		m.Actor = e.Actor
		m.Rule = e.Rule
	case KindPerson:
		m := p.newMent(si, mt.first, mt.end, dyad.MentionPerson)
		// "President Obama" written as one phrase: its title picks the
		// role when the date does not.
		if (p.day == 0 || mt.stale) && mt.end-mt.first > 1 && p.isRoleWord(mt.first) {
			if alt := p.personByTitle(e, p.norm(mt.first), p.roleAgent(mt.first), false); alt != nil {
				e = alt
			}
		}
		m.Actor = e.Actor
		m.Rule = e.Rule
		if m.Actor.Agent == "" && mt.end-mt.first > 1 {
			// A name known only with its country ("President Bush" for
			// either Bush): the title gives the agent.
			if a := p.roleAgent(mt.first); a != "" {
				m.Actor.Agent = a
				m.Actor.Code = m.Actor.Country + a
			}
		}
		m.person = e.Actor.Name
		m.surname, m.family = e.last, e.first
		if e.Note != "" {
			m.title = e.noteWords
		}
	case KindAgent:
		// Role words alone are handled by parseNP; nothing to do here.
	}
}

// isPlace decides whether a capital or metonym is a location rather than
// the government acting: after a locative preposition ("in Beijing",
// "flew to Moscow"), inside a longer name ("Beijing Xiangshan Forum"), in
// a dateline ("MOSCOW, Oct 30"), or before a place noun ("Beijing time").
// A possessive ("Moscow's withdrawal") always acts.
func (p *proc) isPlace(mt *match, lo, hi int) bool {
	if mt.end < hi && isPossessive(p.norm(mt.end)) {
		return false
	}
	prev := mt.first - 1
	if prev >= lo && p.norm(prev) == "the" {
		prev--
	}
	if prev >= lo {
		pn := p.norm(prev)
		if p.is(prev, clsPlacePrep) {
			return true
		}
		if pn == "to" || pn == "for" {
			for k := prev - 1; k >= lo && k >= prev-3; k-- {
				if p.is(k, clsMotion) || p.dict.words[p.toks[k].Lemma].cls&clsMotion != 0 {
					return true
				}
			}
		}
	}
	if mt.end < hi {
		nx := p.norm(mt.end)
		if mt.entry.Kind == KindCapital && p.capitalised(mt.end) && p.matchOf(mt.end) == nil && !p.is(mt.end, clsNotName) {
			return true
		}
		if p.is(mt.end, clsPlaceNoun) {
			return true
		}
		if mt.first == lo && (nx == "," || nx == "(" || nx == "-") && p.dateline(mt, lo) {
			return true
		}
	}
	return false
}

// dateline: a capital at the start of a paragraph's first sentence,
// written in capitals or followed by a date ("MOSCOW, Oct 30 (Reuters)").
func (p *proc) dateline(mt *match, lo int) bool {
	t := p.text(mt.first)
	if strings.ToUpper(t) == t {
		return true
	}
	for k := mt.end + 1; k < mt.end+4 && k < len(p.toks) && p.toks[k].Sentence == p.toks[lo].Sentence; k++ {
		if p.is(k, clsNotName) || strings.HasPrefix(p.norm(k), "(") {
			return true
		}
	}
	return false
}

var pronouns = map[string]int{
	"he": pendPronoun, "him": pendPronoun, "his": pendPronoun, "she": pendPronoun,
	"her": pendPronoun, "they": pendPlural, "them": pendPlural, "their": pendPlural,
}

// other looks at a token with no dictionary match: a pronoun, "the two
// militaries", or a capitalised word that may be a known person's surname.
func (p *proc) other(si, i, hi int) {
	if p.cls[i]&(clsPronoun|clsCap) == 0 {
		return
	}
	nm := p.norm(i)
	if k, ok := pronouns[nm]; ok {
		m := p.newMent(si, i, i+1, dyad.MentionPronoun)
		m.pending = k
		m.Rule = "actor/coref:pronoun"
		m.plural = k == pendPlural
		return
	}
	if p.capitalised(i) && !p.is(i, clsNotName) && isWordRune(firstRune(nm)) && !isClosedClass(p.toks[i].Tag) {
		if i+1 < hi && p.capitalised(i+1) && p.matchOf(i+1) == nil && !p.is(i+1, clsNotName) {
			return // a longer unknown name, not a surname alone
		}
		p.surnames = append(p.surnames, [2]int{i, si})
	}
}

func actsAsActor(k dyad.MentionKind) bool {
	switch k {
	case dyad.MentionMedia, dyad.MentionPlace, dyad.MentionPronoun, dyad.MentionCompound:
		return false
	}
	return true
}

// coordinate joins "X and Y", "X, Y and Z" into compound mentions and
// gives a bare country adjective the role of a shared head: "Hungarian and
// Romanian officials" -> HUNGOV, ROUGOV.
func (p *proc) coordinate(ms []*ment, lo int) {
	for a := 0; a < len(ms); a++ {
		if ms[a].pending != pendNone || !actsAsActor(ms[a].Kind) {
			continue
		}
		group := append(p.group[:0], ms[a])
		b := a
		for b+1 < len(ms) {
			next := ms[b+1]
			if next.pending != pendNone || !actsAsActor(next.Kind) {
				break
			}
			gap := p.gap(ms[b].EndToken, next.FirstToken)
			if gap == "" {
				break
			}
			group = append(group, next)
			b++
			if gap != "," {
				break // "and" ends the list
			}
		}
		// A list must end with "and"/"or"; "X, Y" alone is an apposition.
		if len(group) < 2 || p.gap(group[len(group)-2].EndToken, group[len(group)-1].FirstToken) == "," {
			continue
		}
		last := group[len(group)-1]
		if last.Kind == dyad.MentionRole && last.adjHead {
			for _, g := range group[:len(group)-1] {
				// "Hungarian and Romanian officials", "U.S. and Russian negotiators"
				if g.Kind == dyad.MentionCountry && g.Actor.Agent == "" {
					g.Kind = dyad.MentionRole
					g.Actor.Agent = last.Actor.Agent
					g.Actor.Code = g.Actor.Country + g.Actor.Agent
					g.Actor.Name = ""
					g.Rule += "+" + last.Rule[strings.LastIndexByte(last.Rule, '+')+1:]
					g.plural = last.plural
				}
			}
		}
		c := p.newMent(last.Sentence, group[0].FirstToken, last.EndToken, dyad.MentionCompound)
		c.members = slices.Clone(group)
		p.group = group[:0]
		c.Rule = "actor/compound"
		c.plural = true
		p.fillCompound(c)
		a = b
	}
}

// gap reads the tokens between two mentions: "and", "or", "," or ", and"
// ("and" for both), else "".
func (p *proc) gap(end, first int) string {
	switch first - end {
	case 1:
		switch p.norm(end) {
		case "and", "or", "&":
			return "and"
		case ",":
			return ","
		}
	case 2:
		if p.norm(end) == "," && (p.norm(end+1) == "and" || p.norm(end+1) == "or") {
			return "and"
		}
		if p.norm(end) == "and" && p.norm(end+1) == "the" {
			return "and"
		}
	}
	return ""
}

func (p *proc) fillCompound(c *ment) {
	var names []string
	country := ""
	for i, m := range c.members {
		name := m.Actor.Name
		if name == "" {
			name = p.d.Slice(m.Span)
		}
		names = append(names, name)
		if i == 0 {
			country = m.Actor.Country
		} else if m.Actor.Country != country {
			country = ""
		}
	}
	c.Actor.Name = strings.Join(names, " and ")
	c.Actor.Country = country
	c.Actor.Code = country + c.Actor.Agent
}

// groupAt reads "the two militaries", "both countries" at i and adds a
// compound to resolve later; it returns the end, or i when there is none.
func (p *proc) groupAt(si, i, hi int) int {
	if p.cls[i]&clsGroup == 0 {
		return i
	}
	k := i
	switch {
	case p.norm(k) == "the" && k+2 < hi && p.norm(k+1) == "two":
		k += 2
	case p.norm(k) == "both" && k+1 < hi:
		k++
	default:
		return i
	}
	if !p.is(k, clsGroupWord) {
		return i
	}
	agent := p.dict.groupAgent[p.norm(k)]
	m := p.newMent(si, i, k+1, dyad.MentionCompound)
	m.Actor.Agent = agent
	m.pending = pendGroup
	m.Rule = "actor/coref:group"
	return k + 1
}

// institution reports whether a role word names a body rather than a
// person: "defence ministry", "ministry of defence", "army".
func (p *proc) institution(a *match) bool {
	if p.is(a.end-1, clsPersonHead) {
		return false
	}
	for k := a.first; k < a.end; k++ {
		if p.is(k, clsInstitution|clsOrgHead) {
			return true
		}
	}
	return false
}

// keep says whether a parsed phrase is worth a mention: a bare role word
// with no country, name or article ("military cooperation", "official
// delegations") is not.
func (n *np) keep(p *proc) bool {
	if n.media != nil || n.person != nil || n.name[1] > 0 || n.cref != nil || n.of != nil || n.ofOrg != nil || n.in != nil {
		return true
	}
	head := n.agents[len(n.agents)-1]
	if tag := p.toks[head.end-1].Tag; tag == "JJ" {
		return false
	}
	return n.det == "the" || isPluralNoun(p.norm(head.end-1), p.toks[head.end-1].Tag)
}

// unknownCapsRun counts the capitalised words from i that no dictionary
// phrase covers.
func (p *proc) unknownCapsRun(i, hi int) int {
	n := 0
	for k := i; k < hi && p.capitalised(k) && p.matchOf(k) == nil && !p.is(k, clsNotName) && isWordRune(firstRune(p.norm(k))); k++ {
		n++
	}
	return n
}

func isLowerWord(s string) bool {
	r := firstRune(s)
	return unicode.IsLower(r)
}

// head is the role word that decides the agent: the last one, unless it
// is a generic word for a person of the body named before it ("army
// spokesman" MIL, "border patrol agents" COP, but "government troops" MIL).
func (p *proc) head(n *np) *match {
	last := n.agents[len(n.agents)-1]
	if len(n.agents) > 1 && p.is(last.end-1, clsGenericRole) {
		return n.agents[len(n.agents)-2]
	}
	return last
}

// byTitle picks, among a person's roles, the one the text's title names
// ("President Obama" in an undated text is the president, not the former
// one) when the date does not decide: no publication date, or no role
// valid on it. "former" picks an ELI role.
func (p *proc) byTitle(e *Entry, n *np) *Entry {
	if p.day != 0 && !n.person.stale || len(n.agents) == 0 {
		return nil
	}
	words := p.titleWords(n)
	return p.personByTitle(e, words[len(words)-1], p.head(n).entry.Actor.Agent, n.elite)
}

// isRoleWord reports whether token i alone is a role phrase.
func (p *proc) isRoleWord(i int) bool {
	node := p.dict.step(0, p.norm(i))
	if node < 0 {
		return false
	}
	for _, pat := range p.dict.ends[node] {
		if p.dict.entries[pat.entry].Kind == KindAgent {
			return true
		}
	}
	return false
}

// personByTitle is the role of e's person whose note names head (and is a
// former role when elite), the most fitting by date; failing that, when
// the title is a current one, the role with the title's agent ("President
// Suharto" in an undated text: his GOV role, not the later ELI one); nil
// if none.
func (p *proc) personByTitle(e *Entry, head, agent string, elite bool) *Entry {
	var best, byAgent *Entry
	for _, c := range p.dict.people[e.Actor.Name] {
		o := p.dict.entries[c]
		note := strings.ToLower(o.Note)
		former := o.Actor.Agent == "ELI" || strings.HasPrefix(note, "former")
		if former != elite {
			continue
		}
		if !strings.Contains(note, head) {
			if !elite && agent != "" && o.Actor.Agent == agent && (byAgent == nil || p.better(o, byAgent)) {
				byAgent = o
			}
			continue
		}
		if best == nil || p.better(o, best) {
			best = o
		}
	}
	if best == nil {
		return byAgent
	}
	return best
}

// roleAgent is the agent of the one-word role phrase at token i, or "".
func (p *proc) roleAgent(i int) string {
	node := p.dict.step(0, p.norm(i))
	if node < 0 {
		return ""
	}
	for _, pat := range p.dict.ends[node] {
		if e := p.dict.entries[pat.entry]; e.Kind == KindAgent {
			return e.Actor.Agent
		}
	}
	return ""
}
