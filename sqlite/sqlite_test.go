package sqlite

import (
	"context"
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
	if err != nil || v != 1 {
		t.Errorf("schema version %d, %v; want 1", v, err)
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
