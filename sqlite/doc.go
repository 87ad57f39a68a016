// Package sqlite is dyad's embedded store: dyad.Store in one SQLite file,
// through the pure-Go modernc.org/sqlite driver (no cgo, so `go install`
// builds it everywhere), in WAL mode, with FTS5 search over article text
// and versioned schema migrations embedded in the binary.
//
// It owns the SQLite schema, connection settings and search syntax; the
// shared write and read SQL is in internal/sqlstore, and the behaviour
// every store must have is tested by storetest.
package sqlite
