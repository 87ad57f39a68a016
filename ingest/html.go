package ingest

import (
	"bytes"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what a first pass over an HTML page finds.
type Page struct {
	Title     string
	Text      string // paragraphs separated by "\n"
	Published string // YYYY-MM-DD when the page's metadata gives a date
	SiteName  string
	URL       string // canonical URL
	Language  string
}

// ExtractHTML takes the body text and basic metadata from a page. It keeps
// headings, paragraphs, list items and table cells of the <article> (or
// <main>, or <body>) and drops scripts, styles, navigation, headers,
// footers, asides, forms and figures. It is a first extraction: a fuller
// boilerplate remover replaces it later.
func ExtractHTML(data []byte) (Page, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Page{}, err
	}
	var p Page
	var article, main, body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				p.Language = attr(n, "lang")
			case atom.Title:
				if p.Title == "" && n.FirstChild != nil {
					p.Title = collapse(n.FirstChild.Data)
				}
			case atom.Meta:
				p.readMeta(n)
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					p.URL = attr(n, "href")
				}
			case atom.Article:
				if article == nil {
					article = n
				}
			case atom.Main:
				if main == nil {
					main = n
				}
			case atom.Body:
				body = n
			case atom.Time:
				if p.Published == "" {
					p.Published = isoDate(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	scope := article
	if scope == nil {
		scope = main
	}
	if scope == nil {
		scope = body
	}
	if scope != nil {
		var b blocks
		b.collect(scope)
		p.Text = strings.Join(b.out, "\n")
	}
	return p, nil
}

func (p *Page) readMeta(n *html.Node) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	if key == "" {
		key = strings.ToLower(attr(n, "itemprop"))
	}
	content := collapse(attr(n, "content"))
	if content == "" {
		return
	}
	switch key {
	case "og:title":
		p.Title = content
	case "og:site_name", "application-name":
		if p.SiteName == "" {
			p.SiteName = content
		}
	case "og:url":
		if p.URL == "" {
			p.URL = content
		}
	case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued":
		if d := isoDate(content); d != "" {
			p.Published = d
		}
	}
}

// isoDate keeps the day of an RFC 3339 or YYYY-MM-DD timestamp.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// blocks gathers block-level text, one paragraph per block.
type blocks struct {
	out []string
	cur strings.Builder
}

func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer,
		atom.Aside, atom.Form, atom.Figure, atom.Button, atom.Template, atom.Svg, atom.Iframe, atom.Select:
		return true
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Div, atom.Section, atom.Td, atom.Th, atom.Pre, atom.Dd, atom.Dt, atom.Br, atom.Tr:
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
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
