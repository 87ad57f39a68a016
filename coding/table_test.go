package coding

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

type tableCase struct {
	line int
	want []string // SOURCE>TARGET:CODE, sorted
	text string
}

func readTable(t *testing.T) []tableCase {
	t.Helper()
	f, err := os.Open("testdata/table.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []tableCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("table.tsv:%d: want EXPECTED <TAB> SENTENCE", n)
		}
		c := tableCase{line: n, text: text}
		if want != "-" {
			for _, w := range strings.Fields(want) {
				// "RUS>UKR:171+173" is two events
				head, codes, _ := strings.Cut(w, ":")
				for _, code := range strings.Split(codes, "+") {
					c.want = append(c.want, head+":"+code)
				}
			}
		}
		slices.Sort(c.want)
		out = append(out, c)
	}
	return out
}

// TestTable codes each sentence of testdata/table.tsv on the real
// pipeline and compares the events, as country-level keys, with the
// expected set.
func TestTable(t *testing.T) {
	cases := readTable(t)
	if len(cases) < 200 {
		t.Fatalf("table has %d sentences, want at least 200", len(cases))
	}
	p := newPipe(t)
	fail := 0
	for _, c := range cases {
		d := p.run(t, dyad.Article{ID: "table", Text: c.text, Published: "2024-06-01"})
		got := short(d)
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, c.want) {
			fail++
			t.Errorf("table.tsv:%d: %s\n   got  %v\n   want %v", c.line, c.text, got, c.want)
		}
	}
	t.Logf("%d sentences, %d wrong", len(cases), fail)
}
