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

	Querier

	Close() error
}

// ErrNotFound is returned by a lookup of an id or key that is not stored.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is wrapped by the query methods' errors for a query they
// cannot run as given (a malformed cursor, an unknown sort key): the
// caller's mistake, not the store's.
var ErrBadQuery = errors.New("bad query")

// ArticleRef names a stored article (or copy) for display and links.
type ArticleRef struct {
	Key       string // the store's key (unique)
	ID        string // the caller's id (FORMATS.md §1); not necessarily unique
	Title     string
	URL       string
	Outlet    string
	Published string
}

// EventFilter selects stored events; empty fields do not filter. A side
// (Source, Target, DyadA, DyadB) is a country or group code when it has
// three letters, else a full actor code ("RUSMIL").
type EventFilter struct {
	// Actor is an actor code on either side, or a case-insensitive part of
	// either actor's name when it is not all capitals and digits.
	Actor          string
	Source, Target string
	// DyadA and DyadB, both set, select the events between them, in either
	// direction unless Directed (then DyadA is the source).
	DyadA, DyadB string
	Directed     bool
	// Code is a CAMEO code or prefix: "03" matches root 03, "031" matches
	// 031 and 0311–0314.
	Code   string
	Root   string
	Plover string
	Quad   int    // 1–4; 0 for any
	From   string // first day, YYYY-MM-DD; with From or To, undated events drop out
	To     string // last day, inclusive
	// Place is a location country code (three capitals) or a place name,
	// compared without case.
	Place string
	// Text holds words that must all occur in one report's evidence.
	Text string
}

// Event sort keys for EventQuery.Sort.
const (
	SortDate      = "date"
	SortGoldstein = "goldstein"
	SortCode      = "code"
	SortID        = "id"
)

// EventQuery is a page of a filtered, sorted event list. Pages are cut by
// keyset cursors, so a deep page costs what the first one does.
type EventQuery struct {
	EventFilter
	Sort   string // one of the Sort constants; "" means SortDate
	Desc   bool
	Cursor string // EventPage.Next of the previous page, "" for the first
	Limit  int    // page size; 0 means 50
}

// EventHit is a stored event with the article that first reported it.
type EventHit struct {
	StoredEvent
	Article ArticleRef
}

// EventPage is one page of an event query.
type EventPage struct {
	Events []EventHit
	Next   string // cursor of the following page; "" on the last page
}

// EventDetail is a stored event with every article's report of it.
type EventDetail struct {
	StoredEvent
	Reports []ReportDetail // in storage order
}

// ReportDetail is one coded article's report of an event.
type ReportDetail struct {
	Article ArticleRef
	Copies  []ArticleRef // other articles carrying the same story
	Event   Event        // as this article reported it: evidence, rule, reported_by
	Quotes  []Quote      // the article's quotes that overlap the evidence
}

// StoredArticle is a stored article with its text and everything coded
// from it.
type StoredArticle struct {
	ArticleRef
	Text       string
	Language   string
	Status     ArticleStatus
	Reason     string
	Source     string // where it was read
	IngestedAt string // RFC 3339
	// CopyOf is set when the key asked for was a copy: the copy's own
	// reference (the text and codes shown are its story's).
	CopyOf *ArticleRef
	Copies []ArticleRef  // copies of this article's story
	Events []EventReport // the events as this article reported them
	Quotes []Quote
}

// SeriesQuery selects the events between two sides (as EventFilter's
// DyadA and DyadB) for a time series.
type SeriesQuery struct {
	A, B     string
	Directed bool
	From, To string // inclusive days, YYYY-MM-DD; "" for open
}

// DayCount is the number of events of one QuadClass on one day and the
// sum of their Goldstein values. An undated event counts on the day its
// first article was published; one without either date is left out.
type DayCount struct {
	Date      string
	Quad      int
	Events    int
	Goldstein float64
}

// ActorQuery asks for the actors with the most events.
type ActorQuery struct {
	Role     string // "source", "target", or "" for either
	Country  string // only actors of this country code
	From, To string // inclusive days; "" for open
	Limit    int    // 0 means 20
}

// ActorCount is an actor code and how many events it is the source or
// target of, with the name most of its latest events give it.
type ActorCount struct {
	Code, Country, Name string
	AsSource, AsTarget  int
}

// QuoteQuery selects stored quotes.
type QuoteQuery struct {
	// Speaker is a speaker code, or a case-insensitive part of the
	// speaker's name when it is not all capitals and digits.
	Speaker string
	Article string // an article key or id
	Cursor  string
	Limit   int // 0 means 50
}

// StoredQuote is a stored quote with its id and article.
type StoredQuote struct {
	ID int64
	Quote
	Article ArticleRef
}

// QuotePage is one page of a quote query, newest first.
type QuotePage struct {
	Quotes []StoredQuote
	Next   string
}

// Querier is what a store answers for exploring its contents (dyad serve).
// Every Store is one.
type Querier interface {
	// QueryEvents returns one page of the events that match q.
	QueryEvents(ctx context.Context, q EventQuery) (EventPage, error)
	// EventDetail returns a stored event with all its reports; ErrNotFound
	// when there is none with this id.
	EventDetail(ctx context.Context, id int64) (EventDetail, error)
	// Article returns a stored article by key, else by the caller's id
	// (the earliest stored one with it); ErrNotFound when neither matches.
	Article(ctx context.Context, keyOrID string) (StoredArticle, error)
	// DyadSeries returns the daily event counts between two sides, by
	// date, then QuadClass (see DayCount for undated events).
	DyadSeries(ctx context.Context, q SeriesQuery) ([]DayCount, error)
	// TopActors returns the actors with the most events, most first.
	TopActors(ctx context.Context, q ActorQuery) ([]ActorCount, error)
	// QueryQuotes returns one page of the quotes that match q.
	QueryQuotes(ctx context.Context, q QuoteQuery) (QuotePage, error)
	// Version changes whenever anything is stored, and is cheap to ask:
	// answers computed at one version hold until it changes.
	Version(ctx context.Context) (string, error)
}
