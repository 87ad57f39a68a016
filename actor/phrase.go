package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitPhrase cuts a dictionary phrase into tokens the way the token stage
// cuts text: on white space, with punctuation apart, inner hyphens,
// periods and apostrophes kept ("Asia-Pacific", "U.S.", "d'Ivoire"), a
// final period kept on the word ("Gen."), and clitics split ("China's"
// -> "China" "'s"). TestPhrasesTokenizeLikeText holds it to the tokenizer.
func splitPhrase(p string) []string {
	var out []string
	for _, chunk := range strings.Fields(p) {
		i := 0
		for i < len(chunk) {
			r, n := utf8.DecodeRuneInString(chunk[i:])
			if !isWordRune(r) {
				// A clitic written apart ("'s") is one token.
				if (r == '\'' || r == '\u2019') && i+n < len(chunk) {
					if w := chunk[i+n:]; strings.EqualFold(w, "s") {
						out = append(out, chunk[i:])
						break
					}
				}
				out = append(out, chunk[i:i+n])
				i += n
				continue
			}
			j := i + n
			seg := 1 // letters since the last inner period: "U.S" yes, "Lenta.ru" no
			for j < len(chunk) {
				r, n := utf8.DecodeRuneInString(chunk[j:])
				if isWordRune(r) || unicode.IsMark(r) {
					j += n
					seg++
					continue
				}
				if strings.ContainsRune("-._'\u2019&/\u2010\u2011", r) && j+n < len(chunk) {
					r2, _ := utf8.DecodeRuneInString(chunk[j+n:])
					prev, _ := utf8.DecodeLastRuneInString(chunk[:j])
					ok := isWordRune(r2)
					if r == '.' && ok {
						if unicode.IsDigit(r2) {
							ok = unicode.IsDigit(prev)
						} else {
							ok = seg <= 2 && !unicode.IsDigit(prev)
						}
						seg = -1
					}
					if ok {
						j += n
						seg++
						continue
					}
				}
				break
			}
			if j < len(chunk) && chunk[j] == '.' && (j+1 == len(chunk) || chunk[j+1] != '.' && !isWordRune(firstRune(chunk[j+1:]))) {
				j++ // "Gen.", "U.S."
			}
			w := chunk[i:j]
			if cut := cliticCut(w); cut > 0 {
				out = append(out, w[:cut], w[cut:])
			} else {
				out = append(out, w)
			}
			i = j
		}
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// cliticCut returns where a possessive "'s" starts in w, or 0.
func cliticCut(w string) int {
	n := len(w)
	if n > 2 && (w[n-1] == 's' || w[n-1] == 'S') {
		if w[n-2] == '\'' {
			return n - 2
		}
		if n > 4 && w[n-4:n-1] == "\u2019" {
			return n - 4
		}
	}
	return 0
}

// normWord is a token's normal form, as the token stage makes Token.Norm:
// lower case, curly quotes folded to ' and ", dashes to -.
func normWord(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Case rules for one phrase token (see caseRule).
const (
	caseAny   uint8 = iota
	caseUpper       // the text token must start with a capital letter
	caseExact       // the text token must be written as in the phrase
)

// caseRule says how a phrase token must be written in the text. An
// acronym of 2 or 3 capitals (US, UK, UN, EU, WHO, ANI) matches only as
// written, which keeps "US" apart from "us"; one of 4 or more (NATO, DPRK)
// also matches in title case ("Nato"), the house style of some outlets.
// In names (every kind but agent) a word written with a capital needs
// one in the text, so that "turkey", "the west of the country" and
// "Russia today" do not match Turkey, the West and Russia Today. Role
// words (kind agent) match in any case.
func caseRule(tok string, kind Kind) uint8 {
	letters, upper := 0, 0
	for _, r := range tok {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case letters >= 2 && upper == letters:
		return caseExact
	case kind != KindAgent && unicode.IsUpper(firstRune(tok)):
		return caseUpper
	}
	return caseAny
}

// caseOK checks a text token against a phrase token's case rule.
func caseOK(rule uint8, text, phrase string) bool {
	switch rule {
	case caseUpper:
		r, _ := utf8.DecodeRuneInString(text)
		return unicode.IsUpper(r)
	case caseExact:
		if text == phrase || strings.TrimSuffix(text, ".") == strings.TrimSuffix(phrase, ".") {
			return true
		}
		// Title case for long acronyms: "Nato" for NATO.
		if len(phrase) >= 4 && len(text) == len(phrase) && strings.IndexByte(phrase, '.') < 0 {
			r, n := utf8.DecodeRuneInString(text)
			return unicode.IsUpper(r) && text[:n] == phrase[:n] && strings.ToLower(text[n:]) == text[n:]
		}
		return false
	}
	return true
}
