package petrarch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// smallWords are written in lower case inside a multi-word name ("Group
// of 77", "Radagast the Brown", "Osama bin Laden"); dyad then matches them
// in any case.
var smallWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true,
	"at": true, "to": true, "with": true, "by": true, "from": true, "or": true,
	"a": true, "an": true, "de": true, "du": true, "des": true, "la": true,
	"le": true, "el": true, "al": true, "y": true, "et": true, "di": true,
	"da": true, "del": true, "van": true, "von": true, "der": true, "den": true,
	"bin": true, "ibn": true, "dos": true, "das": true,
}

// nameCase writes the words of a name phrase in normal casing: title case
// word by word, small words in lower case after the first word, a leading
// "the" in lower case, initials and words with digits as written, and a
// one-word name of 2-3 capitals kept as an acronym. Words already written
// in mixed case are kept.
func nameCase(words []string) string {
	if len(words) == 1 && isAcronym(words[0]) {
		return words[0]
	}
	out := make([]string, len(words))
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case !allUpper(w):
			out[i] = w
		case i == 0 && lw == "the" && len(words) > 1, i > 0 && smallWords[lw]:
			out[i] = lw
		default:
			out[i] = titleWord(w)
		}
	}
	return strings.Join(out, " ")
}

// agentCase writes a role phrase in lower case, keeping initials and a
// one-word acronym of 2-3 capitals ("MSF") and words written in mixed case.
func agentCase(words []string) string {
	if len(words) == 1 && isAcronym(words[0]) {
		return words[0]
	}
	out := make([]string, len(words))
	for i, w := range words {
		switch {
		case !allUpper(w), initials(w):
			out[i] = w
		default:
			out[i] = strings.ToLower(w)
		}
	}
	return strings.Join(out, " ")
}

// isAcronym: 2 or 3 letters, all capitals ("UN", "IMF").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// allUpper reports whether w has letters and none in lower case.
func allUpper(w string) bool {
	letter := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letter = true
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return letter
}

// titleWord writes an upper-case word in title case: "GONDOR" -> "Gondor",
// "BARAD-DUR" -> "Barad-Dur", "O'NEILL" -> "O'Neill", "AL-QAEDA" ->
// "al-Qaeda" (the particle in lower case, so "Al-Qaeda" matches too);
// initials ("U.S.", "W.") and words with digits stay as written.
func titleWord(w string) string {
	if initials(w) || strings.ContainsFunc(w, unicode.IsDigit) {
		return w
	}
	lw := strings.ToLower(w)
	for _, pre := range []string{"al-", "el-"} {
		if strings.HasPrefix(lw, pre) && len(lw) > len(pre) {
			return pre + titleWord(w[len(pre):])
		}
	}
	var b strings.Builder
	b.Grow(len(w))
	up := true
	n := 0
	for _, r := range lw {
		n++
		if up && unicode.IsLetter(r) {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
		if r == '-' || r == '\'' && n == 2 {
			up = true
		}
	}
	return b.String()
}

// initials: one letter and a period, or letters each followed by a
// period ("W.", "U.S.", "K.U", "U.N.").
func initials(w string) bool {
	parts := strings.Split(strings.TrimSuffix(w, "."), ".")
	if len(parts) == 1 {
		return strings.HasSuffix(w, ".") && utf8.RuneCountInString(parts[0]) == 1
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}
