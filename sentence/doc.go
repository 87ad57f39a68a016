// Package sentence splits English news text into sentences: the first
// stage of the dyad pipeline. Splitter (built by New) is a dyad.Stage named
// "sentence" that fills Doc.Sentences with byte-offset spans into Doc.Text,
// trimmed of surrounding space, with Index and Paragraph set; the tokenizer
// fills FirstToken and EndToken later. Split returns bare spans.
//
// # Approach
//
// A hand-written byte scanner, no regular expressions and no model:
//
//  1. Lines. Every line break (\n, \r, \v, \f, U+0085, U+2028, U+2029)
//     ends a sentence, so a headline or a dateline-only line without a final
//     period is a sentence of its own. Each non-blank line is a paragraph;
//     blank lines are not counted.
//  2. Terminators. In a line, each run of . ! ? … (and spaced ". . .") is a
//     candidate. Closing quotes and brackets after it go with the sentence
//     ("…great.” She"). A candidate is not a boundary when the next word
//     starts in lower case ("Yahoo! in", "(… engineer.) at"), when a
//     three-dot ellipsis is all there is (an omission, not an end), or when
//     nothing but a short parenthesised credit follows ("reported. (ANI)").
//     A run of four dots is an ellipsis plus a period and ends the sentence,
//     even glued to the next word ("momentum….reports").
//  3. Abbreviations. For a single period the word before it decides, from
//     data/sentence/abbreviations.txt: a title ("Gen.", "Mr.") never ends a
//     sentence inside a line; a numeric abbreviation ("No.", "p.") does not
//     before a digit; any other abbreviation, single letter or dotted
//     initials ("Inc.", "Jan.", "E.", "U.S.", "a.m.") ends it only when the
//     next word is a common sentence opener from data/sentence/starters.txt
//     ("the U.S. How…" splits, "the U.S. Government" does not). A period
//     between digits or inside a token never ends one ("$1.2", "1,000"),
//     except a glued start like "world.Today" outside URLs and e-mail
//     addresses.
//  4. Quotations. A quotation that opens after words of the sentence, or
//     that closes into its attribution ("…,” Shoigu said", "…?” asked one
//     resident"), stays whole: terminators inside it do not split, so every
//     quote stays with the verb that attributes it. A quotation that stands
//     alone ("“A. B.” Next") splits inside, as the Golden Rules expect.
//  5. Lists. A sentence that starts with a list marker ("1.", "2.)", "a)",
//     "•") ends before the next marker of the same list on the line.
//
// The pragmatic_segmenter "Golden Rules" are the acceptance test
// (golden_test.go): 49 of the 52 English rules pass; rule 18 is skipped as
// upstream does, rules 40 and 41 fail by design (below).
//
// # What it does not do
//
// It never joins lines: hard-wrapped text (PDF extraction, plain-text mail)
// gives one sentence per line fragment. It has no statistical model, so a
// sentence that ends in an abbreviation and is followed by a name stays
// joined ("…in the U.S. Washington said…"), and "6 P.M. Mr. Smith" is one
// sentence. Three dots never end a sentence inside a line. Straight quotes
// that do not pair up can make a protected quotation too long. Letter list
// markers are lower case only. It handles English only.
package sentence
