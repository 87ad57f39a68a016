// Package when finds and resolves time expressions in news text and is
// the "when" pipeline stage that dates coded events.
//
// Find (and Scanner, its allocation-free form) is a byte scanner, keyed
// on month names, weekday names and a few trigger words, with no regular
// expressions; FindDateline reads a wire dateline ("TOKYO, Jan 9 (IANS) -").
package when
