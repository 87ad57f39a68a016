package petrarch

import (
	"fmt"
	"testing"

	"github.com/dyadproject/dyad"
)

// ev makes an event from "SRCCODE TGTCODE EVENTCODE", codes split as
// dyad splits them (country = first 3 letters, "-" = no actor).
func ev(src, tgt, code string) dyad.Event {
	actor := func(c string) dyad.EventActor {
		if c == "-" {
			return dyad.EventActor{}
		}
		if c[0] == '-' { // "-GOV": an agent without a country
			return dyad.EventActor{Code: c[1:], Agent: c[1:]}
		}
		return dyad.EventActor{Code: c, Country: c[:3], Agent: c[3:]}
	}
	return dyad.Event{Code: code, Root: code[:2], Source: actor(src), Target: actor(tgt)}
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		name string
		exp  []Coding
		got  []dyad.Event
		want string // levels, then exact/root/actors/extra
	}{
		{"exact",
			[]Coding{{Source: "ARN", Target: "GON", Event: "064"}},
			[]dyad.Event{ev("ARN", "GON", "064")},
			"[exact] 1/1/1/0"},
		{"first agent only: ARNGOVFRM is ARN+GOV",
			[]Coding{{Source: "ARNGOVFRM", Target: "GON", Event: "102"}},
			[]dyad.Event{ev("ARNGOV", "GON", "102")},
			"[exact] 1/1/1/0"},
		{"agent differs: root level",
			[]Coding{{Source: "ARN", Target: "GONMOP", Event: "064"}},
			[]dyad.Event{ev("ARN", "GON", "064")},
			"[root] 0/1/0/0"},
		{"same root, other code; actors match",
			[]Coding{{Source: "CALGOV", Target: "OSGMIL", Event: "122"}},
			[]dyad.Event{ev("CALGOV", "OSGMIL", "120")},
			"[root] 0/1/1/0"},
		{"other root: missed, actors match, the event is extra",
			[]Coding{{Source: "ARN", Target: "GON", Event: "064"}},
			[]dyad.Event{ev("ARN", "GON", "032")},
			"[missed] 0/0/1/1"},
		{"one event reproduces one coding",
			[]Coding{{Source: "ARN", Target: "GON", Event: "064"}, {Source: "ARN", Target: "GON", Event: "064"}},
			[]dyad.Event{ev("ARN", "GON", "064")},
			"[exact missed] 1/1/1/0"},
		{"null and quoted actors match actors without a country",
			[]Coding{{Source: "---GOV", Target: "---", Event: "023"}, {Source: `"INJURY TOLL"`, Target: "OSG", Event: "223"}},
			[]dyad.Event{ev("-GOV", "-", "023"), ev("-", "OSG", "223")},
			"[exact exact] 2/2/2/0"},
		{"lower case and several actors: the first",
			[]Coding{{Source: "frO/BIL", Target: "ELR", Event: "064"}},
			[]dyad.Event{ev("FRO", "ELR", "064")},
			"[exact] 1/1/1/0"},
		{"no coding expected",
			nil,
			[]dyad.Event{ev("ARN", "GON", "064"), ev("GON", "ARN", "064")},
			"[] 0/0/0/2"},
	} {
		o := Compare(c.exp, c.got)
		got := fmt.Sprintf("%v %d/%d/%d/%d", o.Levels, o.Exact, o.Root, o.Actors, o.Extra)
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
