package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("Ministers of the two countries met in Geneva on Tuesday and said that the talks would go on."), 0o644)
	os.WriteFile(filepath.Join(in, "b.jsonl"), []byte(
		`{"id":"b1","published":"2024-05-14","outlet":"Ledger","text":"Ministers of the two countries met in Geneva on Tuesday and said that the talks would go on."}`+"\n"+
			`{"id":"b2","published":"2024-05-14","text":"Les ministres se sont réunis mardi à Genève et ont dit que les discussions allaient continuer avec les deux pays."}`+"\n"), 0o644)
	db := filepath.Join(dir, "dyad.db")
	run := func() string {
		var stderr bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &stderr}
		if err := runIngest(context.Background(), env, []string{"--db", db, in}); err != nil {
			t.Fatalf("ingest: %v\n%s", err, stderr.String())
		}
		return stderr.String()
	}
	first := run()
	if !strings.Contains(first, "3 read") || !strings.Contains(first, "stored 3: 1 coded") ||
		!strings.Contains(first, "1 not English, 1 exact") {
		t.Errorf("first run: %s", first)
	}
	if second := run(); !strings.Contains(second, "3 already stored; stored 0") {
		t.Errorf("second run: %s", second)
	}
}

func TestIngestNeedsASource(t *testing.T) {
	env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	err := runIngest(context.Background(), env, []string{"--db", filepath.Join(t.TempDir(), "x.db")})
	if _, ok := err.(usageError); !ok {
		t.Errorf("err = %v, want a usage error", err)
	}
}

func TestRedactDSN(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@host/db": "postgres://u:***@host/db",
		"postgres://u@host/db":        "postgres://u@host/db",
		"/tmp/dyad.db":                "/tmp/dyad.db",
	} {
		if got := redactDSN(in); got != want {
			t.Errorf("redactDSN(%q) = %q, want %q", in, got, want)
		}
	}
}
