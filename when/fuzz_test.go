package when

import (
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

// FuzzFind checks that any text gives ordered, non-overlapping spans
// inside it, and that a date is set exactly when the precision is not
// unresolved.
func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.text, int64(0))
	}
	for _, s := range []string{
		"", "-", "Oct", "Oct.", "on", "ago", "the day before", "mid-", "30th", "'s",
		"2023-", "2023-10-", "1/2/", "Monday,", "between October 29 and", "last",
		"\xe2\x80", "\xe2\x80\x94\xe2", "Oct 31-Feb 30", "Feb 29, 2023", "Feb 29, 2024",
		"from 2018 to 2013", "1999s", "9999-99-99", "0/0/2000", "a few of days ago",
	} {
		f.Add(s, int64(1698796800))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var anchor time.Time
		if unix != 0 {
			anchor = time.Unix(unix%(400*365*86400), 0).UTC()
		}
		var sc Scanner
		es := sc.Append(nil, text, 7, anchor)
		prev := 7
		for _, e := range es {
			if e.Start < prev || e.End <= e.Start || e.End > len(text)+7 {
				t.Fatalf("%q: bad span %d-%d after %d", text, e.Start, e.End, prev)
			}
			prev = e.End
			if e.Resolved() == (e.Precision == dyad.PrecisionUnresolved) {
				t.Fatalf("%q: %+v: date and precision disagree", text, e)
			}
			if !e.Until.IsZero() && (e.Date.IsZero() || e.Until.Before(e.Date)) {
				t.Fatalf("%q: %+v: range ends before it starts", text, e)
			}
			if e.Kind == "" {
				t.Fatalf("%q: %+v: no kind", text, e)
			}
		}
		if dl, ok := FindDateline(text); ok {
			if !(0 <= dl.Start && dl.Start <= dl.CityStart && dl.CityStart <= dl.CityEnd && dl.End <= len(text) && dl.Start < dl.End) {
				t.Fatalf("%q: bad dateline %+v", text, dl)
			}
			if dl.Month != 0 && !validMD(dl.Month, dl.Day) {
				t.Fatalf("%q: bad dateline date %+v", text, dl)
			}
		}
	})
}
