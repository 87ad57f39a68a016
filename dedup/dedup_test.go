package dedup

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  Hello,   World! ", "hello world"},
		{"“Don’t” — he said.\n\nNext", "dont he said next"},
		{"GENEVA (Reuters) - Talks", "geneva reuters talks"},
		{"Café crème 2024", "café crème 2024"},
		{"Москва, 1 мая", "москва 1 мая"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextHashFoldsFormatting(t *testing.T) {
	a := TextHash("Talks resumed on Monday.\n\nBoth sides said so.")
	b := TextHash("talks  resumed on monday\nBoth sides said so")
	c := TextHash("Talks resumed on Tuesday.")
	if a != b {
		t.Error("formatting changed the hash")
	}
	if a == c {
		t.Error("different texts share a hash")
	}
	if len(a) != 64 {
		t.Errorf("hash %q is not hex SHA-256", a)
	}
}

func TestArticleKey(t *testing.T) {
	x := dyad.Article{ID: "a", URL: "http://x/1", Text: "Some text."}
	if ArticleKey(x) != ArticleKey(x) {
		t.Fatal("key not stable")
	}
	y := x
	y.ID = "b"
	z := x
	z.Text = "Other text."
	if ArticleKey(x) == ArticleKey(y) || ArticleKey(x) == ArticleKey(z) {
		t.Error("different articles share a key")
	}
	w := x
	w.Text = "some   text"
	if ArticleKey(x) != ArticleKey(w) {
		t.Error("formatting changed the key")
	}
	// The key must not change between releases: stored articles use it.
	if got := ArticleKey(x); got != "669106cf7aae1e13f3e2fea129df8477" {
		t.Errorf("key = %q, want the key earlier releases stored", got)
	}
}

func TestSketchIsDeterministic(t *testing.T) {
	text := readFixture(t, "a-orig.txt")
	s1 := New(Config{}).Sketch(text)
	s2 := New(Config{}).Sketch(text)
	if fmt.Sprint(s1) != fmt.Sprint(s2) {
		t.Fatal("two hashers with the same config disagree")
	}
	if len(s1.Signature) != 120 || len(s1.Bands) != 40 {
		t.Fatalf("signature %d, bands %d", len(s1.Signature), len(s1.Bands))
	}
	if s1.Shingles < 250 {
		t.Errorf("only %d shingles in a 300-word text", s1.Shingles)
	}
}

func TestShortTexts(t *testing.T) {
	h := New(Config{})
	a, b := h.Sketch("Talks resumed."), h.Sketch("Talks resumed.")
	if a.Shingles != 1 || Jaccard(a.Signature, b.Signature) != 1 {
		t.Errorf("short text: %d shingles, J=%v", a.Shingles, Jaccard(a.Signature, b.Signature))
	}
	if e := h.Sketch("  ...  "); e.Shingles != 0 {
		t.Errorf("no words gave %d shingles", e.Shingles)
	}
	if ValidText(" -- ") || !ValidText("x") {
		t.Error("ValidText")
	}
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "wire", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFixtures runs the fixture articles through an Index in order and
// checks each decision: "" means a new story, otherwise the file it copies.
func TestFixtures(t *testing.T) {
	cases := []struct {
		file, copyOf string
		exact        bool
	}{
		{"a-orig.txt", "", false},
		{"a-exact.txt", "a-orig.txt", true},
		{"a-headline.txt", "a-orig.txt", false},
		{"a-credit.txt", "a-orig.txt", false},
		{"a-edit.txt", "a-orig.txt", false},
		{"a-trim.txt", "a-orig.txt", false},
		{"a-lede.txt", "a-orig.txt", false},
		{"b-nextday.txt", "", false},
		{"c-quake.txt", "", false},
		{"c-trim.txt", "c-quake.txt", false},
		{"d-comment.txt", "", false},
	}
	h := New(Config{})
	x := NewIndex(h)
	for _, tc := range cases {
		sk := h.Sketch(readFixture(t, tc.file))
		m, ok := x.Find(sk)
		got := ""
		if ok {
			got = m.Key
		}
		if got != tc.copyOf || (ok && m.Exact != tc.exact) {
			t.Errorf("%s: copy of %q (exact %v, J=%.2f), want %q (exact %v)", tc.file, got, m.Exact, m.Similarity, tc.copyOf, tc.exact)
		}
		if !ok {
			x.Add(tc.file, sk)
		}
	}
	if x.Len() != 4 {
		t.Errorf("%d stories, want 4", x.Len())
	}
}

// outletVersion makes outlet i's republication of a wire story: its own
// headline and dateline, the last i%4 paragraphs cut, a credit line.
func outletVersion(text string, i int) string {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	paras = paras[:len(paras)-i%4]
	head := fmt.Sprintf("Outlet %d headline number %d on the border deal\n\n", i, i*7)
	dateline := []string{"GENEVA -", "Geneva, Tuesday:", "(Wire) --", ""}[i%4]
	credit := fmt.Sprintf("\n\nCopyright outlet %d. All rights reserved. Follow us for more.", i)
	return head + dateline + " " + strings.Join(paras, "\n\n") + credit
}

func TestTenOutletsOneStory(t *testing.T) {
	h := New(Config{})
	x := NewIndex(h)
	wire := readFixture(t, "a-orig.txt")
	others := []string{"b-nextday.txt", "c-quake.txt", "d-comment.txt"}
	var stories, copies, wrong int
	for i := range 10 {
		sk := h.Sketch(outletVersion(wire, i))
		m, ok := x.Find(sk)
		switch {
		case !ok:
			stories++
			x.Add(fmt.Sprint("outlet", i), sk)
		case m.Key == "outlet0":
			copies++
		default:
			wrong++
		}
		if i < len(others) {
			// Unrelated stories arrive in between and must stay apart.
			osk := h.Sketch(readFixture(t, others[i]))
			if m, ok := x.Find(osk); ok {
				t.Errorf("%s matched %s (J=%.2f)", others[i], m.Key, m.Similarity)
			}
			x.Add(others[i], osk)
		}
	}
	if stories != 1 || copies != 9 || wrong != 0 {
		t.Errorf("stories=%d copies=%d wrong=%d, want 1, 9, 0", stories, copies, wrong)
	}
}

func TestIndexRemove(t *testing.T) {
	h := New(Config{})
	x := NewIndex(h)
	sk := h.Sketch(readFixture(t, "a-orig.txt"))
	x.Add("k", sk)
	x.Add("k", sk)
	if x.Len() != 1 {
		t.Fatalf("Len = %d", x.Len())
	}
	x.Remove("k")
	if _, ok := x.Find(sk); ok || x.Len() != 0 || len(x.bands) != 0 || len(x.byHash) != 0 {
		t.Fatal("removed key still found")
	}
}

// TestPairPrecision scores every fixture pair: a pair the rule calls a
// copy should be the same story (precision), and same-story pairs should
// be found (recall).
func TestPairPrecision(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "wire", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	h := New(Config{})
	sk := make([]Sketch, len(files))
	for i, f := range files {
		sk[i] = h.Sketch(readFixture(t, filepath.Base(f)))
	}
	story := func(f string) string { return strings.SplitN(filepath.Base(f), "-", 2)[0] }
	var tp, fp, fn int
	for i := range files {
		for j := i + 1; j < len(files); j++ {
			_, pred := h.Match(sk[i].Signature, sk[i].Shingles, sk[j].Signature, sk[j].Shingles)
			same := story(files[i]) == story(files[j])
			switch {
			case pred && same:
				tp++
			case pred && !same:
				fp++
				t.Errorf("false copy: %s ~ %s (J=%.2f)", files[i], files[j], Jaccard(sk[i].Signature, sk[j].Signature))
			case !pred && same:
				fn++
				t.Errorf("missed copy: %s ~ %s (J=%.2f)", files[i], files[j], Jaccard(sk[i].Signature, sk[j].Signature))
			}
		}
	}
	t.Logf("pairs: %d true, %d false copies, %d missed", tp, fp, fn)
}

func BenchmarkSketch(b *testing.B) {
	text := readFixture(b, "a-orig.txt")
	h := New(Config{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		h.Sketch(text)
	}
}

func FuzzSketch(f *testing.F) {
	f.Add("Talks resumed on Monday.")
	f.Add("")
	f.Add("“quoted” — text\x00 with odd\tbytes \xff")
	h := New(Config{})
	f.Fuzz(func(t *testing.T, s string) {
		sk := h.Sketch(s)
		if len(sk.Signature) != 120 || len(sk.Bands) != 40 {
			t.Fatal("sketch size")
		}
		if Normalize(Normalize(s)) != Normalize(s) {
			t.Fatal("Normalize not idempotent")
		}
		if m, ok := func() (Match, bool) { x := NewIndex(h); x.Add("k", sk); return x.Find(sk) }(); !ok || !m.Exact {
			t.Fatal("a text is not a copy of itself")
		}
	})
}
