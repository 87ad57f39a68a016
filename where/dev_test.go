package where

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/coding"
)

// TestDevLocations codes the development gold articles with the real
// coder and compares the location country of each predicted event that
// matches a gold event (same source and target country and root) with
// the gold location. It measures the places stage together with the
// coder's evidence sentences and actor texts; the floor guards against
// regressions.
func TestDevLocations(t *testing.T) {
	for _, c := range []struct {
		name  string
		cfg   Config
		floor float64
	}{
		{"default (dateline fallback)", Config{}, 0.50},
		{"SourceHome", Config{SourceHome: true}, 0.60},
	} {
		t.Run(c.name, func(t *testing.T) { devLocations(t, c.cfg, c.floor) })
	}
}

func devLocations(t *testing.T, cfg Config, floor float64) {
	path := filepath.Join(sharedDir(t), "eval", "dev", "news-dev.gold.jsonl")
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f := newFront(t)
	w, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.load = f.where.load
	cd, err := coding.New(coding.Config{})
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	agree, total, goldNone := 0, 0, 0
	for sc.Scan() {
		var a struct {
			dyad.Article
			Events []gold `json:"events"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		d := f.doc(t, a.Text, a.Published)
		if err := cd.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if err := w.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			g := matchGold(a.Events, e)
			if g == nil {
				continue
			}
			got := ""
			if e.Location != nil {
				got = e.Location.Country
			}
			total++
			if g.Location == "" {
				goldNone++
			}
			if got == g.Location {
				agree++
			} else {
				t.Logf("%s %s %s>%s: location %q, gold %q | %.90s", a.ID, e.Code, e.Source.Country, e.Target.Country, got, g.Location, e.Evidence[0].Text)
			}
		}
	}
	if total < 20 {
		t.Skipf("only %d coded events match the gold: too few to measure locations", total)
	}
	rate := float64(agree) / float64(total)
	t.Logf("location country agrees with gold on %d of %d matched events (%.1f%%; gold gives none for %d)", agree, total, 100*rate, goldNone)
	if rate < floor {
		t.Errorf("agreement %.1f%% fell below the floor of %.0f%%", 100*rate, 100*floor)
	}
}

type gold struct {
	Source, Target, Code, Location, Evidence string
	Alt                                      []string
}

// matchGold finds the gold event of e: same countries and the same code,
// else the same root, else a root among the alternatives.
func matchGold(gs []gold, e dyad.Event) *gold {
	for pass := 0; pass < 3; pass++ {
		for i := range gs {
			g := &gs[i]
			if g.Source != e.Source.Country || g.Target != e.Target.Country {
				continue
			}
			switch pass {
			case 0:
				if g.Code == e.Code {
					return g
				}
			case 1:
				if g.Code[:2] == e.Root {
					return g
				}
			case 2:
				for _, x := range g.Alt {
					if x[:2] == e.Root {
						return g
					}
				}
			}
		}
	}
	return nil
}
