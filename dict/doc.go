// Package dict is the one loader for dyad's line-oriented data files
// (actor and agent dictionaries, event patterns, lexicons, code tables).
//
// It owns the common syntax: UTF-8 text, one entry per line, blank lines
// and lines starting with '#' skipped, trailing " # comment" removed. It
// does not know what an entry means; each dictionary parses its own lines
// and returns errors through Line.Errorf so that every bad line is reported
// as file:line: reason, and all of them are reported, not just the first.
package dict
