// Package source is the "source" pipeline stage: it works out who
// reported what, and sets ReportedBy on every event and quote of a Doc
// (FORMATS.md §2, §3): the agencies and outlets the article credits for
// that statement, innermost last, [] when there are none.
//
// A chain has two parts:
//
//  1. The article's own credits, outermost first: its outlet (the
//     metadata's Outlet, with wire agencies written in brackets, "Taipei
//     Times (AFP, AP)", or a standfirst line "… reports Asian Lite
//     News"), then the agencies of its dateline ("QUITO, April 6 (AP) -")
//     and of its sign-off ("(ANI)", "— Reuters"). They apply to every
//     event and quote.
//  2. The in-text credits of the statement: an outlet named in a credit
//     construction in its sentence, "Xinhua reported", "TASS quoted X as
//     saying", "according to Al Jazeera", "as per Xinhua", "X told
//     IRNA", "quoted by RIA", "carried by KCNA", "said on state
//     television"; unnamed outlets count too ("state media said",
//     "Iranian media"). In one sentence they go in text order, with
//     "citing M"/"quoting M" innermost.
//
// A credit does not carry over to the next sentences of its paragraph:
// wire copy mixes sources within paragraphs, and the seed article writes
// one sentence per paragraph. It goes with the speakers of its sentence
// instead (the speakers of Doc.Quotes, direct or indirect): a later quote
// of the same speaker with no credit of its own, and the events of a later
// sentence where that speaker speaks, inherit it ("…, TASS reported" …
// "“…,” Shoigu said" … "He further said that …"), until a new credit
// for that speaker replaces it. So a quote of a body the text never
// credits stays uncredited even next to credited ones.
//
// Outlets named by the actor dictionary (data/actors/media.txt, through
// package actor: Kind media mentions and, for metadata and datelines, the
// entries' phrases) get the dictionary's canonical name ("Russian News
// Agency TASS" -> "TASS"); others keep their written form. A name is
// listed once, at its outermost place.
//
// It reads Doc.Sentences, Doc.Tokens, Doc.Mentions, Doc.Quotes (the quote
// stage's speakers) and Doc.Events; it does not find quotes, code events or
// decide actors.
package source
