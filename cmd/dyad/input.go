package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"runtime"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/ingest"
)

// samplesPath is the embedded default input, coded when no input is named.
const samplesPath = "samples/articles.jsonl"

// inputFlags are the flags every article-reading command shares.
type inputFlags struct {
	published string
	workers   int
	dicts     stringList
	quiet     bool
}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.published, "published", "", "publication date `YYYY-MM-DD` for articles that carry none")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "articles coded in parallel")
	fs.Var(&f.dicts, "dict", "user dictionary `DIR` extending the built-in tables (repeatable)")
	fs.BoolVar(&f.quiet, "quiet", false, "do not print notes (e.g. missing publication dates) on stderr")
}

func (f *inputFlags) check() error {
	if f.published != "" {
		if _, _, err := dyad.ParseDate(f.published); err != nil {
			return usagef("--published: %v", err)
		}
	}
	if f.workers < 1 {
		return usagef("--workers must be at least 1")
	}
	return nil
}

// source reads the named inputs, or the embedded samples when none is named.
func (f *inputFlags) source(ctx context.Context, env *Env, paths []string) engine.Source {
	opt := ingest.Options{Published: f.published}
	if len(paths) == 0 {
		return func(emit func(ingest.Item) error) error {
			raw, err := fs.ReadFile(data.FS, samplesPath)
			if err != nil {
				return err
			}
			if !f.quiet {
				fmt.Fprintf(env.Stderr, "dyad: no input named; coding the embedded sample articles (%s%s)\n", data.Prefix, samplesPath)
			}
			return ingest.ReadKind(bytes.NewReader(raw), ingest.KindJSONL, data.Prefix+samplesPath, "", opt, emit)
		}
	}
	return func(emit func(ingest.Item) error) error {
		return ingest.Read(ctx, paths, env.Stdin, opt, emit)
	}
}

// failures counts articles that could not be read or coded.
type failures struct{ failed, total int }

func (e failures) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// eachDoc codes the inputs with an engine built from cfg and calls each
// for every coded Doc, in input order. Unreadable or failed articles are
// reported on stderr, one line each, and the run goes on; the result says
// how many failed.
func (f *inputFlags) eachDoc(ctx context.Context, env *Env, paths []string, cfg engine.Config, each func(*dyad.Doc) error) error {
	cfg.DictDirs = f.dicts
	eng, err := engine.New(cfg)
	if err != nil {
		return err
	}
	var n failures
	err = eng.Run(ctx, f.workers, f.source(ctx, env, paths), func(r engine.Result) error {
		n.total++
		if r.Err != nil {
			n.failed++
			fmt.Fprintf(env.Stderr, "dyad: %v\n", r.Err)
			return nil
		}
		if !f.quiet {
			for _, note := range r.Doc.Notes {
				fmt.Fprintf(env.Stderr, "dyad: %s: note: %s\n", r.Item.Source, note)
			}
		}
		return each(r.Doc)
	})
	if err != nil {
		return err
	}
	if n.failed > 0 {
		return n
	}
	return nil
}
