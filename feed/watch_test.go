package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadproject/dyad/ingest"
)

// site is a local news site: an RSS feed whose items link to pages made
// from the ingest HTML fixtures; one page fails until fixed.
type site struct {
	srv      *httptest.Server
	mu       sync.Mutex
	feedHits int
	pageHits map[string]int
	broken   bool // /story/2 answers 500
	feedDown bool // the feed answers 502
	extra    bool // the feed lists a fourth item
}

func newSite(t *testing.T) *site {
	s := &site{pageHits: map[string]int{}, broken: true}
	pages := map[string]string{
		"/story/1": "01-news-article.html",
		"/story/2": "04-amp.html",
		"/story/3": "09-list-page.html", // no article: the feed's text is used
		"/story/4": "15-gallery.html",
	}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if r.URL.Path == "/rss.xml" {
			s.feedHits++
			if s.feedDown {
				w.WriteHeader(http.StatusBadGateway)
				return
			}
			etag := `"3"`
			if s.extra {
				etag = `"4"`
			}
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, s.rss())
			return
		}
		s.pageHits[r.URL.Path]++
		name, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/story/2" && s.broken {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "html", name))
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) rss() string {
	item := func(n int, title, desc string) string {
		return fmt.Sprintf("<item><title>%s</title><link>%s/story/%d</link><guid>story-%d</guid><pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate><description>%s</description></item>",
			title, s.srv.URL, n, n, n, desc)
	}
	items := item(1, "Moyale", "") + item(2, "Shoal", "") + item(3, "World", "A short summary the feed carries for the third story.")
	if s.extra {
		items += item(4, "Derna", "")
	}
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>` + s.srv.URL + `</link>` + items + `</channel></rss>`
}

func collectPoll(t *testing.T, w *Watcher) (PollStats, []string) {
	t.Helper()
	var got []string
	st, err := w.Poll(context.Background(), func(it ingest.Item) error {
		if it.Err != nil {
			t.Errorf("error item %v", it.Err)
		}
		a := it.Article
		got = append(got, a.ID+"|"+a.Title+"|"+a.Published+"|"+a.Outlet+"|"+strings.Fields(a.Text)[0])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, got
}

func TestWatcherPolls(t *testing.T) {
	s := newSite(t)
	clock := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	var logs []string
	w, err := NewWatcher(WatchConfig{
		Fetcher:     NewFetcher(FetchConfig{HostInterval: -1, AllowPrivate: true}),
		Log:         func(m string) { logs = append(logs, m) },
		MaxAttempts: 3,
		Now:         func() time.Time { return clock },
	}, []string{s.srv.URL + "/rss.xml"}, nil)
	if err != nil {
		t.Fatal(err)
	}

	// Poll 1: story 2 fails and waits; story 3's page is a list, so the
	// feed's own summary is used.
	st, got := collectPoll(t, w)
	want := []string{
		"story-1|Kenya and Ethiopia agree to reopen Moyale border crossing|2024-03-12|The Harbour Ledger|NAIROBI",
		"story-3|World|2024-01-03T10:00:00Z|Local Wire|A",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("poll 1 got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st.NewEntries != 3 || st.PageErrors != 1 || st.Articles != 2 || st.FromFeed != 1 || st.Pages != 2 {
		t.Errorf("poll 1 stats %+v", st)
	}
	if len(logs) != 1 || !strings.Contains(logs[0], "/story/2: ") || !strings.Contains(logs[0], "HTTP 500") || !strings.Contains(logs[0], "retried on the next poll") {
		t.Errorf("logs %q", logs)
	}

	// Poll 2: the feed is unchanged (304) but the failed page is retried
	// and now works.
	s.mu.Lock()
	s.broken = false
	s.mu.Unlock()
	clock = clock.Add(15 * time.Minute)
	st, got = collectPoll(t, w)
	if st.NotModified != 1 || st.Articles != 1 || len(got) != 1 || !strings.HasPrefix(got[0], "story-2|Philippine and Chinese vessels collide") {
		t.Errorf("poll 2: %+v %q", st, got)
	}

	// Poll 3: a new item appears; only it is fetched.
	s.mu.Lock()
	s.extra = true
	s.mu.Unlock()
	st, got = collectPoll(t, w)
	if st.NewEntries != 1 || len(got) != 1 || !strings.HasPrefix(got[0], "story-4|Flood waters recede") {
		t.Errorf("poll 3: %+v %q", st, got)
	}
	s.mu.Lock()
	for p, n := range s.pageHits {
		if want := map[string]int{"/story/1": 1, "/story/2": 2, "/story/3": 1, "/story/4": 1}[p]; n != want {
			t.Errorf("%s fetched %d times, want %d", p, n, want)
		}
	}
	s.mu.Unlock()

	// The feed goes down: the failure is logged, the feed is deferred
	// until its retry time, then asked again.
	s.mu.Lock()
	s.feedDown = true
	s.mu.Unlock()
	st, _ = collectPoll(t, w)
	if st.FeedErrors != 1 || !strings.Contains(logs[len(logs)-1], "HTTP 502") {
		t.Errorf("feed down: %+v %q", st, logs[len(logs)-1])
	}
	st, _ = collectPoll(t, w)
	if st.Deferred != 1 || st.FeedErrors != 0 {
		t.Errorf("deferred: %+v", st)
	}
	s.mu.Lock()
	s.feedDown = false
	s.mu.Unlock()
	clock = clock.Add(2 * time.Minute)
	st, got = collectPoll(t, w)
	if st.NotModified != 1 || st.Deferred != 0 || len(got) != 0 {
		t.Errorf("recovered: %+v %q", st, got)
	}
}

func TestWatcherGivesUpToFeedText(t *testing.T) {
	s := newSite(t)
	var logs []string
	w, _ := NewWatcher(WatchConfig{
		Fetcher:     NewFetcher(FetchConfig{HostInterval: -1, AllowPrivate: true}),
		Log:         func(m string) { logs = append(logs, m) },
		MaxAttempts: 2,
	}, []string{s.srv.URL + "/rss.xml"}, nil)
	collectPoll(t, w)
	st, got := collectPoll(t, w)
	// Story 2 has no text in the feed: after the last attempt it is dropped.
	if st.GaveUp != 1 || len(got) != 0 || st.PageErrors != 1 {
		t.Errorf("stats %+v, got %q", st, got)
	}
	if !strings.Contains(strings.Join(logs, "\n"), "item dropped") {
		t.Errorf("logs %q", logs)
	}
	st, _ = collectPoll(t, w)
	if st.PageErrors != 0 || st.Articles != 0 {
		t.Errorf("after giving up: %+v", st)
	}
}

func TestWatcherStrictRefusesLocalServer(t *testing.T) {
	s := newSite(t)
	var logs []string
	w, _ := NewWatcher(WatchConfig{
		Fetcher: NewFetcher(FetchConfig{HostInterval: -1}),
		Log:     func(m string) { logs = append(logs, m) },
	}, []string{s.srv.URL + "/rss.xml"}, nil)
	st, got := collectPoll(t, w)
	if st.FeedErrors != 1 || len(got) != 0 || len(logs) != 1 || !strings.Contains(logs[0], "--allow-private") {
		t.Errorf("stats %+v, logs %q", st, logs)
	}
	if s.feedHits != 0 {
		t.Errorf("the server was reached %d times", s.feedHits)
	}
}

func TestWatcherPageURLAndState(t *testing.T) {
	s := newSite(t)
	path := filepath.Join(t.TempDir(), "state.json")
	newW := func() *Watcher {
		st, err := LoadState(path)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := NewWatcher(WatchConfig{Fetcher: NewFetcher(FetchConfig{HostInterval: -1, AllowPrivate: true})},
			[]string{s.srv.URL + "/story/1"}, st)
		return w
	}
	w := newW()
	_, got := collectPoll(t, w)
	if len(got) != 1 || !strings.HasPrefix(got[0], s.srv.URL+"/story/1|Kenya and Ethiopia") {
		t.Errorf("page URL: %q", got)
	}
	if err := w.State().Save(path); err != nil {
		t.Fatal(err)
	}
	// A new run with the saved state adds nothing.
	_, got = collectPoll(t, newW())
	if len(got) != 0 {
		t.Errorf("second run: %q", got)
	}
}
