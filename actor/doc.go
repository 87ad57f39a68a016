// Package actor is the actor stage: it finds the actors named in a Doc's
// tokens and codes them with CAMEO actor codes, filling Doc.Mentions.
//
// It owns the actor dictionaries' format and loader (data/actors/*.txt and
// user folders DIR/actors/*.txt, see Load and docs in data/actors), the
// token-trie matcher, the small phrase grammar that codes titles and
// unknown people ("Japanese Defence Minister Gen Nakatani" -> JPNMIL),
// and within-article coreference (pronouns, bare titles, surnames,
// "the two militaries").
//
// Mentions of news outlets have Kind media and capitals used as locations
// ("talks in Beijing") have Kind place: both keep their codes for the
// record but are not actors of events (see IsEventActor).
//
// It does not split sentences or tokens (it needs Doc.Tokens with Norm;
// Tag is used when present), decide who did what to whom, or resolve
// place names to coordinates.
package actor
