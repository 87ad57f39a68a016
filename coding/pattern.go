package coding

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dyadproject/dyad/dict"
)

// slotKind is an actor slot of a pattern.
type slotKind uint8

const (
	noSlot slotKind = iota
	slotSource
	slotTarget
	slotPair // a group of two or more actors: every ordered pair
)

var slotNames = map[string]slotKind{"SOURCE": slotSource, "TARGET": slotTarget, "PAIR": slotPair}

type elemKind uint8

const (
	eWord elemKind = iota
	eSlot
	eGap
	eGroup
)

// elem is one element of a compiled pattern.
type elem struct {
	kind  elemKind
	words []string // eWord: the lemmas or forms it accepts, sorted
	ids   []int32  // the same words as vocabulary ids, sorted
	pos   byte     // eWord: 0, or 'n', 'v', 'j': the tag family required
	slot  slotKind // eSlot
	opt   bool     // eWord, eGroup: may be absent
	group []elem   // eGroup: optional sequence
	gap   int      // eGap: most tokens skipped
	place bool     // eSlot: after a locative preposition, a place may fill it
	text  string   // as written, for messages
}

// locative prepositions: a slot after one may be filled by a place
// ("arrived in Beijing", "recalled its ambassador from Tehran").
var locative = map[string]bool{"in": true, "at": true, "to": true, "into": true, "from": true, "inside": true, "toward": true, "towards": true, "near": true, "within": true, "across": true, "on": true, "over": true}

// Pattern flags.
const (
	flagRecip     = 1 << iota // reciprocal: code both directions
	flagLoc                   // a place may fill TARGET ("struck sites in Iraq")
	flagSolo                  // the event stands without a target
	flagNoPassive             // the verb is not read in the passive
	flagReact                 // a missing target is the actor of the latest hostile act
	flagHead                  // an object slot's actor must head its phrase ("host the president", not "host a U.S. base")
	flagPair                  // a missing target is each side of the latest pair named ("offered to mediate")
	flagHome                  // a missing target is the source's own country ("declared martial law")
	flagSaid                  // a missing source is the one who says it ("the U.S. action was interference")
	flagOther                 // a missing target is the source's opponent in the latest pair ("let aid through")
	flagFallback              // only when nothing more specific is coded for the source in the sentence ("agreed to V")
	flagWhere                 // a missing source is the country where it happens ("thousands rallied in Nairobi")
)

var flagNames = map[string]int{"recip": flagRecip, "loc": flagLoc, "solo": flagSolo, "nopassive": flagNoPassive, "react": flagReact, "head": flagHead, "pair": flagPair, "home": flagHome, "said": flagSaid, "other": flagOther, "fallback": flagFallback, "where": flagWhere}

// pattern is one compiled line of a pattern file.
type pattern struct {
	code  string // first code; codes has all of them ("171+173")
	codes []string
	lead  slotKind // the slot before the anchor: the subject role
	elems []elem   // elems[0] is the anchor
	flags int
	spec  int    // specificity: more literal words first
	pos   string // file:line
	key   string // the pattern as written, normalized, for overrides
	order int    // load order, the last tie-break
	slots int    // which slots appear (bit per slotKind)
	// leadHead, when set, holds the words the subject phrase's head must be
	leadHead *elem
	// need lists, per required word after the anchor, the ids that can
	// fill it: a quick test before matching
	need [][]int32
	// agents, when set, are the only CAMEO agents the source may have
	// (flag src=MIL|COP): "police stormed" is not "protesters stormed"
	agents []string
}

func (p *pattern) has(s slotKind) bool { return p.slots&(1<<s) != 0 }

// rawPattern is a parsed line whose class references are not yet resolved.
type rawPattern struct {
	line   dict.Line
	code   string
	text   string // the pattern field
	toks   []string
	flags  int
	agents []string
	key    string
}

// variants writes out the {a b|c} alternations and optional groups of a
// pattern: each variant is a plain sequence of elements.
func (r *rawPattern) variants() [][]string {
	var out [][]string
	for _, s := range expandBraces(r.text) {
		s = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s)
		out = append(out, expandGroups(strings.Fields(s))...)
	}
	return dedupe(out)
}

// expandBraces writes out the first {..|..} of s and recurses.
func expandBraces(s string) []string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return []string{s}
	}
	j += i
	var out []string
	for _, alt := range strings.Split(s[i+1:j], "|") {
		out = append(out, expandBraces(s[:i]+" "+strings.TrimSpace(alt)+" "+s[j+1:])...)
	}
	return out
}

func parsePatternLine(l dict.Line, defaults int) (*rawPattern, error) {
	f := l.Fields()
	if len(f) < 2 || len(f) > 3 {
		return nil, l.Errorf("want CODE <TAB> pattern [<TAB> flags]")
	}
	code := f[0]
	for _, c := range strings.Split(code, "+") {
		if code != "-" && !isCode(c) {
			return nil, l.Errorf("code %q: want a CAMEO code of 2-4 digits (several joined by +), or - to remove the pattern", code)
		}
	}
	r := &rawPattern{line: l, code: code, flags: defaults}
	if len(f) == 3 {
		var rest []string
		for _, fl := range strings.Fields(f[2]) {
			if a, ok := strings.CutPrefix(fl, "src="); ok {
				for _, ag := range strings.Split(a, "|") {
					if len(ag) != 3 || strings.ToUpper(ag) != ag {
						return nil, l.Errorf("src=%s: want CAMEO agent codes like MIL|COP", a)
					}
					r.agents = append(r.agents, ag)
				}
				continue
			}
			rest = append(rest, fl)
		}
		v, err := parseFlags(l, strings.Join(rest, " "))
		if err != nil {
			return nil, err
		}
		r.flags = (r.flags | v) &^ clearFlags(f[2])
	}
	if strings.Count(f[1], "{") != strings.Count(f[1], "}") || strings.Contains(f[1], "{}") {
		return nil, l.Errorf("unbalanced or empty { }")
	}
	if i := strings.IndexByte(f[1], '{'); i >= 0 {
		j := strings.IndexByte(f[1][i:], '}')
		if j < 0 || strings.ContainsAny(f[1][i+1:i+j], "{()") {
			return nil, l.Errorf("no { or ( inside { }, and every { closed by }")
		}
	}
	r.text = f[1]
	s := strings.NewReplacer("(", " ( ", ")", " ) ", "{", " { ", "}", " } ").Replace(f[1])
	r.toks = strings.Fields(s)
	if len(r.toks) == 0 {
		return nil, l.Errorf("empty pattern")
	}
	r.key = strings.ToLower(strings.Join(r.toks, " "))
	return r, nil
}

// compile resolves classes and checks the pattern's shape.
func (r *rawPattern) compile(lx *lexicon, order int) (*pattern, error) {
	l := r.line
	p := &pattern{code: r.code, codes: strings.Split(r.code, "+"), flags: r.flags, agents: r.agents, pos: l.Pos(), key: r.key, order: order}
	if len(p.agents) > 0 {
		p.spec += 2
	}
	p.code = p.codes[0]
	toks := r.toks
	if len(toks) == 0 {
		return nil, l.Errorf("empty pattern")
	}
	if name, head, ok := strings.Cut(toks[0], "="); ok && slotNames[name] != noSlot {
		// "SOURCE=aircraft|warplanes strike TARGET": the subject's head
		w, err := parseWord(l, lx, head)
		if err != nil {
			return nil, err
		}
		p.leadHead = &elem{kind: eSlot, words: w.words}
		p.spec += 2
		toks = append([]string{name}, toks[1:]...)
	}
	if k, ok := slotNames[toks[0]]; ok {
		if k == slotPair {
			return nil, l.Errorf("a pattern cannot open with PAIR (a subject group is read as reciprocal with the recip flag)")
		}
		p.lead = k
		p.slots |= 1 << k
		toks = toks[1:]
	}
	elems, rest, err := parseElems(l, lx, toks, 0)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, l.Errorf("unbalanced )")
	}
	if len(elems) == 0 || elems[0].kind != eWord || elems[0].opt {
		return nil, l.Errorf("the first element after the subject slot must be a required word (the anchor)")
	}
	p.elems = elems
	var walk func([]elem)
	walk = func(es []elem) {
		for _, e := range es {
			switch e.kind {
			case eWord:
				// a word with few alternatives says more than a class
				switch {
				case e.opt:
					p.spec++
				case len(e.words) <= 3:
					p.spec += 4
				case len(e.words) <= 10:
					p.spec += 3
				default:
					p.spec += 2
				}
				if e.pos != 0 {
					p.spec++
				}
			case eSlot:
				p.slots |= 1 << e.slot
				p.spec += 2
				if len(e.words) > 0 {
					p.spec += 2
				}
			case eGroup:
				walk(e.group)
			}
		}
	}
	walk(elems)
	if p.lead != noSlot {
		p.spec += 2
	}
	if p.code != "-" && !p.has(slotSource) && !p.has(slotPair) && p.flags&(flagSaid|flagPair) == 0 {
		return nil, l.Errorf("pattern has no SOURCE or PAIR slot (nor the said or pair flag)")
	}
	return p, nil
}

// parseElems reads elements up to a closing parenthesis (depth > 0) or the end.
func parseElems(l dict.Line, lx *lexicon, toks []string, depth int) ([]elem, []string, error) {
	var out []elem
	for len(toks) > 0 {
		t := toks[0]
		toks = toks[1:]
		switch {
		case t == ")":
			if depth == 0 {
				return nil, nil, l.Errorf("unbalanced )")
			}
			if len(out) == 0 {
				return nil, nil, l.Errorf("empty ( )")
			}
			return out, toks, nil
		case t == "(":
			g, rest, err := parseElems(l, lx, toks, depth+1)
			if err != nil {
				return nil, nil, err
			}
			if len(rest) == len(toks) {
				return nil, nil, l.Errorf("unbalanced (")
			}
			toks = rest
			if len(g) == 1 && g[0].kind == eWord {
				g[0].opt = true
				out = append(out, g[0])
			} else {
				out = append(out, elem{kind: eGroup, opt: true, group: g, text: "(…)"})
			}
		case t == "...":
			out = append(out, elem{kind: eGap, gap: 10, text: t})
		case slotNames[strings.SplitN(t, "=", 2)[0]] != noSlot:
			name, head, hasHead := strings.Cut(t, "=")
			e := elem{kind: eSlot, slot: slotNames[name], text: t}
			if hasHead {
				// TARGET=@envoy: the phrase's head word must be one of these
				w, err := parseWord(l, lx, head)
				if err != nil {
					return nil, nil, err
				}
				e.words = w.words
			}
			if n := len(out); n > 0 && out[n-1].kind == eWord {
				e.place = true
				for _, w := range out[n-1].words {
					if !locative[w] {
						e.place = false
					}
				}
			}
			out = append(out, e)
		default:
			e, err := parseWord(l, lx, t)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, e)
		}
	}
	if depth > 0 {
		return nil, toks, l.Errorf("unbalanced (")
	}
	return out, nil, nil
}

func parseWord(l dict.Line, lx *lexicon, t string) (elem, error) {
	e := elem{kind: eWord, text: t}
	if i := strings.LastIndexByte(t, ':'); i > 0 {
		switch t[i+1:] {
		case "n", "v", "j":
			e.pos = t[i+1]
		default:
			return e, l.Errorf("%q: unknown tag family %q (n, v, j)", t, t[i+1:])
		}
		t = t[:i]
	}
	seen := map[string]bool{}
	for _, alt := range strings.Split(t, "|") {
		alt = strings.ToLower(alt)
		switch {
		case alt == "":
			return e, l.Errorf("%q: empty alternative", e.text)
		case strings.HasPrefix(alt, "@"):
			ws, ok := lx.classes[alt[1:]]
			if !ok {
				return e, l.Errorf("unknown class %s (classes are defined in %s)", alt, ClassesFile)
			}
			for _, w := range ws {
				seen[w] = true
			}
		case strings.ToUpper(alt) == alt && strings.ToLower(alt) != alt:
			return e, l.Errorf("%q: unknown slot (SOURCE, TARGET, PAIR)", alt)
		default:
			if _, isSlot := slotNames[strings.ToUpper(alt)]; isSlot && alt != strings.ToUpper(alt) {
				// a lower-case "source" is a word like any other
			}
			seen[alt] = true
		}
	}
	for w := range seen {
		e.words = append(e.words, w)
	}
	sort.Strings(e.words)
	return e, nil
}

func (e *elem) accepts(lemma, norm string) bool {
	i := sort.SearchStrings(e.words, lemma)
	if i < len(e.words) && e.words[i] == lemma {
		return true
	}
	if norm == lemma {
		return false
	}
	i = sort.SearchStrings(e.words, norm)
	return i < len(e.words) && e.words[i] == norm
}

// acceptsID is accepts over vocabulary ids (-1 for a word no pattern uses).
func (e *elem) acceptsID(lemma, norm int32) bool {
	return hasID(e.ids, lemma) || norm != lemma && hasID(e.ids, norm)
}

func hasID(ids []int32, id int32) bool {
	if id < 0 {
		return false
	}
	lo, hi := 0, len(ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ids[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ids) && ids[lo] == id
}

// vocab numbers every word the patterns and classes use, so that a
// sentence looks each token up once and patterns compare integers.
type vocab map[string]int32

func (v vocab) add(w string) int32 {
	if id, ok := v[w]; ok {
		return id
	}
	id := int32(len(v))
	v[w] = id
	return id
}

func (v vocab) ids(words []string) []int32 {
	out := make([]int32, 0, len(words))
	for _, w := range words {
		out = append(out, v.add(w))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// index lists, per vocabulary id of an anchor word, the patterns it
// opens, most specific first.
type index [][]*pattern

func buildIndex(ps []*pattern, v vocab) index {
	var setIDs func([]elem)
	setIDs = func(es []elem) {
		for i := range es {
			es[i].ids = v.ids(es[i].words)
			setIDs(es[i].group)
		}
	}
	for _, p := range ps {
		setIDs(p.elems)
		if p.leadHead != nil {
			p.leadHead.ids = v.ids(p.leadHead.words)
		}
	}
	idx := make(index, len(v))
	for _, p := range ps {
		for _, id := range p.elems[0].ids {
			idx[id] = append(idx[id], p)
		}
	}
	for _, list := range idx {
		sort.SliceStable(list, func(i, j int) bool { return better(list[i], list[j]) })
	}
	return idx
}

// better orders patterns: more specific first, then by load order.
func better(a, b *pattern) bool {
	if a.spec != b.spec {
		return a.spec > b.spec
	}
	return a.order < b.order
}

func (p *pattern) String() string { return fmt.Sprintf("%s %s (%s)", p.code, p.key, p.pos) }

// parseFlags reads a space-separated flag list; "-name" clears a flag set
// by a file's "!flags" line.
func parseFlags(l dict.Line, s string) (int, error) {
	v := 0
	for _, fl := range strings.Fields(s) {
		if strings.HasPrefix(fl, "-") {
			continue
		}
		b, ok := flagNames[fl]
		if !ok {
			return 0, l.Errorf("unknown flag %q (flags: %s)", fl, strings.Join(sortedKeys(flagNames), ", "))
		}
		v |= b
	}
	return v, nil
}

// clearFlags reads the "-name" entries of a flag list.
func clearFlags(s string) int {
	v := 0
	for _, fl := range strings.Fields(s) {
		if strings.HasPrefix(fl, "-") {
			v |= flagNames[fl[1:]]
		}
	}
	return v
}
