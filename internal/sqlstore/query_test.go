package sqlstore

import (
	"errors"
	"testing"

	"github.com/dyadproject/dyad"
)

func TestLikeArg(t *testing.T) {
	for _, tc := range []struct {
		in       string
		contains bool
		want     string
	}{
		{"Shoigu", true, "%Shoigu%"},
		{"50%_off", false, `50\%\_off`},
		{`a\b`, true, `%a\\b%`},
	} {
		if got := likeArg(tc.in, tc.contains); got != tc.want {
			t.Errorf("likeArg(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsCode(t *testing.T) {
	for s, want := range map[string]bool{"RUSMIL": true, "CHN": true, "rus": false, "Putin": false, "": false, "USA GOV": false} {
		if isCode(s) != want {
			t.Errorf("isCode(%q) != %v", s, want)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	c := cursor{Sort: "-date", Val: []byte(`"2023-10-30"`), ID: 42}
	got, err := decodeCursor(encodeCursor(c), "-date")
	if err != nil || got.ID != 42 || string(got.Val) != `"2023-10-30"` {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	if _, err := decodeCursor(encodeCursor(c), "date"); !errors.Is(err, dyad.ErrBadQuery) {
		t.Errorf("cursor of another sort: %v", err)
	}
}

// FuzzDecodeCursor: a cursor from outside is read or refused as a bad
// query, never anything else.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(cursor{Sort: "-date", Val: []byte(`"2023-10-30"`), ID: 42}))
	f.Add(encodeCursor(cursor{Sort: "goldstein", Val: []byte(`-3.5`), ID: 7}))
	f.Add("")
	f.Add("!!!")
	f.Add("eyJzIjoiLWRhdGUifQ")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s, "-date")
		if err != nil {
			if !errors.Is(err, dyad.ErrBadQuery) {
				t.Fatalf("%q: %v is not ErrBadQuery", s, err)
			}
			return
		}
		if c.Sort != "-date" {
			t.Fatalf("%q: sort %q accepted", s, c.Sort)
		}
	})
}
