// Package sqlstore is the SQL behind dyad's stores: the queries that write
// article batches, find stories and merge events, and the migration runner,
// written once over database/sql for both the sqlite and postgres packages.
//
// It owns the write path's rules (skip known keys, resolve copies to their
// story, merge an event with a stored one of the same source, target, code
// and place within a day). Each store package owns its schema, driver,
// connection settings and full-text search SQL, passed in as a Dialect.
package sqlstore
