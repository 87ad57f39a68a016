// Package quote is the "quote" pipeline stage: it finds the quotations in
// a Doc and who said them, filling Doc.Quotes (FORMATS.md §3).
//
// Scan, a byte scanner, finds the quotations: straight and curly double
// marks, single marks where they cannot be apostrophes, quotations nested
// in others, and quotations that run over paragraphs with the closing mark
// left out until the last one. The stage then reads the attributions of
// each sentence from its tokens, tags and actor mentions: a cue from
// data/quote/cues.txt ("said", "told", "called", "quoted … as saying",
// "according to") and its speaker phrase before or after it ("X said",
// "said X", "X, head of Y, told", "TASS quoted X as saying", "X was quoted
// by M as saying"). Pronouns, bare titles and "the ministry" resolve to the
// person or body they stand for (the actor stage's coreference, preferring
// the subject of the sentence before for "he"/"she"/"it").
//
// What counts as a quote:
//   - a quotation standing as a sentence gets the attribution right after
//     it, else the nearest one before it in its sentence, else a later one;
//     with none, it continues the quotation of the sentence before (same
//     speaker), or it is dropped;
//   - a fragment worked into a sentence ("called it "unacceptable"") is a
//     quote when its sentence has an attribution, unless it is a term in
//     marks: a title ("Death to America"), a single noun, a term after
//     "the"/"so-called", or a modifier of the noun after it ("an
//     "immediate" ceasefire") that the cue does not govern directly;
//   - a speaker that is only a country or capital ("Washington called it
//     "…"") stands for the body of that country the article last quoted,
//     else the quotation is dropped (Config.StateSpeakers keeps it);
//   - a quotation split by its attribution ("“A,” X said. “B.”") is one
//     quote: Text is its parts joined by a space, and Start/End run from
//     the first quoted byte to the last (over the attribution between);
//     marks are never inside the span, and a final comma is left out;
//   - the clause of a verb of saying ("X said (that) …", "…, X said",
//     "according to X, …") is a quote with Direct false.
//
// Speaker.Name is the canonical name of a person from the actor
// dictionary ("Sergei Shoigu"), else the phrase as written without its
// article ("Russian Ministry of Defense", "spokesman for the Korean
// People's Army"); Speaker.Code is the actor code, "" when unknown.
// Quote.Cue is the attribution's words ("said", "quoted … as saying").
//
// It does not decide which outlet reported a quote (package source fills
// ReportedBy; this stage leaves it empty), code events, or find actors.
package quote
