package textspace

import (
	"strings"
	"testing"
	"unsafe"
)

func TestOneSpace(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		same     bool // the input itself comes back, not a copy
	}{
		{"", "", true},
		{"state media", "state media", true},
		{"Jorge Glas", "Jorge Glas", true},
		{"Andrés Manuel López Obrador", "Andrés Manuel López Obrador", true},
		{"state  media", "state media", false},
		{" state media", "state media", false},
		{"state media ", "state media", false},
		{"state\nmedia", "state media", false},
		{"state\tmedia", "state media", false},
		{"state\u00a0media", "state media", false},
		{"state\u2009media", "state media", false},
		{"state\u0085media", "state media", false},
		{" ", "", false},
		{"\xffbad\xfe bytes", "\xffbad\xfe bytes", true},
	} {
		got := OneSpace(tc.in)
		if got != tc.want {
			t.Errorf("OneSpace(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if ref := strings.Join(strings.Fields(tc.in), " "); got != ref {
			t.Errorf("OneSpace(%q) = %q, strings.Fields gives %q", tc.in, got, ref)
		}
		if same := tc.in != "" && unsafe.StringData(got) == unsafe.StringData(tc.in); same != tc.same && tc.in != "" {
			t.Errorf("OneSpace(%q): returned the input itself = %v, want %v", tc.in, same, tc.same)
		}
	}
}

func FuzzOneSpace(f *testing.F) {
	for _, s := range []string{"", "a b", " a", "a  b", "a\u00a0b", "\xff \xfe", "Reuters\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := OneSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("OneSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
