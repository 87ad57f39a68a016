// Package dedup finds articles that repeat a story: exact copies (the same
// text once case, punctuation and spacing are folded) and near copies (the
// same wire story republished with another headline, an added dateline or
// credit line, or trimmed paragraphs), by MinHash over word shingles with
// LSH banding.
//
// It owns text normalisation, hashing, sketches and the match rule, and an
// in-memory Index for articles not yet stored. It does not store anything
// or decide what happens to a copy: ingest asks it and the Store keeps the
// result. Merging the same event reported by several stories is the
// store's job.
package dedup
