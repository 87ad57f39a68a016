package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// words splits a Phoenix phrase ("GEORGE_W._BUSH_") into upper-case words.
func words(raw string) []string {
	return strings.FieldsFunc(strings.ToUpper(raw), func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
}

// key is how phrases are compared: lower case, single spaces, no leading
// "the" (the engine reads a leading "the" itself).
func key(p string) string {
	k := strings.ToLower(strings.Join(strings.Fields(p), " "))
	return strings.TrimPrefix(k, "the ")
}

// functionWords never stand inside a person's name.
var functionWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true,
	"to": true, "with": true, "by": true, "from": true, "or": true, "a": true, "an": true,
}

// particles are written in lower case inside names ("Osama bin Laden",
// "Ursula von der Leyen"); the engine then matches them in any case.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "de": true, "da": true, "di": true,
	"du": true, "dos": true, "das": true, "del": true, "della": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "y": true, "ter": true, "ten": true, "zu": true,
}

// orgSmall are the words written in lower case inside organisation names.
var orgSmall = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true,
	"to": true, "de": true, "du": true, "des": true, "la": true, "le": true, "el": true,
	"al": true, "y": true, "et": true, "di": true, "da": true, "del": true, "e": true,
}

// nameChars reports whether w holds only letters, marks and the
// punctuation names use (". - '"), with at least one letter.
func nameChars(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsMark(r), r == '.', r == '-', r == '\'':
		default:
			return false
		}
	}
	return letter
}

// orgChars is nameChars plus "/" and "&" (SPLM/A, R&D), no digits.
func orgChars(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsMark(r), r == '.', r == '-', r == '\'', r == '/', r == '&':
		default:
			return false
		}
	}
	return letter
}

// title writes an upper-case word in title case: "BUSH" -> "Bush",
// "KI-MOON" -> "Ki-Moon", "O'NEILL" -> "O'Neill", "MCCAIN" -> "McCain",
// "AL-ASSAD" -> "al-Assad".
func title(w string) string {
	lw := strings.ToLower(w)
	if initials(w) {
		return strings.ToUpper(w) // "U.S.", "U.N."
	}
	for _, pre := range []string{"al-", "el-"} {
		if strings.HasPrefix(lw, pre) && len(lw) > len(pre) {
			return pre + title(w[len(pre):])
		}
	}
	var b strings.Builder
	up := true
	n := 0
	for _, r := range lw {
		n++
		switch {
		case up && unicode.IsLetter(r):
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
		if r == '-' || (r == '\'' && n == 2) {
			up = true
		}
	}
	s := b.String()
	if strings.HasPrefix(s, "Mc") && len(s) > 3 {
		r, n := utf8.DecodeRuneInString(s[2:])
		s = "Mc" + string(unicode.ToUpper(r)) + s[2+n:]
	}
	return s
}

// recasePerson writes a name's words in normal casing.
func recasePerson(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && i < len(ws)-1 && particles[lw] {
			out[i] = lw
			continue
		}
		out[i] = title(w)
	}
	return strings.Join(out, " ")
}

func hasVowel(w string) bool { return strings.ContainsAny(strings.ToUpper(w), "AEIOUY") }

func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// initials reports whether w is letters each followed by a period, two
// or more of them ("U.S.", "U.N").
func initials(w string) bool {
	parts := strings.Split(strings.TrimSuffix(w, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}
