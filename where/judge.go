package where

import (
	"slices"
	"strings"

	"github.com/dyadproject/dyad"
)

// judge decides whether the name m is used as a place, filling in its
// readings, cue and qualifier. In order:
//
//  1. An actor mention over the name decides for it: a capital the actor
//     stage marked as a place is one; a country is one only after a
//     locative word ("inside Iran", "visited China"); a country or capital
//     that acts ("Beijing said", "Moscow's withdrawal"), a person, an
//     organisation or an outlet is not.
//  2. Otherwise the name must not be part of a person's name: no title
//     before it ("President Jackson"), no capitalised name word right
//     before it ("Jorge Glas"), no "said" right after it, and no cue-less
//     use of a word seen as the surname of a longer name in the article.
//  3. A name followed by a capitalised word is the start of a longer name:
//     it is kept only for a country, a city of a million or a capital of
//     300,000 under its own name ("the Beijing Xiangshan Forum"), and never
//     before a feature word ("Kerch Strait" is not Kerch).
//  4. Countries need a locative word; so do names that are common English
//     words ("Nice", "Split", common.txt); a name that opens the sentence
//     needs one unless it has several words or 100,000 people. (choose
//     later drops a bare name whose reading is neither well known nor in
//     a country the article names.)
func (p *proc) judge(m *match) bool {
	d := p.d
	sn := d.Sentences[m.sent]
	lo, hi := sn.FirstToken, sn.EndToken
	if m.node >= 0 {
		p.candidates(m, false)
	}
	if len(m.cands) == 0 {
		return false
	}
	c, word, want, at := p.cueBefore(m.first, lo)
	m.cueAt = -1
	if c > m.cue {
		m.cue, m.word, m.cueAt = c, word, at
	}
	if m.cue == CueNone {
		p.inheritCue(m, lo)
	}
	if want != kindAny {
		m.want = want
	}
	strong := p.qualify(m, lo, hi)
	m.strong = strong

	// "Sea of Azov", "Strait of Hormuz": another feature.
	if m.first-2 >= lo && p.norm(m.first-1) == "of" && features[p.norm(m.first-2)] {
		return false
	}

	// 3. The start of a longer name?
	inName := false
	if m.end < hi && p.nameGoesOn(m.end, hi) && !strong {
		nx := p.norm(m.end)
		if features[nx] {
			return false
		}
		if !isMonth(nx) {
			inName = true
			last := m.end
			for last+1 < hi && last+1 < m.end+6 && p.capitalised(last+1) && isWordToken(p.norm(last+1)) {
				last++
			}
			// The cue word governs the whole name ("on the sidelines of
			// the Beijing Xiangshan Forum"): only "at", "in" keep theirs.
			if m.cue < CueAt {
				m.cue, m.word = CueName, ""
				if venues[p.norm(last)] {
					m.cue = CueVenue
				}
			}
		}
	}

	// "India's Punjab state", "China's Central Military Commission", "the
	// U.S. Pacific territory": a country in the possessive or before a
	// noun qualifies what follows.
	if p.countryName(m) && (p.possessive(m.end, hi) || m.end < hi && p.isNoun(m.end)) {
		return false
	}

	// 1. Actor mentions.
	if m.mention < 0 {
		m.mention = p.mentionAt(m)
	}
	if m.mention >= 0 {
		mn := d.Mentions[m.mention]
		inside := m.cueAt >= mn.FirstToken && m.cueAt < mn.EndToken
		bigger := mn.FirstToken < m.first || mn.EndToken > m.end
		switch {
		case bigger && m.node >= 0 && (mn.Kind == dyad.MentionPlace || mn.Kind == dyad.MentionMetonym || mn.Kind == dyad.MentionCountry):
			// Part of a longer actor name: "South" of "South African",
			// "U.S." of "U.S. State Department".
			return false
		case mn.Kind == dyad.MentionPlace || mn.Kind == dyad.MentionMetonym && m.cue == CueAt && !p.possessive(m.end, hi):
			// A capital or seat of power used as a place; the actor stage
			// does not see verbs that take a place ("struck Kyiv"). It
			// knows the country: "White House" is not Casablanca, but a
			// qualifier knows better ("Paris, Texas").
			return m.node < 0 || m.qual != nil || p.keepOwn(m, mn.Actor.Country)
		case mn.Kind == dyad.MentionCountry:
			if m.node < 0 {
				return true // "the Qatari capital"
			}
			return m.cue >= CueFrom || strong
		case inside && mn.Kind != dyad.MentionMetonym && mn.Kind != dyad.MentionCountry:
			// "Officials in Tripoli", "rebels in Darfur": a place inside
			// an actor's phrase; judged on its own.
			m.mention = -1
		default:
			return false
		}
	}
	if m.node < 0 {
		return true
	}

	// 2. Part of a person's name?
	if m.first > lo {
		prev := p.norm(m.first - 1)
		if titles[prev] {
			return false
		}
		if m.first-1 > lo && p.capitalised(m.first-1) && p.isNameWord(m.first-1) && !directions[prev] && p.ment[m.first-1] < 0 {
			return false
		}
	}
	if m.end < hi && speechVerbs[p.norm(m.end)] && m.cue < CueFrom {
		return false
	}
	located := m.cue >= CueFrom || strong
	if !located && p.isSurname(m) {
		return false
	}

	// 3. Longer names.
	if inName {
		if m.first > lo && p.capitalised(m.first-1) && p.isNameWord(m.first-1) {
			return false
		}
		return p.wellKnown(m)
	}

	// 4. Countries, common words, sentence openers.
	if !located {
		if p.countryName(m) || p.g.nodes[m.node].common {
			return false
		}
		if m.first == lo || p.afterOpener(m.first, lo) {
			if m.end-m.first == 1 && p.maxPop(m) < 100000 {
				return false
			}
		}
		if m.end-m.first == 1 {
			if t := p.tag(m.first); t != "" && !strings.HasPrefix(t, "NNP") {
				return false
			}
		}
	} else if p.g.nodes[m.node].common {
		if (m.first == lo || p.afterOpener(m.first, lo)) && m.cue < CueFrom {
			return false
		}
		// "of" shows a place only after a word for its people or parts
		// ("the mayor of Nice", not "the Central Union of Workers").
		if m.word == "of" && !strong && (m.cueAt < 1 || !ofPlaceHeads[p.norm(m.cueAt-1)]) {
			if _, ok := placeTypes[p.norm(m.cueAt-1)]; !ok || m.cueAt < 1 {
				return false
			}
		}
	}
	// "Red Sea" (a Sudanese state, and a sea): a name ending in a
	// feature word needs its kind said ("Red Sea state").
	if m.end-m.first > 1 && features[p.norm(m.end-1)] && m.want == kindAny {
		return false
	}
	return true
}

// ofPlaceHeads before "of" show that the name after it is a place.
var ofPlaceHeads = map[string]bool{
	"mayor": true, "governor": true, "people": true, "residents": true, "citizens": true,
	"inhabitants": true, "streets": true, "outskirts": true, "suburbs": true, "centre": true,
	"center": true, "mayors": true, "bishop": true, "archbishop": true, "university": true,
	"port": true, "siege": true, "battle": true, "liberation": true, "fall": true, "capture": true,
}

// arabicArticles start the second word of Arabic names written with a
// hyphen: "Bab al-Hawa", "Ras al-Ain".
var arabicArticles = []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ed-", "er-", "es-", "et-", "en-"}

// nameGoesOn: the name ends before token k only in part: k is a
// capitalised word, or an Arabic article joined to a word ("al-Salam"),
// or a particle before a capitalised word ("de Janeiro").
func (p *proc) nameGoesOn(k, hi int) bool {
	nm := p.norm(k)
	if p.capitalised(k) && isWordToken(nm) {
		return true
	}
	for _, a := range arabicArticles {
		if strings.HasPrefix(nm, a) && len(nm) > len(a) {
			return true
		}
	}
	return particles[nm] && nm != "of" && nm != "and" && nm != "the" && k+1 < hi && p.capitalised(k+1)
}

// inheritCue gives the later names of a list the cue of the first: "hit
// Khan Younis and Rafah", "in Arequipa, Cusco and Puno".
func (p *proc) inheritCue(m *match, lo int) {
	k := m.first - 1
	for k > lo && k >= m.first-3 && (npMods[p.norm(k)] || p.isAdjective(k) && !p.capitalised(k)) {
		k-- // "in Gaza and southern Lebanon"
	}
	if k <= lo || p.norm(k) != "and" && p.norm(k) != "or" && p.norm(k) != "," {
		return
	}
	for i := len(p.kept) - 1; i >= 0; i-- {
		prev := p.kept[i]
		if prev.sent != m.sent || prev.end < k-1 {
			return
		}
		if prev.end == k || prev.end == k-1 && p.norm(k-1) == "," {
			if prev.cue >= CueFrom && prev.cue != CueDateline {
				m.cue, m.word, m.cueAt = prev.cue, prev.word, prev.cueAt
			}
			return
		}
	}
}

// qualify looks for what narrows a name down: "Paris, Texas" (the span
// grows to cover the qualifier), "Hyderabad in Pakistan", "Pakistan's
// Hyderabad"; and for a noun that asks for a kind ("Donetsk region",
// "Gaza city"). It reports whether any such cue was found.
func (p *proc) qualify(m *match, lo, hi int) bool {
	d := p.d
	strong := false
	qualAt := func(k, limit int) []int32 {
		if k >= limit || !p.capitalised(k) {
			return nil
		}
		qe, qn := p.longest(k, limit, true)
		if qe < 0 {
			return nil
		}
		var q []int32
		text := d.Text[d.Tokens[k].Start:d.Tokens[qe-1].End]
		for _, ps := range p.g.postings(qn) {
			if kd := p.g.entries[ps.entry].Kind; (kd == KindAdmin1 || kd == KindCountry) && p.fits(ps, text, true) {
				q = append(q, ps.entry)
			}
		}
		if len(q) > 0 {
			p.qualEnd = qe
		}
		return q
	}
	// "Paris, Texas" / "Woodside, Calif."
	if m.end+1 < hi && p.norm(m.end) == "," {
		if q := qualAt(m.end+1, hi); q != nil && p.restrict(m, q) {
			m.qualNext = true
			m.span.End = d.Tokens[p.qualEnd-1].End
			for t := m.end; t < p.qualEnd; t++ {
				p.ensureSkip()
				p.skip[t] = true
			}
			strong = true
		}
	}
	// "Hyderabad in (southern) Pakistan"
	if !m.qualNext && m.end+1 < hi && p.norm(m.end) == "in" {
		k := m.end + 1
		for k < hi && k < m.end+4 && (npMods[p.norm(k)] || p.isAdjective(k) && !p.capitalised(k)) {
			k++
		}
		if q := qualAt(k, hi); q != nil && p.restrict(m, q) {
			strong = true
		}
	}
	// "Pakistan's Hyderabad"
	if m.first-2 >= lo && p.norm(m.first-1) == "'s" {
		for k := m.first - 2; k >= lo && k >= m.first-5; k-- {
			if !p.capitalised(k) {
				break
			}
			if qe, _ := p.longest(k, m.first-1, true); qe == m.first-1 {
				if q := qualAt(k, m.first-1); q != nil && p.restrict(m, q) {
					strong = true
				}
				break
			}
		}
	}
	if m.end < hi {
		nx := p.norm(m.end)
		switch {
		case adminNouns[nx]:
			m.want = KindAdmin1
			strong = true
		case nx == "city" || nx == "town":
			m.want = KindCity
			strong = true
		case placeNouns[nx]:
			strong = true
		}
	}
	return strong
}

// isNoun: token k is tagged as a noun, and not a word of time ("in the
// US today", "in China Monday").
func (p *proc) isNoun(k int) bool {
	return strings.HasPrefix(p.tag(k), "NN") && !timeWords[p.norm(k)] && !isMonth(p.norm(k))
}

var timeWords = map[string]bool{
	"today": true, "tomorrow": true, "yesterday": true, "tonight": true, "year": true, "week": true,
	"month": true, "morning": true, "evening": true, "afternoon": true, "night": true,
}

// countryName: m names a country: some reading is one, and the others
// bear the name only as an alternate (a town also called "India" yields
// to the country, see choose).
func (p *proc) countryName(m *match) bool {
	country := false
	for k, c := range m.cands {
		if p.g.entries[c].Kind == KindCountry {
			country = true
		} else if !m.alt[k] {
			return false
		}
	}
	return country
}

// possessive: token k is "'s" or "'".
func (p *proc) possessive(k, hi int) bool {
	return k < hi && (p.norm(k) == "'s" || p.norm(k) == "'")
}

func (p *proc) ensureSkip() {
	if n := len(p.d.Tokens); len(p.skip) != n {
		p.skip = slices.Grow(p.skip[:0], n)[:n]
		clear(p.skip)
	}
}

// isNameWord: a capitalised token that is a proper noun, not a function
// word that opens a sentence ("In Beijing").
func (p *proc) isNameWord(k int) bool {
	if !isWordToken(p.norm(k)) {
		return false
	}
	if t := p.tag(k); t != "" {
		return strings.HasPrefix(t, "NNP")
	}
	return k > p.d.Sentences[p.d.Tokens[k].Sentence].FirstToken
}

// afterOpener: only quotes or brackets stand between the sentence start
// and token k.
func (p *proc) afterOpener(k, lo int) bool {
	for j := k - 1; j >= lo; j-- {
		switch p.norm(j) {
		case "\"", "'", "(", "[", "-", "--":
			continue
		}
		return false
	}
	return true
}

// keepOwn keeps the readings of m by their own name, and those in
// country iso3; false when none is left.
func (p *proc) keepOwn(m *match, iso3 string) bool {
	n := 0
	for k, c := range m.cands {
		if !m.alt[k] || p.g.entries[c].Country == iso3 {
			m.cands[n], m.alt[n] = c, m.alt[k] // in place: m owns its slice
			n++
		}
	}
	if n == 0 {
		return false
	}
	m.cands, m.alt = m.cands[:n], m.alt[:n]
	return true
}

// wellKnown: some reading, by its own name, is a country, a city of a
// million or a capital of 300,000 ("Xiangshan" of "Xiangshan Security
// Forum" is only an old name of Zhongshan; "Victoria" of "Victoria
// Nuland" is too small a capital).
func (p *proc) wellKnown(m *match) bool {
	for k, c := range m.cands {
		e := &p.g.entries[c]
		if m.alt[k] && e.Kind != KindCountry {
			continue
		}
		if isWellKnown(e) {
			return true
		}
	}
	return false
}

func isWellKnown(e *Entry) bool {
	return e.Kind == KindCountry || e.Kind == KindCity && (e.Population >= 1000000 || e.Feature == "PPLC" && e.Population >= 300000)
}

func (p *proc) maxPop(m *match) int {
	n := 0
	for _, c := range m.cands {
		n = max(n, p.g.entries[c].Population)
	}
	return n
}

// isSurname: the name is a single word seen elsewhere in the article as
// the last word of a longer capitalised name that is not a place ("Jorge
// Glas" makes a later "Glas" a person), or of a person mention.
func (p *proc) isSurname(m *match) bool {
	if m.end-m.first != 1 {
		return false
	}
	if !p.surnamesDone {
		p.collectSurnames()
		p.surnamesDone = true
	}
	return p.surnames[p.norm(m.first)]
}

func (p *proc) collectSurnames() {
	d := p.d
	for _, mn := range d.Mentions {
		if mn.Kind == dyad.MentionPerson && mn.EndToken-mn.FirstToken >= 2 && mn.EndToken <= len(d.Tokens) {
			p.surnames[p.norm(mn.EndToken-1)] = true
		}
	}
	for _, sn := range d.Sentences {
		run := 0
		for k := sn.FirstToken; k <= sn.EndToken; k++ {
			if k < sn.EndToken && p.capitalised(k) && p.isNameWord(k) && !directions[p.norm(k)] {
				run++
				continue
			}
			if run >= 2 {
				last := k - 1
				p.buf = AppendKey(p.buf[:0], d.Text[d.Tokens[last-run+1].Start:d.Tokens[last].End])
				if _, ok := p.g.index[string(p.buf)]; !ok {
					if p.ment[last] < 0 || d.Mentions[p.ment[last]].Kind == dyad.MentionPerson {
						p.surnames[p.norm(last)] = true
					}
				}
			}
			run = 0
		}
	}
}
