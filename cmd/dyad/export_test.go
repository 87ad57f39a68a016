package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/storetest"
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
	want := "1\t20240514\tday\tVALGOV\tVALGOV\tVAL\tKESGOV\tKESGOV\tKES\t040\t04\t1\t1\tCONSULT\t3\t3\t3\t\t\t\t\ta1"
	if lines[1] != want {
		t.Errorf("event row\n got %q\nwant %q", lines[1], want)
	}
}
