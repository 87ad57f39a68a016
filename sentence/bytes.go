package sentence

import (
	"unicode"
	"unicode/utf8"
)

// Byte and rune helpers for the scanner. Offsets are byte offsets; the
// multi-byte cases decode only when the lead byte could start a space.

// lineEnd finds the end of the line that starts at pos: the offset of its
// line break (or len(text)) and the offset just after the break. Breaks
// are \n, \r, \v, \f, U+0085, U+2028 and U+2029.
func lineEnd(text string, pos int) (end, next int) {
	for i := pos; i < len(text); i++ {
		if !breakLead[text[i]] {
			continue
		}
		switch c := text[i]; {
		case c >= '\n' && c <= '\r':
			return i, i + 1
		case c == 0xC2:
			if i+1 < len(text) && text[i+1] == 0x85 {
				return i, i + 2
			}
		case c == 0xE2:
			if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(text), len(text)
}

// breakLead marks the bytes a line break starts with (read-only).
var breakLead = [256]bool{'\n': true, '\v': true, '\f': true, '\r': true, 0xC2: true, 0xE2: true}

// isSpaceAt reports whether the rune starting at byte i is white space.
func isSpaceAt(text string, i int) bool {
	c := text[i]
	switch {
	case c < 0x80:
		return c == ' ' || c >= '\t' && c <= '\r'
	case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
		r, _ := utf8.DecodeRuneInString(text[i:])
		return unicode.IsSpace(r)
	}
	return false
}

// skipSpace returns the first offset at or after i, and before end, that
// does not start a space.
func skipSpace(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if !isSpaceAt(text, i) {
			return i
		}
		_, size := utf8.DecodeRuneInString(text[i:end])
		i += size
	}
	return end
}

// trimRight returns end moved back over trailing spaces, not before a.
func trimRight(text string, a, end int) int {
	for end > a {
		c := text[end-1]
		if c == ' ' || c == '\t' || c >= '\n' && c <= '\r' {
			end--
			continue
		}
		if c < 0x80 {
			return end
		}
		r, size := utf8.DecodeLastRuneInString(text[a:end])
		if !unicode.IsSpace(r) {
			return end
		}
		end -= size
	}
	return end
}

// isLetterAt reports whether a letter starts at byte i (false at b).
func isLetterAt(text string, i, b int) bool {
	if i >= b {
		return false
	}
	if c := text[i]; c < 0x80 {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:b])
	return unicode.IsLetter(r)
}

// isAbbrevByte: the bytes an abbreviation is made of (letters, inner
// periods, and the two bytes of ° and º as in "N°").
func isAbbrevByte(c byte) bool {
	return isASCIILetter(c) || c == '.' || c == 0xC2 || c == 0xB0 || c == 0xBA
}

func isASCIILetter(c byte) bool { return isASCIILower(c) || isASCIIUpper(c) }
func isASCIILower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isASCIIUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool       { return '0' <= c && c <= '9' }

func toLower(c byte) byte {
	if isASCIIUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}
