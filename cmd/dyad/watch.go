package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyadproject/dyad/feed"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/sqlite"
)

// fetchFlags set how URLs are fetched (dyad ingest and dyad watch).
type fetchFlags struct {
	allowPrivate bool
	userAgent    string
	timeout      time.Duration
	maxBytes     int64
	hostInterval time.Duration
}

func (f *fetchFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching from loopback, private and other non-public addresses")
	fs.StringVar(&f.userAgent, "user-agent", feed.DefaultUserAgent, "User-Agent `header` for fetches")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit per fetch")
	fs.Int64Var(&f.maxBytes, "max-bytes", 8<<20, "size cap per fetched feed or page, in `bytes`")
	fs.DurationVar(&f.hostInterval, "host-interval", 2*time.Second, "least time between two requests to one host")
}

func (f *fetchFlags) fetcher() *feed.Fetcher {
	interval := f.hostInterval
	if interval <= 0 {
		interval = -1
	}
	return feed.NewFetcher(feed.FetchConfig{
		UserAgent: f.userAgent, Timeout: f.timeout, MaxBytes: f.maxBytes,
		HostInterval: interval, AllowPrivate: f.allowPrivate,
	})
}

func runWatch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "watch", "[flags] FEED...",
		"Polls feeds and stores their new articles, coded, until interrupted. A FEED is an\n"+
			"RSS, Atom or JSON Feed URL, or a feed list (.opml, or .feeds with one URL a line).\n"+
			"Each poll asks every feed with a conditional GET (ETag, Last-Modified), follows\n"+
			"the new items' links to their pages and codes them. A failed fetch is logged and\n"+
			"retried on a later poll (failing feeds back off); it never stops the watch.\n"+
			"What was seen is kept in --state, so a restarted watch goes on where it was.")
	var in inputFlags
	in.register(fs)
	var db dbFlag
	db.register(fs)
	var fetch fetchFlags
	fetch.register(fs)
	every := fs.Duration("every", 15*time.Minute, "time between polls")
	statePath := fs.String("state", "", "watch state `FILE` (default: next to the SQLite store, or dyad/watch-state.json in the user data directory)")
	polls := fs.Int("polls", 0, "stop after this many polls (0: run until interrupted)")
	batch := fs.Int("batch", 200, "articles per database transaction")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	if len(sources) == 0 {
		return usagef("name at least one feed URL or feed list")
	}
	if *every < time.Second {
		return usagef("--every must be at least 1s")
	}
	var feeds []string
	for _, src := range sources {
		switch {
		case isURL(src):
			feeds = append(feeds, src)
		case isFeedList(src) || fileExists(src):
			urls, err := readFeedList(src)
			if err != nil {
				return usageError{err.Error()}
			}
			feeds = append(feeds, urls...)
		default:
			return usagef("%q is neither an http(s) URL nor a feed list file", src)
		}
	}
	store, where, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	if *statePath == "" {
		*statePath, err = defaultStatePath(store, where)
		if err != nil {
			return err
		}
	}
	state, err := feed.LoadState(*statePath)
	if err != nil {
		return err
	}
	logf := func(format string, a ...any) {
		fmt.Fprintf(env.Stderr, "%s dyad watch: %s\n", time.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, a...))
	}
	w, err := feed.NewWatcher(feed.WatchConfig{Fetcher: fetch.fetcher(), Log: func(msg string) { logf("%s", msg) }}, feeds, state)
	if err != nil {
		return err
	}
	logf("watching %d feeds every %s into %s (state %s)", len(feeds), *every, where, *statePath)
	for n := 1; ; n++ {
		var ps feed.PollStats
		st, err := ingestInto(ctx, &Env{Stdin: env.Stdin, Stdout: env.Stdout, Stderr: env.Stderr}, store, &in, *batch, func(emit func(ingest.Item) error) error {
			var perr error
			ps, perr = w.Poll(ctx, emit)
			return perr
		})
		if serr := w.State().Save(*statePath); serr != nil {
			logf("saving state: %v", serr)
		}
		if err != nil {
			if ctx.Err() != nil {
				logf("stopped; stored batches are kept")
				return nil
			}
			return err // the store failed: that one is fatal
		}
		logf("poll %d: %s; %s", n, ps, st)
		if *polls > 0 && n >= *polls {
			return nil
		}
		t := time.NewTimer(*every)
		select {
		case <-ctx.Done():
			t.Stop()
			logf("stopped")
			return nil
		case <-t.C:
		}
	}
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// defaultStatePath puts the watch state next to a SQLite store, else in
// the user data directory.
func defaultStatePath(store any, where string) (string, error) {
	if s, ok := store.(*sqlite.Store); ok {
		return strings.TrimSuffix(s.Path(), filepath.Ext(s.Path())) + ".watch.json", nil
	}
	dir, err := userDataDir()
	if err != nil {
		return "", errors.New("no --state given and no user data directory")
	}
	return filepath.Join(dir, "dyad", "watch-state.json"), nil
}
