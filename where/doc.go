// Package where is the places stage ("where"): it finds the places a Doc
// names, resolves each to one gazetteer entry (name, ISO3 country,
// coordinates) and sets each event's Location to where its action took
// place, filling Doc.Places and Doc.Events[i].Location.
//
// It owns the gazetteer (data/places/*, derived from GeoNames by
// internal/genplaces; country names come from data/actors/countries.txt),
// its name index, the dateline parser, the rules that tell a place from a
// person or an actor, the choice among places of one name (Georgia, Paris,
// Hyderabad) and the choice of an event's location. It does not find
// actors (package actor: it reads Doc.Mentions so as to skip capitals and
// countries that act, "Beijing said"), code events (package coding) or
// resolve dates.
//
// # Finding places
//
// Names are looked up by Key (lower case, accents folded) over runs of
// tokens that start with a capital; the longest name wins. A name is a
// place when (judge has the details):
//   - an actor mention says so (a capital after "in"), or it is a country
//     or a seat of power after a locative word ("inside Iran", "struck
//     Kyiv", "at the Kremlin"); a country, capital or institution that acts
//     ("Moscow's withdrawal", "China said") is not;
//   - it is not part of a person's or a longer name ("President Lincoln",
//     "Jorge Glas", "Victoria Nuland", "South African"), unless a well-known
//     place opens the name of a meeting ("the Beijing Xiangshan Forum");
//   - countries, names that are common words ("Nice", "Split") and names of
//     small or distant places need a cue: a locative word before them
//     ("in", "at", "near", "into", "visited", "to" after a word of motion),
//     a qualifier ("Paris, Texas", "Hyderabad in Pakistan", "India's Punjab
//     state"), a place noun after them ("Donetsk region", "Moscow airport").
//
// # Choosing among places of one name
//
// Each reading is scored (see score): the log of its population, its
// kind (country, capital, seat; a division under a town of its own name
// loses), whether it matched by an alternate name, and the article's
// context: countries its actors name, its other places (twice over, so
// that "Savannah and Atlanta" make "Georgia" the state), the dateline's
// country and division. A qualifier keeps only the readings inside it.
// Country names are the actor dictionary's; "Gaza" or "England" is the
// town or division, not Palestine or the United Kingdom.
//
// # Points
//
// Towns have their own GeoNames point; a first-level division is placed
// at its seat and a country at its capital (not at centroids, which no
// pinned source gives). A seat of power used as a place ("at the White
// House") and "the Qatari capital" are placed at the capital.
//
// # Event locations
//
// For each evidence sentence of an event, in order: a place with a
// locative cue in the clause of the event's source actor (else target),
// nearest after it, then nearest before it, preferring one in the
// target's country ("struck sites in Iraq and Syria"); clauses end at
// "after", "before", "when", "because", ";", ", and". Then a meeting named
// after its place. Then the dateline's place ("QUITO, April 6 (AP) -"),
// unless Config.NoDatelineFallback; else none. Places after "from", "of"
// or a "to" without motion are never used ("recalled its ambassador from
// Tehran"). Config.SourceHome instead places a verbal event that names no
// place in its source's country, as the development gold set does.
package where
