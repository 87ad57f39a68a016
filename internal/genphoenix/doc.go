// Command genphoenix derives historical actor tables from the Phoenix
// actor dictionaries of PETRARCH2 (MIT, Open Event Data Alliance; in
// ../shared/reference/petrarch2-dictionaries, commit 676801cd):
//
//   - data/actors/people-phoenix.txt: people with date-bounded roles
//     (heads of state and government, ministers, IGO heads; mostly before
//     2015) from Phoenix.Countries.actors.txt and the people of
//     Phoenix.International.actors.txt;
//   - data/actors/orgs-phoenix.txt: IGOs and NGOs from
//     Phoenix.International.actors.txt;
//   - data/actors/groups-phoenix.txt: armed groups from
//     Phoenix.MilNonState.actors.txt.
//
// Only facts are taken: a name, a code, a date range. Codes become dyad's
// (one agent per code: AFGGOVBUS -> AFGGOV, a defence post GOVMIL -> MIL;
// ISO 3166-1 countries: TMP -> TLS, USR -> RUS; IGO organisation parts ->
// the codes of orgs.txt: IGOWSTNAT -> IGONAT) following fix.tsv; codes with
// no counterpart (companies, bare agents, religions) are left out, and the
// Phoenix code stays in each line's note. Phrases are recased from the
// Phoenix capitals ("GEORGE_W._BUSH_" -> "George W. Bush"; particles and
// al- in lower case), titles are cut off names ("US_PRESIDENT_BILL_CLINTON"
// -> "Bill Clinton"), and synonyms naming institutions ("BUSH_ADMINISTRATION")
// are dropped.
//
// To keep false positives out, a one-word phrase is kept only when it is
// not an English word (data/lexicon/words.txt), a city (data/places/cities.tsv),
// a country word, a first name (the first word of two or more Phoenix
// names) or shorter than four letters; a surname that fails is kept with
// its title ("President Bush"). Two-word group names of common words
// ("Red Banner") are dropped. The hand-written tables win: a person whose
// full name they list is left out entirely, and any phrase they use (in any
// kind) is removed. A phrase several Phoenix entries share is removed from
// all; when they are all people of one country it becomes one line coding
// that country alone ("President Bush": USA).
//
// Run `go generate ./internal/genphoenix/` from the repository root after
// changing fix.tsv or the hand-written actor tables (TestGeneratedUpToDate
// catches drift). The tool checks the SHA-256 of its Phoenix inputs. It
// owns no runtime code: the engine's loader is package actor.
package main

//go:generate go run . -ref ../../../shared/reference/petrarch2-dictionaries -data ../../data -fix fix.tsv -out ../../data/actors
