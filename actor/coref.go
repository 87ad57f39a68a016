package actor

import (
	"cmp"
	"slices"

	"github.com/dyadproject/dyad"
)

// How far back (in sentences) each kind of reference looks.
const (
	pronounReach = 3
	pluralReach  = 2
	titleReach   = 12
	groupReach   = 5
)

// coref resolves, in text order, surnames alone, pronouns, bare titles
// and "the two militaries" to earlier mentions. Unresolved surnames,
// pronouns and groups are dropped; unresolved titles keep their own code.
func (p *proc) coref() {
	p.addSurnames()
	ms := p.ments
	slices.SortStableFunc(ms, func(a, b *ment) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.End, a.End)
	})
	// Titles seen for each person so far, for "the minister".
	titles := map[string][]string{}
	for i, m := range ms {
		switch m.pending {
		case pendSurname:
			p.resolveSurname(ms, i)
		case pendPronoun:
			p.resolvePronoun(ms, i)
		case pendPlural:
			p.resolvePlural(ms, i)
		case pendTitle:
			p.resolveTitle(ms, i, titles)
		case pendGroup:
			p.resolveGroup(ms, i)
		}
		if m.person != "" && !m.absorbed {
			titles[m.person] = append(titles[m.person], m.title...)
		}
	}
	p.fillCountries(ms)
	p.residence(ms)
}

// residence codes "ethnic Albanians", "ethnic Turks" by the country they
// live in rather than by their kin state, as CAMEO codes minorities: the
// nearest other country named in the sentence, else the one the article
// names most apart from the kin state (rule actor/guess:residence). With
// no other country the kin state stays.
func (p *proc) residence(ms []*ment) {
	for _, m := range ms {
		if !m.ethnic || m.absorbed || m.Actor.Country == "" {
			continue
		}
		c := p.nearestCountryExcept(ms, m)
		if c == "" {
			c = mainCountryExcept(ms, m.Actor.Country)
		}
		if c == "-" {
			continue
		}
		m.Actor.Country = c
		m.Actor.Code = c + m.Actor.Agent
		m.Actor.Name = ""
		m.Rule += "+actor/guess:residence"
	}
}

// fillCountries gives a titled person with no country word ("President
// Yoweri Museveni") the country of another mention of the same surname,
// else the country the article is most about (rule actor/guess:main-country).
func (p *proc) fillCountries(ms []*ment) {
	main := ""
	for _, m := range ms {
		if !m.needCountry {
			continue
		}
		from := ""
		for _, o := range ms {
			if o != m && o.person != "" && !o.absorbed && o.Actor.Country != "" && (o.hasName(m.surname) || m.family != "" && o.hasName(m.family)) {
				from = o.Actor.Country
				break
			}
		}
		rule := "actor/coref:surname"
		if from == "" {
			if main == "" {
				main = mainCountry(ms)
			}
			from, rule = main, "actor/guess:main-country"
		}
		if from == "" || from == "-" {
			continue
		}
		m.Actor.Country = from
		m.Actor.Code = from + m.Actor.Agent
		m.Rule += "+" + rule
		for _, o := range ms { // pronouns and surnames that copied it
			if o.ante == m {
				o.Actor = m.Actor
			}
		}
	}
}

// mainCountry is the country named most often in the article by country
// words, capitals and coded roles (the first named wins a tie); "-" when
// there is none.
func mainCountry(ms []*ment) string { return mainCountryExcept(ms, "") }

// nearestCountryExcept is where the people of an ethnic mention m live,
// from its sentence: a country just after it behind "in" ("ethnic
// Albanians in south Serbia", "ethnic Albanian unrest in Montenegro"), else the nearest other country before it
// ("Macedonia ... an offensive against ethnic Albanian guerrillas"),
// else the nearest after it; "" when the sentence names no other country.
func (p *proc) nearestCountryExcept(ms []*ment, m *ment) string {
	before, after := "", ""
	bestB, bestA := 1<<30, 1<<30
	for _, o := range ms {
		c := o.Actor.Country
		if o == m || o.Sentence != m.Sentence || o.absorbed || o.ethnic || len(c) != 3 || c == "IGO" || c == "NGO" || c == m.Actor.Country {
			continue
		}
		switch o.Kind {
		case dyad.MentionCountry, dyad.MentionMetonym, dyad.MentionRole, dyad.MentionPlace, dyad.MentionPerson:
		default:
			continue
		}
		if o.FirstToken >= m.EndToken {
			d := o.FirstToken - m.EndToken
			for k := m.EndToken; d <= 3 && k < o.FirstToken; k++ {
				if p.is(k, clsPlacePrep) {
					return c // "ethnic Albanian unrest in Montenegro"
				}
			}
			if d < bestA {
				after, bestA = c, d
			}
		} else if d := m.FirstToken - o.EndToken; d >= 0 && d < bestB {
			before, bestB = c, d
		}
	}
	if before != "" {
		return before
	}
	return after
}

// mainCountryExcept is mainCountry leaving out one country and the
// ethnic mentions.
func mainCountryExcept(ms []*ment, except string) string {
	count := map[string]int{}
	best, bestN := "-", 0
	for _, m := range ms {
		c := m.Actor.Country
		if m.absorbed || len(c) != 3 || c == "IGO" || c == "NGO" || c == except || m.ethnic {
			continue
		}
		switch m.Kind {
		case dyad.MentionCountry, dyad.MentionMetonym, dyad.MentionRole, dyad.MentionPlace, dyad.MentionPerson:
		default:
			continue
		}
		count[c]++
		if count[c] > bestN {
			best, bestN = c, count[c]
		}
	}
	return best
}

// addSurnames makes mentions of the capitalised words that are the first
// or last word of a person's name in this article.
func (p *proc) addSurnames() {
	if len(p.surnames) == 0 {
		return
	}
	names := map[string]bool{}
	for _, m := range p.ments {
		if m.person != "" {
			names[m.surname] = true
			if m.family != "" {
				names[m.family] = true
			}
		}
	}
	for _, c := range p.surnames {
		nm := p.norm(c[0])
		if !names[nm] {
			continue
		}
		m := p.newMent(c[1], c[0], c[0]+1, dyad.MentionPerson)
		m.pending = pendSurname
		m.surname = nm
		m.Rule = "actor/coref:surname"
	}
}

func (p *proc) resolveSurname(ms []*ment, i int) {
	m := ms[i]
	m.pending = pendNone
	var ante *ment
	for k := i - 1; k >= 0; k-- {
		o := ms[k]
		if o.person != "" && !o.absorbed && o.hasName(m.surname) && o.pending == pendNone {
			ante = o
			break
		}
	}
	if ante == nil { // a teaser line before the full name
		for k := i + 1; k < len(ms); k++ {
			o := ms[k]
			if o.person != "" && !o.absorbed && o.hasName(m.surname) && o.pending == pendNone && o.Rule != "actor/coref:surname" {
				ante = o
				break
			}
		}
	}
	if ante == nil {
		m.absorbed = true
		return
	}
	if ante.ante != nil && ante.Rule == "actor/coref:surname" {
		ante = ante.ante
	}
	m.ante = ante
	m.Actor = ante.Actor
	m.person = ante.person
}

// personLike: a named person, or a singular title for one.
func personLike(o *ment) bool {
	if o.absorbed || o.pending != pendNone {
		return false
	}
	switch o.Kind {
	case dyad.MentionPerson:
		return o.person != ""
	case dyad.MentionRole:
		return !o.plural && !o.instit && (o.ante != nil || o.Actor.Country != "")
	case dyad.MentionPronoun:
		return !o.plural && o.ante != nil
	}
	return false
}

// resolvePronoun: he/she/him/his/her -> the first person named earlier in
// the same sentence, else the first one of the nearest earlier sentence
// that names one (subjects come first in English).
func (p *proc) resolvePronoun(ms []*ment, i int) {
	m := ms[i]
	m.pending = pendNone
	var ante *ment
	sent := m.Sentence
	for k := i - 1; k >= 0 && ms[k].Sentence >= sent-pronounReach; k-- {
		o := ms[k]
		if o.Sentence != sent && ante != nil {
			break
		}
		if o.Sentence < sent && ante == nil {
			sent = o.Sentence
		}
		if personLike(o) && !inside(o, ms, k) {
			ante = o // keep going left: the first in that sentence wins
		}
	}
	if ante == nil {
		m.absorbed = true
		return
	}
	p.link(m, ante)
}

// inside reports whether ms[k] lies within another mention before it
// (a member of a compound), which is not a subject of its own.
func inside(o *ment, ms []*ment, k int) bool {
	for j := k - 1; j >= 0 && ms[j].Sentence == o.Sentence; j-- {
		if ms[j].Span.Contains(o.Span) && ms[j].Kind == dyad.MentionCompound {
			return true
		}
	}
	return false
}

func (p *proc) link(m, ante *ment) {
	m.ante = ante
	m.Actor = ante.Actor
	m.person = ante.person
	m.members = ante.members
	if ante.Kind == dyad.MentionPronoun && ante.ante != nil {
		m.ante = ante.ante
	}
}

// resolvePlural: they/them/their -> the nearest compound, plural role or
// group before it.
func (p *proc) resolvePlural(ms []*ment, i int) {
	m := ms[i]
	m.pending = pendNone
	for k := i - 1; k >= 0 && ms[k].Sentence >= m.Sentence-pluralReach; k-- {
		o := ms[k]
		if o.absorbed || o.pending != pendNone {
			continue
		}
		if o.Kind == dyad.MentionCompound && (len(o.members) > 0 || o.ante != nil) ||
			o.plural && (o.Kind == dyad.MentionRole || o.Kind == dyad.MentionGroup) {
			p.link(m, o)
			return
		}
	}
	m.absorbed = true
}

// resolveTitle: "the minister", "The Russian Defence Minister" -> the
// nearest person whose titles so far include the role's head word, of the
// same country when the role names one.
func (p *proc) resolveTitle(ms []*ment, i int, titles map[string][]string) {
	m := ms[i]
	m.pending = pendNone
	if len(m.title) == 0 {
		return
	}
	head := m.title[len(m.title)-1]
	for k := i - 1; k >= 0 && ms[k].Sentence >= m.Sentence-titleReach; k-- {
		o := ms[k]
		if o.absorbed || o.pending != pendNone || o.person == "" || o.Kind != dyad.MentionPerson {
			continue
		}
		if m.Actor.Country != "" && o.Actor.Country != m.Actor.Country {
			continue
		}
		if !slices.Contains(titles[o.person], head) {
			continue
		}
		code := m.Actor
		m.ante = o
		m.person = o.person
		m.Actor = o.Actor
		if code.Country != "" && code.Country != o.Actor.Country {
			m.Actor = code
			m.Actor.Name = o.Actor.Name
		}
		return
	}
}

// resolveGroup: "the two militaries", "both countries" -> the nearest
// compound; its members take the group word's agent.
func (p *proc) resolveGroup(ms []*ment, i int) {
	m := ms[i]
	m.pending = pendNone
	agent := m.Actor.Agent
	for k := i - 1; k >= 0 && ms[k].Sentence >= m.Sentence-groupReach; k-- {
		o := ms[k]
		if o.absorbed || o.Kind != dyad.MentionCompound || o.pending != pendNone || len(o.members) < 2 {
			continue
		}
		m.ante = o
		m.members = o.members
		m.Actor = o.Actor
		m.Actor.Agent = agent
		m.Actor.Code = m.Actor.Country + agent
		return
	}
	m.absorbed = true
}

// emit writes the mentions to the Doc with antecedents as indexes.
func (p *proc) emit() {
	out := p.d.Mentions[:0]
	for _, m := range p.ments {
		if m.absorbed {
			continue
		}
		m.index = len(out)
		out = append(out, m.Mention)
	}
	for _, m := range p.ments {
		if m.absorbed || m.ante == nil {
			continue
		}
		a := m.ante
		for a.absorbed && a.ante != nil {
			a = a.ante
		}
		if !a.absorbed {
			out[m.index].Antecedent = a.index
		}
	}
	p.d.Mentions = out
}

// hasName: a surname alone names this person by its last word or, for
// names written family name first ("Zhang Youxia"), its first.
func (o *ment) hasName(w string) bool {
	return w == o.surname || o.family != "" && w == o.family
}
