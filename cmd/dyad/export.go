package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/export"
	"github.com/dyadproject/dyad/ontology"
)

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export", "[flags]",
		"Writes what a store holds. --what reports: every event as each article reported\n"+
			"it (FORMATS.md). --what events: the distinct events merged across articles, with\n"+
			"GDELT-style NumArticles, NumSources and NumMentions. --what quotes: the quotes.\n\n"+
			"Formats: jsonl, tsv, csv and parquet (reports or events); gdelt, the GDELT 2.0\n"+
			"event table's 61 tab-separated columns, and plover, PLOVER JSON records (events).\n"+
			"Filters select events by day, country (either actor or the place), CAMEO code\n"+
			"prefix and root.")
	var db dbFlag
	db.register(fs)
	what := fs.String("what", "", "`what` to export: reports, events or quotes (default events for gdelt and plover, else reports)")
	format := fs.String("format", "", "`format`: jsonl, tsv, csv, parquet, gdelt or plover (default jsonl; tsv for --what events)")
	out := fs.String("out", "", "write to `FILE` instead of stdout")
	header := fs.Bool("header", false, "gdelt: start with a row of column names (GDELT's files have none)")
	var f export.Filter
	fs.StringVar(&f.Since, "since", "", "only events on or after `YYYY-MM-DD`")
	fs.StringVar(&f.Until, "until", "", "only events on or before `YYYY-MM-DD`")
	fs.StringVar(&f.Country, "country", "", "only events with this `CODE` (RUS, IGO…) on either side or as the place")
	fs.StringVar(&f.Code, "code", "", "only events whose CAMEO code starts with `DIGITS` (03, 031, 0312)")
	fs.StringVar(&f.Root, "root", "", "only events of this CAMEO `ROOT` (01–20)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if err := f.Check(); err != nil {
		return usageError{err.Error()}
	}
	if *what == "" {
		*what = "reports"
		if *format == "gdelt" || *format == "plover" {
			*what = "events"
		}
	}
	if *format == "" {
		*format = "jsonl"
		if *what == "events" {
			*format = "tsv"
		}
	}
	if err := checkExportCombination(*what, *format); err != nil {
		return err
	}
	if *what == "quotes" && f != (export.Filter{}) {
		return usagef("the filters select events; they do not apply to --what quotes")
	}

	store, _, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()

	w := env.Stdout
	var file *os.File
	if *out != "" {
		file, err = os.Create(*out)
		if err != nil {
			return err
		}
		w = file
	}
	n, err := writeExport(ctx, store, w, *what, *format, f, *header)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	if *out != "" {
		fmt.Fprintf(env.Stderr, "dyad export: %d %s written to %s (%s)\n", n, *what, *out, *format)
	}
	return nil
}

func checkExportCombination(what, format string) error {
	ok := map[string][]string{
		"reports": {"jsonl", "tsv", "csv", "parquet"},
		"events":  {"jsonl", "tsv", "csv", "parquet", "gdelt", "plover"},
		"quotes":  {"jsonl"},
	}
	formats, known := ok[what]
	if !known {
		return usagef("--what %q: want reports, events or quotes", what)
	}
	for _, f := range formats {
		if f == format {
			return nil
		}
	}
	switch format {
	case "jsonl", "tsv", "csv", "parquet", "gdelt", "plover":
		return usagef("--format %s does not fit --what %s (it takes %v)", format, what, formats)
	}
	return usagef("--format %q: want jsonl, tsv, csv, parquet, gdelt or plover", format)
}

// writeExport writes the selection and returns how many rows it wrote.
func writeExport(ctx context.Context, store dyad.Store, w io.Writer, what, format string, f export.Filter, header bool) (int, error) {
	n := 0
	switch what {
	case "quotes":
		jw := export.NewJSONL(w)
		err := store.Quotes(ctx, func(q dyad.Quote) error { n++; return jw.WriteQuote(&q) })
		return n, firstErr(err, jw.Flush())
	case "reports":
		if format == "parquet" {
			pw := export.NewParquetReports(w)
			err := store.Reports(ctx, func(r dyad.EventReport) error {
				if !f.Match(&r.Event) {
					return nil
				}
				n++
				return pw.Add(export.ParquetReportFrom(&r.Event))
			})
			return n, firstErr(err, pw.Close())
		}
		rw, _ := export.NewEventWriter(format, w)
		err := store.Reports(ctx, func(r dyad.EventReport) error {
			if !f.Match(&r.Event) {
				return nil
			}
			n++
			return rw.WriteEvent(&r.Event)
		})
		return n, firstErr(err, rw.Flush())
	}

	// Merged events.
	var add func(h *dyad.EventHit) error
	var done func() error
	switch format {
	case "gdelt":
		g := export.NewGDELT(w, header)
		add, done = g.WriteEvent, g.Flush
	case "plover":
		table, err := ontology.Load()
		if err != nil {
			return 0, err
		}
		p := export.NewPlover(w, func(code string) (string, string) {
			c, ok := table.Lookup(code)
			if !ok {
				return "", ""
			}
			return c.Plover.Mode, c.Plover.Context
		})
		add, done = p.WriteEvent, p.Flush
	case "parquet":
		p := export.NewParquetEvents(w)
		add = func(h *dyad.EventHit) error { return p.Add(export.ParquetEventFrom(h)) }
		done = p.Close
	case "csv":
		c := export.NewCSV(w, export.EventColumns, export.EventRow)
		add, done = c.WriteEvent, c.Flush
	case "tsv":
		t := export.NewTSV(w)
		started := false
		add = func(h *dyad.EventHit) error {
			if !started {
				started = true
				if err := t.WriteRow(export.EventColumns); err != nil {
					return err
				}
			}
			return t.WriteRow(export.EventRow(h))
		}
		done = func() error {
			if !started {
				t.WriteRow(export.EventColumns)
			}
			return t.Flush()
		}
	case "jsonl":
		j := export.NewJSONL(w)
		add = func(h *dyad.EventHit) error { m := export.MergedJSONFrom(h); return j.Write(&m) }
		done = j.Flush
	}
	err := eachMergedEvent(ctx, store, f, func(h *dyad.EventHit) error { n++; return add(h) })
	return n, firstErr(err, done())
}

// eachMergedEvent pages through the store's merged events in id order.
func eachMergedEvent(ctx context.Context, store dyad.Store, f export.Filter, fn func(*dyad.EventHit) error) error {
	q := dyad.EventQuery{EventFilter: f.StoreFilter(), Sort: dyad.SortID, Limit: 1000}
	for {
		page, err := store.QueryEvents(ctx, q)
		if err != nil {
			return err
		}
		for i := range page.Events {
			if f.Match(&page.Events[i].Event) {
				if err := fn(&page.Events[i]); err != nil {
					return err
				}
			}
		}
		if page.Next == "" {
			return nil
		}
		q.Cursor = page.Next
	}
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
