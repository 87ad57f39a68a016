// Package ingest turns files, directories and standard input into
// Articles: .txt (one article), .jsonl (one article per line, FORMATS.md
// §1) and .html (one page).
//
// HTML pages go through ExtractHTML: the body by go-readability (chosen
// over go-trafilatura on the fixtures in testdata/html; the comparison is
// testdata/htmlcompare), the metadata (title, date, site, author,
// canonical URL, language) by the page's own declarations. A page that is
// a list of links is refused as no article.
//
// It owns input formats and their errors: invalid UTF-8, empty and binary
// files, and lines that are not JSON each become one Item with an error
// naming the file (and line), and reading goes on with the next article.
// It does not fetch URLs (package feed does), read WARC files (package
// warc) or detect duplicates (package dedup).
package ingest
