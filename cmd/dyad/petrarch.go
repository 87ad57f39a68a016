package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyadproject/dyad/petrarch"
)

// fileList is a flag that may be given more than once.
type fileList []string

func (f *fileList) String() string { return strings.Join(*f, ",") }

func (f *fileList) Set(s string) error {
	*f = append(*f, s)
	return nil
}

// runDictImportPetrarch is `dyad dict import-petrarch`: it converts
// PETRARCH/TABARI actor and agent dictionaries into a dyad user
// dictionary folder, printing every line it cannot convert (and, with -v,
// every line converted with a loss) as file:line: reason on stderr.
func runDictImportPetrarch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "dict import-petrarch", "[--agents FILE] [--out DIR] ACTORFILE...",
		"import-petrarch converts PETRARCH/TABARI actor dictionaries (and agent dictionaries given\n"+
			"with --agents) into a dyad user dictionary folder DIR/actors/*.txt, one table per input\n"+
			"file, for `dyad code --dict DIR`. Lines it cannot convert are printed as file:line: reason;\n"+
			"-v also prints what was lost on lines converted in part (extra agent parts, prefix agents,\n"+
			"'NAME WORD' gaps). PETRARCH verb dictionaries are not read: dyad codes events with its own\n"+
			"patterns.")
	var agents fileList
	fs.Var(&agents, "agents", "PETRARCH agent dictionary `FILE` (may be repeated)")
	out := fs.String("out", ".", "user dictionary `DIR` to write (tables go to DIR/actors/)")
	kind := fs.String("kind", "auto", "dyad kind of every actor entry (country, person, group, org, …); auto chooses by code")
	verbose := fs.Bool("v", false, "also print lines converted with a loss")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 && len(agents) == 0 {
		return usagef("want one or more actor dictionary files (or --agents FILE)")
	}
	opt := petrarch.Options{Kind: *kind}
	if err := opt.Check(); err != nil {
		return usagef("--kind: %v", err)
	}
	res, err := petrarch.Import(ctx, petrarch.ImportConfig{
		ActorFiles: rest,
		AgentFiles: agents,
		OutDir:     *out,
		Options:    opt,
	})
	for _, r := range res {
		for _, e := range r.Skipped {
			fmt.Fprintln(env.Stderr, e.Error())
		}
		if *verbose {
			for _, e := range r.Lossy {
				fmt.Fprintf(env.Stderr, "%s:%d: converted with a loss: %s\n", e.File, e.Line, e.Msg)
			}
		}
	}
	for _, r := range res {
		fmt.Fprintf(env.Stdout, "%s: %d dyad lines from %d lines of %s (%d as they were, %d with a loss, %d not converted)\n",
			r.Output, len(r.Lines), r.Read, r.File, r.Converted, r.LossyLines, r.SkippedLines)
	}
	return err
}
