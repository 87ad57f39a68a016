package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/sqlstore"
	"github.com/dyadproject/dyad/storetest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "dyad.db"), Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store { return openTemp(t) })
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	s, err := Open(ctx, path, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(ctx, []dyad.Record{storetest.Original("k1", "a1", "alpha", "Text.")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ok, err := s.HasArticle(ctx, "k1"); !ok || err != nil {
		t.Errorf("after reopen HasArticle = %v, %v", ok, err)
	}
	v, err := sqlstore.SchemaVersion(ctx, s.DB)
	if err != nil || v != 4 {
		t.Errorf("schema version %d, %v; want 4", v, err)
	}
	var mode string
	if err := s.DB.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q, %v; want wal", mode, err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	s, err := Open(ctx, path, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (99, 'future', 'now')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path, Config{}); err == nil {
		t.Fatal("opened a database with a newer schema")
	}
}

func TestSearchArg(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"border truce", `"border" "truce"`},
		{`a "quoted" NEAR(x)`, `"a" "quoted" "NEAR" "x"`},
		{"  ", ""},
	} {
		if got := searchArg(tc.in); got != tc.want {
			t.Errorf("searchArg(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A store written by schema version 1 gets its evidence indexed when it
// is upgraded, so text search finds events stored before the upgrade.
func TestUpgradeIndexesOldEvidence(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := sqlstore.ReadMigrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if err := sqlstore.Migrate(ctx, db, Dialect(), ms[:1]); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO stories VALUES (1, 'k1', 'h', x'', 0)`,
		`INSERT INTO articles VALUES (1, 'k1', 1, 'a1', '', '', '', '', '', '', 'Text.', 'coded', '', 'a1.txt', 'now')`,
		`INSERT INTO events VALUES (1, 'm', 0, '2024-05-14', 'day', '040', '04', 1, 1, 'CONSULT', 'VALGOV', 'VAL', 'GOV', '',
			'KESGOV', 'KES', 'GOV', '', '', '', 0, 0, 1)`,
		`INSERT INTO event_mentions VALUES (1, 1, 1, 1, 1, '{"article_id":"a1","code":"040","evidence":[{"sentence":0,"start":0,"end":9,"text":"Envoys met"},{"sentence":2,"start":20,"end":30,"text":"in Geneva"}]}')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, words := range []string{"envoys", "Geneva met"} {
		page, err := s.QueryEvents(ctx, dyad.EventQuery{EventFilter: dyad.EventFilter{Text: words}})
		if err != nil || len(page.Events) != 1 {
			t.Errorf("text %q after upgrade: %+v, %v", words, page.Events, err)
		}
	}
}

// Text filters give the same events whether they collect the evidence
// matches (few) or test events one by one (many).
func TestTextFilterStrategies(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	defer s.Close()
	var recs []dyad.Record
	for i, text := range []string{"Troops crossed the border at dawn.", "The border talks resumed.", "Wheat exports rose.",
		"Border guards and troops met.", "Talks about wheat and the border."} {
		id := fmt.Sprintf("a%d", i)
		e := storetest.Event(id, "VALGOV", "KESGOV", "040", fmt.Sprintf("2024-05-%02d", 10+i))
		e.Evidence = []dyad.Evidence{{Start: 0, End: len(text), Text: text}}
		recs = append(recs, storetest.Original("k"+id, id, "o", text, e))
	}
	if _, err := s.Write(ctx, recs); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"border", "troops border", "wheat", "BORDER talks", "bord", "submarine"} {
		var got []string
		for _, max := range []int{1000, 1} {
			s.Store.EvidenceSetMax = max
			page, err := s.QueryEvents(ctx, dyad.EventQuery{EventFilter: dyad.EventFilter{Text: q}, Desc: true})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range page.Events {
				ids = append(ids, h.Event.ArticleID)
			}
			got = append(got, fmt.Sprint(ids))
		}
		if got[0] != got[1] {
			t.Errorf("%q: collected %s, tested one by one %s", q, got[0], got[1])
		}
	}
}
