package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Env is the outside world a subcommand may touch.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands is the subcommand table, in the order help lists them.
func commands() []command {
	return []command{
		{"code", "code articles into events (JSON Lines or TSV)", runCode},
		{"sentences", "print the sentences of articles with byte offsets", runSentences},
		{"tokens", "print tokens with offsets, tags and lemmas", runTokens},
		{"places", "print the places articles name, resolved with coordinates", runPlaces},
		{"actors", "print actor mentions with spans, codes and rules", runActors},
		{"eval", "score events against a gold file (precision, recall, F1)", runEval},
		{"dict", "check user dictionaries (dict check DIR); import PETRARCH ones (dict import-petrarch)", runDict},
		{"ingest", "code new articles and store them with their events (SQLite or PostgreSQL)", runIngest},
		{"export", "write a store's events as GDELT, PLOVER, JSON Lines, TSV, CSV or Parquet", runExport},
		{"serve", "serve the JSON API and web UI over a store (reading needs no login)", runServe},
		{"watch", "poll feeds and store their new articles, coded (conditional GET, retries)", runWatch},
		{"stats", "summarise a store: articles, stories, events, dates, roots, actors", runStats},
		{"bench", "measure ingest speed on generated articles (dyad bench ingest)", runBench},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // something failed: an article, a file, the run
	exitUsage   = 2 // the command line was wrong
	helpCommand = "help"
)

// usageError marks a bad command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Main runs the command line args and returns the exit status.
func Main(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == helpCommand || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return Main(ctx, env, []string{args[1], "-h"})
		}
		printUsage(env.Stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		var ue usageError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(env.Stderr, "dyad %s: %v\nRun 'dyad %s -h' for usage.\n", c.name, err, c.name)
			return exitUsage
		default:
			fmt.Fprintf(env.Stderr, "dyad %s: %v\n", c.name, err)
			return exitFailed
		}
	}
	fmt.Fprintf(env.Stderr, "dyad: unknown command %q\n\n", args[0])
	printUsage(env.Stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "dyad turns news text into political event data.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: dyad COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'dyad COMMAND -h' for a command's flags.")
}

// newFlagSet makes a subcommand's flag set that reports errors instead of
// exiting, with a usage line.
func newFlagSet(env *Env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: dyad %s %s\n\n%s\n\nFlags:\n", name, args, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses flags that may come before, between or after the
// positional arguments, as users type them; "--" ends flag parsing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
