package quote

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// quoted returns the text of each quotation's parts, parts joined by "|".
func quoted(text string) []string {
	var out []string
	for _, q := range Scan(text) {
		var parts []string
		for _, p := range q.Parts {
			parts = append(parts, text[p.Start:p.End])
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out
}

func TestScan(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{`He said "yes" and left.`, []string{"yes"}},
		{"“One,” she said. “Two.”", []string{"One,", "Two."}},
		{"“He spoke of a ‘new era’ today,” she said.", []string{"He spoke of a ‘new era’ today,"}},
		{"‘We will win,’ he said.", []string{"We will win,"}},
		{"'We will win,' he said.", []string{"We will win,"}},
		{"China's envoy and the allies' plan don't change.", nil},
		{"The countries’ leaders met in the ’90s.", nil},
		{"“First paragraph\n“Second paragraph.”", []string{"First paragraph|Second paragraph."}},
		{"“Never closed\nNext paragraph.", []string{"Never closed"}},
		{"“Never closed at the end", []string{"Never closed at the end"}},
		{"\"Straight\n\"across paragraphs\"", []string{"Straight|across paragraphs"}},
		{"«Nous partons», dit-il.", []string{"Nous partons"}},
		{"„Wir gehen“ is not closed by the German mark", []string{"Wir gehen“ is not closed by the German mark"}},
		{"“He said \"no\" twice,” she said.", []string{"He said \"no\" twice,"}},
		{"A 5\" screen and 6' 2\" height", nil},
		{"“” empty “ ” marks", nil},
		{"“One” and “two” and “three”", []string{"One", "two", "three"}},
		{"'Tis the season, he said of the ’90s.", nil},
		{"The ‘so-called’ truce", []string{"so-called"}},
		{"“Outer ‘inner “deep” inner’ outer”", []string{"Outer ‘inner “deep” inner’ outer"}},
		{"“stray “ open” end", []string{"stray “ open"}},
		{"He wrote: “Yes.”\n\nBlank lines between.", []string{"Yes."}},
		{"“A\n\n“B\n\n“C”", []string{"A|B|C"}},
	}
	for _, c := range cases {
		if got := quoted(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Scan(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestScanOffsets(t *testing.T) {
	text := "x “ab” y"
	qs := Scan(text)
	if len(qs) != 1 {
		t.Fatalf("%d quotations", len(qs))
	}
	q := qs[0]
	if q.Open != 2 || q.Close != 7 || q.Parts[0] != (dyad.Span{Start: 5, End: 7}) || q.Single {
		t.Errorf("got %+v", q)
	}
	if q.Span() != (dyad.Span{Start: 5, End: 7}) {
		t.Errorf("Span = %v", q.Span())
	}
}

// checkScan checks the invariants of Scan's result on any text.
func checkScan(t *testing.T, text string) {
	qs := Scan(text)
	last := -1
	for _, q := range qs {
		if len(q.Parts) == 0 {
			t.Fatalf("%q: quotation without parts", text)
		}
		if q.Open < 0 || q.Open > q.Parts[0].Start || q.Open <= last {
			t.Fatalf("%q: bad open %d (parts %v, previous end %d)", text, q.Open, q.Parts, last)
		}
		if _, w := markAt(text, q.Open); w == 0 {
			t.Fatalf("%q: no mark at open %d", text, q.Open)
		}
		for _, p := range q.Parts {
			if p.Start <= last || p.End <= p.Start || p.End > len(text) {
				t.Fatalf("%q: bad part %v after %d", text, p, last)
			}
			if !utf8.ValidString(text[p.Start:p.End]) && utf8.ValidString(text) {
				t.Fatalf("%q: part %v splits a rune", text, p)
			}
			last = p.End
		}
		if q.Close >= 0 {
			if q.Close < last {
				t.Fatalf("%q: close %d before the end of the text %d", text, q.Close, last)
			}
			if _, w := markAt(text, q.Close); w == 0 {
				t.Fatalf("%q: no mark at close %d", text, q.Close)
			}
			last = q.Close
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		`He said "yes" and left.`, "“One,” she said. “Two.”", "‘a’ 'b' ’c‘", "“A\n“B\n“C”",
		"«x» „y“", "don't 'x' it's", "\"", "“", "’", "a\"b\"c\"", "“x ‘y “z” y’ x”",
		"\xe2\x80", "\xc2", "“\n\n“\n", "'' \"\" ‘’ “”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkScan(t, text)
	})
}
