package source

import (
	"cmp"
	"github.com/dyadproject/dyad/internal/textspace"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// proc is the per-Doc working state, kept in a pool between Docs.
type proc struct {
	s    *Stage
	d    *dyad.Doc
	toks []dyad.Token

	media   []int32    // per token: the media mention covering it, or -1
	credits []credit   // all sentence credits, by sentence
	at      []int32    // per sentence: its first credit (at[s]..at[s+1])
	byS     [][]string // per sentence: the names it credits, outer first
	article []string   // the article's own credits, outermost first
	carry   map[string][]string

	// chains' working memory, reused across Docs
	qs                   [][2]int
	evAt, evOrder, order []int
	keys                 []string // per quote: its speaker's key
}

// credit is one outlet a sentence credits.
type credit struct {
	name  string
	tok   int
	inner bool // "citing M": inside the sentence's other credits
}

func (p *proc) reset(s *Stage, d *dyad.Doc) {
	p.s, p.d, p.toks = s, d, nil
	if d != nil {
		p.toks = d.Tokens
	}
	clear(p.credits)
	p.credits = p.credits[:0]
	clear(p.byS)
	p.article = p.article[:0]
	clear(p.carry)
	clear(p.keys)
}

// ints returns buf resized to n.
func ints(buf []int, n int) []int {
	if cap(buf) < n {
		return make([]int, n)
	}
	return buf[:n]
}

func (p *proc) run() {
	n := len(p.toks)
	if cap(p.media) < n {
		p.media = make([]int32, n)
	}
	p.media = p.media[:n]
	for i := range p.media {
		p.media[i] = -1
	}
	for i, m := range p.d.Mentions {
		if m.Kind != dyad.MentionMedia {
			continue
		}
		for k := max(m.FirstToken, 0); k < m.EndToken && k < n; k++ {
			p.media[k] = int32(i)
		}
	}
	p.articleCredits()
	p.sentenceCredits()
	ns := len(p.d.Sentences)
	if cap(p.byS) < ns {
		p.byS = make([][]string, ns)
	}
	p.byS = p.byS[:ns]
	for s := range ns {
		p.byS[s] = nil
		if p.at[s] < p.at[s+1] {
			p.byS[s] = p.creditNames(s)
		}
	}
	p.chains()
}

func (p *proc) norm(i int) string { return p.toks[i].Norm }
func (p *proc) tag(i int) string  { return p.toks[i].Tag }
func (p *proc) text(i int) string { t := p.toks[i]; return p.d.Text[t.Start:t.End] }

func (p *proc) words(first, end int) string {
	return textspace.OneSpace(p.d.Text[p.toks[first].Start:p.toks[end-1].End])
}

func isDash(n string) bool { return n == "-" || n == "--" || n == "---" }

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// addArticle appends an article-level credit once.
func (p *proc) addArticle(name string) {
	name = strings.Trim(strings.TrimSpace(name), ".,;:")
	if name == "" {
		return
	}
	name = p.s.canonical(name)
	if !slices.Contains(p.article, name) {
		p.article = append(p.article, name)
	}
}

// articleCredits reads the article's own credits: its outlet (metadata,
// with wire agencies in brackets: "Taipei Times (AFP, AP)"), a standfirst
// ("… reports Asian Lite News"), the dateline's agencies ("QUITO, April
// 6 (AP) -") and a sign-off ("(ANI)", "— Reuters").
func (p *proc) articleCredits() {
	if o := p.d.Article.Outlet; o != "" {
		name, wires, _ := strings.Cut(o, "(")
		p.addArticle(name)
		for _, w := range p.splitNames(strings.TrimSuffix(strings.TrimSpace(wires), ")")) {
			p.addArticle(w)
		}
	}
	ns := len(p.d.Sentences)
	for s := 0; s < ns && p.d.Sentences[s].Paragraph <= 1; s++ {
		if name := p.standfirst(s); name != "" {
			p.addArticle(name)
		}
	}
	if ns > 0 {
		for _, w := range p.dateline(0) {
			p.addArticle(w)
		}
		for _, w := range p.signOff(ns - 1) {
			p.addArticle(w)
		}
	}
}

// splitNames splits "AFP, AP" or "AFP/Reuters" into names: known outlets,
// a known outlet ending a part ("With inputs from IANS"), and names that
// start with a capital.
func (p *proc) splitNames(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '/' || r == ';' }) {
		f = textspace.OneSpace(f)
		if _, known := p.s.names[normName(f)]; known {
			out = append(out, f)
			continue
		}
		ws := strings.Fields(f)
		// "With inputs from IANS": the known outlet at its end.
		known := false
		for k := 1; k < len(ws); k++ {
			if _, ok := p.s.names[normName(strings.Join(ws[k:], " "))]; ok {
				out = append(out, strings.Join(ws[k:], " "))
				known = true
				break
			}
		}
		for !known && len(ws) > 0 && !isCap(ws[0]) {
			ws = ws[1:]
		}
		if !known && len(ws) > 0 {
			out = append(out, strings.Join(ws, " "))
		}
	}
	return out
}

func (p *proc) sentRange(s int) (int, int) {
	st := p.d.Sentences[s]
	return st.FirstToken, st.EndToken
}

// standfirst: a sentence that is only "reports <outlet>" (or "writes").
func (p *proc) standfirst(s int) string {
	lo, hi := p.sentRange(s)
	for lo < hi && !isWord(p.text(lo)) {
		lo++
	}
	for hi > lo && !isWord(p.text(hi-1)) {
		hi--
	}
	if hi-lo < 2 || hi-lo > 8 {
		return ""
	}
	switch p.norm(lo) {
	case "reports", "reported", "writes":
	default:
		return ""
	}
	for k := lo + 1; k < hi; k++ {
		if p.media[k] < 0 && !isCap(p.text(k)) && p.norm(k) != "of" {
			return ""
		}
	}
	return p.words(lo+1, hi)
}

func isWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// dateline: the agencies in brackets before the dash that opens the
// first sentence ("QUITO, April 6 (AP) -").
func (p *proc) dateline(s int) []string {
	lo, hi := p.sentRange(s)
	for i := lo; i < hi && i < lo+20; i++ {
		if p.norm(i) != "(" {
			continue
		}
		for j := i + 1; j < hi && j < i+12; j++ {
			if p.norm(j) == ")" {
				if j+1 < hi && (isDash(p.norm(j+1)) || p.norm(j+1) == ":") && j > i+1 && p.placeFirst(lo, i) {
					return p.splitNames(p.d.Text[p.toks[i+1].Start:p.toks[j-1].End])
				}
				break
			}
		}
		return nil
	}
	return nil
}

// placeFirst: the words before the bracket are a dateline's place and
// date: capitalised words, numbers and commas.
func (p *proc) placeFirst(lo, i int) bool {
	if i == lo {
		return false
	}
	for k := lo; k < i; k++ {
		t := p.text(k)
		if !isCap(t) && p.tag(k) != "CD" && t != "," && t != "." {
			return false
		}
	}
	return true
}

// signOff: "(ANI)" or "(AFP/Reuters)" ending the text, or a last line
// "— Reuters".
func (p *proc) signOff(s int) []string {
	lo, hi := p.sentRange(s)
	e := hi
	for e > lo && p.tag(e-1) == "." {
		e--
	}
	if e-lo >= 3 && p.norm(e-1) == ")" {
		for k := e - 2; k >= lo && k > e-12; k-- {
			if p.norm(k) != "(" {
				continue
			}
			// After the sentence's end ("reported. (ANI)"), not an
			// abbreviation ending it ("… Agency (IAEA).").
			if k+1 < e-1 && (k == lo || p.tag(k-1) == "." || p.tag(k-1) == "''") {
				return p.splitNames(p.d.Text[p.toks[k+1].Start:p.toks[e-2].End])
			}
			return nil
		}
		return nil
	}
	// A last line "— Reuters" or "Source: Xinhua".
	if p.d.Sentences[s].Index > 0 && e-lo >= 2 && e-lo <= 6 {
		k := lo
		switch {
		case isDash(p.norm(k)):
			k++
		case p.norm(k) == "source" && p.norm(k+1) == ":":
			k += 2
		default:
			return nil
		}
		if k < e && p.media[k] >= 0 && int(p.d.Mentions[p.media[k]].EndToken) >= e {
			return []string{p.d.Mentions[p.media[k]].Actor.Name}
		}
	}
	return nil
}

// chains sets ReportedBy on the quotes and events.
func (p *proc) chains() {
	ns := len(p.d.Sentences)
	if p.carry == nil {
		p.carry = map[string][]string{}
	}
	// Quotes and events by their first sentence.
	nq := len(p.d.Quotes)
	if cap(p.qs) < nq {
		p.qs = make([][2]int, nq)
	}
	qs := p.qs[:nq] // sentence range per quote
	if cap(p.keys) < nq {
		p.keys = make([]string, nq)
	}
	keys := p.keys[:nq] // each speaker's key, folded once
	for i, q := range p.d.Quotes {
		qs[i] = [2]int{p.sentenceAt(q.Start), p.sentenceAt(max(q.End-1, q.Start))}
		keys[i] = speakerKey(q.Speaker.Name)
	}
	p.evAt = ints(p.evAt, len(p.d.Events))
	evAt := p.evAt
	for i, e := range p.d.Events {
		evAt[i] = -1
		if len(e.Evidence) > 0 {
			evAt[i] = e.Evidence[0].Sentence
		}
	}
	p.evOrder = ints(p.evOrder, len(p.d.Events))
	evOrder := p.evOrder
	for i := range evOrder {
		evOrder[i] = i
	}
	slices.SortStableFunc(evOrder, func(a, b int) int { return cmp.Compare(evAt[a], evAt[b]) })
	ei := 0
	qi := 0
	p.order = ints(p.order, len(p.d.Quotes))
	order := p.order
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(qs[a][0], qs[b][0]) })
	for s := 0; s < ns; s++ {
		own := p.sentCredits(s)
		// Quotes that start here: the credits of their sentences, else
		// those their speaker carries from earlier statements.
		for k := qi; k < len(order) && qs[order[k]][0] == s; k++ {
			i := order[k]
			q := &p.d.Quotes[i]
			var in []string
			for t := qs[i][0]; t <= qs[i][1]; t++ {
				in = appendNew(in, p.sentCredits(t)...)
			}
			if len(in) == 0 {
				in = p.carry[keys[i]]
			}
			q.ReportedBy = p.chain(in)
		}
		// Events reported here.
		for ei < len(evOrder) && evAt[evOrder[ei]] < s {
			ei++
		}
		for ; ei < len(evOrder) && evAt[evOrder[ei]] == s; ei++ {
			e := &p.d.Events[evOrder[ei]]
			var in []string
			for _, ev := range e.Evidence {
				if ev.Sentence >= 0 && ev.Sentence < ns {
					if c := p.sentCredits(ev.Sentence); len(c) > 0 {
						in = c
						break
					}
				}
			}
			if len(in) == 0 {
				for k := range order {
					j := order[k]
					if qs[j][0] <= s && s <= qs[j][1] {
						in = appendNew(in, p.carry[keys[j]]...)
					}
				}
			}
			e.ReportedBy = p.chain(in)
		}
		// A credit goes with the speakers of this sentence to their later
		// statements.
		if len(own) > 0 {
			for k := range order {
				j := order[k]
				if qs[j][0] <= s && s <= qs[j][1] {
					p.carry[keys[j]] = own
				}
			}
		}
		for qi < len(order) && qs[order[qi]][0] <= s {
			qi++
		}
	}
	for i := range p.d.Quotes {
		if p.d.Quotes[i].ReportedBy == nil || len(p.d.Sentences) == 0 {
			p.d.Quotes[i].ReportedBy = p.chain(nil)
		}
	}
	for i := range p.d.Events {
		if p.d.Events[i].ReportedBy == nil || evAt[i] < 0 || evAt[i] >= ns {
			p.d.Events[i].ReportedBy = p.chain(nil)
		}
	}
}

// chain is the article's credits followed by in-text ones, each once, in
// a new slice (never nil).
func (p *proc) chain(in []string) []string {
	out := make([]string, 0, len(p.article)+len(in))
	out = append(out, p.article...)
	return appendNew(out, in...)
}

func appendNew(dst []string, names ...string) []string {
	for _, n := range names {
		if !slices.Contains(dst, n) {
			dst = append(dst, n)
		}
	}
	return dst
}

// speakerKey folds a speaker's name for comparison.
func speakerKey(name string) string {
	k := strings.ToLower(textspace.OneSpace(name))
	return strings.ReplaceAll(k, "defence", "defense")
}

// sentenceAt is the sentence holding byte off (the last one that starts
// at or before it).
func (p *proc) sentenceAt(off int) int {
	ss := p.d.Sentences
	i, _ := slices.BinarySearchFunc(ss, off, func(s dyad.Sentence, off int) int {
		if s.Start > off {
			return 1
		}
		return -1
	})
	return max(i-1, 0)
}

// sentCredits are the names sentence s credits, outer first.
func (p *proc) sentCredits(s int) []string {
	if s < 0 || s >= len(p.byS) {
		return nil
	}
	return p.byS[s]
}

// creditNames lists the names sentence s credits, outer first.
func (p *proc) creditNames(s int) []string {
	var out []string
	cs := p.credits[p.at[s]:p.at[s+1]]
	for _, c := range cs {
		if !c.inner {
			out = appendNew(out, c.name)
		}
	}
	for _, c := range cs {
		if c.inner {
			out = appendNew(out, c.name)
		}
	}
	return out
}
