// Package dyad holds the domain types of the dyad event coder: the Article
// that comes in, the Doc that flows through the pipeline stages, the spans
// (sentences, tokens, mentions) that stages add to it, and the Events and
// Quotes that come out.
//
// Annotations are byte-offset Spans into Doc.Text, never copies of it. The
// package depends on the standard library only; every stage, store and
// input format lives in a package of its own and imports this one.
package dyad
