package main

import (
	"bytes"
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
)

// newsSite serves an RSS feed whose two items link to pages made from the
// ingest HTML fixtures; etag-aware.
func newsSite(t *testing.T) (*httptest.Server, *int) {
	t.Helper()
	var mu sync.Mutex
	pageHits := 0
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/rss.xml":
			if r.Header.Get("If-None-Match") == `"1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"1"`)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Moyale</title><link>%[1]s/a/1</link><guid>a1</guid></item>
<item><title>Derna</title><link>%[1]s/a/2</link><guid>a2</guid></item>
<item><title>Gone</title><link>%[1]s/a/404</link><guid>a3</guid></item>
</channel></rss>`, srv.URL)
		case "/a/1", "/a/2":
			pageHits++
			name := map[string]string{"/a/1": "01-news-article.html", "/a/2": "15-gallery.html"}[r.URL.Path]
			data, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "html", name))
			if err != nil {
				t.Error(err)
			}
			w.Header().Set("Content-Type", "text/html")
			w.Write(data)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &pageHits
}

func TestIngestFeedURL(t *testing.T) {
	srv, _ := newsSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	list := writeTemp(t, dir, "desk.feeds", "# local\n"+srv.URL+"/rss.xml\n")

	// Without --allow-private the loopback server is refused at dial time.
	var errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &errb}
	err := runIngest(context.Background(), env, []string{"--db", db, "--host-interval", "0", srv.URL + "/rss.xml"})
	if err == nil || !strings.Contains(errb.String(), "refusing a private, loopback or reserved address") {
		t.Errorf("strict ingest: err %v, stderr %s", err, errb.String())
	}

	errb.Reset()
	err = runIngest(context.Background(), env, []string{"--db", db, "--allow-private", "--host-interval", "0", list})
	// The third item's page is missing: one failure, the run goes on.
	if _, ok := err.(failures); !ok {
		t.Fatalf("err = %v, want 1 failure\n%s", err, errb.String())
	}
	out := errb.String()
	if !strings.Contains(out, "/a/404: ") || !strings.Contains(out, "HTTP 404") || !strings.Contains(out, "stored 2: 2 coded") {
		t.Errorf("stderr:\n%s", out)
	}
}

func TestWatchPollsAndRemembers(t *testing.T) {
	srv, pageHits := newsSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	watch := func() string {
		var errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &errb}
		err := runWatch(context.Background(), env, []string{"--db", db, "--allow-private", "--host-interval", "0",
			"--every", "1s", "--polls", "2", srv.URL + "/rss.xml"})
		if err != nil {
			t.Fatalf("watch: %v\n%s", err, errb.String())
		}
		return errb.String()
	}
	start := time.Now()
	out := watch()
	if !strings.Contains(out, "poll 1: 1 feeds (0 not modified") || !strings.Contains(out, "2 articles") ||
		!strings.Contains(out, "poll 2: 1 feeds (1 not modified") || !strings.Contains(out, "retried on the next poll") {
		t.Errorf("first watch:\n%s", out)
	}
	if time.Since(start) < time.Second {
		t.Errorf("two polls %s apart, want --every 1s", time.Since(start))
	}
	if _, err := os.Stat(filepath.Join(dir, "dyad.watch.json")); err != nil {
		t.Errorf("state file: %v", err)
	}
	// A restarted watch keeps its state: no page is fetched again.
	before := *pageHits
	out = watch()
	if *pageHits != before || !strings.Contains(out, "poll 1: 1 feeds (1 not modified") {
		t.Errorf("restart fetched %d pages:\n%s", *pageHits-before, out)
	}
	var so bytes.Buffer
	if err := runStats(context.Background(), &Env{Stdin: strings.NewReader(""), Stdout: &so, Stderr: &bytes.Buffer{}}, []string{"--db", db}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(so.String(), "articles    2 in 2 stories: 2 coded") {
		t.Errorf("stats:\n%s", so.String())
	}
}
