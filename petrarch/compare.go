package petrarch

import (
	"strings"

	"github.com/dyadproject/dyad"
)

// Actor codes are compared as dyad keeps them: the 3-letter root and the
// first 3-letter agent part (PETRARCH's ARNGOVFRM is ARN + GOV). Null and
// special codes ("---", "---GOV", "###") and PETRARCH's quoted new actors
// ("\"INJURY TOLL\"") have no country: they match an actor dyad codes
// without one.

// actorKey is an actor code reduced to what dyad codes.
type actorKey struct{ country, agent string }

// expectedKey reads a PETRARCH actor code of an <EventCoding>.
func expectedKey(code string) actorKey {
	code = strings.TrimSpace(code)
	if code == "" || strings.HasPrefix(code, "\"") {
		return actorKey{}
	}
	code = strings.ToUpper(code)
	if i := strings.IndexByte(code, '/'); i >= 0 {
		code = code[:i]
	}
	k := actorKey{country: code[:min(3, len(code))]}
	if !isLetters(k.country) {
		k.country = "" // "---", "###"
	}
	if len(code) > 3 {
		k.agent = code[3:min(6, len(code))]
	}
	return k
}

// gotKey reduces an actor of a dyad event.
func gotKey(a dyad.EventActor) actorKey {
	k := actorKey{country: a.Country, agent: a.Agent}
	if len(k.agent) > 3 {
		k.agent = k.agent[:3]
	}
	return k
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// Level is how closely a dyad event reproduces an expected coding.
type Level uint8

const (
	// Missed: no event of the record reproduces the coding.
	Missed Level = iota
	// Root: same source and target countries (roots), same CAMEO root
	// (the event code's first two digits); agents may differ.
	Root
	// Exact: same source and target country and first agent, same event
	// code.
	Exact
)

func (l Level) String() string {
	switch l {
	case Exact:
		return "exact"
	case Root:
		return "root"
	}
	return "missed"
}

// Outcome compares the events dyad coded for one record with the record's
// expected codings.
type Outcome struct {
	// Levels holds, per expected coding (Record.Expected order), the
	// closest match found: each event reproduces at most one coding at
	// each level.
	Levels []Level
	// Exact and Root count the codings reproduced at each level (Root
	// includes Exact).
	Exact, Root int
	// Actors counts the codings whose source and target (country and
	// first agent) some event has, whatever its event code: how well the
	// actors alone are reproduced.
	Actors int
	// Extra counts the events that reproduce no expected coding even at
	// root level (for a record that expects no event, every event).
	Extra int
}

// Compare matches events to expected codings, one to one at each level,
// first expected coding first.
func Compare(expected []Coding, events []dyad.Event) Outcome {
	o := Outcome{Levels: make([]Level, len(expected))}
	exact := make([]bool, len(events))
	root := make([]bool, len(events))
	pair := make([]bool, len(events))
	for i, c := range expected {
		src, tgt := expectedKey(c.Source), expectedKey(c.Target)
		for j := range events {
			if !pair[j] && gotKey(events[j].Source) == src && gotKey(events[j].Target) == tgt {
				pair[j] = true
				o.Actors++
				break
			}
		}
		for j := range events {
			e := &events[j]
			if exact[j] || e.Code != c.Event {
				continue
			}
			if gotKey(e.Source) == src && gotKey(e.Target) == tgt {
				exact[j] = true
				o.Levels[i] = Exact
				o.Exact++
				break
			}
		}
		for j := range events {
			e := &events[j]
			if root[j] || codeRoot(e.Code) != codeRoot(c.Event) {
				continue
			}
			if e.Source.Country == src.country && e.Target.Country == tgt.country {
				root[j] = true
				if o.Levels[i] == Missed {
					o.Levels[i] = Root
				}
				break
			}
		}
	}
	for _, l := range o.Levels {
		if l != Missed {
			o.Root++
		}
	}
	for j := range events {
		if !root[j] && !exact[j] {
			o.Extra++
		}
	}
	return o
}

// codeRoot is a CAMEO code's root: its first two characters.
func codeRoot(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// Found counts the expected codings whose source and target both stand
// among the record's actor mentions (country and first agent), events or
// not: how far the actor dictionaries alone carry. An actor with no
// country ("---", a quoted new actor) counts as found.
func Found(expected []Coding, mentions []dyad.Mention) int {
	have := func(k actorKey) bool {
		if k.country == "" && k.agent == "" {
			return true
		}
		for _, m := range mentions {
			if gotKey(dyad.EventActor{Country: m.Actor.Country, Agent: m.Actor.Agent}) == k {
				return true
			}
		}
		return false
	}
	n := 0
	for _, c := range expected {
		if have(expectedKey(c.Source)) && have(expectedKey(c.Target)) {
			n++
		}
	}
	return n
}
