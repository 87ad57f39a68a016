package coding

import (
	"sort"
	"strings"

	"github.com/dyadproject/dyad/dict"
)

// The reserved file names of an events folder; every other *.txt file in
// it holds patterns.
const (
	ClassesFile    = "classes.txt"
	FramesFile     = "frames.txt"
	TransformsFile = "transforms.txt"
)

// frame kinds: the closed set of words frames.txt may name.
type frameKind uint8

const (
	fNone frameKind = iota
	fSpeech
	fIntent
	fAgree
	fRefuse
	fAppeal
	fDemand
	fThreaten
	fTransparent
	fAlleged
	fLight
	fHypo
	fNegator
	fSubord
	fRelative
	fTime
	numFrames
)

// frameSets names each word list of frames.txt: the frame it feeds and
// the part of speech it is read as.
var frameSets = map[string]struct {
	kind frameKind
	set  int
}{
	"speech":          {fSpeech, setVerb},
	"speech-phrase":   {fSpeech, setPhrase},
	"intent":          {fIntent, setVerb},
	"intent-adj":      {fIntent, setAdj},
	"intent-noun":     {fIntent, setNoun},
	"intent-modal":    {fIntent, setModal},
	"agree":           {fAgree, setVerb},
	"refuse":          {fRefuse, setVerb},
	"refuse-noun":     {fRefuse, setNoun},
	"appeal":          {fAppeal, setVerb},
	"demand":          {fDemand, setVerb},
	"threaten":        {fThreaten, setVerb},
	"threaten-noun":   {fThreaten, setNoun},
	"transparent":     {fTransparent, setVerb},
	"transparent-adj": {fTransparent, setAdj},
	"alleged":         {fAlleged, setVerb},
	"alleged-noun":    {fAlleged, setNoun},
	"hypo-modal":      {fHypo, setModal},
	"hypo-word":       {fHypo, setPhrase},
	"negator":         {fNegator, setWord},
	"subord":          {fSubord, setWord},
	"relative":        {fRelative, setWord},
	"light":           {fLight, setLight},
	"time":            {fTime, setWord},
	"reciprocal":      {fNone, setRecip},
}

// The parts of speech a frame word list is read as.
const (
	setVerb = iota
	setAdj
	setNoun
	setModal
	setWord
	setPhrase
	setRecip
	setLight
	numSets
)

// transform kinds: frames that change the code of the action inside them.
var transformKinds = map[string]frameKind{
	"intent":   fIntent,
	"agree":    fAgree,
	"refuse":   fRefuse,
	"appeal":   fAppeal,
	"demand":   fDemand,
	"threaten": fThreaten,
}

// lexicon holds the word lists of classes.txt, frames.txt and
// transforms.txt. It is read-only after loading.
type lexicon struct {
	classes map[string][]string
	// words[set][word] is the frame a word of that part of speech opens.
	words [numSets]map[string]frameKind
	// phrases are the multi-word entries, by first word.
	phrases map[string][]phrase
	// trans[kind] maps a code prefix ("" for "*") to the resulting code.
	trans [numFrames]map[string]string
	// acts maps a noun naming an act ("raid", "detention") to the CAMEO
	// roots of the events it may refer to, for reactions to it.
	acts map[string][]string
}

type phrase struct {
	words []string
	kind  frameKind
	recip bool
}

func newLexicon() *lexicon {
	lx := &lexicon{classes: map[string][]string{}, phrases: map[string][]phrase{}, acts: map[string][]string{}}
	for i := range lx.words {
		lx.words[i] = map[string]frameKind{}
	}
	for i := range lx.trans {
		lx.trans[i] = map[string]string{}
	}
	return lx
}

func splitList(s string) []string {
	var out []string
	for _, w := range strings.Split(s, ",") {
		w = strings.Join(strings.Fields(strings.ToLower(w)), " ")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func (lx *lexicon) classLine(l dict.Line) error {
	f := l.Fields()
	if len(f) != 2 || !strings.HasPrefix(f[0], "@") || len(f[0]) < 2 {
		return l.Errorf("want @name <TAB> word, word, ...")
	}
	words := splitList(f[1])
	if len(words) == 0 {
		return l.Errorf("class %s has no words", f[0])
	}
	for _, w := range words {
		if strings.Contains(w, " ") {
			return l.Errorf("class %s: %q: class words are single tokens", f[0], w)
		}
	}
	name := strings.ToLower(f[0][1:])
	lx.classes[name] = append(lx.classes[name], words...)
	return nil
}

func (lx *lexicon) frameLine(l dict.Line) error {
	f := l.Fields()
	if len(f) != 2 {
		return l.Errorf("want KIND <TAB> entry, entry, ...")
	}
	if root, ok := strings.CutPrefix(f[0], "act-"); ok {
		// act-17 <TAB> arrest, detention, raid: nouns naming acts of a root
		if len(root) != 2 || !isCode(root) {
			return l.Errorf("act kind %q: want act-NN with a CAMEO root", f[0])
		}
		for _, w := range splitList(f[1]) {
			lx.acts[w] = append(lx.acts[w], root)
		}
		return nil
	}
	fs, ok := frameSets[f[0]]
	if !ok {
		return l.Errorf("unknown frame kind %q (kinds: %s)", f[0], strings.Join(sortedKeys(frameSets), ", "))
	}
	words := splitList(f[1])
	if len(words) == 0 {
		return l.Errorf("frame %s has no entries", f[0])
	}
	for _, w := range words {
		if strings.Contains(w, " ") || fs.set == setPhrase || fs.set == setRecip {
			p := phrase{words: strings.Fields(w), kind: fs.kind, recip: fs.set == setRecip}
			lx.phrases[p.words[0]] = append(lx.phrases[p.words[0]], p)
			continue
		}
		lx.words[fs.set][w] = fs.kind
	}
	return nil
}

func (lx *lexicon) transformLine(l dict.Line) error {
	f := l.Fields()
	if len(f) != 3 {
		return l.Errorf("want FRAME <TAB> FROM <TAB> TO")
	}
	k, ok := transformKinds[f[0]]
	if !ok {
		return l.Errorf("unknown frame %q (frames: %s)", f[0], strings.Join(sortedKeys(transformKinds), ", "))
	}
	from := f[1]
	if from == "*" {
		from = ""
	} else if !isCode(from) {
		return l.Errorf("FROM %q: want a CAMEO code prefix of 2-4 digits or *", from)
	}
	to := f[2]
	if to != "-" && to != "=" && !isCode(to) {
		return l.Errorf("TO %q: want a CAMEO code, = or -", to)
	}
	lx.trans[k][from] = to
	return nil
}

// transform applies frame k to code; ok is false when the frame leaves no
// event.
func (lx *lexicon) transform(k frameKind, code string) (string, bool) {
	m := lx.trans[k]
	for n := len(code); n >= 0; n-- {
		if n == 1 {
			continue
		}
		to, ok := m[code[:n]]
		if !ok {
			continue
		}
		switch to {
		case "-":
			return "", false
		case "=":
			return code, true
		}
		return to, true
	}
	return code, true
}

func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
