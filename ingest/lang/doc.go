// Package lang tells the language of an article's text: by script for
// languages with a script of their own (Arabic, Chinese, Japanese, Korean,
// Greek, Hebrew, Hindi, Thai), and by counting the function words of
// data/lang/stopwords.txt for languages in Latin or Cyrillic script.
//
// It is small on purpose: dyad only needs to know whether an article is
// English (coded) or not (stored and counted, with the language as the
// reason), and which language it is for the record. It owns the decision
// and its explanation; it does not skip or store anything.
package lang
