package sentence

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func isBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// FuzzSplit checks the invariants every split must keep: spans non-empty,
// within the text, ordered, non-overlapping and trimmed; Index runs
// 0..n-1; no span crosses a line break; Paragraph counts the non-blank
// lines before the sentence; every non-space character is in a sentence.
func FuzzSplit(f *testing.F) {
	for _, c := range wireCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"", ".", "...", ". . . .", "“", "”.", "\"", "1.", "• ", "•", "a.", "1.)", "2)", "(", "(ANI)", "x. (", "U.S.",
		"Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
		"1.) The first item 2.) The second item", "• 9. The first item • 10. The second item",
		"momentum….reports Asian Lite News", "complex. . . .”", "\xff\xfe. A\u2028B.\u0085C", "“a. b.” c", "x.\u00a0\u00a0Y",
		"He said \"a. B. c", "‘a.’ ‘", "Mr.", " ?! \t", "N°. 12. X", "e.g.The", "4.5.6.Seven",
	} {
		f.Add(s)
	}
	s := New(Config{})
	f.Fuzz(func(t *testing.T, text string) {
		sents := s.Append(nil, text)
		covered := make([]bool, len(text))
		prevEnd := 0
		for i, x := range sents {
			if x.Index != i {
				t.Fatalf("sentence %d has Index %d", i, x.Index)
			}
			if x.Start < prevEnd || x.Start >= x.End || x.End > len(text) {
				t.Fatalf("sentence %d span [%d,%d) bad after %d in %q", i, x.Start, x.End, prevEnd, text)
			}
			prevEnd = x.End
			sub := text[x.Start:x.End]
			if strings.IndexFunc(sub, isBreak) >= 0 {
				t.Fatalf("sentence %d %q crosses a line break", i, sub)
			}
			first, _ := utf8.DecodeRuneInString(sub)
			last, _ := utf8.DecodeLastRuneInString(sub)
			if unicode.IsSpace(first) || unicode.IsSpace(last) {
				t.Fatalf("sentence %d %q not trimmed", i, sub)
			}
			if want := paragraphAt(text, x.Start); x.Paragraph != want {
				t.Fatalf("sentence %d %q: Paragraph %d, want %d", i, sub, x.Paragraph, want)
			}
			if x.FirstToken != 0 || x.EndToken != 0 {
				t.Fatalf("sentence %d: token fields set", i)
			}
			for j := x.Start; j < x.End; j++ {
				covered[j] = true
			}
		}
		for j := 0; j < len(text); {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !covered[j] && !unicode.IsSpace(r) {
				t.Fatalf("byte %d (%q) of %q is in no sentence", j, r, text)
			}
			j += size
		}
	})
}

// paragraphAt counts the lines before offset that hold a non-space rune.
func paragraphAt(text string, offset int) int {
	n, blank := 0, true
	for _, r := range text[:offset] {
		switch {
		case isBreak(r):
			if !blank {
				n++
			}
			blank = true
		case !unicode.IsSpace(r):
			blank = false
		}
	}
	return n
}
