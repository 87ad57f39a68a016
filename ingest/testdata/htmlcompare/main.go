// Command htmlcompare scores HTML extraction libraries against the page
// fixtures in ../html: body-text F1 over word tokens against the expected
// text, exact matches of title, date, site, author, canonical URL and
// language, and time per page. It is a separate module so that the main
// module does not carry the library it did not pick.
//
//	cd ingest/testdata/htmlcompare && go run .
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/dyadproject/dyad/ingest"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

type want struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Site      string `json:"site"`
	Author    string `json:"author"`
	URL       string `json:"url"`
	Language  string `json:"language"`
	Text      string `json:"text"`
}

type extractor struct {
	name string
	run  func([]byte) (want, error)
}

func main() {
	dir := flag.String("dir", "../html", "fixture directory")
	iters := flag.Int("n", 20, "runs per page for timing")
	verbose := flag.Bool("v", false, "print each page's fields")
	flag.Parse()

	pages, _ := filepath.Glob(filepath.Join(*dir, "*.html"))
	sort.Strings(pages)
	exs := []extractor{
		{"dyad (wired)", dyadWired},
		{"readability v2", readabilityRaw},
		{"trafilatura", trafRaw(false)},
		{"trafilatura+fallback", trafRaw(true)},
	}
	fields := []string{"title", "date", "site", "author", "url", "lang"}
	fmt.Printf("%-22s %6s %6s %6s %6s", "extractor", "F1", "P", "R", "nonart")
	for _, f := range fields {
		fmt.Printf(" %6s", f)
	}
	fmt.Printf(" %9s\n", "ms/page")
	for _, ex := range exs {
		var sumF, sumP, sumR float64
		articles, nonArtOK, nonArt := 0, 0, 0
		hits := make([]int, len(fields))
		var total time.Duration
		for _, p := range pages {
			data, err := os.ReadFile(p)
			if err != nil {
				panic(err)
			}
			var w want
			j, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".json")
			if err != nil {
				panic(err)
			}
			if err := json.Unmarshal(j, &w); err != nil {
				panic(err)
			}
			got, err := ex.run(data)
			if err != nil {
				got = want{}
			}
			start := time.Now()
			for range *iters {
				ex.run(data)
			}
			total += time.Since(start) / time.Duration(*iters)
			if w.Text == "" {
				nonArt++
				if len(strings.Fields(got.Text)) < 40 {
					nonArtOK++
				}
			} else {
				pr, rc, f := f1(w.Text, got.Text)
				sumP, sumR, sumF = sumP+pr, sumR+rc, sumF+f
				articles++
			}
			ok := []bool{
				norm(got.Title) == norm(w.Title),
				got.Published == w.Published,
				strings.EqualFold(norm(got.Site), norm(w.Site)),
				strings.EqualFold(norm(got.Author), norm(w.Author)),
				got.URL == w.URL,
				primary(got.Language) == primary(w.Language),
			}
			for i, b := range ok {
				if b {
					hits[i]++
				}
			}
			if *verbose {
				_, _, f := f1(w.Text, got.Text)
				fmt.Printf("  %-24s F1 %.2f", filepath.Base(p), f)
				for i, b := range ok {
					if !b {
						fmt.Printf(" %s=%q", fields[i], []string{got.Title, got.Published, got.Site, got.Author, got.URL, got.Language}[i])
					}
				}
				fmt.Println()
			}
		}
		n := float64(articles)
		fmt.Printf("%-22s %6.3f %6.3f %6.3f %3d/%-2d", ex.name, sumF/n, sumP/n, sumR/n, nonArtOK, nonArt)
		for _, h := range hits {
			fmt.Printf(" %3d/%-2d", h, len(pages))
		}
		fmt.Printf(" %9.3f\n", float64(total.Microseconds())/1000/float64(len(pages)))
	}
}

func dyadWired(data []byte) (want, error) {
	p, err := ingest.ExtractHTML(data)
	if err != nil {
		return want{}, err
	}
	return want{p.Title, p.Published, p.SiteName, author(p), p.URL, p.Language, p.Text}, nil
}

func readabilityRaw(data []byte) (want, error) {
	parser := readability.NewParser()
	a, err := parser.Parse(bytes.NewReader(data), &url.URL{})
	if err != nil {
		return want{}, err
	}
	w := want{Title: a.Title(), Site: a.SiteName(), Author: a.Byline(), Language: a.Language()}
	if t, err := a.PublishedTime(); err == nil {
		w.Published = t.Format("2006-01-02")
	}
	if a.Node != nil {
		w.Text = render.InnerText(a.Node)
	}
	return w, nil
}

func trafRaw(fallback bool) func([]byte) (want, error) {
	return func(data []byte) (want, error) {
		r, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{
			EnableFallback:  fallback,
			ExcludeComments: true,
		})
		if err != nil {
			return want{}, err
		}
		m := r.Metadata
		w := want{Title: m.Title, Site: m.Sitename, Author: m.Author, URL: m.URL, Language: m.Language, Text: r.ContentText}
		if !m.Date.IsZero() {
			w.Published = m.Date.Format("2006-01-02")
		}
		return w, nil
	}
}

// f1 compares bags of lower-cased word tokens.
func f1(want, got string) (p, r, f float64) {
	wt, gt := tokens(want), tokens(got)
	if len(wt) == 0 && len(gt) == 0 {
		return 1, 1, 1
	}
	bag := map[string]int{}
	for _, t := range wt {
		bag[t]++
	}
	common := 0
	for _, t := range gt {
		if bag[t] > 0 {
			bag[t]--
			common++
		}
	}
	if common == 0 {
		return 0, 0, 0
	}
	p, r = float64(common)/float64(len(gt)), float64(common)/float64(len(wt))
	return p, r, 2 * p * r / (p + r)
}

func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func primary(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
