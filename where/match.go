package where

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Cue is the evidence that a name is used as a place, strongest last.
type Cue uint8

// Cues, from the weakest.
const (
	// CueNone: a capitalised name with no cue around it.
	CueNone Cue = iota
	// CueName: the first word of a longer name ("Paris Agreement").
	CueName
	// CueVenue: the first word of the name of a meeting, which is held
	// there ("the Beijing Xiangshan Forum").
	CueVenue
	// CueFrom: after "from", "to", "between", "of" or a leaving verb: a
	// place, but not where the action is ("recalled from Tehran").
	CueFrom
	// CueAt: after "in", "at", "near", "inside", "into", … or a verb
	// that acts on a place ("visited Beijing", "shelled Kharkiv"), or
	// "to" after a word of motion ("flew to Moscow").
	CueAt
	// CueDateline: the dateline ("QUITO, April 6 (AP) -").
	CueDateline
)

func (c Cue) String() string {
	return [...]string{"none", "name", "venue", "from", "at", "dateline"}[c]
}

// match is one name found in the text and what is known around it.
type match struct {
	sent, first, end int       // tokens [first, end)
	span             dyad.Span // the name, or name plus qualifier ("Paris, Texas")
	node             int32
	cands            []int32 // entries the name may stand for
	alt              []bool  // whether cands[i] matched by an alternate name
	cue              Cue
	word             string // the preposition or verb of the cue
	cueAt            int    // its token, or -1
	qual             []int32
	qualNext         bool // the qualifier follows after a comma (it is part of the span)
	want             Kind // a kind the context asks for ("X province"), or kindAny
	strong           bool // a qualifier or a place noun backs it
	mention          int  // the actor mention it overlaps, or -1
	chosen           int32
	prev             int32 // the reading chosen in the first round, or -1
}

const kindAny Kind = 255

// scan finds the longest gazetteer names in sentence si that start with
// a capitalised token, skipping tokens in skip.
func (p *proc) scan(si int) {
	d := p.d
	s := d.Sentences[si]
	for i := s.FirstToken; i < s.EndToken; i++ {
		if p.taken(i) || !p.capitalised(i) {
			continue
		}
		end, node := p.longest(i, s.EndToken, false)
		if end < 0 {
			continue
		}
		m := match{sent: si, first: i, end: end, node: node, mention: -1, chosen: -1, want: kindAny}
		m.span = dyad.Span{Start: d.Tokens[i].Start, End: d.Tokens[end-1].End}
		p.matches = append(p.matches, m)
		i = end - 1
	}
}

// longest returns the end of the longest name starting at token i (and
// its node), or -1. qual admits dateline abbreviations ("Calif.").
func (p *proc) longest(i, hi int, qual bool) (int, int32) {
	d := p.d
	best, bestNode := -1, int32(-1)
	buf := p.buf[:0]
	for j := i; j < hi && j < i+p.g.maxWords; j++ {
		t := d.Tokens[j]
		if j > i && t.Start > d.Tokens[j-1].End {
			buf = append(buf, ' ')
		}
		buf = AppendKey(buf, d.Text[t.Start:t.End])
		if n := t.Norm; len(n) > 0 && n[len(n)-1] == '.' && d.Text[t.End-1] != '.' {
			buf = append(buf, '.') // "in the U.S." at a sentence end: the token is "U.S"
		}
		id, ok := p.g.index[string(buf)]
		if !ok {
			break
		}
		if p.g.nodes[id].n > 0 && p.usable(id, d.Text[d.Tokens[i].Start:t.End], qual) && (j == i || capsOK(d.Text[d.Tokens[i].Start:t.End])) {
			best, bestNode = j+1, id
		}
		if !p.g.nodes[id].prefix {
			break
		}
	}
	p.buf = buf
	return best, bestNode
}

// usable reports whether some posting of node id fits how text is written.
func (p *proc) usable(id int32, text string, qual bool) bool {
	for _, ps := range p.g.postings(id) {
		if p.fits(ps, text, qual) {
			return true
		}
	}
	return false
}

func (p *proc) fits(ps posting, text string, qual bool) bool {
	if ps.flags&flagQual != 0 && !qual {
		return false
	}
	if ps.flags&flagAcronym != 0 && hasLower(text) {
		return false // "us" is not the US
	}
	return true
}

// capsOK: every word of a name written in the text, but for particles
// ("de", "al", "of"), starts with a capital: "The crossing" is not "The
// Crossing", "Gaza city" not "Gaza City".
func capsOK(text string) bool {
	for w := range strings.FieldsSeq(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !particles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// particles may be written in lower case inside a name.
var particles = map[string]bool{
	"de": true, "del": true, "della": true, "di": true, "da": true, "do": true, "dos": true, "das": true,
	"du": true, "des": true, "la": true, "le": true, "les": true, "los": true, "las": true, "el": true,
	"al": true, "ad": true, "an": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"ath": true, "adh": true, "y": true, "e": true, "en": true, "on": true, "upon": true, "sur": true,
	"am": true, "im": true, "der": true, "den": true, "van": true, "von": true, "aan": true, "op": true,
	"of": true, "the": true, "bin": true, "ibn": true, "bint": true, "and": true, "i": true,
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// candidates fills m.cands with the entries whose spelling fits the text.
func (p *proc) candidates(m *match, qual bool) {
	text := p.d.Text[m.span.Start:p.d.Tokens[m.end-1].End]
	c0 := len(p.cands)
	for _, ps := range p.g.postings(m.node) {
		if p.fits(ps, text, qual) {
			p.cands = append(p.cands, ps.entry)
			p.alts = append(p.alts, ps.flags&flagAlt != 0)
		}
	}
	// Full slice expressions: a later append to m.cands must copy.
	m.cands = p.cands[c0:len(p.cands):len(p.cands)]
	m.alt = p.alts[c0:len(p.alts):len(p.alts)]
}

func (p *proc) taken(i int) bool { return len(p.skip) > 0 && p.skip[i] }

// capitalised: the token starts with an upper-case letter.
func (p *proc) capitalised(i int) bool {
	t := p.d.Tokens[i]
	r, _ := utf8.DecodeRuneInString(p.d.Text[t.Start:t.End])
	return unicode.IsUpper(r)
}

func (p *proc) norm(i int) string { return p.d.Tokens[i].Norm }

func (p *proc) tag(i int) string { return p.d.Tokens[i].Tag }

func (p *proc) lemma(i int) string {
	if l := p.d.Tokens[i].Lemma; l != "" {
		return l
	}
	return p.d.Tokens[i].Norm
}

// Word lists for the cues. Norms are lower case.
var (
	atPreps = map[string]bool{
		"in": true, "at": true, "near": true, "inside": true, "outside": true, "into": true,
		"across": true, "around": true, "within": true, "throughout": true, "through": true,
		"via": true, "onto": true,
	}
	fromPreps = map[string]bool{
		"from": true, "to": true, "toward": true, "towards": true, "between": true, "of": true,
		"for": true, "out": true, "off": true,
	}
	// placeVerbs take a place as object and act there.
	placeVerbs = map[string]bool{
		"visit": true, "tour": true, "enter": true, "reach": true, "attack": true, "bomb": true,
		"shell": true, "strike": true, "hit": true, "raid": true, "storm": true, "invade": true,
		"capture": true, "besiege": true, "occupy": true, "seize": true, "target": true,
		"pound": true, "bombard": true, "land": false, "host": false,
	}
	leaveVerbs = map[string]bool{"leave": true, "flee": true, "quit": true, "evacuate": true}
	// motionWords make "to X" a destination where the visit happens.
	motionWords = map[string]bool{
		"visit": true, "trip": true, "travel": true, "fly": true, "arrive": true, "return": true,
		"come": true, "go": true, "head": true, "journey": true, "move": true, "flight": true,
		"tour": true, "mission": true, "deploy": true, "send": true, "dispatch": true,
		"delegation": true, "voyage": true, "pilgrimage": true, "relocate": true,
	}
	// npMods may stand between a preposition and the name.
	npMods = map[string]bool{
		"the": true, "a": true, "an": true, "this": true, "that": true, "its": true, "their": true,
		"his": true, "her": true, "our": true, "northern": true, "southern": true, "eastern": true,
		"western": true, "central": true, "north": true, "south": true, "east": true, "west": true,
		"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
		"downtown": true, "occupied": true, "besieged": true, "capital": true, "city": true,
		"town": true, "port": true, "village": true, "province": true, "region": true,
		"state": true, "district": true, "neighbouring": true, "neighboring": true, "nearby": true,
		"coastal": true, "border": true, "frontline": true, "front-line": true, "embattled": true,
		"southernmost": true, "northernmost": true,
	}
	// placeTypes before "of" name the place after it ("the city of Kharkiv").
	placeTypes = map[string]Kind{
		"city": KindCity, "town": KindCity, "village": KindCity, "port": KindCity, "capital": KindCity,
		"outskirts": kindAny, "suburbs": kindAny, "centre": kindAny, "center": kindAny,
		"province": KindAdmin1, "region": KindAdmin1, "state": KindAdmin1, "oblast": KindAdmin1,
		"governorate": KindAdmin1, "prefecture": KindAdmin1, "county": KindAdmin1,
		"north": kindAny, "south": kindAny, "east": kindAny, "west": kindAny,
		"northeast": kindAny, "northwest": kindAny, "southeast": kindAny, "southwest": kindAny,
		"heart": kindAny, "streets": kindAny, "people": kindAny, "residents": kindAny,
	}
	// adminNouns after a name ask for a division ("Donetsk region").
	adminNouns = map[string]bool{
		"province": true, "region": true, "state": true, "oblast": true, "governorate": true,
		"prefecture": true, "county": true, "district": true, "department": true, "provinces": true,
		"regions": true, "krai": true, "territory": true,
	}
	// placeNouns after a name show it is a place ("Moscow airport").
	placeNouns = map[string]bool{
		"city": true, "airport": true, "residents": true, "suburb": true, "suburbs": true,
		"outskirts": true, "streets": true, "metro": true, "subway": true, "hotel": true,
		"mayor": true, "area": true, "port": true, "harbour": true, "harbor": true, "skyline": true,
		"municipality": true, "police": true, "court": true, "prison": true, "hospital": true,
		"square": false, "native": true, "resident": true, "time": true, "district": true,
	}
	// titles before a capitalised word make it a person's name.
	titles = map[string]bool{
		"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true,
		"dr.": true, "president": true, "minister": true, "general": true, "gen.": true, "gen": true,
		"sir": true, "lord": true, "lady": true, "senator": true, "sen.": true, "rep.": true,
		"gov.": true, "governor": true, "mayor": true, "king": true, "queen": true, "prince": true,
		"princess": true, "judge": true, "justice": true, "ambassador": true, "secretary": true,
		"chancellor": true, "premier": true, "sheikh": true, "imam": true, "rabbi": true,
		"father": true, "pope": true, "cardinal": true, "bishop": true, "colonel": true, "col.": true,
		"lt.": true, "capt.": true, "maj.": true, "sgt.": true, "spokesman": true,
		"spokeswoman": true, "commander": true, "admiral": true, "adm.": true, "coach": true,
		"striker": true, "midfielder": true, "defender": true, "goalkeeper": true, "actor": true,
		"actress": true, "singer": true, "author": true, "professor": true, "prof.": true, "st.": false,
	}
	// speechVerbs after a bare name make it a speaker, not a place.
	speechVerbs = map[string]bool{
		"said": true, "says": true, "told": true, "added": true, "stated": true, "insisted": true,
		"argued": true, "wrote": true, "tweeted": true, "asked": true, "replied": true, "noted": true,
		"explained": true, "recalled": false, "admitted": true, "acknowledged": true,
	}
	// features after a name make it another feature ("Kerch Strait").
	features = map[string]bool{
		"strait": true, "sea": true, "gulf": true, "river": true, "lake": true, "bay": true,
		"mountains": true, "mountain": true, "mount": true, "island": true, "islands": true,
		"peninsula": true, "canal": true, "desert": true, "valley": true, "basin": true,
		"plain": true, "plateau": true, "ocean": true, "channel": true, "dam": true, "bridge": true,
		"corridor": true, "pass": true, "coast": true, "heights": true, "hills": true, "forest": true,
		"delta": true, "reef": true, "shoal": true, "cape": true, "falls": true,
	}
	// venues are meetings named after where they are held.
	venues = map[string]bool{
		"forum": true, "summit": true, "conference": true, "dialogue": true, "talks": true,
		"meeting": true, "games": true, "expo": true, "congress": true, "festival": true,
		"marathon": true, "olympics": true, "fair": true, "show": true,
	}
	// directions may start a place name's sentence or precede it.
	directions = map[string]bool{
		"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
		"eastern": true, "western": true, "central": true, "greater": true, "upper": true, "lower": true,
	}
)

// cueBefore looks left of token first (within [lo, first)) for a
// locative word, over determiners and adjectives ("at a Moscow airport",
// "in the eastern city of Kharkiv"). want is the kind a place-type noun
// asks for ("the state of Georgia").
func (p *proc) cueBefore(first, lo int) (c Cue, word string, want Kind, at int) {
	want, at = kindAny, -1
	k := first - 1
	for n := 0; k >= lo && n < 5; n++ {
		nm := p.norm(k)
		if nm == "of" && k-1 >= lo {
			if kd, ok := placeTypes[p.norm(k-1)]; ok {
				if want == kindAny {
					want = kd
				}
				if c < CueFrom {
					c, word, at = CueFrom, "of", k
				}
				k -= 2
				continue
			}
		}
		if npMods[nm] || isNumber(nm) || p.isAdjective(k) {
			k--
			continue
		}
		break
	}
	if k < lo {
		return c, word, want, at
	}
	nm := p.norm(k)
	switch {
	case atPreps[nm]:
		return CueAt, nm, want, k
	case nm == "to" || nm == "toward" || nm == "towards" || nm == "for":
		for j := k - 1; j >= lo && j >= k-3; j-- {
			if motionWords[p.lemma(j)] || motionWords[p.norm(j)] {
				return CueAt, nm, want, k
			}
		}
		return max(c, CueFrom), nm, want, k
	case fromPreps[nm]:
		return max(c, CueFrom), nm, want, k
	case placeVerbs[p.lemma(k)] && p.isVerb(k):
		return CueAt, p.lemma(k), want, k
	case leaveVerbs[p.lemma(k)] && p.isVerb(k):
		return max(c, CueFrom), p.lemma(k), want, k
	}
	return c, word, want, at
}

func (p *proc) isAdjective(k int) bool {
	t := p.tag(k)
	if strings.HasPrefix(t, "JJ") {
		// A capitalised adjective is a nationality ("the Ukrainian
		// capital Kyiv") or part of a name; both may stand before a place.
		return true
	}
	return false
}

func (p *proc) isVerb(k int) bool {
	t := p.tag(k)
	return t == "" || strings.HasPrefix(t, "VB")
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}
