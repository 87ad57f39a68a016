//go:build dyaddebug

// Debug views of the clause analysis, run with -tags dyaddebug and
// DYAD_DEBUG=1 / DYAD_ART=dev-01 / DYAD_TEXT=...; not part of the suite.

package coding

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

func TestDebugSeed(t *testing.T) {
	if os.Getenv("DYAD_DEBUG") == "" {
		t.Skip("set DYAD_DEBUG=1")
	}
	text, err := os.ReadFile(filepath.Join(sharedDir(t), "examples", "xiangshan-2023.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := newPipe(t).run(t, dyad.Article{ID: "xiangshan-2023", Text: string(text), Published: "2023-11-01"})
	t.Log("\n" + dump(d))
}

// dumpClauses prints the clause analysis of every sentence.
func dumpClauses(c *Coder, d *dyad.Doc) string {
	var b strings.Builder
	s := &sent{c: c, d: d}
	for si := range d.Sentences {
		s.load(si)
		s.findSpeakers()
		fmt.Fprintf(&b, "S%d\n", si)
		for vi, v := range s.vgs {
			fmt.Fprintf(&b, "  vg%d %q head=%q inf=%v fin=%v bare=%v pass=%v neg=%v modal=%q gov=%d frame=%d objCtl=%v quiet=%v speaker=%d",
				vi, d.Slice(dyad.Span{Start: s.toks[v.start].Start, End: s.toks[v.end-1].End}), s.norm(v.head), v.inf, v.finite, v.bare, v.passive, v.neg, v.modal, v.gov, v.frame, v.objCtl, v.quiet, v.speaker)
			if v.subjOK {
				fmt.Fprintf(&b, " subj=%q ments=%v first=%v", d.Slice(dyad.Span{Start: s.toks[v.subj.start].Start, End: s.toks[v.subj.end-1].End}), v.subj.ments, v.firstP)
			}
			if v.hi > v.lo {
				fmt.Fprintf(&b, " compl=[%d,%d)", v.lo, v.hi)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestDebugClauses(t *testing.T) {
	if os.Getenv("DYAD_DEBUG") == "" {
		t.Skip("set DYAD_DEBUG=1")
	}
	text := os.Getenv("DYAD_TEXT")
	if text == "" {
		b, err := os.ReadFile(filepath.Join(sharedDir(t), "examples", "xiangshan-2023.txt"))
		if err != nil {
			t.Fatal(err)
		}
		text = string(b)
	}
	p := newPipe(t)
	p.coder.trace = func(m string) { t.Log(m) }
	defer func() { p.coder.trace = nil }()
	d := p.run(t, dyad.Article{ID: "x", Text: text, Published: "2023-11-01"})
	t.Log("\n" + dumpClauses(p.coder, d) + dump(d))
}

func TestDebugDev(t *testing.T) {
	id := os.Getenv("DYAD_ART")
	if id == "" {
		t.Skip("set DYAD_ART=dev-01")
	}
	file := filepath.Join(sharedDir(t), "eval", "dev", "news-dev.gold.jsonl")
	if f := os.Getenv("DYAD_GOLD"); f != "" {
		file = f
	}
	p := newPipe(t)
	for _, g := range readGold(t, file) {
		if g.ID != id {
			continue
		}
		d := p.run(t, g.Article)
		if sn := os.Getenv("DYAD_SENT"); sn != "" {
			var n int
			fmt.Sscan(sn, &n)
			d.Sentences = d.Sentences[n : n+1]
			d.Sentences[0].Index = n
		}
		t.Log("\n" + dumpClauses(p.coder, d) + dump(d))
	}
}

// TestDebugWriteDev writes the dev set's events as JSON Lines to
// DYAD_OUT, to check the scorer against ../shared/eval/score.py.
func TestDebugWriteDev(t *testing.T) {
	out := os.Getenv("DYAD_OUT")
	if out == "" {
		t.Skip("set DYAD_OUT=file")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, name := range []string{"news-dev.gold.jsonl", "xiangshan-2023.gold.jsonl"} {
		_, docs := codeGold(t, filepath.Join(sharedDir(t), "eval", "dev", name))
		for _, d := range docs {
			for i := range d.Events {
				if err := enc.Encode(&d.Events[i]); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
