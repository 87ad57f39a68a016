// Package eval scores coded events and quotes against gold annotations,
// exactly as ../shared/eval/score.py does (FORMATS.md §4): precision,
// recall and F1 over distinct keys per article at root, code and actor
// level, micro-averaged, and quote precision/recall.
//
// It owns reading gold files and prediction files (events, quotes as JSON
// Lines) and the report. It does not code articles: the caller (cmd/dyad
// eval) runs the engine and converts its output with FromEvent/FromQuote.
//
// Where score.py accepts loosely typed JSON (an actor as a string or an
// object, actor lists or a single code, a code written as a number) this
// package reads it the same way; where score.py would crash on malformed
// gold (no id, no code, an alt that is not a list) it returns an error.
package eval
