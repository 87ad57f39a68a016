package main

import (
	"context"
	"fmt"
	"os"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/export"
)

func runCode(ctx context.Context, env *Env, args []string) (err error) {
	fs := newFlagSet(env, "code", "[flags] [FILE|DIR|-]...",
		"Codes articles into events, written to stdout. Inputs are .txt (one article),\n"+
			".jsonl (one article per line), .html files, directories (recursively) and - for\n"+
			"stdin. With no input, codes the sample articles embedded in dyad.")
	var in inputFlags
	in.register(fs)
	format := fs.String("format", "jsonl", "output `format`: jsonl or tsv")
	quotesPath := fs.String("quotes", "", "also write quotes as JSON Lines to `FILE`")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	events, ok := export.NewEventWriter(*format, env.Stdout)
	if !ok {
		return usagef("--format %q: want jsonl or tsv", *format)
	}
	var quotes *export.JSONL
	if *quotesPath != "" {
		f, err := os.Create(*quotesPath)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		quotes = export.NewJSONL(f)
		defer func() {
			if ferr := quotes.Flush(); err == nil && ferr != nil {
				err = ferr
			}
		}()
	}
	runErr := in.eachDoc(ctx, env, paths, engine.Config{}, func(d *dyad.Doc) error {
		for i := range d.Events {
			if err := events.WriteEvent(&d.Events[i]); err != nil {
				return err
			}
		}
		if quotes != nil {
			for i := range d.Quotes {
				if err := quotes.WriteQuote(&d.Quotes[i]); err != nil {
					return err
				}
			}
		}
		return events.Flush()
	})
	if err := events.Flush(); err != nil && runErr == nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return runErr
}
