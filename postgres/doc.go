// Package postgres is dyad.Store on PostgreSQL through pgx (as a
// database/sql driver), for shared or large collections: the same
// behaviour as the sqlite store (both pass storetest), with full-text
// search on a generated tsvector column and embedded versioned migrations
// applied under an advisory lock, so that two dyad processes starting
// together do not both migrate.
//
// It owns the PostgreSQL schema, connection and search SQL; the shared
// SQL is in internal/sqlstore.
package postgres
