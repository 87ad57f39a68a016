package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/dict"
)

// errDictInvalid is returned (exit status 1) after the bad lines were
// printed.
var errDictInvalid = errors.New("dictionary has errors")

func runDict(ctx context.Context, env *Env, args []string) error {
	// import-petrarch has flags of its own, so it is dispatched before
	// check's flags are parsed.
	if len(args) > 0 && args[0] == "import-petrarch" {
		return runDictImportPetrarch(ctx, env, args[1:])
	}
	fs := newFlagSet(env, "dict", "check [DIR]",
		"check validates a user dictionary folder (DIR/actors/*.txt and, when present, the word\n"+
			"classes in DIR/actors/grammar.tsv; default \".\") the way the engine loads it, and prints\n"+
			"every bad line as file:line: reason.")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 || rest[0] != "check" {
		return usagef("want a subcommand: dict check [DIR] or dict import-petrarch [--agents FILE] --out DIR ACTORFILE...")
	}
	if len(rest) > 2 {
		return usagef("dict check takes one folder, got %d", len(rest)-1)
	}
	dir := "."
	if len(rest) == 2 {
		dir = rest[1]
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = actor.Check(dir)
	var list dict.ErrorList
	switch {
	case err == nil:
		fmt.Fprintf(env.Stdout, "%s: ok\n", dir)
		return nil
	case errors.As(err, &list):
		for _, e := range list {
			fmt.Fprintln(env.Stderr, e.Error())
		}
		return fmt.Errorf("%w: %d bad line(s)", errDictInvalid, len(list))
	}
	return err
}
