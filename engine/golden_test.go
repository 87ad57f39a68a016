package engine

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/ingest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// readArticles reads JSON Lines articles (extra fields, such as gold
// annotations, are ignored) and keeps those with text.
func readArticles(r io.Reader) ([]dyad.Article, error) {
	var arts []dyad.Article
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var a dyad.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		if a.Text != "" {
			arts = append(arts, a)
		}
	}
	return arts, sc.Err()
}

// sampleArticles are the embedded sample articles (data/samples).
func sampleArticles(t testing.TB) []dyad.Article {
	t.Helper()
	f, err := data.FS.Open("samples/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := readArticles(f)
	if err != nil {
		t.Fatalf("samples/articles.jsonl: %v", err)
	}
	if len(arts) == 0 {
		t.Fatal("samples/articles.jsonl: no articles")
	}
	return arts
}

// devPath is the shared dev set, next to the repository.
var devPath = filepath.Join("..", "..", "shared", "eval", "dev", "news-dev.gold.jsonl")

// devArticles are the texts of the shared dev set, or nil when ../shared
// is absent.
func devArticles(t testing.TB) []dyad.Article {
	t.Helper()
	f, err := os.Open(devPath)
	if err != nil {
		return nil
	}
	defer f.Close()
	arts, err := readArticles(f)
	if err != nil {
		t.Fatalf("%s: %v", devPath, err)
	}
	return arts
}

// codeAll renders every event and quote the default engine finds in arts
// as JSON Lines, one "# id" line before each article's output. When
// hideText is set, evidence and quote texts are replaced by a hash of
// their text, so a golden file of news we did not write keeps no copy of
// it and still changes when they do.
func codeAll(t *testing.T, arts []dyad.Article, hideText bool) string {
	t.Helper()
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		d, err := e.Code(context.Background(), a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		fmt.Fprintf(&b, "# %s: %d sentences, %d tokens, %d events, %d quotes\n",
			a.ID, len(d.Sentences), len(d.Tokens), len(d.Events), len(d.Quotes))
		for _, ev := range d.Events {
			if hideText {
				ev.Evidence = append([]dyad.Evidence(nil), ev.Evidence...)
				for i := range ev.Evidence {
					ev.Evidence[i].Text = hashText(ev.Evidence[i].Text)
				}
			}
			if err := enc.Encode(struct {
				Event dyad.Event `json:"event"`
			}{ev}); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range d.Quotes {
			if hideText {
				q.Text = hashText(q.Text)
			}
			if err := enc.Encode(struct {
				Quote dyad.Quote `json:"quote"`
			}{q}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return b.String()
}

func hashText(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("fnv64a:%016x len:%d", h.Sum64(), len(s))
}

// checkGolden compares got with testdata/name, or rewrites it under
// -update, and reports the first differing line.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./engine -run Golden -update to create it)", err)
	}
	if got == string(want) {
		return
	}
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
			t.Fatalf("%s line %d differs:\n got  %s\n want %s\n(if the change is intended, check the diff and run with -update)", path, i+1, g, w)
		}
	}
}

// TestGoldenSamples pins the full output (events and quotes) of the
// default pipeline on the embedded sample articles, so that a change
// meant only to make a stage faster cannot change what it finds.
func TestGoldenSamples(t *testing.T) {
	checkGolden(t, "samples.golden", codeAll(t, sampleArticles(t), false))
}

// TestGoldenDev does the same on the texts of the shared dev set, which
// has longer and messier articles than the samples.
func TestGoldenDev(t *testing.T) {
	arts := devArticles(t)
	if arts == nil {
		t.Skipf("%s absent (../shared is not in every checkout)", devPath)
	}
	checkGolden(t, "dev.golden", codeAll(t, arts, true))
}

// TestOutputIndependentOfOrder codes the articles again in reverse order
// on several workers with the same engine: stages reuse working memory
// across Docs, and nothing of one Doc may leak into another's output.
func TestOutputIndependentOfOrder(t *testing.T) {
	arts := append(sampleArticles(t), devArticles(t)...)
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	render := func(d *dyad.Doc) string {
		b, err := json.Marshal(struct {
			Events []dyad.Event
			Quotes []dyad.Quote
		}{d.Events, d.Quotes})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want := map[string]string{}
	for _, a := range arts {
		d, err := e.Code(context.Background(), a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		want[a.ID] = render(d)
	}
	for round := range 2 {
		src := func(emit func(ingest.Item) error) error {
			for i := len(arts) - 1; i >= 0; i-- {
				if err := emit(ingest.Item{Article: arts[i]}); err != nil {
					return err
				}
			}
			return nil
		}
		err := e.Run(context.Background(), 3, src, func(r Result) error {
			if r.Err != nil {
				return r.Err
			}
			if got := render(r.Doc); got != want[r.Item.Article.ID] {
				t.Errorf("round %d: %s codes differently in another order:\n got  %s\n want %s", round, r.Item.Article.ID, got, want[r.Item.Article.ID])
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
