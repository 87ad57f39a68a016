package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	exportpkg "github.com/dyadproject/dyad/export"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/storetest"
	"github.com/parquet-go/parquet-go"
)

func TestExportFromStore(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "dyad.db")
	s, err := sqlite.Open(ctx, db, sqlite.Config{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Write(ctx, []dyad.Record{
		storetest.Original("k1", "a1", "alpha", "One.", storetest.Event("a1", "VALGOV", "KESGOV", "040", "2024-05-14")),
		storetest.Copy("k2", "a2", "beta", "k1", true),
		storetest.Original("k3", "a3", "gamma", "Two.", storetest.Event("a3", "VALGOV", "KESGOV", "040", "2024-05-15")),
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	export := func(args ...string) string {
		var out, errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
		if err := runExport(ctx, env, append([]string{"--db", db}, args...)); err != nil {
			t.Fatalf("export %v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	if got := export("--what", "reports"); strings.Count(got, "\n") != 2 || !strings.Contains(got, `"article_id":"a3"`) {
		t.Errorf("reports:\n%s", got)
	}
	lines := strings.Split(strings.TrimSpace(export("--what", "events")), "\n")
	if len(lines) != 2 {
		t.Fatalf("events table:\n%s", strings.Join(lines, "\n"))
	}
	want := "1\t20240514\tday\tVALGOV\tVALGOV\tVAL\tKESGOV\tKESGOV\tKES\t040\t04\t1\t1\tCONSULT\t3\t3\t3\t\t\t\t\ta1\thttps://alpha.example/a1"
	if lines[1] != want {
		t.Errorf("event row\n got %q\nwant %q", lines[1], want)
	}
}

func TestExportFormatsAndFilters(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "dyad.db")
	s, err := sqlite.Open(ctx, db, sqlite.Config{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Write(ctx, []dyad.Record{
		storetest.Original("k1", "a1", "alpha", "One.", storetest.Event("a1", "VALGOV", "KESGOV", "040", "2024-05-14")),
		storetest.Copy("k2", "a2", "beta", "k1", true),
		storetest.Original("k3", "a3", "gamma", "Two.", storetest.Event("a3", "RUSMIL", "UKRMIL", "190", "2024-06-01")),
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	export := func(args ...string) string {
		var out, errb bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
		if err := runExport(ctx, env, append([]string{"--db", db}, args...)); err != nil {
			t.Fatalf("export %v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}

	// GDELT: 61 tab-separated columns, no header, codes as strings.
	rows := strings.Split(strings.TrimSpace(export("--format", "gdelt")), "\n")
	if len(rows) != 2 {
		t.Fatalf("gdelt rows %q", rows)
	}
	for _, r := range rows {
		if f := strings.Split(r, "\t"); len(f) != 61 {
			t.Errorf("%d columns", len(f))
		}
	}
	if f := strings.Split(rows[1], "\t"); f[1] != "20240601" || f[5] != "RUSMIL" || f[26] != "190" || f[27] != "190" || f[28] != "19" || f[29] != "1" || f[33] != "1" || f[60] != "https://gamma.example/a3" {
		t.Errorf("gdelt row 2 %q", f)
	}
	if h := strings.SplitN(export("--format", "gdelt", "--header"), "\n", 2)[0]; !strings.HasPrefix(h, "GLOBALEVENTID\tSQLDATE\t") || !strings.HasSuffix(h, "DATEADDED\tSOURCEURL") {
		t.Errorf("gdelt header %q", h)
	}

	// Filters.
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"--country", "RUS"}, 1},
		{[]string{"--country", "KES"}, 1},
		{[]string{"--country", "USA"}, 0},
		{[]string{"--since", "2024-05-15"}, 1},
		{[]string{"--until", "2024-05-14"}, 1},
		{[]string{"--root", "04"}, 1},
		{[]string{"--code", "19"}, 1},
		{[]string{"--since", "2024-01-01", "--until", "2024-12-31"}, 2},
	} {
		got := strings.TrimSpace(export(append([]string{"--format", "gdelt"}, tc.args...)...))
		n := 0
		if got != "" {
			n = len(strings.Split(got, "\n"))
		}
		if n != tc.want {
			t.Errorf("%v: %d rows, want %d", tc.args, n, tc.want)
		}
		reports := strings.TrimSpace(export(append([]string{"--what", "reports"}, tc.args...)...))
		if m := len(jsonLines(t, reports)); m != tc.want {
			t.Errorf("%v reports: %d, want %d", tc.args, m, tc.want)
		}
	}

	// PLOVER records.
	pl := jsonLines(t, export("--format", "plover", "--root", "19"))
	if len(pl) != 1 || pl[0]["event"] != "CONSULT" || pl[0]["context"] != "military" || pl[0]["cameo"] != "190" || pl[0]["id"] != "dyad-2" {
		t.Errorf("plover %v", pl)
	}

	// CSV reads back with encoding/csv.
	recs, err := csv.NewReader(strings.NewReader(export("--what", "events", "--format", "csv"))).ReadAll()
	if err != nil || len(recs) != 3 || recs[0][0] != "GlobalEventID" || recs[2][9] != "190" {
		t.Errorf("csv %q %v", recs, err)
	}

	// Parquet reads back.
	pq := filepath.Join(t.TempDir(), "events.parquet")
	export("--what", "events", "--format", "parquet", "--out", pq)
	evs, err := parquet.ReadFile[exportpkg.ParquetEvent](pq)
	if err != nil || len(evs) != 2 || evs[0].Code != "040" || evs[0].NumArticles != 2 || evs[1].SourceCountry != "RUS" {
		t.Errorf("parquet %+v %v", evs, err)
	}

	// Wrong combinations are usage errors.
	for _, args := range [][]string{{"--what", "quotes", "--format", "gdelt"}, {"--format", "xml"}, {"--what", "reports", "--format", "plover"}, {"--since", "May"}} {
		env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
		if _, ok := runExport(ctx, env, append([]string{"--db", db}, args...)).(usageError); !ok {
			t.Errorf("%v: want a usage error", args)
		}
	}
}
