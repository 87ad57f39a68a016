package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/feed"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/ingest/loader"
	"github.com/dyadproject/dyad/postgres"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/warc"
)

// dbFlag is the --db flag the store commands share.
type dbFlag struct{ target string }

func (f *dbFlag) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&f.target, "db", "", "store: a SQLite file `PATH`, or a postgres:// URL (default $DYAD_DB, else dyad.db in the user data directory)")
}

// open opens the store the flag names.
func (f *dbFlag) open(ctx context.Context) (dyad.Store, string, error) {
	target := f.target
	if target == "" {
		target = os.Getenv("DYAD_DB")
	}
	if target == "" {
		dir, err := userDataDir()
		if err != nil {
			return nil, "", fmt.Errorf("no --db given and no user data directory: %w", err)
		}
		target = filepath.Join(dir, "dyad", "dyad.db")
	}
	if strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://") {
		s, err := openPostgres(ctx, target)
		return s, redactDSN(target), err
	}
	s, err := sqlite.Open(ctx, target, sqlite.Config{})
	return s, target, err
}

// userDataDir is where per-user application data lives: XDG_DATA_HOME or
// ~/.local/share on Unix, Application Support on macOS, LocalAppData on
// Windows.
func userDataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return os.UserConfigDir()
	case "darwin", "ios":
		return os.UserConfigDir()
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// redactDSN hides a password in a connection URL before it is printed.
func redactDSN(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	cred := dsn[scheme+3 : at]
	if user, _, ok := strings.Cut(cred, ":"); ok {
		return dsn[:scheme+3] + user + ":***" + dsn[at:]
	}
	return dsn
}

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "ingest", "[flags] SOURCE...",
		"Reads articles, codes the new ones and stores them with their events and quotes.\n"+
			"Sources are .txt, .jsonl, .html, .warc and .warc.gz files, directories\n"+
			"(recursively), - for stdin, feed or page URLs (http:// or https://; a feed's\n"+
			"items are fetched once), and feed lists (.opml, or .feeds with one URL a line).\n"+
			"Re-running over the same sources adds nothing; an interrupted run resumes where\n"+
			"it stopped. Copies of stored stories and non-English articles are stored and\n"+
			"counted but not coded. A progress line shows on a terminal, log lines otherwise.")
	var in inputFlags
	in.register(fs)
	var db dbFlag
	db.register(fs)
	var fetch fetchFlags
	fetch.register(fs)
	batch := fs.Int("batch", 200, "articles per database transaction")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	if len(sources) == 0 {
		return usagef("name at least one source (a file, a directory, - for stdin, or a feed URL)")
	}
	if *batch < 1 {
		return usagef("--batch must be at least 1")
	}
	store, where, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	fetcher := fetch.fetcher()
	prog := newProgress(env.Stderr, in.quiet)
	st, err := ingestWith(ctx, env, store, &in, *batch, prog, func(emit func(ingest.Item) error) error {
		return readSourcesWith(ctx, env, sources, ingest.Options{Published: in.published}, fetcher, emit)
	})
	prog.finish()
	if !in.quiet || err != nil {
		fmt.Fprintf(env.Stderr, "dyad ingest: %s into %s\n", st, where)
	}
	if err != nil {
		return err
	}
	if st.ReadErrors > 0 {
		return failures{failed: st.ReadErrors, total: st.Read + st.ReadErrors}
	}
	return nil
}

// ingestInto codes and stores the items of src with the default pipeline.
func ingestInto(ctx context.Context, env *Env, store dyad.Store, in *inputFlags, batch int, src loader.Source) (loader.Stats, error) {
	return ingestWith(ctx, env, store, in, batch, nil, src)
}

// ingestWith is ingestInto with a progress display (nil for none).
func ingestWith(ctx context.Context, env *Env, store dyad.Store, in *inputFlags, batch int, prog *progress, src loader.Source) (loader.Stats, error) {
	eng, err := engine.New(engine.Config{DictDirs: in.dicts})
	if err != nil {
		return loader.Stats{}, err
	}
	warn := func(msg string) { fmt.Fprintf(env.Stderr, "dyad: %s\n", msg) }
	var onStats func(loader.Stats)
	if prog != nil {
		warn, onStats = prog.warn, prog.update
	}
	l, err := loader.New(loader.Config{Store: store, BatchSize: batch, Warn: warn, Progress: onStats})
	if err != nil {
		return loader.Stats{}, err
	}
	run := func(ctx context.Context, src loader.Source, emit func(loader.Coded) error) error {
		return eng.Run(ctx, in.workers, engine.Source(src), func(r engine.Result) error {
			return emit(loader.Coded{Item: r.Item, Doc: r.Doc, Err: r.Err})
		})
	}
	st, err := l.Load(ctx, run, src)
	if errors.Is(err, context.Canceled) {
		return st, fmt.Errorf("interrupted; stored batches are kept and a re-run resumes: %w", err)
	}
	return st, err
}

func openPostgres(ctx context.Context, dsn string) (dyad.Store, error) {
	return postgres.Open(ctx, dsn, postgres.Config{})
}

// readSources reads each source in order: WARC files (also inside
// directories) through package warc, everything else through ingest. URLs
// and feed lists are refused: readSourcesWith takes a fetcher for them.
func readSources(ctx context.Context, env *Env, sources []string, opt ingest.Options, emit func(ingest.Item) error) error {
	return readSourcesWith(ctx, env, sources, opt, nil, emit)
}

// isURL reports an http(s) source.
func isURL(src string) bool {
	return strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://")
}

// isFeedList reports a file of feed URLs: .opml, or .feeds (one URL a line).
func isFeedList(src string) bool {
	ext := strings.ToLower(filepath.Ext(src))
	return ext == ".opml" || ext == ".feeds"
}

// readSourcesWith is readSources that also fetches URL sources (feeds,
// whose items are followed, or pages) and the feeds of feed lists, once,
// with fetcher.
func readSourcesWith(ctx context.Context, env *Env, sources []string, opt ingest.Options, fetcher *feed.Fetcher, emit func(ingest.Item) error) error {
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		if isURL(src) || isFeedList(src) {
			urls := []string{src}
			if !isURL(src) {
				var err error
				if urls, err = readFeedList(src); err != nil {
					if err := emit(ingest.Item{Source: src, Err: err}); err != nil {
						return err
					}
					continue
				}
			}
			if fetcher == nil {
				if err := emit(ingest.Item{Source: src, Err: fmt.Errorf("%s: URL sources need a fetcher", src)}); err != nil {
					return err
				}
				continue
			}
			if err := fetchOnce(ctx, fetcher, urls, emit); err != nil {
				return err
			}
			continue
		}
		var err error
		switch info, statErr := os.Stat(src); {
		case src != "-" && statErr == nil && info.IsDir():
			err = readDir(ctx, env, src, opt, emit)
		case warc.IsWARC(src):
			err = warc.ReadFile(src, warc.Options{Options: opt}, emit)
		default:
			err = ingest.Read(ctx, []string{src}, env.Stdin, opt, emit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readDir reads a directory's articles with ingest, then its WARC files in
// lexical order.
func readDir(ctx context.Context, env *Env, dir string, opt ingest.Options, emit func(ingest.Item) error) error {
	if err := ingest.Read(ctx, []string{dir}, env.Stdin, opt, emit); err != nil {
		return err
	}
	var warcs []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && warc.IsWARC(p) {
			warcs = append(warcs, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range warcs { // WalkDir visits in lexical order
		if err := warc.ReadFile(p, warc.Options{Options: opt}, emit); err != nil {
			return err
		}
	}
	return nil
}

// readFeedList reads a file of feed URLs.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return feed.ReadList(f, path)
}

// fetchOnce polls the feeds (or pages) once and emits their articles. A
// failure becomes an error item, so that ingest counts it; nothing is
// retried (dyad watch retries).
func fetchOnce(ctx context.Context, fetcher *feed.Fetcher, urls []string, emit func(ingest.Item) error) error {
	var failures []string
	w, err := feed.NewWatcher(feed.WatchConfig{Fetcher: fetcher, MaxAttempts: 1, Log: func(msg string) {
		failures = append(failures, msg)
	}}, urls, nil)
	if err != nil {
		return err
	}
	if _, err := w.Poll(ctx, emit); err != nil {
		return err
	}
	for _, msg := range failures {
		if err := emit(ingest.Item{Source: strings.SplitN(msg, ": ", 2)[0], Err: errors.New(msg)}); err != nil {
			return err
		}
	}
	return nil
}

// progress shows how an ingest run goes: a line redrawn in place on a
// terminal, a plain log line every LogEvery otherwise.
type progress struct {
	w     io.Writer
	tty   bool
	quiet bool
	start time.Time

	mu       sync.Mutex
	last     time.Time
	shown    bool
	LogEvery time.Duration
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet, start: time.Now(), LogEvery: 10 * time.Second}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	p.last = p.start
	return p
}

// line is the progress text for st.
func (p *progress) line(st loader.Stats, now time.Time) string {
	done := st.Read + st.ReadErrors
	secs := now.Sub(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(done) / secs
	}
	return fmt.Sprintf("%d articles (%.0f/s), %d events, %d errors, %d stored, %d copies, %d not English, %s",
		done, rate, st.Events, st.ReadErrors+st.Failed, st.Written, st.ExactCopies+st.NearCopies, st.NotEnglish,
		now.Sub(p.start).Round(time.Second))
}

func (p *progress) update(st loader.Stats) {
	if p == nil || p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	every := p.LogEvery
	if p.tty {
		every = 200 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[Kdyad: %s", p.line(st, now))
		p.shown = true
		return
	}
	fmt.Fprintf(p.w, "dyad: progress: %s\n", p.line(st, now))
}

// warn prints a warning on its own line, above the progress line.
func (p *progress) warn(msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
	fmt.Fprintf(p.w, "dyad: %s\n", msg)
}

// finish clears the progress line before the summary.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}
