package textspace

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneSpace is strings.Join(strings.Fields(s), " "): s on one line, its
// runs of white space made single spaces, its ends trimmed. When s is
// already so (most phrases of a text), it is returned as is, with no
// copy.
func OneSpace(s string) string {
	blank := true // the byte before is a space, or s starts here
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if blank {
					return strings.Join(strings.Fields(s), " ")
				}
				blank = true
			case '\t' <= c && c <= '\r':
				return strings.Join(strings.Fields(s), " ")
			default:
				blank = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		blank = false
		i += n
	}
	if blank && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
