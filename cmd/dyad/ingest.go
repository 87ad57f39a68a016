package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
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
			"(recursively) and - for stdin. Re-running over the same sources adds nothing; an\n"+
			"interrupted run resumes where it stopped. Copies of stored stories and\n"+
			"non-English articles are stored and counted but not coded.")
	var in inputFlags
	in.register(fs)
	var db dbFlag
	db.register(fs)
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
	st, err := ingestInto(ctx, env, store, &in, *batch, func(emit func(ingest.Item) error) error {
		return readSources(ctx, env, sources, ingest.Options{Published: in.published}, emit)
	})
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
	eng, err := engine.New(engine.Config{DictDirs: in.dicts})
	if err != nil {
		return loader.Stats{}, err
	}
	l, err := loader.New(loader.Config{Store: store, BatchSize: batch, Warn: func(msg string) {
		fmt.Fprintf(env.Stderr, "dyad: %s\n", msg)
	}})
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
// directories) through package warc, everything else through ingest.
func readSources(ctx context.Context, env *Env, sources []string, opt ingest.Options, emit func(ingest.Item) error) error {
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
			if err := emit(ingest.Item{Source: src, Err: fmt.Errorf("%s: feed and URL sources are not supported yet", src)}); err != nil {
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
