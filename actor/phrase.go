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
func splitPhrase(p string) []string { return splitPhraseInto(nil, p) }

// splitPhraseInto is splitPhrase appending to out.
func splitPhraseInto(out []string, p string) []string {
	for rest := p; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		chunk := rest[:end]
		rest = rest[end:]
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
					if r == '/' {
						// As the tokenizer: "24/7", "km/h" stay whole,
						// "SPLM/A" and "Israel/Gaza" are cut.
						prevB, nextB := chunk[j-1], chunk[j+n]
						ok = isDigitByte(prevB) && isDigitByte(nextB) ||
							isAlnumByte(prevB) && isAlnumByte(nextB) && seg <= 3 && alnumRun(chunk[j+n:]) <= 3
					}
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
	if plainWord(w) {
		return w
	}
	return string(appendNorm(nil, w))
}

func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// appendNorm appends the norm of w to dst.
func appendNorm(dst []byte, w string) []byte {
	if plainWord(w) {
		return append(dst, w...)
	}
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
		dst = utf8.AppendRune(dst, r)
	}
	return dst
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

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// alnumRun counts the ASCII letters and digits at the start of s.
func alnumRun(s string) int {
	n := 0
	for n < len(s) && isAlnumByte(s[n]) {
		n++
	}
	return n
}
