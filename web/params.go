package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// params reads a request's query string and collects the first mistake.
type params struct {
	v   url.Values
	err *badParam
}

// newParams refuses parameters the endpoint does not know and repeated
// ones, so that a typo is an error rather than a silently ignored filter.
func newParams(raw string, known ...string) (*params, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, &badParam{"query", "malformed query string: " + err.Error()}
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if k == "" {
			return nil, &badParam{"query", "a parameter without a name"}
		}
		if !slices.Contains(known, k) {
			return nil, &badParam{k, "unknown parameter (known: " + strings.Join(known, ", ") + ")"}
		}
		if len(v[k]) > 1 {
			return nil, &badParam{k, "given more than once"}
		}
	}
	return &params{v: v}, nil
}

func (p *params) fail(name, msg string) {
	if p.err == nil {
		p.err = &badParam{name, msg}
	}
}

// str returns a trimmed value of at most max characters.
func (p *params) str(name string, max int) string {
	s := strings.TrimSpace(p.v.Get(name))
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		p.fail(name, "not valid UTF-8 text")
		return ""
	}
	if utf8.RuneCountInString(s) > max {
		p.fail(name, "longer than "+strconv.Itoa(max)+" characters")
		return ""
	}
	return s
}

// code returns an upper-cased country or actor code: 3–12 letters or digits.
func (p *params) code(name string) string {
	s := strings.ToUpper(p.str(name, 12))
	if s != "" && !validCode(s) {
		p.fail(name, "want a country code (CHN) or actor code (CHNMIL): 3 to 12 letters or digits")
		return ""
	}
	return s
}

func validCode(s string) bool {
	if len(s) < 3 || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func (p *params) digits(name string, minLen, maxLen int, what string) string {
	s := p.str(name, maxLen+1)
	if s == "" {
		return ""
	}
	ok := len(s) >= minLen && len(s) <= maxLen
	for i := 0; ok && i < len(s); i++ {
		ok = '0' <= s[i] && s[i] <= '9'
	}
	if !ok {
		p.fail(name, "want "+what)
		return ""
	}
	return s
}

func (p *params) date(name string) string {
	s := p.str(name, 10)
	if s == "" {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		p.fail(name, "want a date YYYY-MM-DD")
		return ""
	}
	return s
}

func (p *params) intIn(name string, def, lo, hi int) int {
	s := p.str(name, 12)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail(name, "want a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
		return def
	}
	return n
}

func (p *params) boolean(name string) bool {
	switch s := p.str(name, 5); s {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	}
	p.fail(name, "want true or false")
	return false
}

func (p *params) oneOf(name, def string, allowed ...string) string {
	s := p.str(name, 20)
	if s == "" {
		return def
	}
	if !slices.Contains(allowed, s) {
		p.fail(name, "want one of "+strings.Join(allowed, ", "))
		return def
	}
	return s
}

// dateRange reads from and to and checks their order.
func (p *params) dateRange() (from, to string) {
	from, to = p.date("from"), p.date("to")
	if from != "" && to != "" && from > to {
		p.fail("to", "is before from")
	}
	return from, to
}

// plover returns an upper-cased PLOVER type name.
func (p *params) plover(name string) string {
	s := strings.ToUpper(p.str(name, 30))
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || c == '_') {
			p.fail(name, "want a PLOVER event type such as CONSULT or PROTEST")
			return ""
		}
	}
	return s
}
