// Package ingest turns files, directories and standard input into
// Articles: .txt (one article), .jsonl (one article per line, FORMATS.md
// §1) and .html (one page, with a first text extraction).
//
// It owns input formats and their errors: invalid UTF-8, empty and binary
// files, and lines that are not JSON each become one Item with an error
// naming the file (and line), and reading goes on with the next article.
// It does not fetch URLs, read feeds or WARC files, or detect duplicates.
package ingest
