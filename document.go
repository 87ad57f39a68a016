package dyad

import "time"

// Doc is one article on its way through the pipeline. Stages read the
// layers earlier stages added and append their own; all spans index Text.
type Doc struct {
	Article Article
	// Text is the body the spans index: Article.Text, or the text extracted
	// from Article.HTML when Text was empty.
	Text string
	// Published is the anchor for relative dates; zero when unknown.
	Published time.Time

	Sentences []Sentence
	Tokens    []Token
	Mentions  []Mention
	Events    []Event
	Quotes    []Quote
	Places    []Place

	// Notes are non-fatal remarks a user should see (no publication date,
	// a stage that skipped something), in the order they were made.
	Notes []string
}

// NewDoc makes a Doc for an article whose text has already been chosen.
func NewDoc(a Article) (*Doc, error) {
	d := &Doc{Article: a, Text: a.Text}
	t, ok, err := a.PublishedTime()
	if err != nil {
		return nil, err
	}
	if ok {
		d.Published = t
	} else {
		d.Notes = append(d.Notes, "no publication date: relative dates stay unresolved")
	}
	return d, nil
}

// Slice returns the text under a span.
func (d *Doc) Slice(s Span) string { return d.Text[s.Start:s.End] }

// SentenceTokens returns the tokens of sentence i.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.FirstToken:s.EndToken]
}

// Sentence is one sentence of the text.
type Sentence struct {
	Span
	Index     int `json:"index"`     // position in the article, from 0
	Paragraph int `json:"paragraph"` // newline-separated block, from 0
	// FirstToken and EndToken delimit the sentence's tokens in Doc.Tokens.
	FirstToken int `json:"first_token"`
	EndToken   int `json:"end_token"`
}

// Token is one word, number or punctuation mark.
type Token struct {
	Span
	Sentence int    `json:"sentence"`
	Norm     string `json:"norm"`  // lower-cased, quotes and dashes folded
	Tag      string `json:"tag"`   // Penn Treebank part-of-speech tag
	Lemma    string `json:"lemma"` // dictionary form, lower case
}

// MentionKind says how a mention names its actor.
type MentionKind string

// The kinds of mention.
const (
	MentionCountry  MentionKind = "country"  // "Russia", "Russian"
	MentionMetonym  MentionKind = "metonym"  // "the Kremlin", "Beijing" acting
	MentionOrg      MentionKind = "org"      // "NATO", "the UN Security Council"
	MentionPerson   MentionKind = "person"   // "Sergei Shoigu"
	MentionRole     MentionKind = "role"     // "the defence minister"
	MentionGroup    MentionKind = "group"    // "Houthis", "protesters"
	MentionRegion   MentionKind = "region"   // "the West", "Asia-Pacific"
	MentionPronoun  MentionKind = "pronoun"  // "he", "they"
	MentionCompound MentionKind = "compound" // several of the above joined
	// MentionMedia is a news outlet ("Xinhua", "TASS"): provenance, never
	// the source or target of an event.
	MentionMedia MentionKind = "media"
	// MentionPlace is an actor name used as a location ("talks in Beijing"):
	// not an actor of an event; the places stage reads it.
	MentionPlace MentionKind = "place"
)

// Mention is a span of text that names an actor.
type Mention struct {
	Span
	Sentence   int         `json:"sentence"`
	FirstToken int         `json:"first_token"`
	EndToken   int         `json:"end_token"`
	Kind       MentionKind `json:"kind"`
	Actor      Actor       `json:"actor"`
	// Rule is the dictionary entry that matched, as file:line.
	Rule string `json:"rule"`
	// Antecedent is the index in Doc.Mentions this mention refers back to
	// (pronouns, bare titles), or -1.
	Antecedent int `json:"antecedent"`
}

// Actor is a CAMEO-coded actor.
type Actor struct {
	Code    string `json:"code"`    // Country + Agent, e.g. "RUSMIL"
	Country string `json:"country"` // ISO 3166-1 alpha-3 or CAMEO region/IGO code
	Agent   string `json:"agent"`   // CAMEO agent code, e.g. "GOV"
	Name    string `json:"name"`    // canonical name, e.g. "Sergei Shoigu"
}

// Place is a resolved location mention.
type Place struct {
	Span
	Sentence int `json:"sentence"`
	Location
}
