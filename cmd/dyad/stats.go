package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyadproject/dyad"
)

// storeStats is what dyad stats reports.
type storeStats struct {
	Store  string      `json:"store"`
	Counts dyad.Counts `json:"counts"`
	// Over the distinct events:
	Dated     int               `json:"dated"`
	FirstDay  string            `json:"first_day"`
	LastDay   string            `json:"last_day"`
	ByQuad    map[int]int       `json:"by_quad"`
	ByRoot    map[string]int    `json:"by_root"`
	Countries map[string]int    `json:"countries"` // events per country code, either side
	Outlets   int               `json:"multi_source_events"`
	TopActors []dyad.ActorCount `json:"top_actors"`
}

func runStats(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "stats", "[flags]",
		"Summarises a store: articles by what became of them (coded, not English, failed,\n"+
			"exact and near copies), stories, distinct events and reports, quotes; the events'\n"+
			"date range, QuadClass and root shares, the most frequent countries and actors.")
	var db dbFlag
	db.register(fs)
	asJSON := fs.Bool("json", false, "write the summary as one JSON object")
	top := fs.Int("top", 10, "how many roots, countries and actors to list")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *top < 1 {
		return usagef("--top must be at least 1")
	}
	store, where, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := collectStats(ctx, store, *top)
	if err != nil {
		return err
	}
	st.Store = where
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	writeStats(env.Stdout, st, *top)
	return nil
}

func collectStats(ctx context.Context, store dyad.Store, top int) (storeStats, error) {
	st := storeStats{ByQuad: map[int]int{}, ByRoot: map[string]int{}, Countries: map[string]int{}}
	var err error
	if st.Counts, err = store.Counts(ctx); err != nil {
		return st, err
	}
	err = store.Events(ctx, func(se dyad.StoredEvent) error {
		e := &se.Event
		if e.Date != "" {
			st.Dated++
			if st.FirstDay == "" || e.Date < st.FirstDay {
				st.FirstDay = e.Date
			}
			if e.Date > st.LastDay {
				st.LastDay = e.Date
			}
		}
		st.ByQuad[e.Quad]++
		st.ByRoot[e.Root]++
		for _, c := range uniq(e.Source.Country, e.Target.Country) {
			st.Countries[c]++
		}
		if se.NumSources > 1 {
			st.Outlets++
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	st.TopActors, err = store.TopActors(ctx, dyad.ActorQuery{Limit: top})
	return st, err
}

func uniq(a, b string) []string {
	switch {
	case a == "" && b == "":
		return nil
	case a == "" || a == b:
		return []string{b}
	case b == "":
		return []string{a}
	}
	return []string{a, b}
}

func pct(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
}

// ranked lists map entries by count (then key), at most n.
func ranked(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys[:min(n, len(keys))]
}

func writeStats(w io.Writer, st storeStats, top int) {
	c := st.Counts
	fmt.Fprintf(w, "store       %s\n", st.Store)
	fmt.Fprintf(w, "articles    %d in %d stories: %d coded, %d not English, %d failed, %d exact copies, %d near copies\n",
		c.Articles, c.Stories, c.Coded, c.NotEnglish, c.Failed, c.ExactCopies, c.NearCopies)
	fmt.Fprintf(w, "events      %d distinct from %d reports (%d reported by more than one outlet); %d quotes\n",
		c.Events, c.EventMentions, st.Outlets, c.Quotes)
	if c.Events == 0 {
		return
	}
	if st.Dated > 0 {
		fmt.Fprintf(w, "dates       %s to %s (%s of events dated)\n", st.FirstDay, st.LastDay, pct(st.Dated, c.Events))
	} else {
		fmt.Fprintf(w, "dates       none resolved\n")
	}
	quads := []string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
	var q []string
	for i, name := range quads {
		q = append(q, fmt.Sprintf("%s %s", name, pct(st.ByQuad[i+1], c.Events)))
	}
	fmt.Fprintf(w, "quad class  %s\n", strings.Join(q, " · "))
	var roots []string
	for _, r := range ranked(st.ByRoot, top) {
		roots = append(roots, fmt.Sprintf("%s %s", r, pct(st.ByRoot[r], c.Events)))
	}
	fmt.Fprintf(w, "roots       %s\n", strings.Join(roots, " · "))
	var countries []string
	for _, k := range ranked(st.Countries, top) {
		countries = append(countries, fmt.Sprintf("%s %d", k, st.Countries[k]))
	}
	if len(countries) > 0 {
		fmt.Fprintf(w, "countries   %s\n", strings.Join(countries, " · "))
	}
	var actors []string
	for _, a := range st.TopActors {
		name := a.Code
		if a.Name != "" && a.Name != a.Code {
			name += " (" + a.Name + ")"
		}
		actors = append(actors, fmt.Sprintf("%s %d", name, a.AsSource+a.AsTarget))
	}
	if len(actors) > 0 {
		fmt.Fprintf(w, "actors      %s\n", strings.Join(actors, " · "))
	}
}
