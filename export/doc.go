// Package export writes what a store holds in the formats analysts load:
// event reports and merged events as JSON Lines (FORMATS.md), TSV and CSV;
// merged events as GDELT 2.0 event rows (61 columns) and PLOVER JSON
// records; both as Parquet for pandas, R and DuckDB. Filter selects events
// by date, country, code and root.
//
// It owns the layouts and their column orders; it does not query stores
// (the caller iterates a dyad.Store and hands rows over).
package export
