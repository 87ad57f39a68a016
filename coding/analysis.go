package coding

import (
	"strings"

	"github.com/dyadproject/dyad"
)

// Coarse parts of speech, from the Penn Treebank tags.
const (
	pOther  byte = 'X'
	pNoun   byte = 'N' // NN NNS
	pProper byte = 'P' // NNP NNPS
	pVerb   byte = 'V' // VB*
	pModal  byte = 'M' // MD
	pAdj    byte = 'J' // JJ*
	pAdv    byte = 'R' // RB*
	pPart   byte = 'r' // RP
	pDet    byte = 'D' // DT PDT
	pPrep   byte = 'I' // IN
	pTo     byte = 'T' // TO
	pConj   byte = 'C' // CC
	pNum    byte = '#' // CD
	pPron   byte = 'O' // PRP
	pPrpS   byte = '$' // PRP$
	pPOS    byte = 'S' // POS
	pWh     byte = 'W' // WDT WP WP$ WRB
	pComma  byte = ','
	pStop   byte = '.' // . : ; ! ? and dashes
	pQuote  byte = 'Q'
	pOpen   byte = '('
	pClose  byte = ')'
	pEx     byte = 'E' // EX
)

func coarse(tag, norm string) byte {
	if tag == "POS" {
		// "Workers' Union": a possessive, not a closing quote
		return pPOS
	}
	// every norm below starts with punctuation: words skip the switch
	if norm == "" || !isAlnumByte(norm[0]) {
		switch norm {
		case "\"", "'", "``", "''", "“", "”", "‘", "’":
			return pQuote
		case ",":
			return pComma
		case "(", "[", "{":
			return pOpen
		case ")", "]", "}":
			return pClose
		case ";", ":", ".", "!", "?", "--", "-", "—", "–", "...", "…":
			return pStop
		}
	}
	if tag == "" {
		return pOther
	}
	switch tag[0] {
	case 'N':
		if len(tag) >= 3 && tag[2] == 'P' {
			return pProper
		}
		return pNoun
	case 'V':
		return pVerb
	case 'J':
		return pAdj
	case 'R':
		if tag == "RP" {
			return pPart
		}
		return pAdv
	case 'W':
		return pWh
	case 'C':
		if tag == "CD" {
			return pNum
		}
		if tag == "CC" {
			return pConj
		}
	case 'D':
		return pDet
	case 'P':
		switch tag {
		case "PDT":
			return pDet
		case "PRP":
			return pPron
		case "PRP$":
			return pPrpS
		case "POS":
			return pPOS
		}
	case 'I':
		return pPrep
	case 'T':
		return pTo
	case 'M':
		return pModal
	case 'E':
		return pEx
	case '`', '\'':
		return pQuote
	case ',':
		return pComma
	case '.', ':':
		return pStop
	case '-':
		if tag == "-LRB-" {
			return pOpen
		}
		if tag == "-RRB-" {
			return pClose
		}
	}
	return pOther
}

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// vgroup is a verb group: auxiliaries, negation and the main verb.
type vgroup struct {
	start, end int // token range [start, end) within the sentence
	head       int // the main verb
	modal      string
	inf        bool // "to V"
	neg        bool
	passive    bool
	finite     bool
	bare       bool // a lone participle or gerund, no auxiliary

	// Filled by the clause analysis.
	done    bool
	subj    np   // the subject phrase, when the clause has one
	subjOK  bool // subj is set
	firstP  bool // the subject is "we", "I" or a pronoun nobody was found for
	gov     int  // the governing verb group, or -1
	frame   frameKind
	objCtl  bool // the subject came from gov's object ("urged X to V")
	ctlObj  np   // that object
	quiet   bool // inside "accused X of V-ing": no event of its own
	speaker int  // speech verb group whose complement this is, or -1
	lo, hi  int  // a speech verb's complement [lo, hi)
}

// np is a noun phrase: a token range and the actor mentions it names.
type np struct {
	start, end int   // token range [start, end)
	head       int   // the head token of the first phrase
	ments      []int // indices into Doc.Mentions, outermost first
	dual       bool  // "both countries", "the two leaders"
	each       bool  // "each other", "the other"
	none       bool  // "none of them", "no country": a negative subject
	pron       bool  // a personal pronoun
	first      bool  // first person: we, I, us, our country
}

// sent is one sentence under analysis. Its slices are reused across
// sentences of a Doc.
type sent struct {
	c    *Coder
	d    *dyad.Doc
	si   int // sentence index
	off  int // index in d.Tokens of the first token
	n    int
	toks []dyad.Token
	tags []string // the tagger's tags, with a few local repairs (retag)
	lems []string // lemmas, repaired with the tags
	lid  []int32  // vocabulary id of each lemma, or -1
	nid  []int32  // vocabulary id of each norm, or -1
	// fr[i] holds the frame kinds of token i's lemma and norm in each
	// frames.txt word list, noFrame when absent
	fr []tokFrames
	// present marks the vocabulary ids of the sentence's tokens
	present []uint64
	marked  []int32
	pos     []byte
	time    []bool
	ment    []int32 // outermost event-actor mention covering each token, or -1
	vgAt    []int16
	vgs     []vgroup
	// mention indices of this sentence, in Doc order
	ments []int
	// speakers: the speech verb groups of the sentence
	acc    np // "according to X"
	hasAcc bool
	// cond marks the tokens of "if"/"unless" clauses; conditional says
	// the sentence has one.
	cond        []bool
	conditional bool // an "unless" clause
	condAny     bool // an "if" or "unless" clause
}

// tokFrames are the frame kinds of a token's lemma (l) and norm (n), per
// word list.
type tokFrames struct {
	l, n [numSets]uint8
}

func (s *sent) lemma(i int) string { return s.toks[i].Lemma }
func (s *sent) norm(i int) string  { return s.toks[i].Norm }
func (s *sent) tag(i int) string   { return s.tags[i] }

// word is a token's lemma, or its norm when the tagger gave none.
func (s *sent) word(i int) string {
	if l := s.lems[i]; l != "" {
		return l
	}
	return s.toks[i].Norm
}

const noFrame = 0xff

func (s *sent) is(i int, set int, k frameKind) bool {
	if i < 0 || i >= s.n {
		return false
	}
	f := &s.fr[i]
	return frameKind(f.l[set]) == k || frameKind(f.n[set]) == k
}

func (s *sent) frameOf(i int, set int) frameKind {
	f := &s.fr[i]
	if f.l[set] != noFrame {
		return frameKind(f.l[set])
	}
	if f.n[set] != noFrame {
		return frameKind(f.n[set])
	}
	return fNone
}

// lookupToken reads token i's vocabulary ids and frame words once.
func (s *sent) lookupToken(i int) {
	l, n := s.word(i), s.toks[i].Norm
	lw, lok := s.c.words[l]
	if !lok {
		lw = s.c.noWord
	}
	nw, nok := lw, lok
	if n != l {
		if nw, nok = s.c.words[n]; !nok {
			nw = s.c.noWord
		}
	}
	s.lid[i], s.nid[i] = -1, -1
	if lok {
		s.lid[i] = lw.id
		s.mark(lw.id)
	}
	if nok {
		s.nid[i] = nw.id
		s.mark(nw.id)
	}
	s.fr[i] = tokFrames{l: lw.fr, n: nw.fr}
}

func (s *sent) mark(id int32) {
	if id < 0 {
		return
	}
	w := int(id >> 6)
	if s.present[w]&(1<<(id&63)) == 0 {
		s.present[w] |= 1 << (id & 63)
		s.marked = append(s.marked, id)
	}
}

func (s *sent) has(id int32) bool { return s.present[id>>6]&(1<<(id&63)) != 0 }

// possible: every required word of p occurs somewhere in the sentence.
func (s *sent) possible(p *pattern) bool {
	for _, ids := range p.need {
		ok := false
		for _, id := range ids {
			if s.has(id) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// load prepares sentence si of d.
func (s *sent) load(si int) {
	d := s.d
	sn := d.Sentences[si]
	s.si = si
	s.off = sn.FirstToken
	s.toks = d.Tokens[sn.FirstToken:sn.EndToken]
	s.n = len(s.toks)
	s.pos = grow(s.pos, s.n)
	s.time = growBool(s.time, s.n)
	s.ment = grow32(s.ment, s.n)
	s.vgAt = grow16(s.vgAt, s.n)
	s.vgs = s.vgs[:0]
	s.ments = s.ments[:0]
	s.hasAcc = false
	if cap(s.tags) < s.n {
		s.tags = make([]string, s.n)
	}
	s.tags = s.tags[:s.n]
	if cap(s.lems) < s.n {
		s.lems = make([]string, s.n)
	}
	s.lems = s.lems[:s.n]
	for i := range s.toks {
		s.tags[i] = s.toks[i].Tag
		s.lems[i] = s.toks[i].Lemma
		s.ment[i] = -1
		s.vgAt[i] = -1
	}
	s.cond = growBool(s.cond, s.n)
	s.conditional, s.condAny = false, false
	s.lid = grow32(s.lid, s.n)
	s.nid = grow32(s.nid, s.n)
	if words := (len(s.c.vocab) + 63) / 64; len(s.present) != words {
		s.present = make([]uint64, words)
	}
	for _, id := range s.marked {
		s.present[id>>6] = 0
	}
	s.marked = s.marked[:0]
	if cap(s.fr) < s.n {
		s.fr = make([]tokFrames, s.n)
	}
	s.fr = s.fr[:s.n]
	s.markMentions()
	s.retag()
	for i := range s.toks {
		s.pos[i] = coarse(s.tags[i], s.toks[i].Norm)
		s.lookupToken(i)
	}
	s.markTime()
	s.findVerbGroups()
	s.markConditions()
}

// markConditions flags "if ..." and "unless ..." clauses: up to a comma
// when the clause comes first ("If X, Y"), else to the end.
func (s *sent) markConditions() {
	for i := 0; i < s.n; i++ {
		w := s.norm(i)
		if !(w == "unless" || w == "if" && s.pos[i] == pPrep) {
			continue
		}
		// "will withdraw unless ..." threatens; "will withdraw if they
		// keep their side" promises
		s.conditional = s.conditional || w == "unless"
		s.condAny = true
		j := i + 1
		for j < s.n && s.pos[j] != pStop && !(s.pos[j] == pComma && (i == 0 || s.pos[i-1] == pQuote || s.pos[i-1] == pComma)) {
			s.cond[j] = true
			j++
		}
		i = j
	}
}

func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}
func growBool(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}
func grow32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}
func grow16(b []int16, n int) []int16 {
	if cap(b) < n {
		return make([]int16, n)
	}
	return b[:n]
}

// verbish nouns are verbs a tagger often reads as plural nouns right
// after a subject ("Moscow remains ready", "China stands ready").
var verbish = map[string]bool{
	"remains": true, "stands": true, "says": true, "vows": true, "warns": true, "seeks": true,
	"wants": true, "urges": true, "calls": true, "threatens": true, "denies": true, "accuses": true,
	"rejects": true, "demands": true, "insists": true, "agrees": true, "refuses": true, "offers": true,
	"hopes": true, "aims": true, "expects": true, "appears": true, "seems": true, "plans": true,
	"pledges": true, "promises": true, "blames": true, "condemns": true, "welcomes": true, "backs": true,
}

// retag repairs a few tagger readings the clause analysis depends on.
func (s *sent) retag() {
	for i := 0; i < s.n; i++ {
		t, w := s.tags[i], s.toks[i].Norm
		prev, next := "", ""
		if i > 0 {
			prev = s.tags[i-1]
		}
		if i+1 < s.n {
			next = s.tags[i+1]
		}
		switch {
		case w == "being" && t != "VBG":
			s.tags[i] = "VBG"
		case w == "'s" && t == "VBZ" && i+2 < s.n && s.toks[i+1].Tag == "VBG" && (strings.HasPrefix(s.toks[i+2].Tag, "NN") || s.toks[i+2].Tag == "JJ"):
			// "Serbia's feuding republics", "Algeria's leading human
			// rights activist"
			s.tags[i] = "POS"
		case t == "VBD" && i > 0 && (prev == "NN" || prev == "NNS") && s.ment[i] < 0 && s.finiteBefore(i) &&
			(next == "IN" || next == "RB" || i+1 < s.n && s.toks[i+1].Norm == "last"):
			// "equipment seized last year from", "weapons captured by": a
			// participle after its noun, once the clause has its verb
			s.tags[i] = "VBN"
		case (t == "NN" || t == "NNP") && len(w) > 4 && strings.HasSuffix(w, "ing") && (prev == "IN" || prev == "TO") && s.ment[i] < 0:
			// "for speaking out", "of breaking": a gerund
			switch next {
			case "DT", "PRP$", "PRP", "RP", "IN", "JJ", "CD", "NNP", "NNPS", "TO":
				s.tags[i] = "VBG"
			}
		case t == "VBD" && i > 0:
			switch s.toks[i-1].Norm {
			case "be", "being", "been", "is", "was", "were", "are", "get", "got":
				s.tags[i] = "VBN"
			}
		case (t == "NN" || t == "JJ") && len(w) > 4 && strings.HasSuffix(w, "ed") && i > 0 && s.ment[i] < 0 &&
			(prev == "NNS" || prev == "NNPS" || prev == "NNP" || s.ment[i-1] >= 0) && prev != "POS" && (i < 2 || s.tags[i-2] != "DT" || s.ment[i-1] >= 0):
			// "gunmen abducted dozens", "guards tortured Syrian activists"
			switch next {
			case "DT", "CD", "NNS", "NNP", "NNPS", "JJ", "PRP$", "PRP":
				s.tags[i] = "VBD"
				s.lems[i] = s.c.verbLemma(w)
			}
		case t == "NN" && i > 1 && s.ment[i-1] >= 0 && s.ment[i] < 0 && (next == "DT" || next == "PRP$") && s.toks[s.mentionStart(i-1)-1].Norm == "that":
			// "demanded that Iran release the tanker"
			s.tags[i] = "VB"
		case (t == "NNS" || t == "NN") && i > 0 && s.ment[i-1] >= 0 && s.ment[i] < 0 && prev != "POS" && verbish[w]:
			switch next {
			case "JJ", "TO", "DT", "IN", "PRP", "NNP", "RB", "VBN":
				s.tags[i] = "VBZ"
			}
		}
	}
}

// finiteBefore: a finite verb (after a subject) comes before token i.
func (s *sent) finiteBefore(i int) bool {
	for j := i - 1; j > 0; j-- {
		switch s.tags[j] {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
		if s.toks[j].Norm == "," || s.toks[j].Norm == "that" {
			return false
		}
	}
	return false
}

// mentionStart is the first token of the mention over token i (at least 1).
func (s *sent) mentionStart(i int) int {
	m := &s.d.Mentions[s.ment[i]]
	return max(m.FirstToken-s.off, 1)
}

// markMentions records, per token, the outermost mention that may act in
// an event (media are skipped; places are kept and told apart later).
func (s *sent) markMentions() {
	ms := s.d.Mentions
	lo, hi := s.off, s.off+s.n
	for mi := s.c.mentionFrom(s.d, s.si); mi < len(ms); mi++ {
		m := &ms[mi]
		if m.Sentence > s.si {
			break
		}
		if m.Sentence != s.si || m.FirstToken < lo || m.EndToken > hi || m.EndToken <= m.FirstToken {
			continue
		}
		s.ments = append(s.ments, mi)
		if m.Kind == dyad.MentionMedia {
			continue
		}
		for t := m.FirstToken; t < m.EndToken; t++ {
			if s.ment[t-lo] < 0 {
				s.ment[t-lo] = int32(mi)
			}
		}
	}
}

// markTime flags the tokens of time expressions ("on Monday", "late on
// Friday", "earlier this month", "in 2008"): clause reading skips them.
func (s *sent) markTime() {
	isTimeWord := func(i int) bool {
		if s.ment[i] >= 0 {
			return false
		}
		switch s.pos[i] {
		case pModal, pVerb, pConj, pComma, pStop, pQuote:
			return false
		}
		return s.is(i, setWord, fTime)
	}
	for i := 0; i < s.n; i++ {
		if !isTimeWord(i) && !(s.pos[i] == pNum && isYear(s.norm(i))) {
			continue
		}
		w := s.norm(i)
		// "this", "last", "next", "past", "late", "early" are time words
		// only before another time word.
		switch w {
		case "this", "last", "next", "past", "late", "early", "hours", "days", "weeks", "months", "years":
			if !(i+1 < s.n && (isTimeWord(i+1) || s.norm(i+1) == "on" || s.norm(i+1) == "in")) && w != "hours" && w != "days" && w != "weeks" && w != "months" && w != "years" {
				continue
			}
			if (w == "hours" || w == "days" || w == "weeks" || w == "months" || w == "years") && !(i+1 < s.n && (s.norm(i+1) == "ago" || s.norm(i+1) == "later" || s.norm(i+1) == "earlier" || s.norm(i+1) == "after" || s.norm(i+1) == "before")) {
				continue
			}
		}
		s.time[i] = true
		// a preposition or "late"/"early" right before belongs to it
		j := i - 1
		for j >= 0 && (s.norm(j) == "late" || s.norm(j) == "early" || s.norm(j) == "on" || s.norm(j) == "in" || s.norm(j) == "at" || s.norm(j) == "since" || s.norm(j) == "by" || s.pos[j] == pDet && s.norm(j) == "the") {
			s.time[j] = true
			j--
		}
		// numbers after a month: "April 6", "Oct 29-31"
		for k := i + 1; k < s.n && (s.pos[k] == pNum || s.norm(k) == "a.m." || s.norm(k) == "p.m."); k++ {
			s.time[k] = true
			i = k
		}
	}
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w[0] == '1' || w[0] == '2'
}

func (s *sent) isVerbish(i int) bool { return s.pos[i] == pVerb || s.pos[i] == pModal }

// findVerbGroups groups auxiliaries, modals, negation and particles with
// their main verb: "has not yet been attacked", "will pull out", "to meet".
func (s *sent) findVerbGroups() {
	for i := 0; i < s.n; {
		inf := s.pos[i] == pTo && s.infAt(i)
		if !inf && !s.verbAt(i) {
			i++
			continue
		}
		g := vgroup{start: i, head: -1, inf: inf, gov: -1, speaker: -1}
		j := i
		if inf {
			j++
		}
		verbs := 0
		for j < s.n {
			switch {
			case s.verbAt(j):
				if g.head >= 0 && !s.isAux(g.head) {
					goto done // the main verb is there: a new group starts
				}
				if s.pos[j] == pModal {
					if g.modal == "" {
						g.modal = s.norm(j)
					}
					if g.head < 0 {
						g.head = j
					}
				} else {
					g.head = j
					verbs++
				}
				j++
			case s.pos[j] == pAdv || s.negAdv(j) || s.pos[j] == pAdj && g.head >= 0 && s.isAux(g.head) && j+1 < s.n && s.verbAt(j+1):
				// adverbs inside the group: "has also said", "did not
				// attack", "has once again outright rejected"
				k := j
				for k < s.n && (s.pos[k] == pAdv || s.negAdv(k) || s.pos[k] == pAdj && k+1 < s.n && s.verbAt(k+1)) {
					k++
				}
				inside := k < s.n && s.verbAt(k) && (g.head < 0 || s.isAux(g.head))
				for t := j; t < k; t++ {
					if s.negAdv(t) && (inside || g.head >= 0) {
						g.neg = true
					}
				}
				if !inside {
					goto done
				}
				j = k
			case s.pos[j] == pPart && g.head >= 0:
				j++
			default:
				goto done
			}
		}
	done:
		if g.head < 0 {
			g.head = j - 1
		}
		g.end = j
		s.classify(&g, verbs)
		for t := g.start; t < g.end; t++ {
			s.vgAt[t] = int16(len(s.vgs))
		}
		s.vgs = append(s.vgs, g)
		i = j
	}
}

func (s *sent) verbAt(i int) bool {
	return (s.pos[i] == pVerb || s.pos[i] == pModal) && s.ment[i] < 0 && !s.time[i]
}

// infAt reports whether "to" at i opens an infinitive.
func (s *sent) infAt(i int) bool {
	j := i + 1
	for j < s.n && (s.pos[j] == pAdv || s.negAdv(j)) {
		j++
	}
	return j < s.n && s.verbAt(j) && (s.tag(j) == "VB" || s.tag(j) == "VBP")
}

func (s *sent) negAdv(i int) bool {
	switch s.norm(i) {
	case "not", "n't", "never":
		return true
	}
	return false
}

// isAux reports whether verb token i can carry another verb after it.
func (s *sent) isAux(i int) bool {
	if s.pos[i] == pModal {
		return true
	}
	switch s.word(i) {
	case "be", "have", "do", "get", "is", "was", "were", "are", "been", "being", "has", "had", "did", "does":
		return true
	}
	return false
}

func (s *sent) classify(g *vgroup, verbs int) {
	h := g.head
	first := -1
	for t := g.start; t < g.end; t++ {
		if s.pos[t] == pVerb || s.pos[t] == pModal {
			first = t
			break
		}
	}
	if first < 0 {
		return
	}
	if g.inf {
		g.finite = false
	} else if s.pos[first] == pModal {
		g.finite = true
	} else {
		switch s.tag(first) {
		case "VBD", "VBZ", "VBP":
			g.finite = true
		case "VB":
			g.finite = true // imperative or tagger's base form
		}
	}
	if s.pos[h] == pVerb && s.tag(h) == "VBN" {
		// passive when the verb right before the participle is "be"/"get"
		for t := h - 1; t >= g.start; t-- {
			if s.pos[t] == pAdv || s.negAdv(t) {
				continue
			}
			switch s.word(t) {
			case "be", "is", "was", "were", "are", "been", "being", "get", "got", "gets", "getting", "become":
				g.passive = true
			}
			break
		}
	}
	if g.modal == "" && !g.inf && (s.tag(first) == "VBG" || s.tag(first) == "VBN") {
		// "hosting", "being used", "having been attacked": no tense
		g.bare = true
		g.finite = false
	}
}

// skippable tokens between the words of a pattern or before a phrase.
func (s *sent) filler(i int) bool {
	if s.time[i] {
		return true
	}
	switch s.pos[i] {
	case pAdv, pQuote, pPart:
		return !s.negAdv(i)
	}
	return false
}

// nominal reports whether token i can be inside a noun phrase.
func (s *sent) nominal(i int) bool {
	if s.ment[i] >= 0 {
		return true
	}
	switch s.pos[i] {
	case pNoun, pProper, pAdj, pDet, pNum, pPrpS, pPOS, pPron:
		return true
	case pVerb:
		// "visiting", "British-flagged", "armed" before a noun
		t := s.tag(i)
		return (t == "VBG" || t == "VBN") && i+1 < s.n && (s.pos[i+1] == pNoun || s.pos[i+1] == pProper || s.pos[i+1] == pAdj || s.ment[i+1] >= 0)
	}
	return false
}
