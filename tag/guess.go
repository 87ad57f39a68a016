package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is the tagger's working state for one token.
type word struct {
	text, norm  string
	e           *entry // lexicon entry the candidates came from, or nil
	cand        [maxTags]Tag
	n           uint8
	set         set
	tag         Tag
	kind        kind
	cap         bool // starts with a capital letter
	adjLower    bool // capitalised, with an adjective reading in lower case (or none)
	first       bool // first word of the sentence or of a quotation
	viaLower    bool // capitalised, tagged from its lower-case entry
	spaceBefore bool
	spaceAfter  bool
}

func (w *word) setCands(tags ...Tag) {
	w.n = 0
	w.set = 0
	for _, t := range tags {
		if int(w.n) < maxTags && !w.set.has(t) {
			w.cand[w.n] = t
			w.n++
			w.set |= 1 << t
		}
	}
	if w.n > 0 {
		w.tag = w.cand[0]
	}
}

func (w *word) fromEntry(e *entry) {
	w.e = e
	w.cand = e.tags
	w.n = e.n
	w.set = e.set
	w.tag = e.tags[0]
}

func (w *word) has(t Tag) bool { return w.set.has(t) }

// choose sets the tag to t when it is a candidate; it reports whether it did.
func (w *word) choose(t Tag) bool {
	if w.set.has(t) {
		w.tag = t
		return true
	}
	return false
}

// kind marks function words the rules ask about.
type kind uint32

const (
	kBe kind = 1 << iota
	kHave
	kDo
	kGet
	kArticle // a an the no every another
	kDemo    // this that these those
	kSubjPro // I we you they he she it
	kThat
	kBy
	kNeg     // not n't never
	kLetMake // let, help: "help end the war"
	kWh      // which who that (relative)
	kSay
	kRel // a relative/subject pronoun that takes a finite verb: who which
)

func kindOf(n string) kind {
	switch n {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m":
		return kBe
	case "have", "has", "had", "having", "'ve":
		return kHave
	case "do", "does", "did":
		return kDo
	case "get", "gets", "got", "gotten", "getting", "become", "becomes", "became", "remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared":
		return kGet
	case "a", "an", "the", "no", "every", "another", "each", "any", "some", "its", "his", "her", "their", "our", "my", "your":
		return kArticle
	case "this", "these", "those":
		return kDemo
	case "that":
		return kDemo | kThat
	case "i", "we", "you", "they", "he", "she", "it":
		return kSubjPro
	case "by":
		return kBy
	case "not", "n't", "never":
		return kNeg
	case "let", "lets", "help", "helps", "helped", "helping":
		return kLetMake
	case "who", "which":
		return kRel
	case "said", "say", "says", "saying", "told", "tell", "tells", "added", "adds", "stated", "warned", "warns",
		"announced", "reported", "noted", "claimed", "claims", "insisted", "argued", "believe", "believes",
		"believed", "hope", "hopes", "hoped", "think", "thinks", "agreed", "suggested", "confirmed", "denied",
		"acknowledged", "indicated", "showed", "know", "knew", "feared", "fear", "fears", "ensure", "insist",
		"insists", "announce", "announces", "argue", "argues", "concluded", "explained", "admitted", "alleged",
		"estimated", "expects", "expected", "promised", "pledged", "vowed", "predicted", "recalled", "revealed",
		"asserted", "emphasised", "emphasized", "stressed", "underlined", "reiterated", "urged", "demanded", "decided",
		"declared", "declares", "ruled", "rules", "found", "finds", "determined", "shows", "concludes",
		"warn", "deny", "denies", "confirm", "confirms", "claim", "allege", "alleges", "complained":
		return kSay
	}
	return 0
}

// candidates gives every word its candidate tags and a first guess.
func (t *Tagger) candidates(ws []word) {
	startOfClause := true
	for i := range ws {
		w := &ws[i]
		w.kind = kindOf(w.norm)
		if !isWordStart(w.text) {
			w.setCands(punctTag(ws, i))
			if w.tag == LQuote || w.tag == Colon || w.tag == LRB || w.tag == Period {
				// A quotation, a clause after a colon, or a sentence the
				// splitter ran on into this one.
				startOfClause = true
			}
			continue
		}
		w.first = startOfClause
		startOfClause = false
		if c := w.text[0]; c < utf8.RuneSelf {
			w.cap = 'A' <= c && c <= 'Z'
		} else {
			r, _ := utf8.DecodeRuneInString(w.text)
			w.cap = unicode.IsUpper(r)
		}
		t.lookupWord(w)
	}
}

// isWordStart tells word tokens (letters, digits, handles, clitics) from
// punctuation and symbols.
func isWordStart(text string) bool {
	if text != "" && isASCIIAlnum(text[0]) {
		return true // most tokens; the same answer as below
	}
	r, n := utf8.DecodeRuneInString(text)
	switch r {
	case '\'', '\u2019', '@', '#', '.':
		if n >= len(text) {
			return false
		}
		r2, _ := utf8.DecodeRuneInString(text[n:])
		if r == '.' {
			return '0' <= r2 && r2 <= '9'
		}
		return r2 == '_' || unicode.IsLetter(r2) || unicode.IsDigit(r2)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func (t *Tagger) lookupWord(w *word) {
	lx := t.lx
	e := lx.lookup(w.text)
	if w.cap && e != nil && e.set.has(JJ) && strings.IndexByte(w.text, '-') < 0 {
		le := lx.lookup(w.norm)
		w.adjLower = le != nil && le.first() == JJ ||
			le == nil && (nationality(w.text) || strings.HasSuffix(w.text, "ist") || strings.HasSuffix(w.text, "ic"))
	}
	if w.cap && (e == nil || !e.set.has(JJ)) && nationality(w.text) {
		// "Nigerian capital", "Tigrayan forces": a nationality adjective
		// the lexicon knows only as a name, or not at all.
		if e != nil {
			w.fromEntry(e)
		} else {
			w.setCands(NNP)
		}
		w.cand[w.n], w.n, w.set = JJ, w.n+1, w.set|1<<JJ
		w.adjLower = true
		return
	}
	if w.cap && allCaps(w.text) {
		// Datelines and acronyms: "NEW YORK", "TPLF", "US".
		if e != nil && e.first() == NNPS {
			w.setCands(NNPS, NNP)
		} else {
			w.setCands(NNP)
		}
		w.e = e
		return
	}
	if e != nil && w.first && w.cap && (e.first() == NNP || e.first() == NNPS) {
		// "Children were ...": a sentence-initial capital known as a name
		// and as a plural noun reads as the common word; others keep the
		// name ("Turkey", "China", "North").
		if le := lx.lookup(w.norm); le != nil && le.first() == NNS {
			w.fromEntry(le)
			w.viaLower = true
			return
		}
	}
	if e != nil {
		w.fromEntry(e)
		if w.cap && !w.first && len(w.text) > 1 {
			// Capitalised inside a sentence, a common noun is part of a
			// name: "the Security Council", "Defence Minister".
			switch w.tag {
			case NN:
				w.setCands(NNP, NN)
			case NNS:
				w.setCands(NNPS, NNS)
			}
		}
		return
	}
	if len(w.norm) > len(w.text) && strings.HasSuffix(w.norm, ".") {
		// An abbreviation whose period was split off at sentence end.
		if e := lx.lookup(w.text + "."); e != nil {
			w.fromEntry(e)
			return
		}
	}
	c := w.text[0]
	switch {
	case w.text[len(w.text)-1] == '$':
		w.setCands(Dollar) // "US$", "A$"
		return
	case c == '@' || c == '#':
		w.setCands(NNP)
		return
	case strings.Contains(w.text, "://") || strings.HasPrefix(w.norm, "www.") || strings.IndexByte(w.text, '@') > 0:
		w.setCands(NN)
		return
	case '0' <= c && c <= '9' || c == '.':
		numberTags(w, w.norm)
		return
	}
	var le *entry
	if w.norm != w.text {
		le = lx.lookup(w.norm) // else it was looked up (and missed) above
	}
	if w.cap {
		if le != nil && (w.first || w.norm == "i") {
			w.fromEntry(le)
			w.viaLower = true
			return
		}
		if strings.IndexByte(w.text, '-') > 0 {
			t.hyphenTags(w)
			return
		}
		if w.first && le == nil && strings.HasSuffix(w.norm, "s") {
			if b := lx.lookup(w.norm[:len(w.norm)-1]); b != nil && b.first() == NN {
				w.setCands(NNS, NNP) // "Warplanes, warships and ..."
				return
			}
		}
		if le != nil && le.first() == NNS || le == nil && pluralName(lx, w.text) {
			w.setCands(NNPS, NNP)
			return
		}
		w.setCands(NNP)
		return
	}
	if le != nil {
		w.fromEntry(le)
		return
	}
	if strings.IndexByte(w.norm, '-') > 0 {
		t.hyphenTags(w)
		return
	}
	if g := lx.guessTags(w.norm); g != nil {
		w.setCands(g...)
		return
	}
	if hasDigit(w.norm) {
		w.setCands(NN, CD)
		return
	}
	w.setCands(NN)
}

func onlyProper(e *entry) bool {
	return e.set&^(1<<NNP|1<<NNPS) == 0
}

// nationality: capitalised words ending like nationality adjectives.
func nationality(w string) bool {
	if len(w) < 5 {
		return false
	}
	// The suffix first: it rules out most words cheaply.
	switch w[len(w)-3:] {
	case "ian", "ean", "ese", "ish", "yan", "ien":
		return strings.IndexByte(w, '-') < 0 && !allCaps(w)
	}
	return false
}

// allCaps: two or more letters, none lower case.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// pluralName: "Houthis" is the plural of a known proper noun or adjective.
func pluralName(lx *Lexicon, w string) bool {
	if len(w) < 4 || w[len(w)-1] != 's' || w[len(w)-2] == 's' {
		return false
	}
	e := lx.lookup(w[:len(w)-1])
	return e != nil && (e.set.has(NNP) || e.set.has(JJ))
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// numberTags guesses tokens that start with a digit. It sets w's
// candidates itself, so that no tag list is allocated.
func numberTags(w *word, n string) {
	digits, letters := 0, 0
	for i := 0; i < len(n); i++ {
		c := n[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
		case 'a' <= c && c <= 'z':
			letters++
		}
	}
	if letters == 0 {
		w.setCands(CD)
		return
	}
	// 10th 21st 2nd 3rd
	for _, suf := range [...]string{"th", "st", "nd", "rd"} {
		if strings.HasSuffix(n, suf) && digits+2 == len(n) {
			w.setCands(JJ)
			return
		}
	}
	if strings.HasSuffix(n, "s") && digits+1 == len(n) {
		w.setCands(CD, NNS) // 1990s
		return
	}
	if i := strings.LastIndexByte(n, '-'); i > 0 && i+1 < len(n) && n[i+1] >= 'a' {
		w.setCands(JJ, NN) // 20-month, 10-year-old
		return
	}
	w.setCands(CD, NN)
}

// hyphenTags guesses unknown hyphenated words by their parts (the pieces
// of the text between '-'), setting w's candidates.
func (t *Tagger) hyphenTags(w *word) {
	lx := t.lx
	first, rest, split := strings.Cut(w.text, "-")
	last := w.text[strings.LastIndexByte(w.text, '-')+1:]
	for split {
		var p string
		p, rest, split = strings.Cut(rest, "-")
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(r) {
			if prefixWord(first) {
				w.setCands(JJ, NNP) // pro-Russian, anti-Western
				return
			}
			w.setCands(NNP) // Asia-Pacific, Thomas-Greenfield, al-Sisi
			return
		}
	}
	ll := strings.ToLower(last)
	e := lx.lookup(ll)
	switch {
	case strings.HasSuffix(ll, "ed") || e != nil && (e.first() == VBN || e.first() == VBD):
		w.setCands(JJ, VBN) // state-owned, Russian-backed
	case strings.HasSuffix(ll, "ing"):
		w.setCands(JJ, NN, VBG)
	case w.cap && first != w.text && !strings.Contains(w.text[len(first)+1:], "-") && e == nil:
		w.setCands(NNP) // two parts
	case e != nil && e.first() == NNS:
		w.setCands(NNS, JJ)
	case e != nil && e.set.has(NN) && e.first() != JJ:
		w.setCands(JJ, NN)
	case strings.HasSuffix(ll, "s") && !strings.HasSuffix(ll, "ss") && e == nil:
		w.setCands(NNS, JJ)
	default:
		w.setCands(JJ, NN)
	}
}

// prefixWord: the first part of "pro-Russian", "anti-Western", any case.
func prefixWord(p string) bool {
	if len(p) > 4 {
		return false // longer than every prefix, in any case
	}
	switch strings.ToLower(p) {
	case "pro", "anti", "non", "post", "pre", "ex":
		return true
	}
	return false
}

// punctTag tags a token that is not a word.
func punctTag(ws []word, i int) Tag {
	w := &ws[i]
	switch w.text {
	case ".", "!", "?", "?!", "!?":
		return Period
	case ",":
		return Comma
	case ";", ":", "...", "\u2026", "-", "--", "---", "\u2013", "\u2014", "\u2015":
		return Colon
	case "(", "[", "{":
		return LRB
	case ")", "]", "}":
		return RRB
	case "\u201c", "\u2018", "\u00ab", "\u2039", "`", "``", "\u201e":
		return LQuote
	case "\u201d", "\u00bb", "\u203a", "''":
		return RQuote
	case "$", "\u20ac", "\u00a3", "\u00a5", "US$", "\u20b9", "\u20bd":
		return Dollar
	case "#":
		return Hash
	case "%":
		return NN
	case "&":
		return CC
	case "\"", "'", "\u2019":
		// Straight quotes open after space or an opening bracket and
		// before a word; ’ or ' after a plural is a possessive.
		if w.text != "\"" && i > 0 && !w.spaceBefore && strings.HasSuffix(ws[i-1].norm, "s") && w.spaceAfter && i+1 < len(ws) {
			return POS
		}
		if w.text == "\u2019" {
			return RQuote
		}
		if (w.spaceBefore || i == 0 || ws[i-1].tag == LRB) && !w.spaceAfter {
			return LQuote
		}
		return RQuote
	}
	if strings.Trim(w.text, ".!?") == "" {
		return Period
	}
	if strings.Trim(w.text, "-") == "" {
		return Colon
	}
	return SYM
}
