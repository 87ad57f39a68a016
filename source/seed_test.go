package source

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/eval"
)

// TestSeed: on the worked example, China's statement carries Xinhua and
// Shoigu's quotes TASS, innermost, after the article's own credits (its
// outlet Asian Lite News and the ANI sign-off).
func TestSeed(t *testing.T) {
	dir := filepath.Join("..", "..", "shared")
	path := filepath.Join(dir, "eval", "dev", "xiangshan-2023.gold.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no seed gold at %s (evaluation data absent): %v", path, err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f, "xiangshan-2023.gold.jsonl")
	if err != nil || len(gold) != 1 {
		t.Fatalf("%d articles, %v", len(gold), err)
	}
	// Sentence 2 is China's statement, 5 Zhang's "as per Xinhua", 13
	// Shoigu's arrival (narrative, no credit).
	d := run(t, gold[0].Article, 2, 5, 13)
	wantEv := [][]string{
		{"Asian Lite News", "ANI", "Xinhua"},
		{"Asian Lite News", "ANI", "Xinhua"},
		{"Asian Lite News", "ANI"},
	}
	for i, w := range wantEv {
		if got := d.Events[i].ReportedBy; !slices.Equal(got, w) {
			t.Errorf("event on sentence %d: %q, want %q", d.Events[i].Evidence[0].Sentence, got, w)
		}
	}
	tass := []string{"Asian Lite News", "ANI", "TASS"}
	wantQ := []qu{
		{"In case the necessary conditions", tass},
		{"We are determined to continue", tass},
		{"As for our country", tass},
		// The text credits no outlet for this one (the gold's via is "").
		{"The head of the Russian military department", []string{"Asian Lite News", "ANI"}},
		{"The forum is attended", tass},
	}
	for _, w := range wantQ {
		n := 0
		for _, q := range d.Quotes {
			if q.Direct && strings.HasPrefix(q.Text, w.prefix) {
				n++
				if !slices.Equal(q.ReportedBy, w.chain) {
					t.Errorf("quote %q: %q, want %q", w.prefix, q.ReportedBy, w.chain)
				}
			}
		}
		if n != 1 {
			t.Errorf("quote %q found %d times", w.prefix, n)
		}
	}
}
