// Package web is dyad's HTTP API and web UI (`dyad serve`): a JSON API
// over a dyad.Store, documented by the OpenAPI 3 file it serves at
// /openapi.json, and a single-page app embedded in the binary (an event
// table with filters, a dyad time series, a map on Natural Earth country
// shapes, and an article reader that highlights actors, events and quotes).
//
// It owns request parsing and validation, the JSON shapes, limits
// (body size, page size, requests in flight, per-request time) and the
// bearer token on writes. It does not own queries (the stores do, behind
// dyad.Querier), coding (package engine) or storing (ingest/loader).
//
// The UI's sources are in ui-src/; `go generate ./web` bundles them with
// esbuild into ui/, which is committed so that building needs no Node.
package web
