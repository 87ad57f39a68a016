package when

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/sentence"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGolden lists the expressions of every sentence of testdata/wire.txt
// (our own wire-style text) against 2023-11-01, a Wednesday. Refresh
// with -update after checking the diff.
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "wire.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var sc Scanner
	for _, sn := range sentence.New(sentence.Config{}).Spans(string(text)) {
		s := string(text[sn.Start:sn.End])
		b.WriteString("# " + s + "\n")
		for _, e := range sc.Append(nil, s, 0, date("2023-11-01")) {
			b.WriteString(render(s, e) + "\n")
		}
	}
	golden := filepath.Join("testdata", "wire.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("line %d:\n got  %s\n want %s\n(run with -update to accept)", i+1, g, w)
			}
		}
	}
}
