// Package storetest is the one test suite every dyad.Store must pass:
// idempotent batches, copies resolved to their story, a failed batch
// rolled back whole, story lookups for dedup, events merged across stories
// with GDELT-style counts, quotes and full-text search. The sqlite and
// postgres packages run it from their tests.
//
// It owns the behaviour stores share; it does not open databases.
package storetest
