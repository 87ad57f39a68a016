package actor

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dict"
)

// Kind is what an entry's phrases name (the closed set of ACTOR-FORMAT.md).
type Kind uint8

// The kinds, in the order they win a tie between entries with the same
// phrase (a person before an org before a country …).
const (
	KindPerson Kind = iota + 1
	KindMedia
	KindGroup
	KindOrg
	KindMetonym
	KindCapital
	KindCountry
	KindAdj
	KindRegion
	KindAgent
	numKinds
)

var kindNames = [numKinds]string{"", "person", "media", "group", "org", "metonym", "capital", "country", "adj", "region", "agent"}

func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseKind reads a kind name.
func ParseKind(s string) (Kind, bool) {
	for k := KindPerson; k < numKinds; k++ {
		if kindNames[k] == s {
			return k, true
		}
	}
	return 0, false
}

func kindList() string {
	return strings.Join(kindNames[1:], ", ")
}

// Entry is one line of an actor dictionary.
type Entry struct {
	// Actor is the code the phrases stand for; Actor.Name is the canonical
	// name (the first phrase; for adjectives the country's name).
	Actor   dyad.Actor
	Kind    Kind
	Phrases []string
	// From and To bound the entry in time as YYYYMMDD, inclusive; 0 is open.
	From, To int
	Note     string
	// Rule is the entry's position, "data/actors/people.txt:12".
	Rule string
	// User is set for entries from a user dictionary folder.
	User bool

	// For people: the norms of the name's last and first words, and of
	// the note's words (the title), computed once at load.
	last, first string
	noteWords   []string
}

// ValidAt reports whether the entry holds on day (YYYYMMDD).
func (e *Entry) ValidAt(day int) bool {
	return (e.From == 0 || e.From <= day) && (e.To == 0 || day <= e.To)
}

// agentCodes are the CAMEO agent codes (agentnames.txt, primary roles and
// the common secondary ones) an agents.txt line may use, in 3-letter parts.
var agentCodes = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true,
	"REB": true, "MED": true, "BUS": true, "CVL": true, "REF": true, "SPY": true,
	"IGO": true, "NGO": true, "ELI": true, "LAB": true, "EDU": true, "HLH": true,
	"CRM": true, "ENV": true, "HRI": true, "DEV": true, "AGR": true, "MNC": true,
	"UAF": true, "INS": true, "RAD": true, "SEP": true, "MOD": true, "PTY": true,
	"CON": true, "IMG": true, "OGO": true, "REL": true, "SET": true,
}

// parseEntry reads one dictionary line:
//
//	CODE <TAB> KIND <TAB> phrase|phrase [<TAB> FROM <TAB> TO] [<TAB> note]
//
// A line of four fields whose last is a date (or empty) is FROM with an
// open TO, since the loader trims a trailing tab.
func (b *builder) parseEntry(l dict.Line) (*Entry, error) {
	f := l.Fields()
	if len(f) < 3 {
		return nil, l.Errorf("want CODE<TAB>KIND<TAB>phrases[<TAB>FROM<TAB>TO][<TAB>note], got %d field(s)", len(f))
	}
	if len(f) > 6 {
		return nil, l.Errorf("want at most 6 tab-separated fields, got %d", len(f))
	}
	kind, ok := ParseKind(f[1])
	if !ok {
		return nil, l.Errorf("unknown kind %q (valid kinds: %s)", f[1], kindList())
	}
	code := f[0]
	if err := checkCode(code, kind); err != "" {
		return nil, l.Errorf("%s", err)
	}
	e := b.newEntry()
	e.Kind = kind
	if kind == KindAgent {
		e.Actor = dyad.Actor{Code: code, Agent: code}
	} else {
		e.Actor = dyad.Actor{Code: code, Country: code[:3], Agent: code[3:]}
	}
	phrases, err := b.phrases(l, f[2])
	if err != nil {
		return nil, err
	}
	e.Phrases = phrases
	e.Actor.Name = e.Phrases[0]
	rest := f[3:]
	switch {
	case len(rest) == 1 && (rest[0] == "" || looksLikeDate(rest[0])):
		rest = append(rest, "")
	case len(rest) == 1:
		e.Note = rest[0]
		rest = nil
	case len(rest) == 3:
		e.Note = rest[2]
	}
	if len(rest) >= 2 {
		var err error
		if e.From, err = parseDay(rest[0], false); err != nil {
			return nil, l.Errorf("FROM: %v", err)
		}
		if e.To, err = parseDay(rest[1], true); err != nil {
			return nil, l.Errorf("TO: %v", err)
		}
		if e.From != 0 && e.To != 0 && e.From > e.To {
			return nil, l.Errorf("FROM %s is after TO %s", rest[0], rest[1])
		}
	}
	return e, nil
}

// phrases cuts a line's phrase field, with repeats dropped. The lines of
// one person repeat the same field, so the last result is shared.
func (b *builder) phrases(l dict.Line, field string) ([]string, error) {
	if field == b.lastField && b.lastPhrases != nil {
		return b.lastPhrases, nil
	}
	phrases := b.phr[:0]
	for rest := field; ; {
		p, tail, more := strings.Cut(rest, "|")
		if needsSpaceFix(p) {
			p = strings.Join(strings.Fields(p), " ")
		}
		if p == "" {
			return nil, l.Errorf("empty phrase in %q", field)
		}
		if isThe(p) {
			return nil, l.Errorf("phrase %q is only an article", p)
		}
		if !slices.Contains(phrases, p) {
			phrases = append(phrases, p)
		}
		if !more {
			break
		}
		rest = tail
	}
	out := b.keepWords(phrases)
	b.phr = phrases[:0]
	b.lastField, b.lastPhrases = field, out
	return out, nil
}

// needsSpaceFix reports whether a phrase has spaces to trim or collapse.
func needsSpaceFix(p string) bool {
	if p == "" {
		return false
	}
	if p[0] == ' ' || p[len(p)-1] == ' ' || strings.Contains(p, "  ") {
		return true
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80 {
			return strings.ContainsFunc(p, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' })
		}
	}
	return false
}

func isThe(p string) bool { return strings.EqualFold(p, "the") }

// checkCode returns a reason when code is not a valid code for kind.
func checkCode(code string, kind Kind) string {
	if code == "" {
		return "empty CODE"
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; c < 'A' || c > 'Z' {
			return fmt.Sprintf("CODE %q: want upper-case letters A-Z only", code)
		}
	}
	if len(code) < 3 || len(code) > 15 {
		return fmt.Sprintf("CODE %q: want 3 to 15 letters (RUS, RUSGOV, IGOEU, IGOUNOSEC)", code)
	}
	if kind == KindAgent {
		if len(code)%3 != 0 {
			return fmt.Sprintf("CODE %q: want agent codes of 3 letters each (GOV, GOVMIL)", code)
		}
		for i := 0; i < len(code); i += 3 {
			if !agentCodes[code[i:i+3]] {
				return fmt.Sprintf("CODE %q: %q is not a CAMEO agent code (GOV, MIL, COP, JUD, LEG, OPP, REB, MED, BUS, CVL, REF, SPY, ELI, …)", code, code[i:i+3])
			}
		}
	}
	return ""
}

func looksLikeDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (i == 4 || i == 7) && c == '-' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY ("" is open, 0). A bare
// year or month is its first day as FROM and its last day as TO.
func parseDay(s string, end bool) (int, error) {
	if s == "" {
		return 0, nil
	}
	if !looksLikeDate(s) {
		return 0, fmt.Errorf("%q: want YYYY-MM-DD, YYYY-MM, YYYY or empty", s)
	}
	y, _ := strconv.Atoi(s[:4])
	if y < 1000 {
		return 0, fmt.Errorf("%q: year out of range", s)
	}
	if len(s) == 4 {
		if end {
			return y*10000 + 1231, nil
		}
		return y*10000 + 101, nil
	}
	m, _ := strconv.Atoi(s[5:7])
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("%q: no such month", s)
	}
	if len(s) == 7 {
		if end {
			return y*10000 + m*100 + monthDays[m], nil
		}
		return y*10000 + m*100 + 1, nil
	}
	d, _ := strconv.Atoi(s[8:10])
	if d < 1 || d > monthDays[m] {
		return 0, fmt.Errorf("%q: no such date", s)
	}
	return y*10000 + m*100 + d, nil
}
