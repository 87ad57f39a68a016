package when

import (
	"time"
)

// Kind says what sort of time expression was found.
type Kind string

// The kinds of expression.
const (
	KindDate     Kind = "date"      // "30 October 2023", "Oct. 30, 2023", "2023-10-30"
	KindMonthDay Kind = "month-day" // "Oct. 30", "29-31 October": year from the anchor
	KindWeekday  Kind = "weekday"   // "on Monday", "last Thursday", "Friday's"
	KindRelative Kind = "relative"  // "yesterday", "two days ago", "last week", "this month"
	KindMonth    Kind = "month"     // "in March", "October 2023", "last August"
	KindYear     Kind = "year"      // "in 2008", "mid-2023", "last year"
	KindSeason   Kind = "season"    // "last summer": dated to its year
	KindDecade   Kind = "decade"    // "the 1990s": never resolved
	KindNumeric  Kind = "numeric"   // "3/4/2024", which may be day- or month-first: unresolved
)

// Expr is one time expression in a text.
type Expr struct {
	// Start and End are byte offsets into the scanned text (shifted by
	// the base given to Append).
	Start, End int
	Kind       Kind
	// Date is the day the expression names, or the first day of its week
	// (Monday), month or year; zero when unresolved.
	Date time.Time
	// Until is the last day of a range ("October 29-31"), zero otherwise.
	Until time.Time
	// Precision is one of dyad.PrecisionDay, Week, Month, Year or
	// Unresolved (no anchor for a relative expression, a decade, an
	// ambiguous numeric date).
	Precision string
	// Future is set when the tense around a relative expression pointed
	// ahead ("will meet on Monday") and was used to resolve it.
	Future bool
	// Bound is set after since, until, till, by, before or after: the
	// expression limits a period rather than dating an action.
	Bound bool
}

// Resolved reports whether the expression names a date.
func (e Expr) Resolved() bool { return !e.Date.IsZero() }

// DateString is Date as YYYY-MM-DD, or "" when unresolved.
func (e Expr) DateString() string {
	if e.Date.IsZero() {
		return ""
	}
	return e.Date.Format("2006-01-02")
}

// Find returns the time expressions of text, resolved against anchor
// (usually the publication date; its calendar day in its own location
// counts). A zero anchor leaves every expression that needs one
// unresolved; dates with a written year still resolve. Tense is read
// across the whole text, so pass one sentence at a time.
func Find(text string, anchor time.Time) []Expr {
	var s Scanner
	return s.Append(nil, text, 0, anchor)
}

// Scanner is Find with buffers kept between calls, for hot paths. The
// zero value is ready; a Scanner is not safe for concurrent use.
type Scanner struct {
	sc scanner
}

// Append appends the expressions of text to dst, with spans shifted by
// base: Append(dst, d.Text[s.Start:s.End], s.Start, a) gives spans into
// d.Text.
func (s *Scanner) Append(dst []Expr, text string, base int, anchor time.Time) []Expr {
	return s.sc.run(dst, text, base, anchor)
}
