package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// ErrNotFeed is returned for data that is neither RSS, Atom nor JSON Feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Feed is a parsed feed: its own title and link, and its entries in the
// order the feed lists them.
type Feed struct {
	Title    string
	Link     string
	Language string
	Type     string // "rss", "atom" or "json"
	Entries  []Entry
}

// Entry is one feed item as ingest needs it.
type Entry struct {
	ID        string // the GUID or entry id, else the link
	Link      string // absolute URL of the item's page; "" when the feed gives none
	Title     string
	Published string // RFC 3339 in UTC, "" when the feed gives no date
	Author    string
	// Content is the item's own body as the feed carries it (HTML or
	// text): the full content when given, else the summary.
	Content string
}

// Parse reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document. base,
// when set, resolves relative item links.
func Parse(data []byte, base string) (Feed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Feed{}, ErrNotFeed
	}
	parsed, err := parse(data)
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return Feed{}, ErrNotFeed
		}
		return Feed{}, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	if parsed.FeedType == "json" && parsed.FeedVersion == "" {
		return Feed{}, fmt.Errorf("%w: JSON without a JSON Feed version", ErrNotFeed)
	}
	baseURL, _ := url.Parse(base)
	if parsed.Link != "" && (baseURL == nil || !baseURL.IsAbs()) {
		baseURL, _ = url.Parse(parsed.Link)
	}
	f := Feed{
		Title:    clean(parsed.Title),
		Link:     resolve(baseURL, parsed.Link),
		Language: strings.TrimSpace(parsed.Language),
		Type:     parsed.FeedType,
	}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		e := Entry{
			Link:    resolve(baseURL, strings.TrimSpace(it.Link)),
			Title:   clean(it.Title),
			Content: it.Content,
		}
		if e.Link == "" {
			for _, l := range it.Links {
				if e.Link = resolve(baseURL, strings.TrimSpace(l)); e.Link != "" {
					break
				}
			}
		}
		if strings.TrimSpace(e.Content) == "" {
			e.Content = it.Description
		}
		e.ID = strings.TrimSpace(it.GUID)
		if e.ID == "" {
			e.ID = e.Link
		}
		switch {
		case it.PublishedParsed != nil:
			e.Published = stamp(*it.PublishedParsed)
		case it.UpdatedParsed != nil:
			e.Published = stamp(*it.UpdatedParsed)
		}
		var names []string
		for _, a := range it.Authors {
			if a != nil && clean(a.Name) != "" {
				names = append(names, clean(a.Name))
			}
		}
		e.Author = strings.Join(names, ", ")
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

// parse runs gofeed, turning a panic on hostile input into an error.
func parse(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

func stamp(t time.Time) string {
	if t.Year() < 1900 || t.Year() > 2200 {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// resolve makes link absolute against base; it keeps only http(s) links.
func resolve(base *url.URL, link string) string {
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if !u.IsAbs() && base != nil && base.IsAbs() {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// IsFeed reports whether data looks like a feed rather than a page.
func IsFeed(data []byte) bool {
	return gofeed.DetectFeedType(bytes.NewReader(data)) != gofeed.FeedTypeUnknown
}
