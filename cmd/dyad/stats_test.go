package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ingest/loader"
	"github.com/dyadproject/dyad/sqlite"
	"github.com/dyadproject/dyad/storetest"
)

func TestStats(t *testing.T) {
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
	var out bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &bytes.Buffer{}}
	if err := runStats(ctx, env, []string{"--db", db}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"articles    3 in 2 stories: 2 coded, 0 not English, 0 failed, 1 exact copies, 0 near copies",
		"events      2 distinct from 2 reports (1 reported by more than one outlet); 0 quotes",
		"dates       2024-05-14 to 2024-06-01 (100% of events dated)",
		"roots       04 50% · 19 50%",
		"countries   KES 1 · RUS 1 · UKR 1 · VAL 1",
	}
	for _, w := range want {
		if !strings.Contains(out.String(), w+"\n") {
			t.Errorf("missing %q in\n%s", w, out.String())
		}
	}
	out.Reset()
	if err := runStats(ctx, env, []string{"--db", db, "--json"}); err != nil {
		t.Fatal(err)
	}
	var js storeStats
	if err := json.Unmarshal(out.Bytes(), &js); err != nil || js.Counts.Events != 2 || js.ByRoot["19"] != 1 || js.LastDay != "2024-06-01" {
		t.Errorf("json %+v %v", js, err)
	}
}

func TestProgressLines(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, false)
	p.LogEvery = 0
	p.update(loaderStatsForTest())
	p.warn("x.txt: bad")
	p.finish()
	got := buf.String()
	if !strings.Contains(got, "dyad: progress: 3 articles (") || !strings.Contains(got, "/s), 7 events, 1 errors, 2 stored") ||
		!strings.Contains(got, "dyad: x.txt: bad\n") || strings.Contains(got, "\r") {
		t.Errorf("progress output %q", got)
	}
	quiet := newProgress(&buf, true)
	buf.Reset()
	quiet.update(loaderStatsForTest())
	if buf.Len() != 0 {
		t.Errorf("quiet progress wrote %q", buf.String())
	}
}

func loaderStatsForTest() loader.Stats {
	return loader.Stats{Read: 2, ReadErrors: 1, Events: 7, Written: 2}
}
