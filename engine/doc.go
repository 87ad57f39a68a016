// Package engine wires dyad's stages into the default pipeline, in the one
// place where their order is fixed, and runs it over many articles in
// parallel with results in input order.
//
// It owns ordering and concurrency; each stage's behaviour belongs to its
// own package, and reading inputs and writing outputs to ingest and export.
package engine
