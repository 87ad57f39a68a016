package ingest

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Ranks of metadata sources: a lower rank wins.
const (
	rankMeta     = iota // OpenGraph, article:*, <link rel=canonical>, <html lang>
	rankLD              // JSON-LD
	rankItem            // microdata
	rankOther           // Dublin Core, name=date, parsely, twitter:*
	rankGuess           // readability's guesses
	rankVisible         // <title> parts, rel=author links, visible date lines
	rankFallback        // what is left
)

// field is a metadata value and the rank of the source it came from.
type field struct {
	val  string
	rank int
}

func (f *field) set(v string, rank int) {
	v = collapse(v)
	if v == "" || (f.val != "" && f.rank <= rank) {
		return
	}
	f.val, f.rank = v, rank
}

// metaReader collects a page's metadata in one walk over the tree.
type metaReader struct {
	title, date, site, author, url, lang field

	docTitle   string   // <title>
	headings   []string // h1–h3 and bold lines, for telling a title from a site name
	relAuthor  string
	dateLines  []string // short text lines near the top that may hold a date
	longBlocks int
}

func (m *metaReader) walk(n *html.Node, inBody bool) {
	switch n.Type {
	case html.TextNode:
		if inBody && m.longBlocks < 3 {
			t := collapse(n.Data)
			switch {
			case len(t) > 200:
				m.longBlocks++
			case len(t) >= 8 && len(t) <= 100 && len(m.dateLines) < 40:
				m.dateLines = append(m.dateLines, t)
			}
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			m.walk(c, inBody)
		}
		return
	}
	switch n.DataAtom {
	case atom.Html:
		m.lang.set(attr(n, "lang"), rankMeta)
		m.lang.set(attr(n, "xml:lang"), rankMeta)
	case atom.Title:
		if m.docTitle == "" {
			m.docTitle = textOf(n, 1000)
		}
		return
	case atom.Meta:
		m.readMeta(n)
	case atom.Link:
		rel := strings.ToLower(attr(n, "rel"))
		if rel == "canonical" && isAbsURL(attr(n, "href")) {
			m.url.set(attr(n, "href"), rankMeta)
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			m.readJSONLD(n.FirstChild.Data)
		}
		return
	case atom.Style, atom.Noscript, atom.Template:
		return
	case atom.Body:
		inBody = true
	case atom.H1, atom.H2, atom.H3, atom.B, atom.Strong:
		if t := textOf(n, 300); t != "" && len(t) <= 300 && len(m.headings) < 50 {
			m.headings = append(m.headings, t)
		}
	case atom.A:
		if m.relAuthor == "" && strings.Contains(strings.ToLower(attr(n, "rel")), "author") {
			m.relAuthor = textOf(n, 100)
		}
	case atom.Time:
		if d := parseDate(attr(n, "datetime")); d != "" {
			r := rankVisible
			if attr(n, "pubdate") != "" || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				r = rankItem
			}
			m.date.set(d, r)
		}
	}
	if prop := attr(n, "itemprop"); prop != "" {
		m.readItemprop(n, strings.ToLower(prop))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c, inBody)
	}
}

func (m *metaReader) readMeta(n *html.Node) {
	content := attr(n, "content")
	if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
		m.lang.set(firstTag(content), rankOther)
		return
	}
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	if key == "" || attr(n, "itemprop") != "" {
		return
	}
	switch key {
	case "og:title":
		m.title.set(content, rankMeta)
	case "twitter:title", "dc.title", "dcterms.title", "sailthru.title", "parsely-title":
		m.title.set(content, rankOther)
	case "og:site_name":
		m.site.set(content, rankMeta)
	case "application-name", "dc.publisher", "dcterms.publisher", "publisher", "cre", "copyright":
		if key != "copyright" || !strings.ContainsAny(content, "©0123456789") {
			m.site.set(content, rankOther)
		}
	case "og:url":
		if isAbsURL(content) {
			m.url.set(content, rankMeta+1)
		}
	case "og:locale":
		m.lang.set(strings.ReplaceAll(content, "_", "-"), rankOther)
	case "language", "dc.language", "dcterms.language":
		m.lang.set(firstTag(content), rankOther)
	case "article:published_time", "og:article:published_time", "article:published":
		m.date.set(parseDate(content), rankMeta)
	case "datepublished", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created", "dcterms.date",
		"date", "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
		"article.published", "published_time", "original-publish-date", "citation_publication_date":
		m.date.set(parseDate(content), rankOther)
	case "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author",
		"sailthru.author", "byl", "citation_author":
		if !isAbsURL(content) && !strings.HasPrefix(content, "@") {
			r := rankOther
			if key == "author" || key == "article:author" {
				r = rankMeta
			}
			m.author.set(cleanAuthor(content), r)
		}
	}
}

// readJSONLD reads schema.org objects: the article's headline, date,
// authors, publisher, URL and language, and the site's name.
func (m *metaReader) readJSONLD(src string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	m.ldValue(v, 0)
}

func (m *metaReader) ldValue(v any, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m.ldValue(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			m.ldValue(g, depth+1)
		}
		m.ldObject(x)
	}
}

func (m *metaReader) ldObject(o map[string]any) {
	types := ldTypes(o["@type"])
	switch {
	case hasType(types, "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
		"BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "SocialMediaPosting"):
		m.title.set(ldString(o["headline"]), rankLD)
		m.title.set(ldString(o["name"]), rankLD+1)
		m.date.set(parseDate(ldString(o["datePublished"])), rankLD)
		m.date.set(parseDate(ldString(o["dateCreated"])), rankLD+1)
		m.author.set(ldNames(o["author"]), rankLD)
		m.author.set(ldNames(o["creator"]), rankLD+1)
		m.site.set(ldNames(o["publisher"]), rankLD)
		m.lang.set(ldString(o["inLanguage"]), rankLD)
		if u := ldURL(o["mainEntityOfPage"]); isAbsURL(u) {
			m.url.set(u, rankLD)
		}
		if u := ldString(o["url"]); isAbsURL(u) {
			m.url.set(u, rankLD)
		}
	case hasType(types, "WebSite"):
		m.site.set(ldString(o["name"]), rankLD+1)
	case hasType(types, "WebPage"):
		m.date.set(parseDate(ldString(o["datePublished"])), rankLD+1)
		m.lang.set(ldString(o["inLanguage"]), rankLD+1)
	}
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func hasType(types []string, want ...string) bool {
	for _, t := range types {
		t = strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/")
		for _, w := range want {
			if t == w {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return s
		}
	}
	return ""
}

// ldNames reads a Person or Organization, a list of them, or a plain name.
func ldNames(v any) string {
	switch x := v.(type) {
	case string:
		if isAbsURL(x) {
			return ""
		}
		return x
	case map[string]any:
		return ldString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := collapse(ldNames(e)); n != "" && len(names) < 8 {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if s := ldString(x["@id"]); s != "" {
			return s
		}
		return ldString(x["url"])
	}
	return ""
}

// readItemprop reads schema.org microdata properties.
func (m *metaReader) readItemprop(n *html.Node, prop string) {
	value := func() string {
		if c := attr(n, "content"); c != "" {
			return c
		}
		if d := attr(n, "datetime"); d != "" {
			return d
		}
		return textOf(n, 300)
	}
	switch prop {
	case "headline":
		m.title.set(value(), rankItem)
	case "datepublished":
		m.date.set(parseDate(value()), rankItem)
	case "inlanguage":
		m.lang.set(value(), rankItem)
	case "author", "publisher", "creator":
		name := ""
		if attr(n, "itemscope") != "" || hasAttr(n, "itemscope") {
			forEach(n, func(c *html.Node) bool {
				if name == "" && c != n && c.Type == html.ElementNode && strings.EqualFold(attr(c, "itemprop"), "name") {
					name = attr(c, "content")
					if name == "" {
						name = textOf(c, 200)
					}
				}
				return name == ""
			})
		} else {
			name = value()
		}
		if prop == "publisher" {
			m.site.set(name, rankItem)
		} else {
			m.author.set(cleanAuthor(name), rankItem)
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// finishTitle settles the title from the document's <title> when no
// stronger source gave one.
func (m *metaReader) finishTitle() {
	m.title.set(cleanTitle(m.docTitle, m), rankVisible)
	if m.title.val != "" && m.title.rank < rankVisible {
		m.title.val = cleanTitle(m.title.val, m)
	}
}

// finishFallbacks fills what the page only shows: the byline link, a
// date line near the top, and the site name from the <title>.
func (m *metaReader) finishFallbacks() {
	m.author.set(cleanAuthor(m.relAuthor), rankVisible)
	for _, line := range m.dateLines {
		if d := textDate(line); d != "" {
			m.date.set(d, rankVisible)
			break
		}
	}
	if parts := splitTitle(m.docTitle); len(parts) == 2 {
		for i, p := range parts {
			if strings.EqualFold(p, m.title.val) {
				m.site.set(parts[1-i], rankVisible)
			}
		}
	}
}

// titleSeps separate a headline from a site name in <title>.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "}

func splitTitle(t string) []string {
	for _, sep := range titleSeps {
		if parts := strings.Split(t, sep); len(parts) > 1 {
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			return parts
		}
	}
	return nil
}

// cleanTitle strips a site name from a title: the part equal to the known
// site name, else keeps the longest part that the page shows as a heading.
func cleanTitle(t string, m *metaReader) string {
	t = collapse(t)
	parts := splitTitle(t)
	if len(parts) < 2 {
		return t
	}
	if m.site.val != "" {
		var keep []string
		for _, p := range parts {
			if !strings.EqualFold(p, m.site.val) {
				keep = append(keep, p)
			}
		}
		if len(keep) < len(parts) && len(keep) > 0 {
			return strings.Join(keep, " - ")
		}
	}
	for _, h := range m.headings {
		if strings.EqualFold(h, t) {
			return t
		}
	}
	best := ""
	for _, p := range parts {
		for _, h := range m.headings {
			if strings.EqualFold(p, h) && len(p) > len(best) {
				best = p
			}
		}
	}
	if best != "" {
		return best
	}
	return t
}

// cleanAuthor drops a "By" or "Author:" prefix and the outlet's address.
func cleanAuthor(s string) string {
	s = collapse(s)
	low := strings.ToLower(s)
	for _, p := range []string{"by ", "par ", "por ", "von ", "di "} {
		if strings.HasPrefix(low, p) {
			s = s[len(p):]
			break
		}
	}
	if i := strings.Index(s, ":"); i > 0 && i < 24 && len(strings.Fields(s[:i])) <= 2 {
		s = strings.TrimSpace(s[i+1:])
	}
	if len(s) > 200 {
		return ""
	}
	return s
}

func isAbsURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

func firstTag(s string) string {
	s, _, _ = strings.Cut(s, ",")
	return strings.TrimSpace(s)
}

// parseDate reads a date from a metadata value: RFC 3339 or YYYY-MM-DD
// first, then the other forms dateparse knows. It gives YYYY-MM-DD.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return ""
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return plausible(t)
		}
	}
	t, err := dateparse.ParseAny(s)
	if err != nil {
		return ""
	}
	return plausible(t)
}

func plausible(t time.Time) string {
	if t.Year() < 1900 || t.Year() > 2200 {
		return ""
	}
	return t.Format("2006-01-02")
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// textDate finds an English date written out on a short visible line:
// "March 5, 2024", "5 March 2024", "Mar 5 2024".
func textDate(line string) string {
	words := strings.FieldsFunc(strings.ToLower(line), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	num := func(w string, lo, hi int) int {
		if !allDigits(w) || len(w) > 4 {
			return 0
		}
		n := 0
		for i := 0; i < len(w); i++ {
			n = n*10 + int(w[i]-'0')
		}
		if n < lo || n > hi {
			return 0
		}
		return n
	}
	for i, w := range words {
		mon, ok := monthNames[w]
		if !ok {
			continue
		}
		var day, year int
		if i+2 < len(words) { // March 5, 2024
			day, year = num(words[i+1], 1, 31), num(words[i+2], 1900, 2200)
		}
		if (day == 0 || year == 0) && i >= 1 && i+1 < len(words) { // 5 March 2024
			day, year = num(words[i-1], 1, 31), num(words[i+1], 1900, 2200)
		}
		if day > 0 && year > 0 {
			t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
			if t.Day() == day {
				return t.Format("2006-01-02")
			}
		}
	}
	return ""
}
