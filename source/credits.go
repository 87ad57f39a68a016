package source

import (
	"strings"

	"github.com/dyadproject/dyad"
)

// sentenceCredits finds, sentence by sentence, the outlets the text
// credits: a named outlet (a media mention) or an unnamed one ("state
// media", "a government news portal") in a credit construction.
func (p *proc) sentenceCredits() {
	ns := len(p.d.Sentences)
	if cap(p.at) < ns+1 {
		p.at = make([]int32, ns+1)
	}
	p.at = p.at[:ns+1]
	ms := p.d.Mentions
	mi := 0
	for s := 0; s < ns; s++ {
		p.at[s] = int32(len(p.credits))
		lo, hi := p.sentRange(s)
		start := len(p.credits)
		for mi < len(ms) && ms[mi].Sentence < s {
			mi++
		}
		for k := mi; k < len(ms) && ms[k].Sentence == s; k++ {
			m := ms[k]
			if m.Kind != dyad.MentionMedia || m.FirstToken < lo || m.EndToken > hi {
				continue
			}
			if ok, inner := p.creditContext(m.FirstToken, m.EndToken, lo, hi); ok {
				name := m.Actor.Name
				if name == "" {
					name = p.words(m.FirstToken, m.EndToken)
				}
				p.credits = append(p.credits, credit{name: name, tok: m.FirstToken, inner: inner})
			}
		}
		for i := lo; i < hi; i++ {
			first, end, ok := p.unnamedOutlet(i, lo, hi)
			if !ok {
				continue
			}
			if ok, inner := p.creditContext(first, end, lo, hi); ok {
				p.credits = append(p.credits, credit{name: p.words(first, end), tok: first, inner: inner})
			}
			i = end - 1
		}
		// Keep text order: the unnamed ones were found after the named.
		sortCredits(p.credits[start:])
	}
	p.at[ns] = int32(len(p.credits))
}

func sortCredits(cs []credit) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].tok < cs[j-1].tok; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// modifier: a word that may stand between a credit phrase and the outlet
// it credits ("according to state news agency Xinhua", "quoted by
// Russia's RIA").
func (p *proc) modifier(i int) bool {
	switch p.tag(i) {
	case "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "VBN", "PRP$":
		return p.norm(i) != "that"
	}
	return false
}

// creditContext reports whether the outlet at tokens [first, end) is
// credited: a credit phrase before it ("according to", "told", "quoted
// by"; inner for "citing"), a verb of saying before "on/in" it ("said on
// state television"), or a credit verb after it ("Xinhua reported",
// "TASS quoted …", "state media said").
func (p *proc) creditContext(first, end, lo, hi int) (ok, inner bool) {
	for k := first - 1; k >= lo && k >= first-7; k-- {
		if p.endsWith(k, lo, p.s.t.inner) {
			return true, true
		}
		if p.endsWith(k, lo, p.s.t.before) {
			return true, false
		}
		if n := p.norm(k); (n == "on" || n == "in") && k-1 >= lo {
			v := k - 1
			for v > lo && p.tag(v) == "RB" {
				v--
			}
			if strings.HasPrefix(p.tag(v), "VB") && p.s.t.onVerb[p.toks[v].Lemma] {
				return true, false
			}
		}
		if !p.modifier(k) || p.media[k] >= 0 && k < first-1 {
			break
		}
	}
	// After it: over "news agency", a parenthesis between commas, a time
	// phrase, adverbs and auxiliaries.
	k := end
	for n := 0; k < hi && n < 3 && (p.tag(k) == "NN" || p.tag(k) == "NNS") && p.media[k] < 0; n++ {
		k++
	}
	if k < hi && p.norm(k) == "," {
		j := k + 1
		for j < hi && j-k < 24 && p.norm(j) != "," {
			j++
		}
		if j < hi && p.norm(j) == "," {
			k = j + 1
		}
	}
	for n := 0; k < hi && n < 4; n++ {
		switch {
		case p.tag(k) == "RB" || p.tag(k) == "MD":
			k++
		case p.toks[k].Lemma == "have" || p.toks[k].Lemma == "be":
			k++
		case p.tag(k) == "IN" && k+1 < hi && timeWord(p.norm(k+1)):
			k += 2
		default:
			n = 4
		}
	}
	if k < hi && strings.HasPrefix(p.tag(k), "VB") && p.tag(k) != "VBN" && p.s.t.verbs[p.toks[k].Lemma] {
		return true, false
	}
	return false, false
}

// endsWith reports whether one of the phrases ends at token k.
func (p *proc) endsWith(k, lo int, phrases [][]string) bool {
	for _, ph := range phrases {
		n := len(ph)
		if k-n+1 < lo {
			continue
		}
		ok := true
		for j, w := range ph {
			if p.norm(k-n+1+j) != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// unnamedOutlet finds an outlet the dictionary does not name whose head
// noun ends at token i ("state media", "Iranian television", "a Tajik
// government news portal"): its tokens without the article.
func (p *proc) unnamedOutlet(i, lo, hi int) (first, end int, ok bool) {
	if p.media[i] >= 0 || !isNounTag(p.tag(i)) {
		return 0, 0, false
	}
	head := -1
	for _, h := range p.s.t.headsByLast[p.norm(i)] {
		n := len(h)
		if i-n+1 < lo {
			continue
		}
		if n == 2 && p.norm(i-1) != h[0] {
			continue
		}
		head = i - n + 1
		break
	}
	if head < 0 {
		return 0, 0, false
	}
	// The head with a named outlet right after it is that outlet's
	// description ("news agency IRNA"); one right before it too ("the
	// KCNA news agency").
	if i+1 < hi && p.media[i+1] >= 0 || head-1 >= lo && p.media[head-1] >= 0 {
		return 0, 0, false
	}
	first = head
	for first-1 >= lo {
		t := p.tag(first - 1)
		if t == "JJ" || t == "NN" || t == "NNP" || t == "NNPS" || t == "VBN" || t == "HYPH" {
			first--
			continue
		}
		break
	}
	return first, i + 1, true
}

func isNounTag(t string) bool { return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" }

func timeWord(n string) bool {
	switch n {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight":
		return true
	}
	return false
}
