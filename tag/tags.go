package tag

// Tag is a Penn Treebank part-of-speech tag as a small integer, so that a
// token's candidate tags fit in one bit set.
type Tag uint8

// The tags, in the order of tagNames.
const (
	None Tag = iota
	NN
	NNS
	NNP
	NNPS
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	MD
	JJ
	JJR
	JJS
	RB
	RBR
	RBS
	IN
	TO
	DT
	PDT
	PRP
	PRPS // PRP$
	WDT
	WP
	WPS // WP$
	WRB
	CC
	CD
	EX
	POS
	RP
	UH
	FW
	SYM
	Period // .
	Comma  // ,
	Colon  // :
	LQuote // ``
	RQuote // ''
	LRB    // -LRB-
	RRB    // -RRB-
	Hash   // #
	Dollar // $
	numTags
)

var tagNames = [numTags]string{
	"", "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD",
	"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "IN", "TO", "DT", "PDT", "PRP", "PRP$",
	"WDT", "WP", "WP$", "WRB", "CC", "CD", "EX", "POS", "RP", "UH", "FW", "SYM",
	".", ",", ":", "``", "''", "-LRB-", "-RRB-", "#", "$",
}

// String is the Penn Treebank name of the tag.
func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return ""
}

// ParseTag reads a Penn Treebank tag name; ok is false for unknown names.
func ParseTag(s string) (Tag, bool) {
	for i := Tag(1); i < numTags; i++ {
		if tagNames[i] == s {
			return i, true
		}
	}
	return None, false
}

// set is a bit set of tags.
type set uint64

func (s set) has(t Tag) bool { return s&(1<<t) != 0 }

const (
	nounTags  set = 1<<NN | 1<<NNS | 1<<NNP | 1<<NNPS
	verbTags  set = 1<<VB | 1<<VBD | 1<<VBG | 1<<VBN | 1<<VBP | 1<<VBZ
	adjTags   set = 1<<JJ | 1<<JJR | 1<<JJS
	advTags   set = 1<<RB | 1<<RBR | 1<<RBS
	punctTags set = 1<<Period | 1<<Comma | 1<<Colon | 1<<LQuote | 1<<RQuote | 1<<LRB | 1<<RRB
)

func (t Tag) isNoun() bool  { return nounTags.has(t) }
func (t Tag) isVerb() bool  { return verbTags.has(t) }
func (t Tag) isAdj() bool   { return adjTags.has(t) }
func (t Tag) isAdv() bool   { return advTags.has(t) }
func (t Tag) isPunct() bool { return punctTags.has(t) }

// class is the lemma class of a tag: 'n', 'v', 'a', 'r', or 0.
func (t Tag) class() byte {
	switch t {
	case NN, NNS:
		return 'n'
	case VB, VBD, VBG, VBN, VBP, VBZ:
		return 'v'
	case JJ, JJR, JJS:
		return 'a'
	case RB, RBR, RBS:
		return 'r'
	}
	return 0
}
