package petrarch

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
)

var showRecords = flag.Bool("petrarch.records", false, "log each unit-test record: expected codings, dyad's events, match levels")

// knownImportErrors is how many lines of PETRARCH's validation
// dictionaries have no dyad form: agent codes that are no CAMEO agent
// (CHRCPT, MOP, BAH, MUS x3, GGS, BED, WGO), the actor codes G77 and +++,
// and BOROMIR, whose only code is the null code.
const knownImportErrors = 12

// catRow is one row of the by-category table.
type catRow struct {
	records, expected, exact, root, actors, found, extra int
	// silent counts records that expect no event (noevents or an error)
	// and silentOK those where dyad coded none.
	silent, silentOK int
}

func (r *catRow) add(o catRow) {
	r.records += o.records
	r.expected += o.expected
	r.exact += o.exact
	r.root += o.root
	r.actors += o.actors
	r.found += o.found
	r.extra += o.extra
	r.silent += o.silent
	r.silentOK += o.silentOK
}

// TestPetrarchUnitTests imports PETRARCH's validation dictionaries, codes
// the 284 unit-test records with them and dyad's own event patterns, and
// logs how many expected codings dyad reproduces by category: exact (the
// event code and both actors' country and first agent), root (CAMEO root
// and both countries), actors (an event with both actors, whatever its
// code) and in text (both actors among the mentions, event or not: what
// the imported dictionaries alone carry).
// There is no
// accuracy threshold (issue 4): the test fails only when the import
// reports more unconvertible lines than the known ones, or when nothing at
// all is reproduced.
func TestPetrarchUnitTests(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "eval", "petrarch2-unittest")
	ctx := context.Background()
	out := t.TempDir()
	res, err := Import(ctx, ImportConfig{
		ActorFiles: []string{filepath.Join(dir, "PETR.Validate.actors.txt")},
		AgentFiles: []string{filepath.Join(dir, "PETR.Validate.agents.txt")},
		OutDir:     out,
	})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	skipped := 0
	for _, r := range res {
		t.Logf("import %s: %d lines: %d converted as they were, %d with a loss, %d not converted; %d dyad lines",
			r.File, r.Read, r.Converted, r.LossyLines, r.SkippedLines, len(r.Lines))
		skipped += r.SkippedLines
	}
	if skipped > knownImportErrors {
		for _, r := range res {
			for _, e := range r.Skipped {
				t.Log(e)
			}
		}
		t.Errorf("import: %d lines not converted, want at most %d", skipped, knownImportErrors)
	}

	f, err := os.Open(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := ReadRecords(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	codings := 0
	for _, r := range recs {
		codings += len(r.Codings)
	}
	if len(recs) != 284 || codings != 385 {
		t.Fatalf("read %d records with %d codings, want 284 and 385", len(recs), codings)
	}

	eng, err := engine.New(engine.Config{DictDirs: []string{out}})
	if err != nil {
		t.Fatalf("engine with the imported dictionaries: %v", err)
	}
	rows := map[string]*catRow{}
	for _, rec := range recs {
		pub, err := rec.Published()
		if err != nil {
			t.Fatal(err)
		}
		doc, err := eng.Code(ctx, dyad.Article{ID: rec.ID, Published: pub, Text: rec.Text})
		if err != nil {
			t.Fatalf("%s: %v", rec.ID, err)
		}
		exp := rec.Expected()
		o := Compare(exp, doc.Events)
		row := catRow{records: 1, expected: len(exp), exact: o.Exact, root: o.Root, actors: o.Actors,
			found: Found(exp, doc.Mentions), extra: o.Extra}
		if len(exp) == 0 {
			row.silent = 1
			if len(doc.Events) == 0 {
				row.silentOK = 1
			}
		}
		if rows[rec.Category] == nil {
			rows[rec.Category] = &catRow{}
		}
		rows[rec.Category].add(row)
		if *showRecords {
			t.Log(describe(rec, exp, o, doc))
		}
	}
	var total catRow
	var b strings.Builder
	fmt.Fprintf(&b, "PETRARCH unit-test records coded by dyad (validation dictionaries imported, dyad's own event patterns)\n")
	fmt.Fprintf(&b, "%-10s %7s %8s %12s %12s %12s %12s %6s %12s\n", "category", "records", "expected", "exact", "root", "actors", "in text", "extra", "no-event ok")
	cats := make([]string, 0, len(rows))
	for c := range rows {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	line := func(name string, r *catRow) {
		fmt.Fprintf(&b, "%-10s %7d %8d %5d %5.1f%% %5d %5.1f%% %5d %5.1f%% %5d %5.1f%% %6d %5d of %3d\n", name, r.records, r.expected,
			r.exact, pct(r.exact, r.expected), r.root, pct(r.root, r.expected), r.actors, pct(r.actors, r.expected),
			r.found, pct(r.found, r.expected), r.extra, r.silentOK, r.silent)
	}
	for _, c := range cats {
		line(c, rows[c])
		total.add(*rows[c])
	}
	line("total", &total)
	t.Log(b.String())
	if total.exact == 0 {
		t.Errorf("dyad reproduced none of the %d expected codings", total.expected)
	}
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// describe is one record's line for -petrarch.records.
func describe(rec Record, exp []Coding, o Outcome, doc *dyad.Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s\n", rec.ID, rec.Category, rec.Text)
	fmt.Fprintf(&b, "    actors in text for %d of %d codings\n", Found(exp, doc.Mentions), len(exp))
	for i, c := range exp {
		fmt.Fprintf(&b, "    want %s %s %s: %s\n", c.Source, c.Target, c.Event, o.Levels[i])
	}
	for _, c := range rec.Codings {
		switch {
		case c.NoEvents:
			b.WriteString("    want no events\n")
		case c.Error != "":
			fmt.Fprintf(&b, "    want error %s (no events)\n", c.Error)
		}
	}
	for _, e := range doc.Events {
		fmt.Fprintf(&b, "    got  %s %s %s (%s)\n", orDash(e.Source.Code), orDash(e.Target.Code), e.Code, e.Rule)
	}
	b.WriteString("    actors:")
	for _, m := range doc.Mentions {
		fmt.Fprintf(&b, " %q=%s", doc.Slice(m.Span), orDash(m.Actor.Code))
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "---"
	}
	return s
}

// TestImportPhoenix imports PETRARCH's operational Phoenix dictionaries
// (../shared/reference) as a user migrating from PETRARCH would: the
// folder must load, and the coverage is logged.
func TestImportPhoenix(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 67,000 dictionary lines")
	}
	dir := filepath.Join(sharedDir(t), "reference", "petrarch2-dictionaries")
	var actors []string
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		actors = append(actors, filepath.Join(dir, f))
	}
	res, err := Import(context.Background(), ImportConfig{
		ActorFiles: actors,
		AgentFiles: []string{filepath.Join(dir, "Phoenix.agents.txt")},
		OutDir:     t.TempDir(),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		t.Logf("%s: %d lines: %d converted as they were, %d with a loss, %d not converted; %d dyad lines",
			r.File, r.Read, r.Converted, r.LossyLines, r.SkippedLines, len(r.Lines))
		if len(r.Lines) == 0 || r.SkippedLines*10 > r.Read {
			t.Errorf("%s: %d dyad lines, %d of %d lines not converted", r.File, len(r.Lines), r.SkippedLines, r.Read)
		}
	}
}
