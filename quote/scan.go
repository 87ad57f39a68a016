package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Quotation is a stretch of text between quotation marks, as Scan finds it.
type Quotation struct {
	// Parts are the quoted text without the marks, trimmed of space: one
	// span per paragraph the quotation runs over. A quotation that goes on
	// into the next paragraph leaves its closing mark out and reopens the
	// next paragraph with an opening mark (news style).
	Parts []dyad.Span
	// Open is the byte offset of the opening mark; Close that of the
	// closing mark, or -1 when the paragraph ended before one came.
	Open, Close int
	// Single is set for a quotation in single marks (‘…’ or '…').
	Single bool
}

// Span is the quotation's text from its first quoted byte to its last.
func (q Quotation) Span() dyad.Span {
	return dyad.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
}

// mark kinds.
const (
	notMark = iota
	dblOpen
	dblClose
	dblStraight
	sglOpen
	sglClose
	sglStraight
)

// markAt classifies the quotation mark starting at text[i], with its width
// in bytes. Guillemets count as double marks.
func markAt(text string, i int) (kind, width int) {
	switch c := text[i]; c {
	case '"':
		return dblStraight, 1
	case '\'':
		return sglStraight, 1
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x9E: // “ „
				return dblOpen, 3
			case 0x9D: // ”
				return dblClose, 3
			case 0x98: // ‘
				return sglOpen, 3
			case 0x99: // ’
				return sglClose, 3
			}
		}
	case 0xC2:
		if i+1 < len(text) {
			switch text[i+1] {
			case 0xAB: // «
				return dblOpen, 2
			case 0xBB: // »
				return dblClose, 2
			}
		}
	}
	return notMark, 0
}

func isDouble(k int) bool { return k == dblOpen || k == dblClose || k == dblStraight }

// opener: the rune before a mark lets it open a quotation (start of text,
// space, an opening bracket or dash, another mark).
func opener(r rune) bool {
	switch r {
	case utf8.RuneError, '(', '[', '{', '-', '/', '\u2013', '\u2014', '"', '\u201c', '\u2018', '\u00ab', ':':
		return true
	}
	return unicode.IsSpace(r)
}

// closer: the rune after a mark lets it close one (end, space, punctuation).
func closer(r rune) bool {
	if r == utf8.RuneError || unicode.IsSpace(r) {
		return true
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// open is one open mark on the scanner's stack.
type open struct {
	pos, end int // the mark's bytes
	double   bool
	straight bool // a straight " (closed only by " or ”)
}

// maxDepth bounds nesting; marks deeper than this are ignored.
const maxDepth = 4

// scanner is the state of one Scan.
type scanner struct {
	text  string
	dst   []Quotation
	stack [maxDepth]open
	depth int
	// The top-level quotation being read: its first opening mark and its
	// parts from earlier paragraphs.
	first int
	parts []dyad.Span
}

// Scan returns the top-level quotations of text in order. Marks nested
// inside a quotation (single inside double, or double inside single)
// belong to it. Double marks (" “ ” „ « ») always count; single marks
// (' ‘ ’) count as quotation marks only where they cannot be apostrophes:
// an opening one after space or an opening bracket and before a word, a
// closing one after a word and before space or punctuation while a single
// quotation is open. A single quotation still open at the end of its
// paragraph is dropped (it was an apostrophe); a double one runs on into
// the next paragraph when that opens with a double mark, else it ends with
// its paragraph.
func Scan(text string) []Quotation { return AppendScan(nil, text) }

// AppendScan is Scan appending to dst.
func AppendScan(dst []Quotation, text string) []Quotation {
	s := scanner{text: text, dst: dst}
	s.run()
	return s.dst
}

func (s *scanner) run() {
	text := s.text
	// The bytes that may start a mark or end a paragraph.
	var hot [256]bool
	for _, c := range []byte{'"', '\'', 0xE2, 0xC2, '\n', '\r'} {
		hot[c] = true
	}
	for i := 0; i < len(text); {
		// skip to the next byte that matters, in a loop that keeps its
		// state in registers
		for i < len(text) && !hot[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		c := text[i]
		if c == '\n' || c == '\r' {
			if s.depth > 0 {
				if next, ok := s.endParagraph(i); ok {
					i = next
					continue
				}
			}
			i++
			continue
		}
		k, w := markAt(text, i)
		if k == notMark {
			i++
			continue
		}
		s.mark(k, i, w)
		i += w
	}
	if s.depth > 0 {
		s.endParagraph(len(text))
	}
}

// mark handles the quotation mark of kind k at text[i:i+w].
func (s *scanner) mark(k, i, w int) {
	text := s.text
	prev := utf8.RuneError
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	next, _ := utf8.DecodeRuneInString(text[i+w:])
	if (k == sglClose || k == sglStraight) && isWordRune(prev) && isWordRune(next) {
		return // an apostrophe inside a word
	}
	top := -1 // the innermost open mark of the same family
	for j := s.depth - 1; j >= 0; j-- {
		if s.stack[j].double == isDouble(k) {
			top = j
			break
		}
	}
	startsWord := !unicode.IsSpace(next) && next != utf8.RuneError
	switch k {
	case dblOpen:
		// Inside a double quotation only a single one may hold another
		// double; a second “ right inside a double one is a stray.
		if startsWord && (top < 0 || top < s.depth-1) {
			s.push(i, w, true)
		}
	case sglOpen:
		if top < 0 && opener(prev) && (isWordRune(next) || next == '\u2026' || next == '.') {
			s.push(i, w, false)
		}
	case dblClose:
		if top >= 0 {
			s.close(top, i)
		}
	case dblStraight:
		switch {
		case top >= 0 && s.stack[top].straight && (!unicode.IsSpace(prev) || closer(next)):
			s.close(top, i)
		case (top < 0 || opener(prev)) && startsWord:
			// Opens, also inside a curly quotation ("“He said "no" today”").
			s.push(i, w, true)
			s.stack[s.depth-1].straight = true
		}
	case sglClose, sglStraight:
		switch {
		case top >= 0 && !unicode.IsSpace(prev) && closer(next):
			s.close(top, i)
		case k == sglStraight && top < 0 && opener(prev) && isWordRune(next):
			s.push(i, w, false)
		}
	}
}

func (s *scanner) push(i, w int, double bool) {
	if s.depth == maxDepth {
		s.depth-- // keep the innermost slot for this mark
	}
	if s.depth == 0 {
		s.first = i
		s.parts = nil
	}
	s.stack[s.depth] = open{pos: i, end: i + w, double: double}
	s.depth++
}

// close closes the open mark stack[top] with the mark at i. Closing the
// bottom mark ends a quotation; marks opened after top are dropped.
func (s *scanner) close(top, i int) {
	s.depth = top
	if top > 0 {
		return // a nested quotation ends; the outer one goes on
	}
	o := s.stack[0]
	if p, ok := trim(s.text, o.end, i); ok {
		s.parts = append(s.parts, p)
	}
	s.emit(i, !o.double)
}

func (s *scanner) emit(closePos int, single bool) {
	if len(s.parts) > 0 {
		s.dst = append(s.dst, Quotation{Parts: s.parts, Open: s.first, Close: closePos, Single: single})
	}
	s.parts = nil
}

// endParagraph handles a quotation still open at the line break at i. A
// double quotation whose next paragraph opens with a double mark goes on
// there: ok, and next is just after that mark. Otherwise it ends here.
func (s *scanner) endParagraph(i int) (next int, ok bool) {
	o := s.stack[0]
	s.depth = 0
	if !o.double {
		s.parts = nil
		return 0, false
	}
	if p, ok := trim(s.text, o.end, i); ok {
		s.parts = append(s.parts, p)
	}
	j := i
	for j < len(s.text) && (s.text[j] == '\n' || s.text[j] == '\r' || s.text[j] == ' ' || s.text[j] == '\t') {
		j++
	}
	if j < len(s.text) && len(s.parts) > 0 {
		if k, w := markAt(s.text, j); k == dblOpen || k == dblStraight {
			s.stack[0] = open{pos: j, end: j + w, double: true, straight: k == dblStraight}
			s.depth = 1
			return j + w, true
		}
	}
	s.emit(-1, false)
	return 0, false
}

// trim returns text[from:to] without surrounding space; ok is false when
// nothing is left.
func trim(text string, from, to int) (dyad.Span, bool) {
	for from < to {
		r, w := utf8.DecodeRuneInString(text[from:to])
		if !unicode.IsSpace(r) {
			break
		}
		from += w
	}
	for to > from {
		r, w := utf8.DecodeLastRuneInString(text[from:to])
		if !unicode.IsSpace(r) {
			break
		}
		to -= w
	}
	return dyad.Span{Start: from, End: to}, from < to
}
