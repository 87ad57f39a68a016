package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/ingest/loader"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/web"
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "serve", "[flags]",
		"Serves the JSON API (documented at /openapi.json) and the web UI over a store.\n"+
			"Reading needs no login. POST /api/articles codes and stores articles and\n"+
			"needs the bearer token given with --token or $DYAD_TOKEN; without one the\n"+
			"server takes no writes. An empty SQLite store first gets the sample articles.")
	var db dbFlag
	db.register(fs)
	var in inputFlags
	in.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
	token := fs.String("token", "", "bearer `TOKEN` for POST /api/articles (default $DYAD_TOKEN)")
	samples := fs.Bool("samples", true, "load the embedded sample articles into an empty SQLite store")
	maxBody := fs.Int64("max-body", 8<<20, "largest request body in `bytes`")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if err := in.check(); err != nil {
		return err
	}
	if *token == "" {
		*token = os.Getenv("DYAD_TOKEN")
	}
	if *maxBody < 1024 {
		return usagef("--max-body must be at least 1024")
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))
	store, where, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()

	if _, embedded := store.(*sqlite.Store); embedded && *samples {
		c, err := store.Counts(ctx)
		if err != nil {
			return err
		}
		if c.Articles == 0 {
			quiet := in
			quiet.quiet = true
			st, err := ingestInto(ctx, env, store, &quiet, 200, loader.Source(in.source(ctx, env, nil)))
			if err != nil {
				return fmt.Errorf("loading the sample articles: %w", err)
			}
			log.Info("the store was empty: loaded the embedded sample articles", "from", "data/samples/articles.jsonl",
				"articles", st.Written, "events", st.Events, "quotes", st.Quotes)
		}
	}
	annotator, err := engine.New(engine.Config{Through: "actor", DictDirs: in.dicts})
	if err != nil {
		return err
	}
	coder, err := engine.New(engine.Config{DictDirs: in.dicts})
	if err != nil {
		return err
	}
	srv, err := web.New(web.Config{Store: store, Annotator: annotator, Coder: coder, Token: *token,
		MaxBody: *maxBody, Workers: in.workers, Log: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := web.NewHTTPServer(*addr, srv)
	writes := "off (no --token or DYAD_TOKEN)"
	if *token != "" {
		writes = "on, with the bearer token"
	}
	log.Info("dyad serve: listening", "url", "http://"+ln.Addr().String()+"/", "store", where, "writes", writes)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err = hs.Shutdown(shut)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	log.Info("dyad serve: stopped")
	return err
}
