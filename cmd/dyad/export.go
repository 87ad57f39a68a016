package main

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/export"
)

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "export", "[flags]",
		"Writes what a store holds to stdout: every event as each article reported it\n"+
			"(--what reports, FORMATS.md JSON Lines or TSV), the distinct events merged\n"+
			"across articles with GDELT-style NumArticles, NumSources and NumMentions\n"+
			"(--what events, TSV), or the quotes (--what quotes, JSON Lines).")
	var db dbFlag
	db.register(fs)
	what := fs.String("what", "reports", "`what` to export: reports, events or quotes")
	format := fs.String("format", "jsonl", "`format` of reports: jsonl or tsv")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	switch *what {
	case "reports", "events", "quotes":
	default:
		return usagef("--what %q: want reports, events or quotes", *what)
	}
	reports, ok := export.NewEventWriter(*format, env.Stdout)
	if !ok {
		return usagef("--format %q: want jsonl or tsv", *format)
	}
	store, _, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	switch *what {
	case "reports":
		err = store.Reports(ctx, func(r dyad.EventReport) error { return reports.WriteEvent(&r.Event) })
		if ferr := reports.Flush(); err == nil {
			err = ferr
		}
	case "quotes":
		w := export.NewJSONL(env.Stdout)
		err = store.Quotes(ctx, func(q dyad.Quote) error { return w.WriteQuote(&q) })
		if ferr := w.Flush(); err == nil {
			err = ferr
		}
	case "events":
		err = writeEventTable(ctx, env, store)
	}
	return err
}

// eventColumns are the columns of the merged event table, named after
// GDELT's where they mean the same.
var eventColumns = []string{
	"GlobalEventID", "Day", "DatePrecision", "Actor1Code", "Actor1Name", "Actor1CountryCode",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "Plover", "NumMentions", "NumSources", "NumArticles",
	"ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "FirstArticleID",
}

func writeEventTable(ctx context.Context, env *Env, store dyad.Store) error {
	w := bufio.NewWriter(env.Stdout)
	w.WriteString(strings.Join(eventColumns, "\t") + "\n")
	err := store.Events(ctx, func(se dyad.StoredEvent) error {
		e := se.Event
		var place, country, lat, lon string
		if e.Location != nil {
			place, country = e.Location.Name, e.Location.Country
			lat, lon = strconv.FormatFloat(e.Location.Lat, 'f', -1, 64), strconv.FormatFloat(e.Location.Lon, 'f', -1, 64)
		}
		cells := []string{
			strconv.FormatInt(se.ID, 10), strings.ReplaceAll(e.Date, "-", ""), e.DatePrecision,
			e.Source.Code, e.Source.Name, e.Source.Country, e.Target.Code, e.Target.Name, e.Target.Country,
			e.Code, e.Root, strconv.Itoa(e.Quad), strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.Plover,
			strconv.Itoa(se.NumMentions), strconv.Itoa(se.NumSources), strconv.Itoa(se.NumArticles),
			place, country, lat, lon, e.ArticleID,
		}
		for i, c := range cells {
			cells[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
		}
		_, err := fmt.Fprintln(w, strings.Join(cells, "\t"))
		return err
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}
