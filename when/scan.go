package when

import (
	"time"

	"github.com/dyadproject/dyad"
)

// scanner matches expressions over the tokens of one text. Each matcher
// starts at the token that makes an expression possible (a month, a
// weekday, a number, a relative word), reads forward for the rest, then
// extends the span left over prepositions and modifiers ("late on",
// "earlier this", "by the end of").
type scanner struct {
	text  string
	t     []tok
	a     time.Time // anchor day; zero when there is none
	limit int       // first token a new expression may take
}

// match is an expression over tokens [first, end).
type match struct {
	first, end    int
	kind          Kind
	prec          string
	date, until   time.Time
	future, bound bool
	// shift is set on "two days after" (-2) and "two days before" (+2):
	// the clause it opens is dated that many units from the day an
	// earlier expression of the text gives.
	shift int
}

func (s *scanner) run(dst []Expr, text string, base int, anchor time.Time) []Expr {
	s.text = text
	s.t = lex(s.t[:0], text)
	s.a = time.Time{}
	if !anchor.IsZero() {
		s.a = day(anchor)
	}
	s.limit = 0
	var ref time.Time // the day of the last expression that dates a day, for shifts
	for i := 0; i < len(s.t); {
		m, ok := s.at(i)
		if !ok {
			i++
			continue
		}
		if m.shift != 0 && !ref.IsZero() {
			m.date = ref.AddDate(0, 0, m.shift)
			if m.prec == dyad.PrecisionWeek {
				m.date = monday(ref.AddDate(0, 0, 7*m.shift))
			}
		}
		if m.prec == "" || m.date.IsZero() {
			m.prec, m.date, m.until = dyad.PrecisionUnresolved, time.Time{}, time.Time{}
		}
		if m.prec == dyad.PrecisionDay && !m.bound {
			ref = m.date
		}
		dst = append(dst, Expr{
			Start: base + int(s.t[m.first].s), End: base + int(s.t[m.end-1].e),
			Kind: m.kind, Date: m.date, Until: m.until, Precision: m.prec,
			Future: m.future, Bound: m.bound,
		})
		i, s.limit = m.end, m.end
	}
	s.text = ""
	return dst
}

// at tries the matchers that can start at token i.
func (s *scanner) at(i int) (match, bool) {
	t := &s.t[i]
	switch t.kind {
	case kNum:
		return s.number(i)
	case kWord:
		switch id := t.id; {
		case id >= wJan && id <= wDec:
			return s.month(i)
		case id >= wMon && id <= wSun:
			return s.weekday(i)
		case id == wToday || id == wTonight || id == wYesterday || id == wTomorrow:
			return s.relDay(i)
		case id == wLast || id == wThis || id == wNext || id == wComing || id == wPast:
			return s.modified(i)
		case id == wAgo:
			return s.ago(i)
		case id == wLater || id == wEarlier || id == wAfter || id == wBefore:
			if unit(s.wl(i-1)) && s.w(i+1) != wYesterday && s.w(i+1) != wTomorrow {
				return s.ago(i) // "two days later", "two days after": counted from the story
			}
		case id == wFollowing || id == wPrevious:
			return s.storyRelative(i)
		case id == wWeekend:
			return s.weekend(i)
		case id >= wSpring && id <= wWinter:
			return s.season(i)
		}
	}
	return match{}, false
}

// --- token helpers ---

// w is the class of token i, or wNone when it is not a word or out of range.
func (s *scanner) w(i int) wid {
	if i < 0 || i >= len(s.t) || s.t[i].kind != kWord {
		return wNone
	}
	return s.t[i].id
}

// wl is w for tokens the current expression may take (not before limit).
func (s *scanner) wl(i int) wid {
	if i < s.limit {
		return wNone
	}
	return s.w(i)
}

func (s *scanner) isP(i int, c byte) bool {
	return i >= 0 && i < len(s.t) && s.t[i].kind == kPunct && s.t[i].c == c
}

// adj reports whether token i is glued to the one before it.
func (s *scanner) adj(i int) bool { return i > 0 && i < len(s.t) && !s.t[i].sp }

func (s *scanner) isNum(i int) bool { return i >= 0 && i < len(s.t) && s.t[i].kind == kNum }

func partOfDay(id wid) bool {
	return id == wMorning || id == wAfternoon || id == wEvening || id == wNight
}

// fullLen is the length of each month's full name, to tell abbreviations.
var fullLen = [13]int32{0, 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8}

// monthTok reads a capitalised month name (an abbreviation may take a
// period) at i.
func (s *scanner) monthTok(i int) (m, next int, ok bool) {
	if i < 0 || i >= len(s.t) {
		return 0, 0, false
	}
	t := &s.t[i]
	if t.kind != kWord || t.id < wJan || t.id > wDec || t.caps&capFirst == 0 {
		return 0, 0, false
	}
	m = int(t.id-wJan) + 1
	next = i + 1
	if t.e-t.s < fullLen[m] && s.isP(next, '.') && s.adj(next) {
		next++
	}
	return m, next, true
}

// gluedBefore reports whether the number at i is glued to something
// before it other than an opening bracket or quote, or a dash after "mid"
// or a year ("mid-2023", "2013-2018", "29-31").
func (s *scanner) gluedBefore(i int) bool {
	if !s.adj(i) {
		return false
	}
	p := &s.t[i-1]
	if p.kind != kPunct {
		return true
	}
	switch p.c {
	case '(', '"', '\'', '[':
		return false
	case '-':
		return !(s.w(i-2) == wMid || s.isNum(i-2))
	}
	return true
}

// gluedAfter reports whether the number at i runs on into a word, a
// decimal or thousands part, a time or a percentage ("30km", "3.5",
// "1,000", "10:30", "5%"). A dash before another number is a range.
func (s *scanner) gluedAfter(i int) bool {
	j := i + 1
	if !s.adj(j) {
		return false
	}
	n := &s.t[j]
	if n.kind != kPunct {
		return true
	}
	switch n.c {
	case '%', ':':
		return true
	case '.', ',', '/':
		return s.isNum(j+1) && s.adj(j+1)
	}
	return false
}

// dayTok reads a day of the month at i ("30", "30th").
func (s *scanner) dayTok(i int) (d, next int, ok bool) {
	if !s.isNum(i) {
		return 0, 0, false
	}
	t := &s.t[i]
	if t.digit > 2 || t.val < 1 || t.val > 31 || s.gluedBefore(i) {
		return 0, 0, false
	}
	if id := s.w(i + 1); s.adj(i+1) && (id == wSt || id == wNd || id == wRd || id == wTh) {
		if s.adj(i+2) && s.t[i+2].kind != kPunct {
			return 0, 0, false
		}
		return int(t.val), i + 2, true
	}
	if s.gluedAfter(i) {
		return 0, 0, false
	}
	return int(t.val), i + 1, true
}

// yearTok reads a year from 1800 to 2199 at i.
func (s *scanner) yearTok(i int) (y, next int, ok bool) {
	if !s.isNum(i) {
		return 0, 0, false
	}
	t := &s.t[i]
	if t.digit != 4 || t.val < 1800 || t.val > 2199 || s.gluedBefore(i) || s.gluedAfter(i) {
		return 0, 0, false
	}
	if s.isP(i+1, '-') && s.adj(i+1) && s.isNum(i+2) && s.adj(i+2) && s.t[i+2].digit != 4 {
		return 0, 0, false // "2022-23", "2023-10"
	}
	return int(t.val), i + 1, true
}

// rangeSep reads the word or dash that joins the ends of a range, given
// the index where the range's first item starts.
func (s *scanner) rangeSep(k, core int) (int, bool) {
	if s.isP(k, '-') {
		return k + 1, true
	}
	switch s.w(k) {
	case wTo, wThrough, wUntil, wTill:
		return k + 1, true
	case wAnd:
		if s.w(core-1) == wBetween {
			return k + 1, true
		}
	}
	return 0, false
}

// extend takes the words before token first that belong to the
// expression: prepositions, "late"/"early"/"earlier"/"later"/"mid-",
// "the end of". trig reports that any was taken; bound that one of them
// only limits a period (since, until, by, before, after).
func (s *scanner) extend(first int, allowThe bool) (int, bool, bool) {
	bound, trig := false, false
	k := first - 1
loop:
	for k >= s.limit {
		t := &s.t[k]
		if t.kind == kPunct {
			if t.c == '-' && !t.sp && s.adj(k+1) && k-1 >= s.limit && s.w(k-1) == wMid {
				k -= 2
				trig = true
				continue
			}
			break
		}
		if t.kind != kWord {
			break
		}
		switch t.id {
		case wOn, wIn, wAt, wDuring, wFrom, wOver, wThrough, wBetween:
			if prep(s.w(k + 1)) {
				break loop // "went on from", "on over": one preposition only
			}
			trig = true
		case wSince, wUntil, wTill, wBy, wBefore, wAfter:
			if prep(s.w(k + 1)) {
				break loop
			}
			trig, bound = true, true
		case wEarly, wLate, wEarlier, wLater, wMid:
			trig = true
		case wThe:
			switch s.w(k + 1) {
			case wEnd, wBeginning, wStart, wEarly, wLate, wMid:
			default:
				if !allowThe {
					break loop
				}
			}
		case wOf:
			switch s.wl(k - 1) {
			case wEnd, wBeginning, wStart:
				k--
				trig = true
			default:
				break loop
			}
		default:
			break loop
		}
		k--
	}
	return k + 1, bound, trig
}

func prep(id wid) bool {
	switch id {
	case wOn, wIn, wAt, wDuring, wFrom, wOver, wThrough, wBetween, wSince, wUntil, wTill, wBy, wBefore, wAfter:
		return true
	}
	return false
}

// --- matchers ---

func (s *scanner) number(i int) (match, bool) {
	if m, ok := s.numeric(i); ok {
		return m, true
	}
	if m, ok := s.dayFirst(i); ok {
		return m, true
	}
	t := &s.t[i]
	// decades: "the 1990s", "the 1990's"
	if t.digit == 4 && t.val%10 == 0 && t.val >= 1800 && t.val <= 2190 && !(s.adj(i) && s.t[i-1].kind != kPunct) {
		end := 0
		switch {
		case s.adj(i+1) && s.w(i+1) == wS:
			end = i + 2
		case s.adj(i+1) && s.isP(i+1, '\'') && s.adj(i+2) && s.w(i+2) == wS:
			end = i + 3
		}
		if end > 0 {
			first, bound, _ := s.extend(i, true)
			return match{first: first, end: end, kind: KindDecade, bound: bound}, true
		}
	}
	y, j, ok := s.yearTok(i)
	if !ok {
		return match{}, false
	}
	first, bound, trig := s.extend(i, false)
	if !trig {
		return match{}, false
	}
	// "in 2000 cases": a count, not a year
	if j < len(s.t) && s.t[j].kind == kWord && s.t[j].id == wNone && s.t[j].caps == 0 &&
		s.t[j].e-s.t[j].s > 2 && s.text[s.t[j].e-1] == 's' {
		return match{}, false
	}
	m := match{first: first, end: j, kind: KindYear, prec: dyad.PrecisionYear, date: civil(y, 1, 1), bound: bound}
	if k, ok := s.rangeSep(j, i); ok {
		if y2, k2, ok := s.yearTok(k); ok && y2 > y {
			m.until, m.end = civil(y2, 12, 31), k2
		}
	}
	return m, true
}

// numeric reads 2023-10-30, 2023/10/30, 30.10.2023, 30/10/2023 and
// 10/30/2023; a slashed or dashed date that reads both ways is found but
// left unresolved.
func (s *scanner) numeric(i int) (match, bool) {
	if i+4 >= len(s.t) || !s.adj(i+1) || !s.adj(i+2) || !s.adj(i+3) || !s.adj(i+4) {
		return match{}, false
	}
	if !s.isNum(i+2) || !s.isNum(i+4) || s.t[i+1].kind != kPunct || s.t[i+3].kind != kPunct {
		return match{}, false
	}
	sep := s.t[i+1].c
	if s.t[i+3].c != sep || sep != '-' && sep != '/' && sep != '.' {
		return match{}, false
	}
	if s.adj(i) && s.t[i-1].kind != kPunct || s.adj(i) && (s.t[i-1].c == sep || s.t[i-1].c == '.') {
		return match{}, false
	}
	if n := i + 5; s.adj(n) {
		if s.t[n].kind != kPunct || s.t[n].c == sep && s.isNum(n+1) && s.adj(n+1) {
			return match{}, false
		}
	}
	a, b, c := &s.t[i], &s.t[i+2], &s.t[i+4]
	y, m, d := 0, 0, 0
	switch {
	case a.digit == 4 && b.digit <= 2 && c.digit <= 2 && sep != '.':
		y, m, d = int(a.val), int(b.val), int(c.val)
	case a.digit <= 2 && b.digit <= 2 && c.digit == 4:
		y = int(c.val)
		x, z := int(a.val), int(b.val)
		switch {
		case sep == '.' || x > 12 && z <= 12:
			d, m = x, z
		case z > 12 && x <= 12 || x == z:
			m, d = x, z
		default:
			if x < 1 || z < 1 || x > 12 || z > 12 || y < 1800 || y > 2199 {
				return match{}, false
			}
			first, bound, _ := s.extend(i, false)
			return match{first: first, end: i + 5, kind: KindNumeric, bound: bound}, true
		}
	default:
		return match{}, false
	}
	if y < 1800 || y > 2199 || !validYMD(y, m, d) {
		return match{}, false
	}
	first, bound, _ := s.extend(i, false)
	return match{first: first, end: i + 5, kind: KindDate, prec: dyad.PrecisionDay, date: civil(y, m, d), bound: bound}, true
}

// dayFirst reads "30 October [2023]", "30th of October", "29-31 October",
// "30 October to 2 November".
func (s *scanner) dayFirst(i int) (match, bool) {
	d, j, ok := s.dayTok(i)
	if !ok {
		return match{}, false
	}
	d2 := 0
	if k, ok := s.rangeSep(j, i); ok {
		if dd, k2, ok := s.dayTok(k); ok && dd > d {
			kk := k2
			if s.w(kk) == wOf {
				kk++
			}
			if _, _, ok := s.monthTok(kk); ok {
				d2, j = dd, k2
			}
		}
	}
	if s.w(j) == wOf {
		j++
	}
	m, end, ok := s.monthTok(j)
	if !ok || !validMD(m, d) || d2 != 0 && !validMD(m, d2) {
		return match{}, false
	}
	m2 := 0
	if d2 != 0 {
		m2 = m
	} else if k, ok := s.rangeSep(end, i); ok {
		if dd, k2, ok := s.dayTok(k); ok {
			if mm, k3, ok := s.monthTok(k2); ok && validMD(mm, dd) && (mm != m || dd > d) {
				m2, d2, end = mm, dd, k3
			}
		}
	}
	y := 0
	k := end
	if s.isP(k, ',') {
		k++
	}
	if yy, k2, ok := s.yearTok(k); ok {
		y, end = yy, k2
	}
	first, bound, _ := s.extend(i, true)
	return s.dayMatch(first, end, bound, y, m, d, m2, d2)
}

// dayMatch resolves a day of a month, with or without its year, and the
// end of a range when m2 is set.
func (s *scanner) dayMatch(first, end int, bound bool, y, m, d, m2, d2 int) (match, bool) {
	mt := match{first: first, end: end, bound: bound, kind: KindDate, prec: dyad.PrecisionDay}
	if y != 0 {
		if !validYMD(y, m, d) {
			return match{}, false
		}
		mt.date = civil(y, m, d)
	} else {
		mt.kind = KindMonthDay
		if s.a.IsZero() {
			return mt, true
		}
		tn := s.tense(first, end)
		dt, ok := pickYear(s.a, m, d, tn)
		if !ok {
			return mt, true
		}
		mt.date, mt.future = dt, tn == tFuture
		y = dt.Year()
	}
	if m2 != 0 {
		uy := y
		if m2 < m {
			uy++
		}
		if validYMD(uy, m2, d2) && civil(uy, m2, d2).After(mt.date) {
			mt.until = civil(uy, m2, d2)
		}
	}
	return mt, true
}

// month reads "October 30[, 2023]", "Oct 29-31", "October 29 to
// November 2", "October 2023", and a bare month after a preposition or
// modifier ("in March", "last August", "mid-May", "the end of June").
func (s *scanner) month(i int) (match, bool) {
	m, j, ok := s.monthTok(i)
	if !ok {
		return match{}, false
	}
	if d, j2, ok := s.dayTok(j); ok && validMD(m, d) {
		end := j2
		m2, d2 := 0, 0
		if k, ok := s.rangeSep(j2, i); ok {
			if dd, k2, ok := s.dayTok(k); ok && dd > d && validMD(m, dd) {
				m2, d2, end = m, dd, k2
			} else if mm, k2, ok := s.monthTok(k); ok {
				if dd, k3, ok := s.dayTok(k2); ok && validMD(mm, dd) && (mm != m || dd > d) {
					m2, d2, end = mm, dd, k3
				}
			}
		}
		y := 0
		k := end
		if s.isP(k, ',') {
			k++
		}
		if yy, k2, ok := s.yearTok(k); ok {
			y, end = yy, k2
		}
		first, bound, _ := s.extend(i, false)
		return s.dayMatch(first, end, bound, y, m, d, m2, d2)
	}
	k := j
	if s.isP(k, ',') || s.w(k) == wOf {
		k++
	}
	if y, k2, ok := s.yearTok(k); ok {
		first, bound, _ := s.extend(i, false)
		return match{first: first, end: k2, kind: KindMonth, prec: dyad.PrecisionMonth, date: civil(y, m, 1), bound: bound}, true
	}
	// bare month: needs a modifier or a preposition before it
	mod := s.wl(i - 1)
	core := i
	switch mod {
	case wLast, wNext, wThis:
		core = i - 1
	default:
		mod = wNone
	}
	first, bound, trig := s.extend(core, false)
	if mod == wNone && !trig {
		return match{}, false
	}
	mt := match{first: first, end: j, kind: KindMonth, prec: dyad.PrecisionMonth, bound: bound}
	if s.a.IsZero() {
		return mt, true
	}
	am := s.a.Year()*12 + int(s.a.Month()) - 1
	switch mod {
	case wLast: // the last such month before this one
		k := s.a.Year()*12 + m - 1
		if k >= am {
			k -= 12
		}
		mt.date = civil(k/12, k%12+1, 1)
	case wNext:
		k := s.a.Year()*12 + m - 1
		if k <= am {
			k += 12
		}
		mt.date = civil(k/12, k%12+1, 1)
	case wThis:
		mt.date = civil(s.a.Year(), m, 1)
	default:
		tn := s.tense(first, j)
		mt.date, mt.future = pickMonth(s.a, m, tn), tn == tFuture
	}
	return mt, true
}

// weekday reads "Monday", "on Monday", "last Thursday", "Friday's",
// "Friday evening", "late on Friday", "Monday, October 30".
func (s *scanner) weekday(i int) (match, bool) {
	t := &s.t[i]
	if t.caps&capFirst == 0 {
		return match{}, false
	}
	// "Good Friday", "Super Tuesday"; "the Sunday Times"
	if i > 0 && s.t[i-1].kind == kWord && s.t[i-1].id == wNone && s.t[i-1].caps&capFirst != 0 {
		return match{}, false
	}
	if s.w(i-1) == wThe && i+1 < len(s.t) && s.t[i+1].kind == kWord && s.t[i+1].caps&capFirst != 0 {
		if _, _, ok := s.monthTok(i + 1); !ok {
			return match{}, false
		}
	}
	wd := time.Weekday((int(t.id-wMon) + 1) % 7)
	end := i + 1
	switch {
	case s.isP(end, '\'') && s.adj(end) && s.w(end+1) == wS && s.adj(end+1):
		end += 2
	case partOfDay(s.w(end)):
		end++
	}
	// a written date after it wins: "Monday, October 30", "Monday 30 October"
	k := end
	if s.isP(k, ',') {
		k++
	}
	if k < len(s.t) {
		saved := s.limit
		s.limit = k
		var m match
		ok := false
		if _, _, isMonth := s.monthTok(k); isMonth {
			m, ok = s.month(k)
		} else if s.isNum(k) {
			m, ok = s.dayFirst(k)
		}
		s.limit = saved
		if ok && (m.kind == KindDate || m.kind == KindMonthDay) {
			m.first, m.bound, _ = s.extend(i, false)
			return m, true
		}
	}
	mode := -1
	core := i
	switch s.wl(i - 1) {
	case wLast:
		mode, core = before, i-1
	case wNext:
		mode, core = after, i-1
	case wThis:
		core = i - 1
	case wComing:
		mode, core = after, i-1
		if s.wl(i-2) == wThis {
			core = i - 2
		}
	case wPast:
		if s.wl(i-2) == wThis {
			mode, core = before, i-2
		}
	}
	first, bound, _ := s.extend(core, false)
	mt := match{first: first, end: end, kind: KindWeekday, prec: dyad.PrecisionDay, bound: bound}
	if s.a.IsZero() {
		return mt, true
	}
	if mode < 0 {
		mode = onOrBefore
		if s.tense(first, end) == tFuture {
			mode, mt.future = onOrAfter, true
		}
	}
	mt.date = weekday(s.a, wd, mode)
	return mt, true
}

// relDay reads today, tonight, yesterday, tomorrow (with "the day
// before"/"the day after" and a part of the day after them).
func (s *scanner) relDay(i int) (match, bool) {
	id := s.t[i].id
	// "Russia Today", "USA Today": outlets
	if s.t[i].caps&capFirst != 0 && i > 0 && s.t[i-1].kind == kWord && s.t[i-1].id == wNone && s.t[i-1].caps&capFirst != 0 {
		return match{}, false
	}
	first, end, off := i, i+1, 0
	switch id {
	case wYesterday:
		off = -1
		if s.wl(i-1) == wBefore && s.wl(i-2) == wDay && s.wl(i-3) == wThe {
			off, first = -2, i-3
		}
	case wTomorrow:
		off = 1
		if s.wl(i-1) == wAfter && s.wl(i-2) == wDay && s.wl(i-3) == wThe {
			off, first = 2, i-3
		}
	}
	if id != wTonight && partOfDay(s.w(end)) {
		end++
	}
	first, bound, _ := s.extend(first, false)
	mt := match{first: first, end: end, kind: KindRelative, prec: dyad.PrecisionDay, bound: bound, future: off > 0}
	if !s.a.IsZero() {
		mt.date = s.a.AddDate(0, 0, off)
	}
	return mt, true
}

// modified reads last/this/next/coming with week, weekend, month, year,
// night or a part of the day, or a season. Weekdays and months after
// them are read by their own matchers, which look back for the modifier.
func (s *scanner) modified(i int) (match, bool) {
	mod := s.t[i].id
	j := i + 1
	if mod == wThis && (s.w(j) == wComing || s.w(j) == wPast) {
		mod = s.w(j)
		j++
	}
	if s.w(i-1) == wThe {
		if mod == wNext {
			return s.storyRelative(i) // "the next day"
		}
		return match{}, false // "the past week", "the last month", "the coming days": durations
	}
	if mod == wPast && j == i+1 {
		return match{}, false // "past Monday" without "this"
	}
	head := s.w(j)
	first, bound, _ := s.extend(i, false)
	mt := match{first: first, end: j + 1, kind: KindRelative, bound: bound}
	back := mod == wLast || mod == wPast
	ahead := mod == wNext || mod == wComing
	off := 0
	switch {
	case back:
		off = -1
	case ahead:
		off = 1
	}
	a := s.a
	switch head {
	case wWeek, wWeekend:
		mt.prec = dyad.PrecisionWeek
		if !a.IsZero() {
			mt.date = monday(a).AddDate(0, 0, 7*off)
		}
	case wMonth:
		mt.prec = dyad.PrecisionMonth
		if !a.IsZero() {
			mt.date = addMonths(a, off)
		}
	case wYear:
		mt.prec = dyad.PrecisionYear
		if !a.IsZero() {
			mt.date = civil(a.Year()+off, 1, 1)
		}
	case wNight:
		if mod != wLast {
			return match{}, false
		}
		mt.prec = dyad.PrecisionDay
		if !a.IsZero() {
			mt.date = a.AddDate(0, 0, -1)
		}
	case wMorning, wAfternoon, wEvening:
		if mod != wThis {
			return match{}, false
		}
		mt.prec = dyad.PrecisionDay
		if !a.IsZero() {
			mt.date = a
		}
	case wSpring, wSummer, wAutumn, wFall, wWinter:
		mt.kind = KindSeason
		if head == wWinter || a.IsZero() {
			return mt, true // a winter spans two years
		}
		mt.prec = dyad.PrecisionYear
		// last month of the season: spring May, summer August, autumn November
		lastM, firstM := 5, 3
		switch head {
		case wSummer:
			lastM, firstM = 8, 6
		case wAutumn, wFall:
			lastM, firstM = 11, 9
		}
		y := a.Year()
		switch {
		case back && int(a.Month()) <= lastM:
			y--
		case ahead && int(a.Month()) >= firstM:
			y++
		}
		mt.date = civil(y, 1, 1)
	default:
		return match{}, false
	}
	mt.future = ahead
	return mt, true
}

// ago reads "two days ago", "a week ago", "three years ago", "a few days
// ago" (found, unresolved), triggered at "ago" and reading back. With
// "later" or "earlier" it is found and left unresolved; with "after" or
// "before" it dates the clause it opens from the last day the text gave
// before it ("on Thursday, two days after Tehran struck": Tuesday), and
// is unresolved when there is none.
func (s *scanner) ago(i int) (match, bool) {
	unit := s.wl(i - 1)
	n, first := 0, i-2
	switch id := s.wl(i - 2); {
	case s.isNum(i-2) && i-2 >= s.limit && s.t[i-2].digit <= 3:
		n = int(s.t[i-2].val)
	case id >= wOne && id <= wTwelve:
		n = int(id-wOne) + 1
	case id == wA || id == wAn:
		n = 1
	case id == wFew:
		n = -1
		if s.wl(i-3) == wA {
			first = i - 3
		}
	case id == wOf && s.wl(i-3) == wFew:
		n, first = -1, i-3
		if s.wl(i-4) == wA {
			first = i - 4
		}
	default:
		first = i - 1
	}
	if first < s.limit {
		return match{}, false
	}
	a := s.a
	mt := match{first: first, end: i + 1, kind: KindRelative}
	switch unit {
	case wDay, wDays:
		mt.prec = dyad.PrecisionDay
		if n > 0 && !a.IsZero() {
			mt.date = a.AddDate(0, 0, -n)
		}
	case wWeek, wWeeks, wFortnight:
		if unit == wFortnight && n > 0 {
			n *= 2
		}
		mt.prec = dyad.PrecisionWeek
		if n > 0 && !a.IsZero() {
			mt.date = monday(a.AddDate(0, 0, -7*n))
		}
	case wMonth, wMonths:
		mt.prec = dyad.PrecisionMonth
		if n > 0 && !a.IsZero() {
			mt.date = addMonths(a, -n)
		}
	case wYear, wYears:
		mt.prec = dyad.PrecisionYear
		if n > 0 && !a.IsZero() {
			mt.date = civil(a.Year()-n, 1, 1)
		}
	default:
		return match{}, false
	}
	if n == 0 && mt.first == i-1 || s.t[i].id != wAgo {
		mt.date = time.Time{} // "days ago": no count; "days later": no anchor
	}
	if n > 0 && (unit == wDay || unit == wDays || unit == wWeek || unit == wWeeks) {
		switch s.t[i].id {
		case wAfter: // "…on Thursday, two days after Tehran struck": Tuesday
			mt.shift = -n
		case wBefore:
			mt.shift = n
		}
	}
	return mt, true
}

func unit(id wid) bool {
	switch id {
	case wDay, wDays, wWeek, wWeeks, wMonth, wMonths, wYear, wYears, wFortnight:
		return true
	}
	return false
}

// storyRelative reads "the next day", "the following week", "the
// previous month": counted from a day of the story, which the scanner
// does not know, so found and left unresolved.
func (s *scanner) storyRelative(i int) (match, bool) {
	if s.wl(i-1) != wThe || !unit(s.w(i+1)) {
		return match{}, false
	}
	first, bound, _ := s.extend(i-1, true)
	return match{first: first, end: i + 2, kind: KindRelative, bound: bound}, true
}

// weekend reads "the weekend" ("at the weekend", "over the weekend"):
// the weekend before the anchor, or the coming one when the tense says so.
func (s *scanner) weekend(i int) (match, bool) {
	if s.wl(i-1) != wThe {
		return match{}, false
	}
	first, bound, _ := s.extend(i, true)
	mt := match{first: first, end: i + 1, kind: KindRelative, prec: dyad.PrecisionWeek, bound: bound}
	if s.a.IsZero() {
		return mt, true
	}
	wd := s.a.Weekday()
	mo := monday(s.a)
	if s.tense(first, i+1) == tFuture {
		mt.future = true
		if wd == time.Sunday {
			mo = mo.AddDate(0, 0, 7)
		}
	} else if wd != time.Saturday && wd != time.Sunday {
		mo = mo.AddDate(0, 0, -7)
	}
	mt.date = mo
	return mt, true
}

// season reads "summer 2023", "the summer of 2023"; seasons after
// last/this/next are read by modified.
func (s *scanner) season(i int) (match, bool) {
	j := i + 1
	if s.w(j) == wOf {
		j++
	}
	y, end, ok := s.yearTok(j)
	if !ok {
		return match{}, false
	}
	first, bound, _ := s.extend(i, true)
	return match{first: first, end: end, kind: KindSeason, prec: dyad.PrecisionYear, date: civil(y, 1, 1), bound: bound}, true
}

// --- tense ---

// window is how many words either side of an expression tense markers
// are looked for.
const window = 8

// tense reads the nearest tense marker within window words of tokens
// [first, end), not crossing a sentence end or the joint of two clauses
// (", and", ", but"); before wins a tie.
func (s *scanner) tense(first, end int) tense {
	bd, bt := 0, tNone
	for k, n := first-1, 0; k >= 0 && n < window; k-- {
		if s.t[k].kind == kPunct {
			if s.stop(k) {
				break
			}
			continue
		}
		n++
		if tn := s.marker(k); tn != tNone {
			bd, bt = n, tn
			break
		}
	}
	for k, n := end, 0; k < len(s.t) && n < window; k++ {
		if s.t[k].kind == kPunct {
			if s.stop(k) {
				break
			}
			continue
		}
		n++
		if bt != tNone && n >= bd {
			break
		}
		if tn := s.marker(k); tn != tNone {
			return tn
		}
	}
	return bt
}

// stop reports whether the mark at k ends the words tense may read.
func (s *scanner) stop(k int) bool {
	switch s.t[k].c {
	case ';', '?', '!':
		return true
	case '.':
		// a sentence end, not the period of "U.S." or "a.m."
		if k > 0 && s.t[k-1].kind == kWord && s.t[k-1].e-s.t[k-1].s == 1 || s.adj(k+1) {
			return false
		}
		return k+1 >= len(s.t) || s.t[k+1].kind != kWord || s.t[k+1].caps&capFirst != 0
	case ',':
		switch s.w(k + 1) {
		case wAnd, wBut:
			return true
		}
	}
	return false
}

// marker says which way the word at k points: will, shall, 'll, is/was
// to, due/set/expected/scheduled/planning to point ahead; said, told,
// had, has, did, was and past forms point back.
func (s *scanner) marker(k int) tense {
	t := &s.t[k]
	if t.kind != kWord {
		return tNone
	}
	switch t.id {
	case wWill, wShall, wUpcoming:
		return tFuture
	case wMust:
		if s.w(k+1) != wHave {
			return tFuture
		}
	case wLl:
		if s.isP(k-1, '\'') && s.adj(k) {
			return tFuture
		}
	case wTo:
		switch s.w(k - 1) {
		case wIs, wAre, wWas, wWere, wBe, wDue, wSet, wExpected, wScheduled, wPlans, wPlanned, wGoing:
			return tFuture
		}
	case wDue, wSet, wExpected, wScheduled, wPlans, wPlanned, wGoing:
		if s.w(k+1) == wTo {
			return tFuture
		}
		if t.id == wDue {
			switch s.w(k - 1) { // "is due in March", not "cancelled due to rain"
			case wIs, wAre, wWas, wWere, wBe:
				return tFuture
			}
		}
	case wIs, wAre, wWas, wWere:
		switch s.w(k + 1) {
		case wTo:
			return tFuture
		case wDue, wSet, wExpected, wScheduled, wGoing:
			if s.w(k+2) == wTo {
				return tFuture
			}
		}
		if t.id == wWas || t.id == wWere {
			return tPast
		}
	case wHad, wHas, wHave, wDid, wSaid, wTold, wAgreed:
		if s.w(k+1) == wTo {
			return tNone
		}
		return tPast
	case wPastVerb:
		if s.w(k-1) == wBe {
			return tNone // "will be held"
		}
		return tPast
	case wNone:
		if t.caps == 0 && s.pastForm(t) {
			if s.w(k-1) == wBe {
				return tNone
			}
			return tPast
		}
	}
	return tNone
}

// pastForm reports whether a lower-case word looks like a past form
// ("announced", "summoned"), leaving out words that only end in -ed.
func (s *scanner) pastForm(t *tok) bool {
	w := s.text[t.s:t.e]
	if len(w) < 4 || w[len(w)-2] != 'e' || w[len(w)-1] != 'd' {
		return false
	}
	switch w {
	case "need", "speed", "seed", "feed", "shed", "indeed", "proceed", "exceed", "succeed",
		"breed", "greed", "creed", "embed", "weed", "heed", "steed", "reed", "hundred", "sled":
		return false
	}
	return true
}
