package where

import "strings"

var months = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

func isMonth(norm string) bool { return months[strings.TrimSuffix(norm, ".")] }

func isDash(norm string) bool {
	return norm == "-" || norm == "--" || norm == "---" || norm == ":"
}

// dateline finds the dateline that opens the text, as token ranges of
// the place name [first, end) and of its qualifier [q0, q1) (q0 = q1
// when none):
//
//	QUITO, April 6 (AP) -
//	WOODSIDE, California, Nov 15 (Reuters) -
//	BEIJING (Reuters) -
//	Beijing, Oct 30 (Xinhua) --
//	NEW DELHI - India said …
//
// A name in capitals needs a comma, a parenthesis or a dash after it; a
// name in ordinary case needs a date or an agency in parentheses. ok is
// false when the text opens otherwise.
func (p *proc) dateline() (first, end, q0, q1 int, ok bool) {
	d := p.d
	if len(d.Sentences) == 0 {
		return
	}
	s := d.Sentences[0]
	if strings.TrimSpace(d.Text[:s.Start]) != "" {
		return
	}
	lo, hi := s.FirstToken, s.EndToken
	run := func(i int) int { // capitalised words from i, at most 4
		j := i
		for j < hi && j < i+4 && p.capitalised(j) && isWordToken(p.norm(j)) {
			j++
			// An abbreviation's period split off as a token: "Calif" ".".
			if j < hi && p.norm(j) == "." && d.Tokens[j].Start == d.Tokens[j-1].End {
				j++
			}
		}
		return j
	}
	first = lo
	end = run(lo)
	if end == lo || end >= hi {
		return
	}
	caps := !hasLower(d.Text[d.Tokens[lo].Start:d.Tokens[end-1].End])
	next := p.norm(end)
	switch {
	case next == "(":
		ok = p.agency(end, hi)
	case isDash(next):
		ok = caps
	case next == ",":
		k := end + 1
		if k >= hi {
			return
		}
		if isMonth(p.norm(k)) {
			ok = true
			break
		}
		qe := run(k)
		if qe == k || qe >= hi {
			ok = false
			break
		}
		after := p.norm(qe)
		switch {
		case after == "," && qe+1 < hi && isMonth(p.norm(qe+1)):
			ok = true
		case after == "(":
			ok = p.agency(qe, hi)
		case isDash(after):
			ok = caps
		case after == "," && caps:
			ok = true
		}
		if ok {
			q0, q1 = k, qe
		}
	}
	if !ok {
		return first, end, 0, 0, false
	}
	if q0 == 0 && q1 == 0 {
		q0, q1 = end, end
	}
	return first, end, q0, q1, true
}

// agency: "(" at i starts a short parenthesis that closes before hi.
func (p *proc) agency(i, hi int) bool {
	for j := i + 1; j < hi && j <= i+6; j++ {
		if p.norm(j) == ")" {
			return j > i+1
		}
	}
	return false
}

// isWordToken: letters, with inner periods, hyphens or apostrophes
// ("N.Y.", "Port-au-Prince", "Sana'a").
func isWordToken(norm string) bool {
	letters := 0
	for _, r := range norm {
		switch {
		case r == '.' || r == '-' || r == '\'':
		case r >= '0' && r <= '9':
			return false
		case r < 0x80 && !(r >= 'a' && r <= 'z'):
			return false
		default:
			letters++
		}
	}
	return letters > 0
}
