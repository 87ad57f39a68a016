package dyad

import (
	"context"
	"errors"
)

// Named rejections an ingest run records instead of coding an article.
var (
	ErrDuplicate  = errors.New("duplicate of a stored story")
	ErrNotEnglish = errors.New("not in English")
)

// ArticleStatus says what became of an ingested article.
type ArticleStatus string

// Article statuses. Coded, NotEnglish, Failed and Empty articles start a
// story of their own and keep their text; Exact and Near copies keep only
// their metadata and point at the story they repeat.
const (
	StatusCoded      ArticleStatus = "coded"
	StatusNotEnglish ArticleStatus = "not_english" // stored and counted, not coded
	StatusFailed     ArticleStatus = "failed"      // the pipeline returned an error
	StatusExact      ArticleStatus = "exact_copy"  // same normalised text as a story
	StatusNear       ArticleStatus = "near_copy"   // near-duplicate text of a story
)

// Record is one article to store, with what ingest decided about it and,
// for coded articles, the events and quotes coded from it.
type Record struct {
	// Key identifies the article for idempotent ingest: storing a Record
	// whose Key is already stored changes nothing.
	Key     string
	Article Article // HTML is not stored
	Source  string  // where it was read: "dir/a.txt", "feed.jsonl:12", a URL
	Status  ArticleStatus
	Reason  string // why it was not coded (language, error, duplicate)

	// TextHash is the hash of the normalised text (exact dedup).
	TextHash string
	// Signature is the MinHash signature of the text's shingles, Bands
	// its LSH band keys and Shingles the number of distinct shingles; all
	// are empty for copies.
	Signature []uint32
	Bands     []int64
	Shingles  int

	// CopyOf is the Key of the article that started the story this one
	// copies (Status Exact or Near); it may be earlier in the same batch.
	CopyOf     string
	Similarity float64 // estimated Jaccard similarity to that article

	Events []Event
	Quotes []Quote
}

// StoryRef is a stored story as dedup needs it to compare a new article.
type StoryRef struct {
	ID         int64
	ArticleKey string // Key of the article that started it
	Signature  []uint32
	Shingles   int
}

// Counts are the totals of a store.
type Counts struct {
	Articles      int // every stored article, copies included
	Stories       int
	Coded         int
	NotEnglish    int
	Failed        int
	ExactCopies   int
	NearCopies    int
	Events        int // distinct events, merged across articles
	EventMentions int // event reports, one per event per story
	Quotes        int
}

// StoredEvent is one distinct event with GDELT-style counts over every
// article that reports it, copies included.
type StoredEvent struct {
	ID    int64
	Event Event // the first report; ArticleID is the article that first reported it
	// NumArticles counts the articles (copies included) that report it,
	// NumSources their distinct outlets, NumMentions the sentences across
	// all of them.
	NumArticles int
	NumSources  int
	NumMentions int
}

// EventReport is an event as one stored article reported it (FORMATS.md §2).
type EventReport struct {
	EventID int64
	Event   Event
}

// SearchHit is an article found by a full-text search.
type SearchHit struct {
	Key     string
	ID      string
	Title   string
	URL     string
	Outlet  string
	Snippet string
}

// Store keeps ingested articles, their stories and copies, and the events
// and quotes coded from them. Implementations are safe for concurrent use.
type Store interface {
	// HasArticle reports whether an article with this Key is stored.
	HasArticle(ctx context.Context, key string) (bool, error)
	// StoryByHash finds the story whose normalised text has this hash.
	StoryByHash(ctx context.Context, hash string) (StoryRef, bool, error)
	// StoryCandidates lists stories sharing at least one LSH band key, at
	// most limit, lowest ID first.
	StoryCandidates(ctx context.Context, bands []int64, limit int) ([]StoryRef, error)
	// Write stores a batch in one transaction. Records whose Key is already
	// stored are skipped; added counts the records written.
	Write(ctx context.Context, batch []Record) (added int, err error)

	Counts(ctx context.Context) (Counts, error)
	// Events calls fn for each distinct event in ID order.
	Events(ctx context.Context, fn func(StoredEvent) error) error
	// Reports calls fn for each event as reported by each coded article,
	// in storage order.
	Reports(ctx context.Context, fn func(EventReport) error) error
	// Quotes calls fn for each stored quote in storage order.
	Quotes(ctx context.Context, fn func(Quote) error) error
	// Search finds articles whose title or text contain every word of q.
	Search(ctx context.Context, q string, limit int) ([]SearchHit, error)

	Close() error
}
