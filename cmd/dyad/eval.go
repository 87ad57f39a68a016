package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/eval"
)

func runEval(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "eval", "[flags] GOLD.jsonl",
		"Scores events against a gold file (FORMATS.md §4) and prints precision, recall and F1\n"+
			"at root, code and actor level, and for quotes, as ../shared/eval/score.py does.\n"+
			"Without --events it codes the gold articles first; with it, it scores that file.")
	var in inputFlags
	in.register(fs)
	eventsPath := fs.String("events", "", "score the events in `FILE` (JSON Lines) instead of coding the gold articles")
	quotesPath := fs.String("quotes", "", "with --events: also score the quotes in `FILE` (JSON Lines)")
	verbose := fs.Bool("v", false, "list false positives and misses, with their sentences, on stderr")
	level := fs.String("level", eval.LevelCode, "`level` whose false positives and misses -v lists: root, code or actor")
	asJSON := fs.Bool("json", false, "print one JSON object, as score.py --json does")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("want one gold file, got %d arguments", len(paths))
	}
	if err := in.check(); err != nil {
		return err
	}
	if *quotesPath != "" && *eventsPath == "" {
		return usagef("--quotes needs --events (when dyad codes the articles, it scores its own quotes)")
	}
	switch *level {
	case eval.LevelRoot, eval.LevelCode, eval.LevelActor:
	default:
		return usagef("--level %q: want root, code or actor", *level)
	}
	goldPath := paths[0]
	gold, err := readWith(goldPath, eval.ReadGold)
	if err != nil {
		return err
	}

	var events []eval.Prediction
	var quotes []eval.QuotePrediction
	var codeErr error
	if *eventsPath != "" {
		if events, err = readWith(*eventsPath, eval.ReadEvents); err != nil {
			return err
		}
		if *quotesPath != "" {
			if quotes, err = readWith(*quotesPath, eval.ReadQuotes); err != nil {
				return err
			}
		}
	} else {
		quotes = []eval.QuotePrediction{}
		codeErr = in.eachDoc(ctx, env, []string{goldPath}, engine.Config{}, func(d *dyad.Doc) error {
			for i := range d.Events {
				p := eval.FromEvent(&d.Events[i])
				if p.ArticleID == "" {
					p.ArticleID = d.Article.ID
				}
				events = append(events, p)
			}
			for i := range d.Quotes {
				q := eval.FromQuote(&d.Quotes[i])
				if q.ArticleID == "" {
					q.ArticleID = d.Article.ID
				}
				quotes = append(quotes, q)
			}
			return nil
		})
		var fail failures
		if codeErr != nil && !errors.As(codeErr, &fail) {
			return codeErr // the run itself failed; failed articles are scored as uncoded
		}
	}

	if !in.quiet {
		noteStray(env.Stderr, gold, events)
	}
	r := eval.Score(gold, events, quotes)
	if *asJSON {
		err = r.WriteJSON(env.Stdout)
	} else {
		err = r.WriteText(env.Stdout)
	}
	if err != nil {
		return err
	}
	if *verbose {
		if err := r.WriteFindings(env.Stderr, r.Level(*level)); err != nil {
			return err
		}
	}
	return codeErr
}

// readWith opens path and reads it with one of package eval's readers.
func readWith[T any](path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}

// noteStray says when events name articles the gold does not have: they
// are ignored, and a mismatched pair of files would otherwise just score 0.
func noteStray(w io.Writer, gold []eval.Gold, events []eval.Prediction) {
	ids := make(map[string]bool, len(gold))
	for _, g := range gold {
		ids[g.Article.ID] = true
	}
	stray := 0
	for _, e := range events {
		if !ids[e.ArticleID] {
			stray++
		}
	}
	if stray > 0 {
		fmt.Fprintf(w, "dyad eval: note: %d of %d events are for articles not in the gold file; they are not scored\n", stray, len(events))
	}
}
