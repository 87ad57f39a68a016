// Package where is the places stage ("where"): it finds the places a Doc
// names, resolves each to one gazetteer entry (name, ISO3 country,
// coordinates) and sets each event's Location to where its action took
// place, filling Doc.Places and Doc.Events[i].Location.
//
// It owns the gazetteer (data/places/*, derived from GeoNames by
// internal/genplaces; country names come from data/actors/countries.txt),
// its name index, the dateline parser, the rules that tell a place from a
// person or an actor, the disambiguation of names shared by several places
// (Georgia, Paris, Hyderabad) and the choice of an event's location.
//
// It does not find actors (package actor: it reads Doc.Mentions to skip
// capitals and countries that act, "Beijing said"), code events (package
// coding) or resolve dates.
package where
