package when

// Dateline is the wire-style opening of a report: "TOKYO, Jan 9 (IANS) -",
// "NEW DELHI, Sept 19 (PTI) --", "WASHINGTON (Reuters) -",
// "LONDON, 20 July 2019 —". Offsets are bytes into the scanned text.
type Dateline struct {
	Start, End int // the whole dateline, its final dash or colon included
	// CityStart and CityEnd delimit the place ("NEW DELHI"); equal when
	// the dateline starts with its date.
	CityStart, CityEnd int
	// DateStart and DateEnd delimit the date ("Jan 9"); equal when there
	// is none.
	DateStart, DateEnd int
	Month, Day, Year   int // 0 when not written
	// AgencyStart and AgencyEnd delimit the credit in brackets ("IANS");
	// equal when there is none.
	AgencyStart, AgencyEnd int
}

// maxDateline is how far into a text a dateline may reach.
const maxDateline = 160

// FindDateline reads a dateline at the start of text (leading space
// allowed). It needs a place in capitals or a date, followed by a credit
// in brackets and/or a dash or colon; ok is false otherwise.
func FindDateline(text string) (dl Dateline, ok bool) {
	lim := len(text)
	if lim > maxDateline {
		lim = maxDateline
	}
	for i := 0; i < lim; i++ {
		if text[i] == '\n' || text[i] == '\r' {
			lim = i
			break
		}
	}
	s := scanner{text: text[:lim]}
	var buf [48]tok
	s.t = lex(buf[:0], s.text)
	t := s.t
	n := len(t)
	i := 0
	// the place: words in capitals, joined by spaces, dots, hyphens or
	// apostrophes ("ST. PETERSBURG", "PORT-AU-PRINCE"), then a comma and
	// maybe a region in title case ("SURREY, British Columbia,")
	if i < n && t[i].kind == kWord && t[i].caps&capAll != 0 && t[i].e-t[i].s >= 2 {
		dl.CityStart = int(t[i].s)
	city:
		for i < n && i < 10 {
			switch {
			case t[i].kind == kWord && t[i].caps&capAll != 0:
			case s.isP(i, '.') && s.adj(i) && i+1 < n && t[i+1].kind == kWord && t[i+1].caps&capAll != 0:
			case (s.isP(i, '-') || s.isP(i, '\'')) && s.adj(i) && s.adj(i+1):
			default:
				break city
			}
			dl.CityEnd = int(t[i].e)
			i++
		}
	}
	hasCity := dl.CityEnd > dl.CityStart
	if hasCity && s.isP(i, ',') {
		i++
		if j, ok := s.datelineDate(i, &dl); ok {
			i = j
		} else if j := s.region(i); j > i && s.isP(j, ',') {
			if k, ok := s.datelineDate(j+1, &dl); ok {
				i = k
			}
		}
	} else if !hasCity {
		j, ok := s.datelineDate(i, &dl)
		if !ok {
			return Dateline{}, false
		}
		i = j
	}
	if !hasCity && dl.DateEnd == dl.DateStart {
		return Dateline{}, false
	}
	// credit in brackets
	if s.isP(i, '(') {
		j := i + 1
		for j < n && j < i+8 && !s.isP(j, ')') {
			j++
		}
		if j < n && s.isP(j, ')') && j > i+1 {
			dl.AgencyStart, dl.AgencyEnd = int(t[i+1].s), int(t[j-1].e)
			i = j + 1
		}
	}
	// the dash or colon that ends it
	end := i
	for end < n && t[end].kind == kPunct && (t[end].c == '-' || t[end].c == ':') {
		end++
	}
	if end == i {
		return Dateline{}, false
	}
	if hasCity && dl.DateEnd == dl.DateStart && dl.AgencyEnd == dl.AgencyStart && t[i].c == ':' {
		return Dateline{}, false // "NOTE: ..." is not a dateline
	}
	dl.Start, dl.End = int(t[0].s), int(t[end-1].e)
	if !hasCity {
		dl.CityStart, dl.CityEnd = dl.Start, dl.Start
	}
	return dl, true
}

// region skips a title-case name after the place ("British Columbia").
func (s *scanner) region(i int) int {
	k := i
	for k < len(s.t) && k < i+4 && s.t[k].kind == kWord && s.t[k].caps&capFirst != 0 {
		if _, _, ok := s.monthTok(k); ok {
			return i
		}
		k++
	}
	return k
}

// datelineDate reads "Jan 9", "Jan. 9, 2024", "9 January 2024" or an ISO
// date at i.
func (s *scanner) datelineDate(i int, dl *Dateline) (int, bool) {
	var m, d, y, end int
	if mm, j, ok := s.monthTok(i); ok {
		dd, k, ok := s.dayTok(j)
		if !ok || !validMD(mm, dd) {
			return 0, false
		}
		m, d, end = mm, dd, k
	} else if dd, j, ok := s.dayTok(i); ok {
		mm, k, ok := s.monthTok(j)
		if !ok || !validMD(mm, dd) {
			return 0, false
		}
		m, d, end = mm, dd, k
	} else if mt, ok := s.numeric(i); ok && mt.kind == KindDate {
		m, d, y, end = int(mt.date.Month()), mt.date.Day(), mt.date.Year(), mt.end
	} else {
		return 0, false
	}
	if y == 0 {
		k := end
		if s.isP(k, ',') {
			k++
		}
		if yy, k2, ok := s.yearTok(k); ok {
			if !validYMD(yy, m, d) {
				return 0, false
			}
			y, end = yy, k2
		}
	}
	dl.Month, dl.Day, dl.Year = m, d, y
	dl.DateStart, dl.DateEnd = int(s.t[i].s), int(s.t[end-1].e)
	return end, true
}
