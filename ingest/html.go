package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what extraction finds in an HTML page.
type Page struct {
	Title     string
	Text      string // the article's body, paragraphs separated by "\n"; "" when the page is no article
	Published string // YYYY-MM-DD when the page gives a publication date
	SiteName  string
	Author    string // names as the page gives them, several joined by ", "
	URL       string // canonical URL
	Language  string // the page's language tag, as declared
	// NotArticle says why Text is empty for a page that has text: it reads
	// as a list of links (a section front, an index) rather than a story.
	NotArticle string
}

// ExtractHTML takes the main text and the metadata of a news page. The
// body comes from go-readability (a port of Mozilla's Readability), which
// scored best on the fixtures in testdata/html (see testdata/htmlcompare);
// the metadata come from the page's own declarations, strongest first:
// OpenGraph and article meta tags, JSON-LD, microdata, Dublin Core and
// other common meta names, then what readability guessed, then the
// visible byline and date lines. Bylines, time stamps and embedded posts
// are dropped from the body, and a page whose text is mostly links is
// reported as no article.
func ExtractHTML(data []byte) (p Page, err error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Page{}, err
	}
	var m metaReader
	m.walk(root, false)
	m.finishTitle()

	pageURL := &url.URL{}
	if u, err := url.Parse(m.url.val); err == nil && u.IsAbs() {
		pageURL = u
	}
	dropEmbeds(root)
	text, links, ok := runReadability(root, pageURL, &m)
	if !ok {
		// readability found nothing (tiny pages): keep every block.
		var b blocks
		b.collect(bodyOf(root))
		text = strings.Join(b.out, "\n")
	}
	m.finishFallbacks()
	p = Page{
		Title:     m.title.val,
		Published: m.date.val,
		SiteName:  m.site.val,
		Author:    m.author.val,
		URL:       m.url.val,
		Language:  m.lang.val,
	}
	p.Text = cleanBody(text, p.Title, p.Author)
	if reason := listPage(p.Text, links); reason != "" {
		p.Text, p.NotArticle = "", reason
		if m.date.rank >= rankGuess {
			p.Published = "" // a date seen on a list is some item's, not the page's
		}
	}
	return p, nil
}

// runReadability extracts the body with readability and feeds its metadata
// guesses to m at low rank. links is the text inside links in the body.
func runReadability(root *html.Node, pageURL *url.URL, m *metaReader) (text, links string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			// A library panic on odd input must not stop an ingest run:
			// the caller falls back to the block extractor.
			ok = false
		}
	}()
	parser := readability.NewParser()
	a, err := parser.ParseAndMutate(root, pageURL)
	if err != nil {
		return "", "", false
	}
	m.title.set(cleanTitle(a.Title(), m), rankGuess)
	if t, err := a.PublishedTime(); err == nil {
		m.date.set(t.Format("2006-01-02"), rankGuess)
	}
	if s := a.SiteName(); s != "" && !strings.Contains(s, ".") {
		m.site.set(s, rankGuess)
	}
	m.author.set(cleanAuthor(a.Byline()), rankGuess)
	m.lang.set(a.Language(), rankGuess)
	if a.Node == nil {
		return "", "", false
	}
	text = render.InnerText(a.Node)
	if strings.TrimSpace(text) == "" {
		return "", "", false
	}
	var lb strings.Builder
	forEach(a.Node, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			lb.WriteString(textOf(n, 1<<20))
			lb.WriteByte(' ')
			return false
		}
		return true
	})
	return text, lb.String(), true
}

// cleanBody folds white space inside paragraphs and drops empty lines,
// a repeated headline, byline lines near the top and bare time stamps.
func cleanBody(text, title, author string) string {
	var out []string
	for i, line := range strings.Split(text, "\n") {
		line = collapse(line)
		switch {
		case line == "":
			continue
		case len(out) == 0 && title != "" && strings.EqualFold(line, title):
			continue
		case i < 8 && len(out) < 3 && isByline(line, author):
			continue
		case isTimeStamp(line):
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// isByline reports a short line that names the author (with a date, a
// "By" or a role around the name).
func isByline(line, author string) bool {
	if author == "" || len(strings.Fields(line)) > 14 {
		return false
	}
	first, _, _ := strings.Cut(author, ",")
	return strings.Contains(strings.ToLower(line), strings.ToLower(strings.TrimSpace(first)))
}

// isTimeStamp reports lines like "21:40 GMT", "09.15" or "3 minutes ago".
func isTimeStamp(line string) bool {
	f := strings.Fields(line)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	if strings.EqualFold(f[len(f)-1], "ago") {
		return true
	}
	t := f[0]
	if len(t) < 4 || len(t) > 5 {
		return false
	}
	sep := strings.IndexAny(t, ":.")
	if sep < 1 || sep > 2 || !allDigits(t[:sep]) || !allDigits(t[sep+1:]) || len(t[sep+1:]) != 2 {
		return false
	}
	for _, w := range f[1:] {
		if len(w) > 4 || strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// listPage says why a body is no article: most of its text sits in links
// and no paragraph reads like prose.
func listPage(text, links string) string {
	total := len(strings.Fields(text))
	if total == 0 {
		return ""
	}
	linked := len(strings.Fields(links))
	density := float64(linked) / float64(total)
	longest := 0
	for _, line := range strings.Split(text, "\n") {
		longest = max(longest, len(strings.Fields(line)))
	}
	if (density >= 0.25 && longest < 25) || density >= 0.6 {
		return fmt.Sprintf("a list of links, not an article (%.0f%% of the words are links)", density*100)
	}
	return ""
}

// dropEmbeds removes embedded social posts and caption blocks, which
// readability keeps but which are not the outlet's report.
func dropEmbeds(root *html.Node) {
	var drop []*html.Node
	forEach(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.DataAtom == atom.Figcaption {
			drop = append(drop, n)
			return false
		}
		class := strings.ToLower(attr(n, "class"))
		if n.DataAtom == atom.Blockquote && (strings.Contains(class, "tweet") || strings.Contains(class, "instagram") ||
			strings.Contains(class, "tiktok") || strings.Contains(class, "social")) {
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func bodyOf(root *html.Node) *html.Node {
	var body *html.Node
	forEach(root, func(n *html.Node) bool {
		if body == nil && n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
		}
		return body == nil
	})
	if body == nil {
		return root
	}
	return body
}

// forEach visits n and its descendants in document order; fn returns
// false to skip a node's children.
func forEach(n *html.Node, fn func(*html.Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		forEach(c, fn)
	}
}

// textOf is the collapsed text under n, cut after limit bytes.
func textOf(n *html.Node, limit int) string {
	var b strings.Builder
	forEach(n, func(c *html.Node) bool {
		if b.Len() > limit {
			return false
		}
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if c.DataAtom == atom.Script || c.DataAtom == atom.Style {
				return false
			}
			if isBlock(c.DataAtom) {
				b.WriteByte(' ')
			}
		}
		return true
	})
	return collapse(b.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// blocks gathers block-level text, one paragraph per block: the fallback
// when readability finds no content.
type blocks struct {
	out []string
	cur strings.Builder
}

func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer, atom.Head,
		atom.Aside, atom.Form, atom.Figure, atom.Button, atom.Template, atom.Svg, atom.Iframe, atom.Select:
		return true
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Div, atom.Section, atom.Article, atom.Main, atom.Td, atom.Th, atom.Pre, atom.Dd, atom.Dt, atom.Br, atom.Tr:
		return true
	}
	return false
}

func (b *blocks) flush() {
	if t := collapse(b.cur.String()); t != "" {
		b.out = append(b.out, t)
	}
	b.cur.Reset()
}

func (b *blocks) collect(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped(n.DataAtom) {
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		b.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.collect(c)
	}
	if block {
		b.flush()
	}
}

// collapse folds runs of white space (including newlines inside a block)
// to single spaces, so that newlines in Text mean paragraph breaks only.
// Invalid UTF-8 is replaced so that Text is always valid.
func collapse(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == 0 }), " ")
}
