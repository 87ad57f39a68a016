// Package petrarch brings PETRARCH and TABARI material into dyad: it
// converts actor and agent dictionaries in the TABARI/PETRARCH format to
// dyad's actor tables (a user dictionary folder DIR/actors/*.txt, format
// in docs/ACTOR-FORMAT of data/actors), reads PETRARCH's unit-test records
// (XML) and compares dyad's events with their expected codings.
//
// It does not read PETRARCH verb dictionaries or patterns: dyad codes
// events with its own patterns (package coding). It does not code text
// either; the caller runs the engine with the converted folder (the
// package's evaluation test does so for PETRARCH's 284 unit-test records
// and logs the codings reproduced by category).
//
// # What the dictionary format says and how it is converted
//
// An actor entry is a primary phrase line, "+" synonym lines and codes in
// brackets, on the phrase lines or on lines of their own:
//
//	GOLLUM                   # comment
//	+SMEAGOL
//		[HOB <950601]
//		[HOBGOV 19950601-19990815]
//		[HOBREB >990816]
//
// Words are joined by "_" (consecutive) or " " (PETRARCH lets other words
// stand between); dyad matches both as consecutive words, a loss noted per
// line. A final "_" is dropped (PETRARCH does not stem). Comments are "#"
// and ";" to the end of the line, lines starting "<!" and <!-- … -->
// blocks over several lines; {…} on an actor line is ignored; a line
// holding ---STOP--- ends the file.
//
// Codes: a date restriction holds on its dates inclusive ("<D" to D, ">D"
// from D, "D1-D2"); dates are YYYYMMDD or YYMMDD (00-30 are 20YY). The
// restrictions are tried in file order and the first that holds wins, so
// each is cut to the days no earlier one holds; an undated code is the
// default for the days none holds (a later default replaces an earlier).
// Each remaining piece becomes one dyad line with FROM/TO. A code is a
// 3-letter root and 3-letter parts: dyad keeps the root and the first part
// (PSEREBHMS -> PSEREB, IGOCOPITP -> IGOCOP), a loss noted per line;
// "A/B/C" (one phrase for several actors) keeps A; lower case is raised.
// The null code "---" is left out (an entry with nothing else is
// skipped); "+++", "###" and codes with digits have no dyad form and are
// skipped.
//
// Kinds, when Options.Kind is "" (auto): root IGO, NGO or NGM is org;
// IMG is group; an entry with dated codes that carry an agent is person;
// any other code with an agent part is group; a bare 3-letter code is
// country, and its one-word phrases that read as demonyms (-IAN, -ESE,
// -ISH, or another phrase of the same code plus I, IS, N, NS, AN, ANS,
// S: ISRAEL/ISRAELI, ROHAN/ROHANS) are adj.
//
// Agents: "PHRASE {PLURAL} [~CODE]" or "[CODE~]". Without braces the
// regular plural is added (-s, -es after s, -ies after consonant+y);
// "{}" adds none; "{FORM}" adds FORM. "!X! = A, B" defines a substitution
// set: "!X!" in a phrase stands for each of A, B (no plural added).
// dyad agents are bare CAMEO agent codes: the first 3-letter part that is
// one dyad knows is kept (GOVFRM -> GOV, MUSUAF -> UAF); a code with none
// (MOP, GGS, CHRCPT) is skipped. A prefix agent (NGO~) becomes a plain
// agent, so "MSF Arnor" codes ARNNGO where PETRARCH codes NGOARN.
// <Combine …> rules have no dyad form and are skipped.
//
// Within one import (one dictionary layer), a phrase that an earlier line
// of the same kind already gives another code on overlapping dates is
// left out of the later line, as dyad's loader refuses the ambiguity and
// PETRARCH codes such a phrase by its first entry too. Import then loads
// the folder as the engine does; a line the loader still refuses is left
// out and reported, so the folder written always loads.
//
// Every source line is accounted for (Result): converted as it was, with
// a loss (Lossy: what was lost), or not (Skipped: why), reported as
// file:line: reason.
//
// Casing: PETRARCH matches without regard to case; dyad phrases are
// written in normal casing. Names are title-cased word by word
// ("Minas Tirith", "the Hermit Kingdom", "Group of 77", "al-Qaeda"),
// initials kept ("U.S."), and a one-word name of 2-3 letters stays in
// capitals as an acronym ("IMF", "UAE"); agent phrases are lower case.
// So names match where the text capitalises them, as news text does.
package petrarch
