// Package feed reads news feeds and fetches the pages they point to.
//
// It owns RSS, Atom and JSON Feed parsing (through gofeed), feed lists
// (OPML or one URL per line), polite HTTP fetching (a User-Agent, a
// timeout, a size cap, a least interval per host, conditional GET with
// ETag and Last-Modified, and refusal of private and loopback addresses
// checked on the resolved IP at dial time), and the Watcher that polls
// feeds, follows item links, and retries failures on later polls. It
// hands articles on as ingest.Items; it does not code or store them
// (package ingest/loader does) and does not extract HTML itself (package
// ingest does).
package feed
