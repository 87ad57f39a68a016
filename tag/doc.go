// Package tag is the "tag" pipeline stage: it gives every token a Penn
// Treebank part-of-speech tag and a lower-case lemma.
//
// The tagger is a lexicon plus rules, all of it reviewable:
//   - data/lexicon/words.txt lists about 85,000 words with their tags,
//     most likely first, and their lemmas; it is derived (go generate, see
//     internal/genlexicon) from the MIT-licensed en-lexicon npm package and
//     WordNet 3.0. overrides.txt holds hand corrections, mostly of
//     closed-class words.
//   - Unknown words are guessed from their shape in code (capitalised ->
//     NNP, digits -> CD, hyphenated compounds by their last part) and from
//     their ending with data/lexicon/guess.txt.
//   - A small set of hand-written contextual rules (rules.go) chooses among
//     a word's candidate tags: base form after a modal or "to", VBN after
//     have/be or before an agent "by", nouns after determiners, VBZ vs NNS
//     and VBP vs NN by the subject and object around them, "that" as IN,
//     DT or WDT, "'s" as POS or VBZ, sentence-initial capitals.
//   - Lemmas come from the lexicon, the irregular forms of WordNet
//     (irregular.txt) and suffix rules (lemmarules.txt) checked against
//     the lexicon's base forms.
//
// It does not tokenize (package token) and does no parsing: clause
// analysis belongs to the event coder.
package tag

//go:generate go run ./internal/genlexicon -out ../data/lexicon
