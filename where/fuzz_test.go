package where

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kraków", "krakow"}, {"  KYIV ", "kyiv"}, {"Kyïv", "kyiv"}, {"Đà  Nẵng", "da nang"},
		{"Sana’a", "sana'a"}, {"Port‑au‑Prince", "port-au-prince"}, {"São Paulo", "sao paulo"},
		{"Ḩalab", "halab"}, {"Düsseldorf\tAltstadt", "dusseldorf altstadt"}, {"Straße", "strasse"},
		{"Ærøskøbing", "aeroskobing"}, {"Washington, D.C.", "washington, d.c."}, {"", ""},
		{"Hyderābād", "hyderabad"}, {"Şanlıurfa", "sanliurfa"}, {"Łódź", "lodz"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Kraków", "  KYIV ", "Đà Nẵng", "Sana’a", "a\u0301b", "\xff\xfe", "ß ẞ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key not idempotent: %q -> %q -> %q", s, k, Key(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Errorf("Key(%q) = %q: stray spaces", s, k)
		}
		for i := 0; i < len(k); i++ {
			if 'A' <= k[i] && k[i] <= 'Z' {
				t.Fatalf("Key(%q) = %q: upper case", s, k)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Errorf("Key(%q) = %q: invalid UTF-8", s, k)
		}
	})
}

// FuzzResolve runs the real stages and the matcher on arbitrary text and
// checks what must always hold: spans inside the text and their sentence,
// in order and apart; countries and coordinates well formed; the same
// answer twice; an event located at one of the places or the dateline.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"QUITO, April 6 (AP) - Police forced their way into the embassy in Quito.",
		"WOODSIDE, Calif., Nov 15 (Reuters) - They met in Paris, Texas, and in Georgia.",
		"Beijing said talks in Beijing, Kiev and the Qatari capital went well.",
		"In the Gaza Strip, Gaza City and Rafah; at the Kremlin; near the Kerch Strait.",
		"PARIS, - (", "Sana'a Sanaa SANAA, , ,", "Mr Paris said Nice things in Nice.", "\u00a0Kyïv\u2009,",
	} {
		f.Add(s)
	}
	fr := newFront(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		d := fr.doc(t, text, "2024-01-01")
		rs, err := fr.where.Resolve(d)
		if err != nil {
			t.Fatal(err)
		}
		again, err := fr.where.Resolve(d)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(rs) != fmt.Sprint(again) {
			t.Fatalf("two runs differ:\n%v\n%v", rs, again)
		}
		end := 0
		for _, r := range rs {
			if !r.Span.Valid(len(d.Text)) || r.Start < end || r.Len() == 0 {
				t.Fatalf("span %v out of order or outside the text (%d bytes)", r.Span, len(d.Text))
			}
			end = r.End
			if r.Sentence < 0 || r.Sentence >= len(d.Sentences) || !d.Sentences[r.Sentence].Contains(r.Span) {
				t.Fatalf("span %v not inside its sentence %d", r.Span, r.Sentence)
			}
			if !isISO3(r.Country) || r.Name == "" || r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180 {
				t.Fatalf("bad location %+v", r.Location)
			}
		}
		if len(d.Sentences) == 0 {
			return
		}
		d.Events = []dyad.Event{{Evidence: []dyad.Evidence{{Sentence: len(d.Sentences) - 1}}}}
		if err := fr.where.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.Places) != len(rs) {
			t.Fatalf("Process found %d places, Resolve %d", len(d.Places), len(rs))
		}
		if l := d.Events[0].Location; l != nil {
			found := false
			for _, p := range d.Places {
				found = found || p.Location == *l
			}
			if !found {
				t.Fatalf("event located at %+v, which is none of the places", *l)
			}
		}
	})
}
