package export

import (
	"fmt"
	"strings"

	"github.com/dyadproject/dyad"
)

// Filter selects events for an export; empty fields do not filter.
type Filter struct {
	Since, Until string // inclusive event days, YYYY-MM-DD; with either, undated events drop out
	// Country is a country or group code (3 letters) that either actor, or
	// the location, must have.
	Country string
	Code    string // a CAMEO code or prefix: "03" matches 03x, "031" matches 031 and 0311–0314
	Root    string // a CAMEO root, "01"–"20"
}

// Check reports a malformed filter.
func (f Filter) Check() error {
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v == "" {
			continue
		}
		if _, ok, err := dyad.ParseDate(d.v); err != nil || !ok || len(d.v) != 10 {
			return fmt.Errorf("--%s %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return fmt.Errorf("--since %s is after --until %s", f.Since, f.Until)
	}
	if f.Country != "" && !isUpperCode(f.Country, 3) {
		return fmt.Errorf("--country %q: want a three-letter code such as RUS or IGO", f.Country)
	}
	if f.Code != "" && (!allDigits(f.Code) || len(f.Code) < 2 || len(f.Code) > 4) {
		return fmt.Errorf("--code %q: want 2 to 4 digits", f.Code)
	}
	if f.Root != "" && (!allDigits(f.Root) || len(f.Root) != 2) {
		return fmt.Errorf("--root %q: want two digits, 01 to 20", f.Root)
	}
	return nil
}

// Match reports whether e passes the filter.
func (f Filter) Match(e *dyad.Event) bool {
	if f.Since != "" || f.Until != "" {
		if len(e.Date) < 10 {
			return false
		}
		day := e.Date[:10]
		if (f.Since != "" && day < f.Since) || (f.Until != "" && day > f.Until) {
			return false
		}
	}
	if f.Code != "" && !strings.HasPrefix(e.Code, f.Code) {
		return false
	}
	if f.Root != "" && e.Root != f.Root {
		return false
	}
	if f.Country != "" {
		loc := ""
		if e.Location != nil {
			loc = e.Location.Country
		}
		if e.Source.Country != f.Country && e.Target.Country != f.Country && loc != f.Country {
			return false
		}
	}
	return true
}

// StoreFilter is the part of f a store can apply itself (dates and
// codes); the caller still checks Match on what comes back.
func (f Filter) StoreFilter() dyad.EventFilter {
	return dyad.EventFilter{From: f.Since, To: f.Until, Code: f.Code, Root: f.Root}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isUpperCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
