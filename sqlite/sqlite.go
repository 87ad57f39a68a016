package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Config are the store's settings. The zero value is the default.
type Config struct {
	// BusyTimeoutMS is how long a writer waits for another's lock; 0 means
	// 10 seconds.
	BusyTimeoutMS int
}

// Store is a dyad.Store in a SQLite file.
type Store struct {
	*sqlstore.Store
	path string
}

var _ dyad.Store = (*Store)(nil)

// Open opens (creating if needed) the store at path and brings its schema
// up to date. The directory is created when missing.
func Open(ctx context.Context, path string, cfg Config) (*Store, error) {
	if cfg.BusyTimeoutMS <= 0 {
		cfg.BusyTimeoutMS = 10000
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", cfg.BusyTimeoutMS),
		"journal_mode(WAL)",
		// NORMAL in WAL mode loses no committed transaction when the
		// process dies; only an OS crash can drop the last few.
		"synchronous(NORMAL)",
		"foreign_keys(ON)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ms, err := sqlstore.ReadMigrations(migrationFS, "migrations")
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := sqlstore.Migrate(ctx, db, Dialect(), ms); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	st, err := sqlstore.New(db, Dialect())
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{Store: st, path: path}, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Dialect is SQLite's SQL: ? placeholders and FTS5 search.
func Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Rebind: func(q string) string { return q },
		SearchSQL: `SELECT a.key, a.ext_id, a.title, a.url, a.outlet,
			snippet(articles_fts, 1, '[', ']', '…', 12)
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?`,
		SearchArg:     searchArg,
		EvidenceSQL:   `SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?`,
		EvidenceProbe: `em.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? AND rowid = em.id)`,
		ILike:         "LIKE", // case-insensitive for ASCII
	}
}

// searchArg quotes every word, so that the user's text is never read as
// FTS5 query syntax and all words must appear.
func searchArg(q string) string {
	words := sqlstore.Words(q)
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(words, " ")
}
