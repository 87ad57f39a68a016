package coding

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
)

// pipe is the real front of the engine (sentence, token, tag, actor) and
// the coder under test.
type pipe struct {
	front []dyad.Stage
	coder *Coder
}

var (
	pipeOnce sync.Once
	pipeVal  *pipe
	pipeErr  error
)

func newPipe(t testing.TB) *pipe {
	t.Helper()
	pipeOnce.Do(func() {
		tk, err := token.New(token.Config{})
		if err != nil {
			pipeErr = err
			return
		}
		tg, err := tag.New(tag.Config{})
		if err != nil {
			pipeErr = err
			return
		}
		// the actor tables are another stage's: their bad lines are
		// reported there, and the Dictionary comes back without them
		ad, err := actor.Load(actor.Config{})
		if ad == nil {
			pipeErr = err
			return
		}
		cd, err := New(Config{})
		if err != nil {
			pipeErr = err
			return
		}
		pipeVal = &pipe{front: []dyad.Stage{sentence.New(sentence.Config{}), tk, tg, actor.New(ad)}, coder: cd}
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipeVal
}

func (p *pipe) run(t testing.TB, a dyad.Article) *dyad.Doc {
	t.Helper()
	d, err := dyad.NewDoc(a)
	if err != nil {
		t.Fatal(err)
	}
	pl := dyad.Pipeline{Stages: append(append([]dyad.Stage{}, p.front...), p.coder)}
	if err := pl.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared material not found at %s (CI without ../shared): %v", dir, err)
	}
	return dir
}

// dump renders a Doc's tokens, mentions and events, for debugging.
func dump(d *dyad.Doc) string {
	var b strings.Builder
	for si, sn := range d.Sentences {
		fmt.Fprintf(&b, "S%d:", si)
		for ti := sn.FirstToken; ti < sn.EndToken; ti++ {
			tk := d.Tokens[ti]
			fmt.Fprintf(&b, " %s/%s", d.Slice(tk.Span), tk.Tag)
			if tk.Lemma != "" && tk.Lemma != tk.Norm {
				fmt.Fprintf(&b, "(%s)", tk.Lemma)
			}
		}
		b.WriteByte('\n')
		for mi, m := range d.Mentions {
			if m.Sentence == si {
				fmt.Fprintf(&b, "   m%d %q %s %s ante=%d\n", mi, d.Slice(m.Span), m.Kind, m.Actor.Code, m.Antecedent)
			}
		}
	}
	for _, e := range d.Events {
		var ss []string
		for _, ev := range e.Evidence {
			ss = append(ss, fmt.Sprint(ev.Sentence))
		}
		fmt.Fprintf(&b, "EV %s %s->%s %s %s n=%d S%s %s | %q\n", e.Code, e.Source.Code, e.Target.Code, e.Modality, e.Plover, e.Mentions, strings.Join(ss, ","), e.Rule, e.Source.Text+" / "+e.Target.Text)
	}
	return b.String()
}

// short lists events as "SRC>TGT:CODE" keys of country codes.
func short(d *dyad.Doc) []string {
	var out []string
	for _, e := range d.Events {
		out = append(out, e.Source.Country+">"+e.Target.Country+":"+e.Code)
	}
	return out
}
