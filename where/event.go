package where

import "github.com/dyadproject/dyad"

// clauseBreaks end the clause of an event's actor: a place after "after"
// belongs to another action ("broke off relations after police forced
// their way into the embassy in Quito").
var clauseBreaks = map[string]bool{
	"after": true, "before": true, "when": true, "while": true, "because": true, "since": true,
	"although": true, "though": true, "whereas": true, "unless": true, "until": true, ";": true,
	"but": true, "whilst": true, "once": true,
}

// verbalRoots are the CAMEO roots of things said or decided (statements,
// appeals, intentions, consultations by phone, diplomatic moves,
// demands, disapproval, rejections, threats, protests, reductions of
// relations): for Config.SourceHome.
var verbalRoots = map[string]bool{
	"01": true, "02": true, "03": true, "04": true, "05": true, "10": true, "11": true,
	"12": true, "13": true, "14": true, "16": true,
}

// eventLocation is where an event took place:
//
//  1. in each evidence sentence in turn, a place with a locative cue
//     (CueAt: "in", "at", "near", "into", "visited", "to" after a word of
//     motion) in the clause of the event's source actor (or target, when
//     there is no source): first the nearest one after the actor, up to a
//     clause break ("after", "when", "because", ";"), then the nearest
//     before it, back to a clause break; without an actor in the
//     sentence, the first such place in it;
//  2. else a meeting named after its place in that clause ("attending the
//     Beijing Xiangshan Forum");
//  3. else the dateline's place, when fallback is on;
//  4. else nil. Places after "from", "to" (without motion) or "of" are
//     never used: "recalled its ambassador from Tehran" did not happen in
//     Tehran.
func (p *proc) eventLocation(ev *dyad.Event, fallback, home bool) *dyad.Location {
	for _, e := range ev.Evidence {
		if e.Sentence < 0 || e.Sentence >= len(p.d.Sentences) {
			continue
		}
		if m := p.placeInSentence(e.Sentence, ev); m >= 0 {
			loc := p.resolved[p.byMatch[m]].Location
			return &loc
		}
	}
	if home && verbalRoots[ev.Root] && (p.dl < 0 || p.dlCountry != ev.Source.Country) {
		if c := p.g.Country(ev.Source.Country); c != nil {
			loc := c.Location()
			return &loc
		}
	}
	if fallback && p.dl >= 0 && p.byMatch[p.dl] >= 0 {
		loc := p.resolved[p.byMatch[p.dl]].Location
		return &loc
	}
	return nil
}

// placeInSentence returns the match that locates ev in sentence si, or -1.
func (p *proc) placeInSentence(si int, ev *dyad.Event) int {
	sn := p.d.Sentences[si]
	a0, a1 := p.anchor(si, ev)
	lo, hi := sn.FirstToken, sn.EndToken
	if a0 >= 0 {
		for k := a1; k < sn.EndToken; k++ {
			if clauseBreaks[p.norm(k)] || p.norm(k) == "," && k+1 < sn.EndToken && (p.norm(k+1) == "and" || p.norm(k+1) == "or") {
				hi = k
				break
			}
		}
		for k := a0 - 1; k >= sn.FirstToken; k-- {
			if clauseBreaks[p.norm(k)] {
				// "After talks in Seoul, Biden flew home": a fronted
				// clause ends at its comma.
				lo = k + 1
				for j := k + 1; j < a0; j++ {
					if p.norm(j) == "," {
						lo = j + 1
						break
					}
				}
				break
			}
		}
	}
	after, before, venue := -1, -1, -1
	for i := range p.matches {
		m := &p.matches[i]
		if m.sent != si || p.byMatch[i] < 0 || m.first < lo || m.end > hi {
			continue
		}
		switch {
		case m.cue == CueAt && a0 < 0:
			return i // no actor: the first place of the sentence
		case m.cue == CueAt && m.first >= a1:
			// The nearest (matches are in text order), unless a later one
			// is in the target's country ("struck sites in Iraq and
			// Syria", for the event against Syria).
			if after < 0 || !p.inCountry(after, ev.Target.Country) && p.inCountry(i, ev.Target.Country) {
				after = i
			}
		case m.cue == CueAt && m.end <= a0:
			before = i // the last one seen is the nearest
		case m.cue == CueVenue && venue < 0:
			venue = i
		}
	}
	switch {
	case after >= 0:
		return after
	case before >= 0:
		return before
	}
	return venue
}

// inCountry: match i's reading is in country iso3.
func (p *proc) inCountry(i int, iso3 string) bool {
	return iso3 != "" && p.resolved[p.byMatch[i]].Country == iso3
}

// anchor returns the tokens of the mention that names the event's source
// (else its target) in sentence si, or -1, -1.
func (p *proc) anchor(si int, ev *dyad.Event) (int, int) {
	for _, text := range []string{ev.Source.Text, ev.Target.Text} {
		if text == "" {
			continue
		}
		for _, mn := range p.d.Mentions {
			if mn.Sentence == si && p.d.Slice(mn.Span) == text {
				return mn.FirstToken, mn.EndToken
			}
		}
	}
	return -1, -1
}
