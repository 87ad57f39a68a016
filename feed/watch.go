package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ingest"
)

// WatchConfig sets a Watcher. Fetcher is required.
type WatchConfig struct {
	Fetcher *Fetcher
	// Log receives one line per failure or notable event; nil discards.
	Log func(msg string)
	// Workers is how many item pages are fetched at once (the Fetcher
	// still spaces requests to one host); 0 means 4.
	Workers int
	// MaxAttempts is how many polls try a failing item page before the
	// item falls back to the text the feed carries; 0 means 5.
	MaxAttempts int
	// RetryBase is the wait after a feed's first failed fetch, doubled on
	// each further failure up to RetryMax; 0 means 1m and 6h.
	RetryBase, RetryMax time.Duration
	// KeepSeen is how long an item no longer listed by its feed is
	// remembered; 0 means 30 days.
	KeepSeen time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// State is what a Watcher remembers between polls (and, saved as JSON,
// between runs): each feed's validators, failures and seen items.
type State struct {
	Feeds map[string]*FeedState `json:"feeds"`
}

// FeedState is one feed's memory.
type FeedState struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Failures     int       `json:"failures,omitempty"`
	RetryAt      time.Time `json:"retry_at,omitzero"`
	LastError    string    `json:"last_error,omitempty"`
	Title        string    `json:"title,omitempty"`
	Language     string    `json:"language,omitempty"`
	// Seen maps the ids of items handled to when they were last listed.
	Seen map[string]time.Time `json:"seen,omitempty"`
	// Pending holds items whose page could not be fetched yet, so they are
	// retried even when the feed itself answers 304 Not Modified.
	Pending map[string]*PendingEntry `json:"pending,omitempty"`
}

// PendingEntry is an item waiting for another try.
type PendingEntry struct {
	Entry    Entry     `json:"entry"`
	Attempts int       `json:"attempts"`
	Error    string    `json:"error,omitempty"`
	Since    time.Time `json:"since"`
}

// NewState makes an empty State.
func NewState() *State { return &State{Feeds: map[string]*FeedState{}} }

// LoadState reads a State saved by Save; a missing file is an empty State.
func LoadState(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return NewState(), nil
	}
	if err != nil {
		return nil, err
	}
	s := NewState()
	if err := json.Unmarshal(data, s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if s.Feeds == nil {
		s.Feeds = map[string]*FeedState{}
	}
	return s, nil
}

// Save writes the State to path atomically (a temporary file renamed).
func (s *State) Save(path string) error {
	data, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".watch-state-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (s *State) feed(u string) *FeedState {
	fs := s.Feeds[u]
	if fs == nil {
		fs = &FeedState{}
		s.Feeds[u] = fs
	}
	if fs.Seen == nil {
		fs.Seen = map[string]time.Time{}
	}
	if fs.Pending == nil {
		fs.Pending = map[string]*PendingEntry{}
	}
	return fs
}

// PollStats count what one poll did.
type PollStats struct {
	Feeds       int // feeds asked
	NotModified int // answered 304
	Deferred    int // skipped: waiting to retry after failures
	FeedErrors  int // could not be fetched or parsed
	NewEntries  int // items not seen before
	Pages       int // item pages fetched
	PageErrors  int // item pages that failed (retried later)
	FromFeed    int // items taken from the feed's own text
	GaveUp      int // items dropped: no page and no text in the feed
	Articles    int // articles emitted
}

func (s PollStats) String() string {
	return fmt.Sprintf("%d feeds (%d not modified, %d deferred, %d failed), %d new items, %d pages fetched, %d page errors, %d from feed text, %d dropped, %d articles",
		s.Feeds, s.NotModified, s.Deferred, s.FeedErrors, s.NewEntries, s.Pages, s.PageErrors, s.FromFeed, s.GaveUp, s.Articles)
}

// Watcher polls feeds and turns their new items into articles: it fetches
// each feed with a conditional GET, follows item links to the pages and
// extracts them, and remembers what it has handled. A fetch failure is
// logged and retried on a later poll, never fatal. A URL that answers
// with an HTML page instead of a feed is taken as one article.
type Watcher struct {
	cfg   WatchConfig
	feeds []string
	state *State
}

// NewWatcher makes a Watcher over feeds; state may be nil (start empty).
func NewWatcher(cfg WatchConfig, feeds []string, state *State) (*Watcher, error) {
	if cfg.Fetcher == nil {
		return nil, errors.New("feed: watcher needs a Fetcher")
	}
	if cfg.Log == nil {
		cfg.Log = func(string) {}
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 5
	}
	if cfg.RetryBase <= 0 {
		cfg.RetryBase = time.Minute
	}
	if cfg.RetryMax <= 0 {
		cfg.RetryMax = 6 * time.Hour
	}
	if cfg.KeepSeen <= 0 {
		cfg.KeepSeen = 30 * 24 * time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if state == nil {
		state = NewState()
	}
	return &Watcher{cfg: cfg, feeds: append([]string(nil), feeds...), state: state}, nil
}

// State is the watcher's memory, to save between runs.
func (w *Watcher) State() *State { return w.state }

// job is an item to turn into an article.
type job struct {
	feedURL string
	fs      *FeedState
	entry   Entry
	page    *Response // already fetched (a URL that was a page, not a feed)
}

type result struct {
	job      job
	article  dyad.Article
	err      error // the page fetch failed: retry later
	fetched  bool  // a page was fetched
	noText   bool  // neither the page nor the feed had text
	fromFeed bool  // the text is the feed's own
}

// Poll asks every feed once and calls emit with each new article, feeds in
// list order and items in feed order. Items whose page failed before are
// retried first. Poll returns an error only when emit fails or ctx ends.
func (w *Watcher) Poll(ctx context.Context, emit func(ingest.Item) error) (PollStats, error) {
	var st PollStats
	var jobs []job
	now := w.cfg.Now()
	for _, u := range w.feeds {
		fs := w.state.feed(u)
		for _, id := range sortedKeys(fs.Pending) {
			jobs = append(jobs, job{feedURL: u, fs: fs, entry: fs.Pending[id].Entry})
		}
	}
	for _, u := range w.feeds {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		fs := w.state.feed(u)
		st.Feeds++
		if now.Before(fs.RetryAt) {
			st.Deferred++
			continue
		}
		resp, err := w.cfg.Fetcher.Get(ctx, u, fs.ETag, fs.LastModified)
		if err != nil {
			if ctx.Err() != nil {
				return st, ctx.Err()
			}
			st.FeedErrors++
			w.failFeed(u, fs, err, now)
			continue
		}
		if resp.NotModified {
			st.NotModified++
			w.okFeed(fs)
			continue
		}
		var entries []Entry
		var page *Response
		if parsed, err := Parse(resp.Body, resp.URL); err == nil {
			fs.Title, fs.Language = parsed.Title, parsed.Language
			entries = parsed.Entries
		} else if looksHTML(resp) {
			entries, page = []Entry{{ID: u, Link: resp.URL}}, &resp
		} else {
			st.FeedErrors++
			w.failFeed(u, fs, err, now)
			continue
		}
		fs.ETag, fs.LastModified = resp.ETag, resp.LastModified
		w.okFeed(fs)
		listed := map[string]bool{}
		for _, e := range entries {
			key := e.ID
			if key == "" {
				continue
			}
			listed[key] = true
			if _, seen := fs.Seen[key]; seen {
				fs.Seen[key] = now
				continue
			}
			if _, pending := fs.Pending[key]; pending {
				continue
			}
			st.NewEntries++
			jobs = append(jobs, job{feedURL: u, fs: fs, entry: e, page: page})
		}
		for key, at := range fs.Seen {
			if !listed[key] && now.Sub(at) > w.cfg.KeepSeen {
				delete(fs.Seen, key)
			}
		}
	}
	err := w.run(ctx, jobs, func(r result) error {
		if r.fetched {
			st.Pages++
		}
		e, fs := r.job.entry, r.job.fs
		if r.err != nil {
			st.PageErrors++
			p := fs.Pending[e.ID]
			if p == nil {
				p = &PendingEntry{Entry: e, Since: now}
				fs.Pending[e.ID] = p
			}
			p.Attempts++
			p.Error = r.err.Error()
			if p.Attempts < w.cfg.MaxAttempts {
				w.cfg.Log(fmt.Sprintf("%s: %v (attempt %d of %d; retried on the next poll)", e.Link, r.err, p.Attempts, w.cfg.MaxAttempts))
				return nil
			}
			w.cfg.Log(fmt.Sprintf("%s: %v (attempt %d of %d; using the feed's own text)", e.Link, r.err, p.Attempts, w.cfg.MaxAttempts))
			a, ok := articleFromFeed(e, fs)
			if !ok {
				r.noText = true
			} else {
				r.article = a
				st.FromFeed++
			}
		}
		delete(fs.Pending, e.ID)
		fs.Seen[e.ID] = now
		if r.noText {
			st.GaveUp++
			w.cfg.Log(fmt.Sprintf("%s: no article text in the page or the feed; item dropped", sourceOf(r.job)))
			return nil
		}
		if r.fromFeed {
			st.FromFeed++
		}
		st.Articles++
		return emit(ingest.Item{Article: r.article, Source: sourceOf(r.job)})
	})
	return st, err
}

func sourceOf(j job) string {
	if j.entry.Link != "" {
		return j.entry.Link
	}
	return j.feedURL + "#" + j.entry.ID
}

func (w *Watcher) failFeed(u string, fs *FeedState, err error, now time.Time) {
	fs.Failures++
	wait := w.cfg.RetryBase << min(fs.Failures-1, 20)
	if wait > w.cfg.RetryMax || wait <= 0 {
		wait = w.cfg.RetryMax
	}
	var se *StatusError
	if errors.As(err, &se) && se.RetryAfter > wait {
		wait = min(se.RetryAfter, w.cfg.RetryMax)
	}
	fs.RetryAt = now.Add(wait)
	fs.LastError = err.Error()
	w.cfg.Log(fmt.Sprintf("%s: %v (failure %d; retrying after %s)", u, err, fs.Failures, wait.Round(time.Second)))
}

func (w *Watcher) okFeed(fs *FeedState) {
	fs.Failures, fs.RetryAt, fs.LastError = 0, time.Time{}, ""
}

// run turns jobs into results on Workers goroutines and hands them to
// each in job order.
func (w *Watcher) run(ctx context.Context, jobs []job, each func(result) error) error {
	if len(jobs) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	outs := make([]chan result, len(jobs))
	for i := range outs {
		outs[i] = make(chan result, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(w.cfg.Workers, len(jobs)) {
		wg.Go(func() {
			for i := range next {
				outs[i] <- w.article(ctx, jobs[i])
			}
		})
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	for i := range jobs {
		select {
		case r := <-outs[i]:
			if err := each(r); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// article fetches and extracts an item's page; without a link (or when the
// page holds no article) it takes the text the feed carries.
func (w *Watcher) article(ctx context.Context, j job) result {
	r := result{job: j}
	e := j.entry
	if e.Link == "" {
		a, ok := articleFromFeed(e, j.fs)
		r.article, r.noText, r.fromFeed = a, !ok, ok
		return r
	}
	resp := j.page
	if resp == nil {
		got, err := w.cfg.Fetcher.Get(ctx, e.Link, "", "")
		if err != nil {
			r.err = err
			return r
		}
		resp, r.fetched = &got, true
	}
	a, ok := articleFromPage(e, j.fs, resp)
	if !ok {
		a, ok = articleFromFeed(e, j.fs)
		r.fromFeed = ok
	}
	r.article, r.noText = a, !ok
	return r
}

func looksHTML(r Response) bool {
	ct := strings.ToLower(r.ContentType)
	if strings.Contains(ct, "html") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(r.Body[:min(len(r.Body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// articleFromPage extracts the article of a fetched item page.
func articleFromPage(e Entry, fs *FeedState, resp *Response) (dyad.Article, bool) {
	if !looksHTML(*resp) {
		return dyad.Article{}, false
	}
	page, err := ingest.ExtractHTML(resp.Body)
	if err != nil || strings.TrimSpace(page.Text) == "" {
		return dyad.Article{}, false
	}
	a := dyad.Article{
		ID:        e.ID,
		URL:       firstOf(page.URL, resp.URL, e.Link),
		Title:     firstOf(page.Title, e.Title),
		Outlet:    firstOf(page.SiteName, fs.Title),
		Published: firstOf(page.Published, e.Published),
		Language:  firstOf(page.Language, fs.Language),
		Text:      page.Text,
	}
	return a, true
}

// articleFromFeed builds an article from the text the feed carries.
func articleFromFeed(e Entry, fs *FeedState) (dyad.Article, bool) {
	text := strings.TrimSpace(e.Content)
	if text == "" {
		return dyad.Article{}, false
	}
	var page ingest.Page
	if strings.Contains(text, "<") {
		p, err := ingest.ExtractHTML([]byte(text))
		if err != nil {
			return dyad.Article{}, false
		}
		page, text = p, p.Text
	} else {
		text = strings.Join(strings.Fields(text), " ")
	}
	if strings.TrimSpace(text) == "" {
		return dyad.Article{}, false
	}
	return dyad.Article{
		ID:        e.ID,
		URL:       e.Link,
		Title:     e.Title,
		Outlet:    fs.Title,
		Published: firstOf(e.Published, page.Published),
		Language:  firstOf(fs.Language, page.Language),
		Text:      text,
	}, true
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
