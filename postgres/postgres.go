package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/internal/sqlstore"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Config are the store's settings. The zero value is the default.
type Config struct {
	// Schema, when set, is created if missing and used instead of the
	// connection's search_path (tests use one schema each).
	Schema string
}

// Store is a dyad.Store in a PostgreSQL database.
type Store struct{ *sqlstore.Store }

var _ dyad.Store = (*Store)(nil)

// migrateLock is the advisory lock key held while migrating.
const migrateLock = 0x64796164 // "dyad"

// Open connects with a postgres:// URL (or key=value DSN) and brings the
// schema up to date.
func Open(ctx context.Context, dsn string, cfg Config) (*Store, error) {
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if cfg.Schema != "" {
		if !validIdent(cfg.Schema) {
			return nil, fmt.Errorf("postgres: schema %q: want letters, digits and _", cfg.Schema)
		}
		pc.RuntimeParams["search_path"] = cfg.Schema
	}
	db := stdlib.OpenDB(*pc)
	fail := func(err error) (*Store, error) {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fail(err)
	}
	if cfg.Schema != "" {
		if _, err := conn.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+cfg.Schema); err != nil {
			conn.Close()
			return fail(err)
		}
	}
	if err := migrate(ctx, db, conn); err != nil {
		return fail(err)
	}
	st, err := sqlstore.New(db, Dialect())
	if err != nil {
		return fail(err)
	}
	return &Store{st}, nil
}

// migrate runs the migrations while holding the advisory lock on conn.
func migrate(ctx context.Context, db *sql.DB, conn *sql.Conn) error {
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLock)
	ms, err := sqlstore.ReadMigrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return sqlstore.Migrate(ctx, db, Dialect(), ms)
}

func validIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}

// Dialect is PostgreSQL's SQL: $n placeholders and tsvector search.
func Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Rebind: rebind,
		SearchSQL: `SELECT a.key, a.ext_id, a.title, a.url, a.outlet,
			ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4')
			FROM articles a, plainto_tsquery('simple', $1) q
			WHERE a.fts @@ q ORDER BY ts_rank(a.fts, q) DESC, a.id LIMIT $2`,
		SearchArg:   func(q string) string { return strings.Join(sqlstore.Words(q), " ") },
		EvidenceSQL: `SELECT id FROM event_mentions WHERE evidence_tsv @@ plainto_tsquery('simple', ?)`,
		ILike:       "ILIKE",
	}
}

// rebind numbers the ? placeholders of q as $1, $2 …; the shared queries
// have no ? inside string literals.
func rebind(q string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}
