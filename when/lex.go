package when

// The scanner works on a small token array: runs of letters, runs of
// digits and single punctuation marks, each word classified once by a
// switch on its lower-cased form. Matching then compares small integers.

type tkind uint8

const (
	kWord tkind = iota + 1
	kNum
	kPunct
)

// tok is one lexical unit of the scanned text.
type tok struct {
	s, e  int32
	kind  tkind
	id    wid  // class of a word (0 for an unknown word)
	c     byte // punctuation mark, folded: '-' for dashes, '\'' for ’, '"' for “”
	sp    bool // white space (or text start) before it
	caps  uint8
	digit uint8 // number of digits for kNum
	val   int32 // value of a number up to 9 digits
}

const (
	capFirst uint8 = 1 << iota // first letter upper case
	capAll                     // every letter upper case
)

// wid classifies a word.
type wid uint8

const (
	wNone wid = iota
	// months 1..12 (full or abbreviated); the month number is id-wJan+1
	wJan
	wFeb
	wMar
	wApr
	wMay
	wJun
	wJul
	wAug
	wSep
	wOct
	wNov
	wDec
	// weekdays, Monday first; time.Weekday is (id-wMon+1)%7
	wMon
	wTue
	wWed
	wThu
	wFri
	wSat
	wSun

	wToday
	wTonight
	wYesterday
	wTomorrow

	wLast
	wThis
	wNext
	wPast
	wPrevious
	wComing
	wEarlier
	wLater
	wEarly
	wLate
	wMid
	wEnd
	wBeginning
	wStart

	wDay
	wDays
	wWeek
	wWeeks
	wMonth
	wMonths
	wYear
	wYears
	wWeekend
	wFortnight

	wMorning
	wAfternoon
	wEvening
	wNight
	wOvernight
	wDawn

	wAgo
	wOn
	wIn
	wAt
	wSince
	wDuring
	wUntil
	wTill
	wBy
	wFrom
	wTo
	wThrough
	wBetween
	wAnd
	wOf
	wBefore
	wAfter
	wThe
	wOver
	wA
	wAn

	// number words: value is id-wOne+1
	wOne
	wTwo
	wThree
	wFour
	wFive
	wSix
	wSeven
	wEight
	wNine
	wTen
	wEleven
	wTwelve

	// ordinal suffixes after a number ("30th")
	wSt
	wNd
	wRd
	wTh
	wS // "1990s", "Tuesday's"

	wSpring
	wSummer
	wAutumn
	wFall
	wWinter

	// tense markers
	wWill
	wShall
	wLl // 'll
	wWould
	wDue
	wSet
	wExpected
	wScheduled
	wPlans
	wPlanned
	wGoing
	wUpcoming
	wIs
	wAre
	wWas
	wWere
	wBe
	wBeen
	wHas
	wHave
	wHad
	wDid
	wSaid
	wSays
	wTold
	wAgreed
	wPastVerb // irregular past forms: met, held, took ...
	wFew      // few, several, couple
	wMust     // must, should
	wBut      // but, or, while, whereas: with a comma, a clause joint
	wFollowing
)

// classify returns the class of a lower-cased ASCII word.
func classify(w []byte) wid {
	switch string(w) {
	case "january", "jan":
		return wJan
	case "february", "feb":
		return wFeb
	case "march", "mar":
		return wMar
	case "april", "apr":
		return wApr
	case "may":
		return wMay
	case "june", "jun":
		return wJun
	case "july", "jul":
		return wJul
	case "august", "aug":
		return wAug
	case "september", "sep", "sept":
		return wSep
	case "october", "oct":
		return wOct
	case "november", "nov":
		return wNov
	case "december", "dec":
		return wDec
	case "monday":
		return wMon
	case "tuesday":
		return wTue
	case "wednesday":
		return wWed
	case "thursday":
		return wThu
	case "friday":
		return wFri
	case "saturday":
		return wSat
	case "sunday":
		return wSun
	case "today":
		return wToday
	case "tonight":
		return wTonight
	case "yesterday":
		return wYesterday
	case "tomorrow":
		return wTomorrow
	case "last":
		return wLast
	case "this":
		return wThis
	case "next":
		return wNext
	case "past":
		return wPast
	case "previous":
		return wPrevious
	case "coming":
		return wComing
	case "earlier":
		return wEarlier
	case "later":
		return wLater
	case "early":
		return wEarly
	case "late":
		return wLate
	case "mid":
		return wMid
	case "end":
		return wEnd
	case "beginning":
		return wBeginning
	case "start":
		return wStart
	case "day":
		return wDay
	case "days":
		return wDays
	case "week":
		return wWeek
	case "weeks":
		return wWeeks
	case "month":
		return wMonth
	case "months":
		return wMonths
	case "year":
		return wYear
	case "years":
		return wYears
	case "weekend":
		return wWeekend
	case "fortnight":
		return wFortnight
	case "morning":
		return wMorning
	case "afternoon":
		return wAfternoon
	case "evening":
		return wEvening
	case "night":
		return wNight
	case "overnight":
		return wOvernight
	case "dawn":
		return wDawn
	case "ago":
		return wAgo
	case "on":
		return wOn
	case "in":
		return wIn
	case "at":
		return wAt
	case "since":
		return wSince
	case "during":
		return wDuring
	case "until":
		return wUntil
	case "till":
		return wTill
	case "by":
		return wBy
	case "from":
		return wFrom
	case "to":
		return wTo
	case "through", "thru":
		return wThrough
	case "between":
		return wBetween
	case "and":
		return wAnd
	case "of":
		return wOf
	case "before":
		return wBefore
	case "after":
		return wAfter
	case "the":
		return wThe
	case "over":
		return wOver
	case "a":
		return wA
	case "an":
		return wAn
	case "one":
		return wOne
	case "two":
		return wTwo
	case "three":
		return wThree
	case "four":
		return wFour
	case "five":
		return wFive
	case "six":
		return wSix
	case "seven":
		return wSeven
	case "eight":
		return wEight
	case "nine":
		return wNine
	case "ten":
		return wTen
	case "eleven":
		return wEleven
	case "twelve":
		return wTwelve
	case "st":
		return wSt
	case "nd":
		return wNd
	case "rd":
		return wRd
	case "th":
		return wTh
	case "s":
		return wS
	case "spring":
		return wSpring
	case "summer":
		return wSummer
	case "autumn":
		return wAutumn
	case "fall":
		return wFall
	case "winter":
		return wWinter
	case "will":
		return wWill
	case "shall":
		return wShall
	case "ll":
		return wLl
	case "would":
		return wWould
	case "due":
		return wDue
	case "set":
		return wSet
	case "expected":
		return wExpected
	case "scheduled":
		return wScheduled
	case "plans", "plan", "intends", "aims":
		return wPlans
	case "planned":
		return wPlanned
	case "going":
		return wGoing
	case "upcoming", "forthcoming":
		return wUpcoming
	case "is", "am":
		return wIs
	case "are":
		return wAre
	case "was":
		return wWas
	case "were":
		return wWere
	case "be", "being":
		return wBe
	case "been":
		return wBeen
	case "has":
		return wHas
	case "have":
		return wHave
	case "had":
		return wHad
	case "did":
		return wDid
	case "said":
		return wSaid
	case "says":
		return wSays
	case "told":
		return wTold
	case "agreed":
		return wAgreed
	case "met", "held", "took", "made", "gave", "went", "came", "struck", "fought",
		"sent", "left", "won", "lost", "began", "broke", "spoke", "saw", "flew",
		"drove", "ran", "sought", "brought", "kept", "led", "paid", "threw",
		"wrote", "rose", "fell", "shot", "stood", "chose", "froze":
		return wPastVerb
	case "few", "several", "couple":
		return wFew
	case "must", "should":
		return wMust
	case "but", "or", "while", "whereas":
		return wBut
	case "following":
		return wFollowing
	}
	return wNone
}

// maxKey is the longest word classify knows.
const maxKey = 11

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// lex appends the tokens of text to dst.
func lex(dst []tok, text string) []tok {
	var key [maxKey]byte
	sp := true
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case isSpace(c):
			sp = true
			i++
			continue
		case c == 0xC2 && i+1 < n && text[i+1] == 0xA0: // no-break space
			sp = true
			i += 2
			continue
		case isDigit(c):
			j := i
			var v int32
			for j < n && isDigit(text[j]) {
				if j-i < 9 {
					v = v*10 + int32(text[j]-'0')
				}
				j++
			}
			d := j - i
			if d > 255 {
				d = 255
			}
			dst = append(dst, tok{s: int32(i), e: int32(j), kind: kNum, sp: sp, digit: uint8(d), val: v})
			i = j
		case isLetter(c) || c >= 0x80 && !punctUTF8(text, i):
			j := i
			upper, lower := 0, 0
			for j < n {
				b := text[j]
				if isLetter(b) {
					if b <= 'Z' {
						upper++
					} else {
						lower++
					}
					j++
					continue
				}
				if b >= 0x80 && !punctUTF8(text, j) && !(b == 0xC2 && j+1 < n && text[j+1] == 0xA0) {
					lower++ // accented letters count as letters
					j++
					continue
				}
				break
			}
			t := tok{s: int32(i), e: int32(j), kind: kWord, sp: sp}
			if isLetter(c) && c <= 'Z' {
				t.caps |= capFirst
				if lower == 0 {
					t.caps |= capAll
				}
			}
			if j-i <= maxKey {
				ok := true
				for k := i; k < j; k++ {
					b := text[k]
					if b >= 0x80 {
						ok = false
						break
					}
					key[k-i] = b | 0x20
				}
				if ok {
					t.id = classify(key[:j-i])
				}
			}
			dst = append(dst, t)
			i = j
		default:
			w := 1
			p := c
			if c >= 0x80 {
				p, w = foldUTF8(text, i)
			} else if c == '`' {
				p = '\''
			}
			dst = append(dst, tok{s: int32(i), e: int32(i + w), kind: kPunct, sp: sp, c: p})
			i += w
		}
		sp = false
	}
	return dst
}

// punctUTF8 reports whether the multi-byte character at i is one of the
// marks foldUTF8 folds (dashes, curly quotes) or another mark that must not
// join a word (ellipsis, bullets).
func punctUTF8(text string, i int) bool {
	if text[i] != 0xE2 || i+2 >= len(text) || text[i+1] != 0x80 {
		return false
	}
	b := text[i+2]
	return b >= 0x90 && b <= 0xA6 || b == 0xB2 || b == 0xB3
}

// foldUTF8 returns the ASCII mark a multi-byte character at i stands for
// and its width; other characters give 0 and their width.
func foldUTF8(text string, i int) (byte, int) {
	if punctUTF8(text, i) {
		switch text[i+2] {
		case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95: // hyphens, en and em dashes
			return '-', 3
		case 0x98, 0x99, 0x9B, 0xB2: // ‘ ’ ‛ ′
			return '\'', 3
		case 0x9C, 0x9D, 0x9F, 0xB3: // “ ” ‟ ″
			return '"', 3
		}
		return '.', 3
	}
	c := text[i]
	w := 1
	switch {
	case c >= 0xF0:
		w = 4
	case c >= 0xE0:
		w = 3
	case c >= 0xC0:
		w = 2
	}
	if i+w > len(text) {
		w = len(text) - i
	}
	return 0, w
}
