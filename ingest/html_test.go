package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// fixture is a page's expected extraction (testdata/html/NAME.json).
type fixture struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Site      string `json:"site"`
	Author    string `json:"author"`
	URL       string `json:"url"`
	Language  string `json:"language"`
	Text      string `json:"text"`
}

// TestHTMLFixtures checks every field of the fixture pages, and the body
// text by F1 over word tokens (order and paragraph breaks aside): at
// least 0.85 on each page and 0.95 on average. A fixture with no text is
// a page that is no article.
func TestHTMLFixtures(t *testing.T) {
	pages, err := filepath.Glob("testdata/html/*.html")
	if err != nil || len(pages) < 15 {
		t.Fatalf("want at least 15 fixture pages, found %d (%v)", len(pages), err)
	}
	var sum float64
	var articles int
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			var want fixture
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			p, err := ExtractHTML(data)
			if err != nil {
				t.Fatal(err)
			}
			got := fixture{p.Title, p.Published, p.SiteName, p.Author, p.URL, p.Language, ""}
			want.Text = strings.TrimSpace(want.Text)
			wantMeta := want
			wantMeta.Text = ""
			if got != wantMeta {
				t.Errorf("metadata\n got %+v\nwant %+v", got, wantMeta)
			}
			if want.Text == "" {
				if p.Text != "" || p.NotArticle == "" {
					t.Errorf("want no article, got NotArticle %q and text %q", p.NotArticle, p.Text)
				}
				return
			}
			f := tokenF1(want.Text, p.Text)
			sum += f
			articles++
			if f < 0.85 {
				t.Errorf("body F1 %.2f < 0.85\n got %q\nwant %q", f, p.Text, want.Text)
			}
		})
	}
	if mean := sum / float64(articles); mean < 0.95 {
		t.Errorf("mean body F1 %.3f < 0.95 over %d articles", mean, articles)
	}
}

func TestTokenF1(t *testing.T) {
	tests := []struct {
		want, got string
		f1        float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "", 0},
		{"a b c d", "a b", 2 * 1 * 0.5 / 1.5},
		{"a b", "a b c d", 2 * 0.5 * 1 / 1.5},
		{"A, b.", "a b", 1},
	}
	for _, tc := range tests {
		if got := tokenF1(tc.want, tc.got); got != tc.f1 {
			t.Errorf("tokenF1(%q, %q) = %v, want %v", tc.want, tc.got, got, tc.f1)
		}
	}
}

func TestTextDate(t *testing.T) {
	tests := map[string]string{
		"Kathmandu, March 5, 2024":   "2024-03-05",
		"Published: 18 April 2024":   "2024-04-18",
		"Posted Sept 9 2023 by x":    "2023-09-09",
		"February 30, 2024":          "",
		"May the talks go on, 2024":  "",
		"Updated 3 minutes ago":      "",
		"March 2024 budget round-up": "",
	}
	for in, want := range tests {
		if got := textDate(in); got != want {
			t.Errorf("textDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanTitleAndAuthor(t *testing.T) {
	m := &metaReader{headings: []string{"Nepal Daily Bulletin", "Maoist leaders meet president"}}
	if got := cleanTitle("Nepal Daily Bulletin - Maoist leaders meet president", m); got != "Maoist leaders meet president" {
		t.Errorf("heading match: %q", got)
	}
	m = &metaReader{site: field{val: "Polar Notes"}}
	if got := cleanTitle("Why it matters | Polar Notes", m); got != "Why it matters" {
		t.Errorf("site suffix: %q", got)
	}
	for in, want := range map[string]string{
		"By Omar Haddad":       "Omar Haddad",
		"Автор: Анна Петросян": "Анна Петросян",
		"Par Moussa Traoré":    "Moussa Traoré",
		"Liam O'Connor":        "Liam O'Connor",
	} {
		if got := cleanAuthor(in); got != want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

func tokenF1(want, got string) float64 {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	}
	wt, gt := split(want), split(got)
	bag := map[string]int{}
	for _, w := range wt {
		bag[w]++
	}
	common := 0
	for _, g := range gt {
		if bag[g] > 0 {
			bag[g]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(gt)), float64(common)/float64(len(wt))
	return 2 * p * r / (p + r)
}

func BenchmarkExtractHTML(b *testing.B) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	var docs [][]byte
	size := 0
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += len(data)
	}
	b.SetBytes(int64(size / len(docs)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := ExtractHTML(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}
