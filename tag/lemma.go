package tag

import "strings"

// lemma is the dictionary form of a tagged word, in lower case: from the
// lexicon entry, else the irregular table, else the suffix rules checked
// against the lexicon's base forms.
func (t *Tagger) lemma(w *word) string {
	tag := w.tag
	c := tag.class()
	if c == 0 {
		return w.norm // punctuation, names, function words
	}
	if w.e != nil {
		if l, ok := w.e.lemmaFor(tag); ok {
			if l != "" {
				return l
			}
			return w.norm
		}
		if w.e.set.has(tag) {
			return w.norm
		}
	}
	switch tag {
	case NN, VB, VBP, JJ, RB:
		return w.norm
	}
	return t.lx.Lemma(w.norm, tag)
}

// Lemma returns the dictionary form of a lower-case word read as tag,
// from the lexicon, the irregular table or the suffix rules.
func (lx *Lexicon) Lemma(n string, tag Tag) string {
	c := tag.class()
	if c == 0 {
		return n
	}
	if e := lx.lookup(n); e != nil {
		if l, ok := e.lemmaFor(tag); ok && l != "" {
			return l
		}
	}
	if l, ok := lx.irregular[irrKey{c, n}]; ok {
		return l
	}
	if strings.IndexByte(n, '-') > 0 {
		// Inflect the last part only: "cease-fires" -> "cease-fire".
		i := strings.LastIndexByte(n, '-')
		if l := lx.Lemma(n[i+1:], tag); l != n[i+1:] {
			return n[:i+1] + l
		}
		return n
	}
	// Failing the lexicon, prefer the plain stripped form ("blorfed" ->
	// "blorf") over one with an "e" restored.
	first, plain := "", ""
	for _, r := range lx.lemma {
		if r.class != c || len(n) < len(r.suffix)+2 || !strings.HasSuffix(n, r.suffix) || !fits(tag, r.suffix) {
			continue
		}
		stem := n[:len(n)-len(r.suffix)]
		b := stem + r.rep
		if lx.hasBase(b, c) {
			return b
		}
		if r.rep == "" && c == 'v' && len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && lx.hasBase(stem[:len(stem)-1], c) {
			return stem[:len(stem)-1] // "planned" -> "plan"
		}
		if first == "" {
			first = b
		}
		if plain == "" && r.rep == "" {
			plain = b
		}
	}
	if plain != "" {
		return plain
	}
	if first != "" {
		return first
	}
	return n
}

// fits limits suffix rules to the tags they inflect ("ing" only for VBG).
func fits(tag Tag, suf string) bool {
	switch tag {
	case NNS:
		return strings.HasSuffix(suf, "s") || suf == "men"
	case VBZ:
		return strings.HasSuffix(suf, "s")
	case VBD, VBN:
		return strings.HasSuffix(suf, "d")
	case VBG:
		return suf == "ing"
	case JJS, RBS:
		return strings.HasSuffix(suf, "st")
	case JJR, RBR:
		return strings.HasSuffix(suf, "r")
	}
	return true
}
