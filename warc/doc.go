// Package warc reads web archives (WARC 1.0 and 1.1, plain or gzipped per
// record, through github.com/nlnwa/gowarc) into articles: every response
// record holding an HTML page with status 200 becomes an ingest.Item, its
// text and metadata taken by ingest's HTML extraction and its URL from
// WARC-Target-URI when the page names none.
//
// A record that cannot be parsed is skipped with a warning Item naming the
// file and byte offset, and reading goes on; other record types (requests,
// metadata, revisits) and non-HTML responses are passed over silently. It
// does not fetch anything or decide what is a duplicate.
package warc
