package sentence

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// splitLine appends the sentences of the trimmed, non-empty line
// text[a:b].
func (s *Splitter) splitLine(dst []dyad.Sentence, text string, a, b int) []dyad.Sentence {
	var quotes quoteCache
	for start := a; start < b; {
		end := s.sentenceEnd(text, start, b, &quotes)
		if e := trimRight(text, start, end); e > start {
			dst = append(dst, dyad.Sentence{Span: dyad.Span{Start: start, End: e}})
		}
		if end <= start { // cannot happen; guarantees progress
			end = b
		}
		start = skipSpace(text, end, b)
	}
	return dst
}

// sentenceEnd returns where the sentence that starts at start ends, at the
// latest b. Steps: (1) a list marker at the start ("1.", "a)", "•") is
// skipped, and the next marker of the same list ends the sentence; (2) the
// line is scanned for terminators, deciding each one in terminal; (3) a
// quotation that opens mid-sentence or closes into its attribution
// ("…,” he said") is protected: terminators inside it do not split.
func (s *Splitter) sentenceEnd(text string, start, b int, quotes *quoteCache) int {
	i, succ := listMarker(text, start, b)
	stop := b
	if succ > 0 {
		stop = succ
	}
	protect := -1 // terminators before this offset are inside a protected quote
	words := wordScan{at: start}
	hot := &s.hot
	for i < stop {
		// skip to the next byte that matters, in a loop that keeps its
		// state in registers
		for i < stop && !hot[text[i]] {
			i++
		}
		if i == stop {
			break
		}
		c := text[i]
		switch c {
		case '.', '!', '?':
			end, k := s.terminal(text, start, i, b, protect)
			if end > 0 {
				return end
			}
			i = k
		case '"':
			if i >= protect && opensQuote(text, start, i, b) {
				if cl, csize := quotes.close(text, i+1, b, '"'); cl >= 0 && attributed(text, &words, i, cl, csize, b) {
					protect = cl
				}
			}
			i++
		default: // 0xC2, 0xE2: a few multi-byte marks matter
			r, size := utf8.DecodeRuneInString(text[i:b])
			switch r {
			case '…', '‼', '⁇', '⁈', '⁉':
				end, k := s.terminal(text, start, i, b, protect)
				if end > 0 {
					return end
				}
				i = k
				continue
			case '“', '‘', '«':
				if i >= protect && opensQuote(text, start, i, b) {
					if cl, csize := quotes.close(text, i+size, b, r); cl >= 0 && attributed(text, &words, i, cl, csize, b) {
						protect = cl
					}
				}
			}
			i += size
		}
	}
	return stop
}

// terminal decides the terminator run starting at i. It returns the end of
// the sentence when the run ends one (end > 0), and otherwise the offset to
// resume scanning at.
func (s *Splitter) terminal(text string, start, i, b, protect int) (end, resume int) {
	// The run: periods, ! and ?, "…", and spaced ellipses (". . .").
	j, dots, strong, spaced := i, 0, false, false
run:
	for j < b {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
		case c == '!' || c == '?':
			strong = true
			j++
		case c == ' ' && dots > 0 && !strong && j+1 < b && text[j+1] == '.':
			spaced = true
			j++
		case c == 0xE2:
			r, size := utf8.DecodeRuneInString(text[j:b])
			switch r {
			case '…':
				dots += 3
			case '‼', '⁇', '⁈', '⁉':
				strong = true
			default:
				break run
			}
			j += size
		default:
			break run
		}
	}
	if j < protect {
		return 0, j // inside a quotation that stays whole
	}
	k := skipClosers(text, j, b)
	if k >= b {
		return 0, b // the line ends here anyway
	}
	if !strong && dots == 3 {
		return 0, k // an ellipsis marks an omission, not an end
	}

	if !isSpaceAt(text, k) {
		// Glued to what follows: "momentum….reports", "world.Today".
		if dots >= 4 && isLetterAt(text, k, b) {
			return k, 0
		}
		if (dots == 1 || strong) && s.gluedStart(text, start, i, k, b) {
			return k, 0
		}
		return 0, k
	}

	m := skipSpace(text, k, b)
	if text[m] == '(' && isSignoff(text, m, b) {
		return 0, b // "… reported. (ANI)": the credit stays
	}
	n := skipOpeners(text, m, b)
	next := kindAt(text, n, b)
	switch next {
	case kindLower, kindClose:
		return 0, k
	}
	if strong {
		return k, 0
	}
	if dots >= 4 {
		// "word. . . . Next": the period ends the sentence, the ellipsis
		// opens the next; "word . . . . Next": ellipsis then period.
		if spaced && i > start && !isSpaceAt(text, i-1) && text[i+1] == ' ' {
			return i + 1, 0
		}
		return k, 0
	}
	switch s.wordClass(text, start, i) {
	case clsTitle:
		return 0, k
	case clsNumeric:
		if next == kindDigit {
			return 0, k
		}
	case clsAbbr:
		if next != kindUpper || !s.isStarter(text, n, b) {
			return 0, k
		}
	}
	return k, 0
}

// gluedStart reports whether a terminator at i with closers up to k, and
// no space after, still ends a sentence: "world.Today", "1,000.That",
// but not "Jane.Doe@example.com", "www.Example.com" or "St.Petersburg".
func (s *Splitter) gluedStart(text string, start, i, k, b int) bool {
	if k+1 >= b || !isASCIIUpper(text[k]) || !isASCIILower(text[k+1]) || i == start {
		return false
	}
	if p := text[i-1]; !isASCIILower(p) && !isDigit(p) {
		return false
	}
	if text[i] == '.' && s.wordClass(text, start, i) != clsWord {
		return false
	}
	// Look for signs of an address within maxToken bytes each side.
	ts, te := i, k
	for ts > start && i-ts < maxToken && !isSpaceAt(text, ts-1) {
		ts--
	}
	for te < b && te-k < maxToken && !isSpaceAt(text, te) {
		te++
	}
	tok := text[ts:te]
	return !strings.Contains(tok, "@") && !strings.Contains(tok, "://") && !strings.HasPrefix(tok, "www.")
}

// wordClass classifies the word that ends just before the period at i.
func (s *Splitter) wordClass(text string, start, i int) class {
	p := i
	for p > start && isAbbrevByte(text[p-1]) {
		if i-p > maxWord {
			return clsWord // too long to be an abbreviation
		}
		p--
	}
	for p < i && text[p] == '.' {
		p++
	}
	w := text[p:i]
	if w == "" || len(w) >= maxWord {
		return clsWord
	}
	if p > start {
		if r, _ := utf8.DecodeLastRuneInString(text[start:p]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return clsWord // "5th.", "Müller."
		}
	}
	if c, ok := s.t.abbrev[w]; ok {
		return c
	}
	var buf [maxWord]byte
	for j := 0; j < len(w); j++ {
		buf[j] = toLower(w[j])
	}
	if c, ok := s.t.abbrev[string(buf[:len(w)])]; ok {
		return c
	}
	if isInitials(w) {
		return clsAbbr
	}
	return clsWord
}

// isInitials reports a single letter or dotted letters: "E", "U.S", "a.m".
func isInitials(w string) bool {
	for j := 0; j < len(w); j++ {
		if j%2 == 0 && !isASCIILetter(w[j]) || j%2 == 1 && w[j] != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

// isStarter reports whether the capitalised word at n commonly opens a
// sentence.
func (s *Splitter) isStarter(text string, n, b int) bool {
	var buf [maxWord]byte
	l := 0
	for ; n+l < b && isASCIILetter(text[n+l]); l++ {
		if l == maxWord {
			return false
		}
		buf[l] = toLower(text[n+l])
	}
	return l > 0 && s.t.starters[string(buf[:l])]
}

const (
	maxToken = 256  // how far gluedStart looks for an address
	maxItem  = 1024 // how far listMarker looks for the next item
)

// What begins the next word.
const (
	kindOther = iota
	kindLower
	kindUpper
	kindDigit
	kindClose // punctuation that cannot open a sentence
)

func kindAt(text string, n, b int) int {
	if n >= b {
		return kindOther
	}
	c := text[n]
	switch {
	case isASCIILower(c):
		if n+1 < b && isASCIIUpper(text[n+1]) {
			return kindUpper // "iPhone", "eBay"
		}
		return kindLower
	case isASCIIUpper(c):
		return kindUpper
	case isDigit(c):
		return kindDigit
	case c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}':
		return kindClose
	case c < 0x80:
		return kindOther
	}
	r, _ := utf8.DecodeRuneInString(text[n:b])
	switch {
	case unicode.IsLower(r):
		return kindLower
	case unicode.IsUpper(r) || unicode.IsLetter(r):
		return kindUpper
	case unicode.IsDigit(r):
		return kindDigit
	case r == '”' || r == '’' || r == '»':
		return kindClose
	}
	return kindOther
}

// skipClosers skips the quotes and brackets that close a sentence.
func skipClosers(text string, k, b int) int {
	for k < b {
		switch c := text[k]; c {
		case '"', '\'', ')', ']', '}':
			k++
			continue
		case 0xE2, 0xC2:
			r, size := utf8.DecodeRuneInString(text[k:b])
			if r == '”' || r == '’' || r == '»' || r == '›' {
				k += size
				continue
			}
		}
		break
	}
	return k
}

// skipOpeners skips the quotes and brackets that open a sentence.
func skipOpeners(text string, n, b int) int {
	for n < b {
		switch c := text[n]; c {
		case '"', '\'', '(', '[', '{':
			n++
			continue
		case 0xE2, 0xC2:
			r, size := utf8.DecodeRuneInString(text[n:b])
			if r == '“' || r == '‘' || r == '«' || r == '‹' || r == '¿' || r == '¡' {
				n += size
				continue
			}
		}
		break
	}
	return n
}

// isSignoff reports whether text[m:b] is a short parenthesised credit
// such as "(ANI)" or "(Reporting by A. Name)": it closes the line and does
// not end with its own terminator.
func isSignoff(text string, m, b int) bool {
	if b-m > 100 || text[b-1] != ')' {
		return false
	}
	in := text[m+1 : b-1]
	if in == "" || strings.ContainsAny(in, "()") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(in, " "))
	return last != '.' && last != '!' && last != '?' && last != '…'
}

// opensQuote reports whether the quote mark at i opens a quotation: it
// follows a space, a bracket or a dash (or starts the sentence) and is
// followed by a non-space.
func opensQuote(text string, start, i, b int) bool {
	_, size := utf8.DecodeRuneInString(text[i:b])
	if i+size >= b || isSpaceAt(text, i+size) {
		return false
	}
	if i == start {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/:", r)
}

// quoteCache remembers, per kind of opening mark, the last search for a
// closing mark on the line, so that many openers on one line cost one
// pass, not one pass each.
type quoteCache struct {
	set      [4]bool
	from, at [4]int // the search began at from and found at (-1: none)
	size     [4]int
}

// close finds the mark closing a quotation opened by open (", “, ‘ or «),
// searching text[from:b]; for ‘ a ’ followed by a letter is an apostrophe,
// not a close.
func (q *quoteCache) close(text string, from, b int, open rune) (at, size int) {
	var k int
	var cl string
	switch open {
	case '"':
		k, cl = 0, `"`
	case '“':
		k, cl = 1, "”"
	case '‘':
		k, cl = 2, "’"
	default:
		k, cl = 3, "»"
	}
	if q.set[k] && from >= q.from[k] && (q.at[k] < 0 || q.at[k] >= from) {
		return q.at[k], q.size[k]
	}
	q.set[k], q.from[k], q.at[k], q.size[k] = true, from, -1, len(cl)
	for p := from; p < b; {
		j := strings.Index(text[p:b], cl)
		if j < 0 {
			break
		}
		at = p + j
		if open != '‘' || !isLetterAt(text, at+len(cl), b) {
			q.at[k] = at
			break
		}
		p = at + len(cl)
	}
	return q.at[k], q.size[k]
}

// wordScan finds, once per sentence, whether a word precedes an offset.
type wordScan struct {
	at   int // bytes before at have been looked at
	seen bool
}

// before reports whether a letter, digit or non-ASCII character occurs
// between the sentence start and off.
func (w *wordScan) before(text string, off int) bool {
	for ; !w.seen && w.at < off; w.at++ {
		if c := text[w.at]; isASCIILetter(c) || isDigit(c) || c >= 0x80 {
			w.seen = true
		}
	}
	return w.seen
}

// attributed reports whether a quotation (opened at open, closed at cl
// by a mark of csize bytes) belongs to a larger sentence and so must stay
// whole: it opens after words of the sentence ("He said: “…”"), or it
// ends in a comma or dash, or lower-case words follow it ("…,” he said",
// "…?” asked Smith").
func attributed(text string, words *wordScan, open, cl, csize, b int) bool {
	if words.before(text, open) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[open:cl])
	if strings.ContainsRune(",;:—–-", r) {
		return true
	}
	m := skipSpace(text, cl+csize, b)
	return m < b && (isASCIILower(text[m]) || text[m] == ',')
}

// listMarker looks for a list marker at the sentence start: a bullet,
// a number or letter with ".", ")" or ".)" ("1.", "2.)", "a)"), or a
// bullet then a number ("• 9."). It returns where scanning should begin
// (after the marker) and the offset of the next item's marker on the
// line, or -1.
func listMarker(text string, start, b int) (after, succ int) {
	p := start
	bullet := ""
	if r, size := utf8.DecodeRuneInString(text[p:b]); isBullet(r) {
		bullet = text[p : p+size]
		p = skipSpace(text, p+size, b)
	}
	q, val, kind := p, 0, byte(0)
	for q < b && isDigit(text[q]) && q-p < 4 {
		val = val*10 + int(text[q]-'0')
		q++
	}
	switch {
	case q > p && q-p <= 3:
		kind = 'n'
	case q == p && q+1 < b && isASCIILower(text[q]) && (text[q+1] == '.' || text[q+1] == ')'):
		kind, val = 'a', int(text[q])
		q++
	}
	style := ""
	if kind != 0 {
		switch {
		case strings.HasPrefix(text[q:b], ".)"):
			style = ".)"
		case q < b && (text[q] == ')' || text[q] == '.'):
			style = text[q : q+1]
		}
		q += len(style)
		if style == "" || q < b && !isSpaceAt(text, q) {
			kind = 0 // "1.5", "2020", "a.m."
		}
	}
	if kind == 0 {
		q = p
		if bullet == "" {
			return start, -1
		}
	}
	var next string
	switch {
	case bullet != "":
		next = bullet
	case kind == 'n':
		next = strconv.Itoa(val+1) + style
	case val < 'z':
		next = string(rune(val+1)) + style
	default:
		return q, -1
	}
	// A list item longer than maxItem bytes is not looked for, which
	// bounds the cost of a line of many one-item "lists".
	limit := min(b, q+maxItem)
	for from := q; from < limit; {
		j := strings.Index(text[from:limit], next)
		if j < 0 {
			break
		}
		at := from + j
		end := at + len(next)
		if isSpaceAt(text, at-1) && (bullet != "" || end == b || end < b && isSpaceAt(text, end)) {
			return q, at
		}
		from = at + 1
	}
	return q, -1
}

func isBullet(r rune) bool {
	switch r {
	case '•', '◦', '‣', '⁃', '▪', '●', '■', '►', '▸':
		return true
	}
	return false
}
