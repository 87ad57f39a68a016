// Package ontology owns dyad's CAMEO code tables: every CAMEO event code
// with its label, Goldstein value, QuadClass, place in the hierarchy and
// PLOVER event type, mode and context. It loads them from the embedded
// data/cameo tables and fills those derived fields on events.
//
// It does not decide which code a sentence gets (that is the coder's job)
// nor hold actor or country codes. The tables are derived from the pinned
// references by `go generate ./ontology` (internal/gencameo); see
// data/cameo/PROVENANCE.md for sources and licenses.
package ontology

//go:generate go run ./internal/gencameo -ref ../../shared/reference -out ../data/cameo
