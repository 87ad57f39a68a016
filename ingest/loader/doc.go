// Package loader is the ingest path into a store: it takes input items,
// skips those already stored, sets aside copies of known stories and
// non-English articles before coding (they are stored and counted, not
// coded), has the rest coded by a Runner (the engine), and writes every
// article with its events and quotes to a dyad.Store in batches, one
// transaction each, so that a run can be killed at any moment and re-run
// without losing or duplicating anything.
//
// It owns that order of decisions. Reading inputs is ingest's job, the
// copy rule dedup's, the language rule lang's, and SQL the stores'.
package loader
