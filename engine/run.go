package engine

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ingest"
)

// Result is one input item after coding: Doc is set when the article was
// coded, Err when it could not be read or coded.
type Result struct {
	Item ingest.Item
	Doc  *dyad.Doc
	Err  error
}

// Source feeds items to the runner by calling emit for each; it stops when
// emit returns an error.
type Source func(emit func(ingest.Item) error) error

type job struct {
	item ingest.Item
	out  chan Result
}

// Run codes every item from src on workers goroutines (0 means one per
// CPU) and calls emit with the results in input order. A failed article
// yields a Result with Err and the run goes on; Run returns early only when
// ctx ends, src fails, or emit returns an error.
func (e *Engine) Run(ctx context.Context, workers int, src Source, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job)
	order := make(chan chan Result, 4*workers)
	var srcErr error
	go func() {
		defer close(order)
		defer close(jobs)
		srcErr = src(func(it ingest.Item) error {
			out := make(chan Result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			if it.Err != nil {
				out <- Result{Item: it, Err: it.Err}
				return nil
			}
			select {
			case jobs <- job{item: it, out: out}:
				return nil
			case <-ctx.Done():
				out <- Result{Item: it, Err: ctx.Err()}
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				d, err := e.codeSafely(ctx, j.item.Article)
				j.out <- Result{Item: j.item, Doc: d, Err: err}
			}
		})
	}
	defer wg.Wait()

	var emitErr error
	for out := range order {
		r := <-out
		if emitErr != nil {
			continue
		}
		if err := emit(r); err != nil {
			emitErr = err
			cancel()
		}
	}
	if emitErr != nil {
		return emitErr
	}
	if srcErr != nil && srcErr != ctx.Err() {
		return srcErr
	}
	return ctx.Err()
}

// codeSafely codes one article, turning a panic in a stage into an error
// for that article so one bad input cannot end a long run.
func (e *Engine) codeSafely(ctx context.Context, a dyad.Article) (d *dyad.Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			d, err = nil, fmt.Errorf("internal error coding %q: %v (please report)\n%s", a.ID, p, debug.Stack())
		}
	}()
	return e.Code(ctx, a)
}
