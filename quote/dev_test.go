package quote

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyadproject/dyad/eval"
)

// Floors for quote precision and recall on the dev news set, as scored by
// package eval (score.py's rules): what the stage reached when these
// floors were set, less a little. A change that does worse fails.
const (
	devPrecisionFloor = 0.94
	devRecallFloor    = 0.94
)

func scoreGold(t *testing.T, name string) eval.QuoteScore {
	t.Helper()
	path := filepath.Join(sharedDir(t), "eval", "dev", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f, name)
	if err != nil {
		t.Fatal(err)
	}
	quotes := []eval.QuotePrediction{}
	for _, g := range gold {
		d := code(t, g.Article)
		for i := range d.Quotes {
			quotes = append(quotes, eval.FromQuote(&d.Quotes[i]))
		}
	}
	r := eval.Score(gold, nil, quotes)
	q := *r.Quotes
	for _, fp := range q.FalsePositives {
		t.Logf("FP %s %q: %q", fp.ArticleID, fp.Speaker, fp.Text)
	}
	for _, m := range q.Misses {
		t.Logf("FN %s %q: %q", m.ArticleID, m.Quote.Speaker, m.Quote.Text)
	}
	t.Logf("%s: quotes P=%.3f R=%.3f F1=%.3f (%d/%d)", name, q.Precision(), q.Recall(), q.F1(), q.Found, q.Total)
	return q
}

func TestDevSet(t *testing.T) {
	q := scoreGold(t, "news-dev.gold.jsonl")
	if q.Precision() < devPrecisionFloor || q.Recall() < devRecallFloor {
		t.Errorf("dev quotes P=%.3f R=%.3f, floors %.2f/%.2f", q.Precision(), q.Recall(), devPrecisionFloor, devRecallFloor)
	}
}

// TestSeed: the worked example's five quotes, with their speakers.
func TestSeed(t *testing.T) {
	q := scoreGold(t, "xiangshan-2023.gold.jsonl")
	if q.Found != 5 || q.Total != 5 {
		t.Errorf("seed: found %d of %d gold quotes", q.Found, q.Total)
	}
	if q.FP != 0 {
		t.Errorf("seed: %d false positives", q.FP)
	}
}
