package where

import (
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	txt := os.Getenv("DBG")
	if txt == "" {
		t.Skip()
	}
	f := newFront(t)
	for _, tx := range strings.Split(txt, "|") {
		d := f.doc(t, tx, "2024-01-01")
		for _, tk := range d.Tokens {
			t.Logf("tok %q %s %s", d.Slice(tk.Span), tk.Tag, tk.Lemma)
		}
		for i, m := range d.Mentions {
			t.Logf("mention %d %q %s %s [%d,%d)", i, d.Slice(m.Span), m.Kind, m.Actor.Code, m.FirstToken, m.EndToken)
		}
		rs, _ := f.where.Resolve(d)
		t.Log(describe(d, rs))
	}
}
