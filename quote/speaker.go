package quote

import (
	"path"
	"strings"

	"github.com/dyadproject/dyad"
)

// spKind is what kind of speaker a phrase names.
type spKind uint8

const (
	spOther  spKind = iota
	spPerson        // a person, named or by role
	spBody          // an institution ("the foreign ministry")
	spState         // a country, or a capital standing for its government
	spMedia         // a news outlet: a credit, not a speaker, when another is named
)

// speaker is a resolved speaker.
type speaker struct {
	ok      bool
	name    string
	code    string
	country string
	kind    spKind
}

// maxHops bounds chains of references (pronoun -> title -> person).
const maxHops = 4

// speakerOf resolves the phrase that names a speaker; at is the token of
// the cue, for references back.
func (p *proc) speakerOf(ph phrase, at, hops int) speaker {
	if hops > maxHops {
		return speaker{}
	}
	switch ph.kind {
	case phPronoun:
		return p.pronounSpeaker(ph, hops)
	case phMention:
		return p.mentionSpeaker(ph, at, hops)
	case phName:
		sp := speaker{ok: true, name: p.phraseText(ph), kind: spPerson}
		if m := p.appositionRole(ph.end); m >= 0 {
			a := p.d.Mentions[m].Actor
			sp.code, sp.country = a.Code, a.Country
		}
		return sp
	case phNoun:
		sp := speaker{ok: true, name: p.phraseText(ph), kind: spOther}
		head := p.headNoun(ph.first, ph.end)
		switch c := p.t.nouns[head]; c {
		case nounPerson:
			sp.kind = spPerson
			if ph.pp < 0 && p.bare(ph.first, ph.end) {
				// "the spokesman": the speaker named so before.
				if o, ok := p.speakerBefore(head); ok {
					return o
				}
			}
		case nounBody, nounOrg:
			sp.kind = spBody
			if ph.pp < 0 && p.bare(ph.first, ph.end) {
				if o := p.bodyBefore(ph.first, head, c); o >= 0 {
					return p.mentionSpeaker(p.mentionPhrase(o), at, hops+1)
				}
			}
		}
		if ph.pp >= 0 { // "a spokesman for the Korean People's Army"
			a := p.d.Mentions[ph.pp].Actor
			sp.code, sp.country = a.Code, a.Country
		}
		return sp
	}
	return speaker{}
}

func (p *proc) mentionSpeaker(ph phrase, at, hops int) speaker {
	m := p.d.Mentions[ph.ment]
	a := m.Actor
	sp := speaker{ok: true, name: p.phraseText(ph), code: a.Code, country: a.Country, kind: spOther}
	switch m.Kind {
	case dyad.MentionPerson:
		sp.kind = spPerson
		if a.Name != "" {
			sp.name = a.Name
		}
	case dyad.MentionPronoun:
		return p.pronounSpeaker(ph, hops)
	case dyad.MentionRole:
		if m.Antecedent >= 0 && a.Name != "" { // "The Russian Defence Minister" -> Shoigu
			return speaker{ok: true, name: a.Name, code: a.Code, country: a.Country, kind: spPerson}
		}
		head := p.headNoun(m.FirstToken, m.EndToken)
		switch c := p.t.nouns[head]; c {
		case nounPerson:
			sp.kind = spPerson
			if a.Country == "" && ph.pp < 0 && p.bare(m.FirstToken, m.EndToken) {
				if o, ok := p.speakerBefore(head); ok {
					return o
				}
			}
		case nounBody, nounOrg:
			sp.kind = spBody
			if a.Country == "" && ph.pp < 0 && p.bare(m.FirstToken, m.EndToken) {
				// "the ministry": the body named before with that head noun.
				if o := p.bodyBefore(m.FirstToken, head, c); o >= 0 {
					return p.mentionSpeaker(p.mentionPhrase(o), at, hops+1)
				}
			}
		}
	case dyad.MentionOrg, dyad.MentionGroup:
		sp.kind = spBody
	case dyad.MentionMetonym:
		sp.kind = spBody
		if isCapital(m) {
			sp.kind = spState
		}
	case dyad.MentionCountry, dyad.MentionPlace, dyad.MentionRegion:
		sp.kind = spState
	case dyad.MentionMedia:
		sp.kind = spMedia
		if a.Name != "" {
			sp.name = a.Name
		}
	case dyad.MentionCompound:
		sp.code = ""
	}
	return sp
}

// isCapital: a capital city standing for its government ("Islamabad
// said"), as the actor dictionary's capitals table codes it.
func isCapital(m dyad.Mention) bool {
	file, _, _ := strings.Cut(m.Rule, ":")
	return path.Base(file) == "capitals.txt"
}

// mentionPhrase is the speaker phrase of mention i with what trails it.
func (p *proc) mentionPhrase(i int) phrase {
	m := p.d.Mentions[i]
	_, hi := p.sentRange(m.Sentence)
	lo, _ := p.sentRange(m.Sentence)
	ph := phrase{kind: phMention, first: m.FirstToken, end: m.EndToken, ment: i, pp: -1}
	return p.trailing(p.withPossessor(ph, lo), hi)
}

// appositionRole: in ", head of the consular section," after an unknown
// name, the first mention of a body or role, for the name's code.
func (p *proc) appositionRole(e int) int {
	s := p.toks[e-1].Sentence
	_, hi := p.sentRange(s)
	if e >= hi || p.norm(e) != "," {
		return -1
	}
	for k := e + 1; k < hi && k-e < 20 && p.norm(k) != ","; k++ {
		if m := p.mStart[k]; m >= 0 {
			switch p.d.Mentions[m].Kind {
			case dyad.MentionRole, dyad.MentionOrg, dyad.MentionMetonym:
				return int(m)
			}
		}
	}
	return -1
}

// pronounSpeaker resolves he/she/it/they/we/I.
func (p *proc) pronounSpeaker(ph phrase, hops int) speaker {
	i := ph.first
	switch p.norm(i) {
	case "it":
		if o := p.antecedent(i, false); o >= 0 {
			return p.mentionSpeaker(p.mentionPhrase(o), i, hops+1)
		}
		return speaker{}
	case "he", "she":
		if o := p.antecedent(i, true); o >= 0 {
			return p.mentionSpeaker(p.mentionPhrase(o), i, hops+1)
		}
	}
	if m := p.mStart[i]; m >= 0 {
		if a := p.d.Mentions[m].Antecedent; a >= 0 && a != int(m) {
			return p.mentionSpeaker(p.mentionPhrase(a), i, hops+1)
		}
	}
	return speaker{}
}

// Reach of references back, in sentences.
const (
	pronounReach = 3
	bodyReach    = 12
)

// antecedent finds what a pronoun at token i refers to: the first subject
// that is a person (person) or a body (!person) in its own sentence
// before it, else in the nearest sentence before that has one. Subjects
// come first because a speaker is usually the subject of the sentence
// before ("Castro bristled. "…," he said").
func (p *proc) antecedent(i int, person bool) int {
	s := p.toks[i].Sentence
	for si := s; si >= 0 && si >= s-pronounReach; si-- {
		_, hi := p.sentRange(si)
		for k := p.sentM[si]; k < p.sentM[si+1]; k++ {
			m := p.d.Mentions[k]
			if si == s && m.EndToken > i {
				break
			}
			if p.inQ[m.FirstToken] >= 0 || !p.isSubject(m.EndToken, hi) && !p.isSubject(p.mentionPhrase(int(k)).end, hi) {
				continue
			}
			if person && p.personLike(int(k)) || !person && p.bodyLike(int(k)) {
				if m.Kind == dyad.MentionPronoun && m.Antecedent >= 0 {
					return m.Antecedent
				}
				return int(k)
			}
		}
	}
	if !person {
		return -1
	}
	if m := p.mStart[i]; m >= 0 && p.d.Mentions[m].Antecedent >= 0 {
		return p.d.Mentions[m].Antecedent
	}
	return -1
}

func (p *proc) personLike(k int) bool {
	m := p.d.Mentions[k]
	switch m.Kind {
	case dyad.MentionPerson:
		return true
	case dyad.MentionRole:
		if m.Antecedent >= 0 && m.Actor.Name != "" {
			return true
		}
		last := m.EndToken - 1
		return p.tag(last) != "NNS" && p.t.nouns[p.headNoun(m.FirstToken, m.EndToken)] == nounPerson
	case dyad.MentionPronoun:
		n := p.norm(m.FirstToken)
		return (n == "he" || n == "she") && m.Antecedent >= 0
	}
	return false
}

func (p *proc) bodyLike(k int) bool {
	m := p.d.Mentions[k]
	switch m.Kind {
	case dyad.MentionOrg:
		return true
	case dyad.MentionMetonym:
		return !isCapital(m)
	case dyad.MentionRole, dyad.MentionGroup:
		c := p.t.nouns[p.headNoun(m.FirstToken, m.EndToken)]
		return c == nounBody || c == nounOrg
	}
	return false
}

// bare: a definite phrase of common nouns only ("the ministry", "the
// bloc"), which refers back rather than naming.
func (p *proc) bare(first, end int) bool {
	if first >= end || p.norm(first) != "the" {
		return false
	}
	for k := first + 1; k < end; k++ {
		if t := p.tag(k); t != "NN" && t != "NNS" && t != "JJ" || isCap(p.text(k)) {
			return false
		}
	}
	return true
}

// bodyBefore: for a bare "the ministry" at token at, the nearest earlier
// mention with the same head noun that names more than the noun; for an
// org noun ("the bloc"), also the nearest international organisation.
func (p *proc) bodyBefore(at int, head string, c nounClass) int {
	s := p.toks[at].Sentence
	k := int(p.sentM[s])
	for k < int(p.sentM[s+1]) && p.d.Mentions[k].FirstToken < at {
		k++
	}
	for o := k - 1; o >= 0; o-- {
		m := p.d.Mentions[o]
		if m.Sentence < s-bodyReach {
			break
		}
		switch m.Kind {
		case dyad.MentionPronoun, dyad.MentionPerson, dyad.MentionCompound, dyad.MentionMedia, dyad.MentionPlace, dyad.MentionCountry:
			continue
		}
		if p.bare(m.FirstToken, m.EndToken) || p.inQ[m.FirstToken] >= 0 {
			continue
		}
		if p.headNoun(m.FirstToken, m.EndToken) == head || c == nounOrg && m.Kind == dyad.MentionOrg && m.Actor.Country == "IGO" {
			return o
		}
	}
	return -1
}

// speakerBefore: the latest speaker so far whose phrase has the head noun
// head ("A spokesman for the army said …" … "the spokesman said").
func (p *proc) speakerBefore(head string) (speaker, bool) {
	for k := len(p.acts) - 1; k >= 0; k-- {
		a := p.acts[k]
		if a.who.kind == phNone || a.who.first >= a.who.end || p.bare(a.who.first, a.who.end) {
			continue
		}
		if p.headNoun(a.who.first, a.who.end) == head {
			return a.sp, true
		}
	}
	return speaker{}, false
}
