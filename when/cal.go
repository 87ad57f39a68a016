package when

import "time"

// Calendar arithmetic on civil days: every date is midnight UTC, so
// AddDate never meets a daylight-saving gap.

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// day returns t's calendar day in its own location as a civil date.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return civil(y, int(m), d)
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if leap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validMD reports whether day d can occur in month m of some year.
func validMD(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(2000, m) }

// validYMD reports whether y-m-d is a real day.
func validYMD(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }

// monday is the first day of t's ISO week.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// Weekday search modes.
const (
	onOrBefore = iota
	before
	onOrAfter
	after
)

// weekday finds weekday wd relative to anchor a.
func weekday(a time.Time, wd time.Weekday, mode int) time.Time {
	diff := int(wd) - int(a.Weekday())
	switch mode {
	case onOrBefore:
		if diff > 0 {
			diff -= 7
		}
	case before:
		if diff >= 0 {
			diff -= 7
		}
	case onOrAfter:
		if diff < 0 {
			diff += 7
		}
	case after:
		if diff <= 0 {
			diff += 7
		}
	}
	return a.AddDate(0, 0, diff)
}

// tense is what the words around an expression say about its time.
type tense uint8

const (
	tNone tense = iota
	tPast
	tFuture
)

// horizon is how far ahead an undated "October 30" may lie when the
// tense says nothing: a near date ahead is more likely than one almost a
// year back ("talks are to start on March 10" in late February).
const horizon = 60

// pickYear puts month m, day d in the year the tense and the anchor a
// point to: the last one on or before a in the past, the first one on or
// after it in the future, else the nearest one no more than horizon days
// ahead.
func pickYear(a time.Time, m, d int, tn tense) (time.Time, bool) {
	var best time.Time
	found := false
	y := a.Year()
	for _, cy := range [...]int{y - 1, y, y + 1} {
		if !validYMD(cy, m, d) {
			continue
		}
		c := civil(cy, m, d)
		switch tn {
		case tPast:
			if c.After(a) {
				continue
			}
			if !found || c.After(best) {
				best, found = c, true
			}
		case tFuture:
			if c.Before(a) {
				continue
			}
			if !found || c.Before(best) {
				best, found = c, true
			}
		default:
			if c.Sub(a) > horizon*24*time.Hour {
				continue
			}
			if !found || absDur(c.Sub(a)) < absDur(best.Sub(a)) {
				best, found = c, true
			}
		}
	}
	return best, found
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// pickMonth is pickYear for a bare month name ("in March"): the month
// holding a counts as both past and future, and with no tense the next
// month is the furthest ahead it may lie.
func pickMonth(a time.Time, m int, tn tense) time.Time {
	am := a.Year()*12 + int(a.Month()) - 1
	best, found := 0, false
	for _, cy := range [...]int{a.Year() - 1, a.Year(), a.Year() + 1} {
		k := cy*12 + m - 1
		switch tn {
		case tPast:
			if k <= am && (!found || k > best) {
				best, found = k, true
			}
		case tFuture:
			if k >= am && (!found || k < best) {
				best, found = k, true
			}
		default:
			if k <= am+1 && (!found || absInt(k-am) < absInt(best-am)) {
				best, found = k, true
			}
		}
	}
	return civil(best/12, best%12+1, 1)
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// addMonths returns the first day of the month n months from a's.
func addMonths(a time.Time, n int) time.Time {
	k := a.Year()*12 + int(a.Month()) - 1 + n
	return civil(floorDiv(k, 12), k-12*floorDiv(k, 12)+1, 1)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
