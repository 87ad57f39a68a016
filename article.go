package dyad

import (
	"fmt"
	"time"
)

// Article is one news report as it arrives (FORMATS.md §1).
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339
	Text      string `json:"text"`
	HTML      string `json:"html,omitempty"`
	Language  string `json:"language,omitempty"` // BCP 47 tag when known
}

// PublishedTime parses Published. ok is false when it is empty; err is set
// when it is present but neither YYYY-MM-DD nor RFC 3339.
func (a Article) PublishedTime() (t time.Time, ok bool, err error) {
	if a.Published == "" {
		return time.Time{}, false, nil
	}
	return ParseDate(a.Published)
}

// ParseDate parses a publication date in the forms FORMATS.md allows.
func ParseDate(s string) (time.Time, bool, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("published %q: want YYYY-MM-DD or RFC 3339", s)
}
