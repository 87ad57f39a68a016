package postgres

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/storetest"
)

// The tests need a server: DYAD_TEST_POSTGRES is a DSN whose user may
// create schemas (.ci/postgres.sh starts one on loopback and sets it).
const dsnEnv = "DYAD_TEST_POSTGRES"

var schemaSeq atomic.Int64

func openTest(t *testing.T) *Store {
	s, _ := openSchema(t)
	return s
}

// openSchema opens a store in a new schema, dropped when the test ends.
func openSchema(t *testing.T) (*Store, string) {
	t.Helper()
	dsn := os.Getenv(dsnEnv)
	if dsn == "" {
		t.Skip("set " + dsnEnv + " to a PostgreSQL DSN to run the PostgreSQL store tests")
	}
	ctx := context.Background()
	schema := fmt.Sprintf("dyadtest_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, schemaSeq.Add(1))
	s, err := Open(ctx, dsn, Config{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// The suite has closed s by now: drop the schema over a new connection.
		c, err := Open(ctx, dsn, Config{Schema: schema})
		if err == nil {
			_, err = c.DB.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close()
		}
		if err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	return s, schema
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store { return openTest(t) })
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	s, schema := openSchema(t)
	if _, err := s.Write(ctx, []dyad.Record{storetest.Original("k1", "a1", "alpha", "Text.")}); err != nil {
		t.Fatal(err)
	}
	// Opening again finds the schema current, migrates nothing, keeps data.
	s2, err := Open(ctx, os.Getenv(dsnEnv), Config{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if ok, err := s2.HasArticle(ctx, "k1"); !ok || err != nil {
		t.Errorf("after reopen HasArticle = %v, %v", ok, err)
	}
}

func TestRebind(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b IN (?, ?)", "a = $1 AND b IN ($2, $3)"},
	} {
		if got := rebind(tc.in); got != tc.want {
			t.Errorf("rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestValidIdent(t *testing.T) {
	for s, want := range map[string]bool{"dyad": true, "dyad_2": true, "2x": false, "a;b": false, "": false} {
		if validIdent(s) != want {
			t.Errorf("validIdent(%q) != %v", s, want)
		}
	}
}
