// Package token is the "token" pipeline stage: it splits each sentence the
// sentence stage found into words, numbers and punctuation marks, appends
// them to Doc.Tokens with byte-offset spans into Doc.Text, and records on
// each Sentence which tokens it holds. Each token gets a Norm: lower case,
// curly quotes and guillemets folded to ' and ", dashes to -.
//
// Conventions (close to the Penn Treebank's):
//   - clitics are split: "China's" -> "China" "'s", "don't" -> "do" "n't",
//     "can't" -> "ca" "n't", also 're 'll 've 'd 'm, with ' or ’;
//   - hyphenated compounds, numbers ("1,000", "3.5", "10th", "1990s",
//     "29-31", "10:30"), URLs, e-mail addresses, @handles and #hashtags
//     stay whole; "$1.2" is "$" "1.2", "US$5" is "US$" "5", "5%" is
//     "5" "%"; a slash joins short parts ("and/or", "24/7") but splits
//     names ("WASHINGTON/BRUSSELS" is three tokens);
//   - an abbreviation or initial keeps its period ("Gen.", "U.S.", "a.m.",
//     "J."), listed in data/lexicon/abbreviations.txt or recognised by
//     shape; but when that period ends the sentence ("talks in the U.S.")
//     it becomes the sentence's own "." token and the abbreviation's span
//     stops before it, while its Norm keeps the period ("u.s."), so a
//     dictionary sees the same form everywhere and every sentence that
//     ends in a period ends in a "." token;
//   - Unicode punctuation (… — – “ ” ‘ ’ « ») is one token per mark;
//     runs of the same ASCII mark ("...", "--", "!!") are one token;
//   - no token crosses white space, and every other byte is in a token.
//
// The package does not split sentences (package sentence does), tag parts
// of speech or lemmatise (package tag).
package token
