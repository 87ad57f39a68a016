// Command gencountries derives data/actors/countries.txt and
// data/actors/capitals.txt from pinned inputs:
//
//   - the npm package world-countries 5.1.0 (ODbL 1.0): names, official
//     names, alternative spellings, English demonyms, capitals;
//   - the npm package i18n-iso-countries 7.14.0 (MIT): English names and
//     their listed variants;
//   - /work/shared/reference/petrarch2-dictionaries/Phoenix.Countries.actors.txt
//     (MIT): extra demonyms found in each country's name block;
//   - extra.tsv beside this file: hand-curated aliases, demonyms, capitals
//     and seats of government, removals and conflict resolutions.
//
// Install the npm packages outside the repository, e.g.
//
//	mkdir -p /tmp/gencountries && cd /tmp/gencountries && npm init -y &&
//	npm install world-countries@5.1.0 i18n-iso-countries@7.14.0
//
// and run `go generate ./internal/gencountries/` from the repository root.
// The tool checks the installed package versions and refuses others, so
// the committed tables always match the inputs named in
// data/actors/PROVENANCE.md. Output is deterministic (sorted by code).
//
// The package also holds a test that checks the syntax of every file in
// data/actors/ (field counts, kinds, code shapes, dates, conflicting
// duplicates) so that data mistakes fail CI even before the actor engine
// loads them. It owns no runtime code: the engine's loader is package actor.
package main

//go:generate go run . -wc /tmp/gencountries/node_modules/world-countries -i18n /tmp/gencountries/node_modules/i18n-iso-countries -phoenix ../../../shared/reference/petrarch2-dictionaries/Phoenix.Countries.actors.txt -extra extra.tsv -out ../../data/actors
