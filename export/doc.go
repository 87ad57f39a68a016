// Package export writes events and quotes in the interchange formats:
// JSON Lines exactly per FORMATS.md §2 and §3, and a readable TSV table.
// It owns serialisation only; it does not decide what an event is.
package export
