package lang

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// Config sets the detector. The zero value reads the embedded word lists
// and looks at the first 8 KiB of a text.
type Config struct {
	FS       fs.FS // word lists; nil means data.FS
	MaxBytes int   // bytes of text examined
	// MinLetters is the least number of letters to decide on.
	MinLetters int
}

// Result is a decision and why it was made.
type Result struct {
	Lang   string // ISO 639-1 code, or "" when undetermined
	Reason string // e.g. "function words: fr 41, es 9 of 212 words"
}

// English reports whether the text was found to be English.
func (r Result) English() bool { return r.Lang == "en" }

// Detector tells languages. It is safe for concurrent use.
type Detector struct {
	cfg   Config
	langs []string            // in file order
	words map[string][]uint16 // word -> indexes into langs
}

const listFile = "lang/stopwords.txt"

// New loads the word lists.
func New(cfg Config) (*Detector, error) {
	if cfg.FS == nil {
		cfg.FS = data.FS
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 8 << 10
	}
	if cfg.MinLetters <= 0 {
		cfg.MinLetters = 20
	}
	d := &Detector{cfg: cfg, words: map[string][]uint16{}}
	seen := map[string]bool{}
	err := dict.ReadFile(cfg.FS, listFile, data.Prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) != 2 {
			return l.Errorf("want a language code, a tab and words, got %d fields", len(f))
		}
		code := f[0]
		if len(code) != 2 || strings.ToLower(code) != code {
			return l.Errorf("language code %q: want two lower-case letters (ISO 639-1)", code)
		}
		if seen[code] {
			return l.Errorf("language %q listed twice", code)
		}
		seen[code] = true
		idx := uint16(len(d.langs))
		d.langs = append(d.langs, code)
		for _, w := range strings.Fields(f[1]) {
			if w != strings.ToLower(w) {
				return l.Errorf("word %q: want lower case", w)
			}
			if ls := d.words[w]; len(ls) == 0 || ls[len(ls)-1] != idx {
				d.words[w] = append(ls, idx)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// Languages lists the languages the word lists cover.
func (d *Detector) Languages() []string { return append([]string(nil), d.langs...) }

// scripts with one language each, checked in this order.
var scriptLangs = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Arabic, "ar"},
	{unicode.Hangul, "ko"},
	{unicode.Greek, "el"},
	{unicode.Hebrew, "he"},
	{unicode.Devanagari, "hi"},
	{unicode.Thai, "th"},
}

// Detect decides the language of text.
func (d *Detector) Detect(text string) Result {
	if len(text) > d.cfg.MaxBytes {
		cut := d.cfg.MaxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var letters, latin, cyrillic, han, kana int
	other := make([]int, len(scriptLangs))
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case r < 0x250 || unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		default:
			for i, s := range scriptLangs {
				if unicode.Is(s.table, r) {
					other[i]++
					break
				}
			}
		}
	}
	if letters < d.cfg.MinLetters {
		return Result{Reason: fmt.Sprintf("too little text to tell the language (%d letters)", letters)}
	}
	half := letters / 2
	switch {
	case han+kana > half:
		if kana*10 > han+kana {
			return Result{Lang: "ja", Reason: "Japanese script (kana and kanji)"}
		}
		return Result{Lang: "zh", Reason: "Chinese script (Han characters)"}
	case latin > half || cyrillic > half:
		return d.byWords(text)
	}
	for i, s := range scriptLangs {
		if other[i] > half {
			return Result{Lang: s.lang, Reason: fmt.Sprintf("%s script", s.lang)}
		}
	}
	return Result{Reason: "no script makes up half the letters"}
}

// byWords counts each language's function words and takes the clear winner.
func (d *Detector) byWords(text string) Result {
	score := make([]int, len(d.langs))
	words := 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		words++
		for _, i := range d.words[strings.ToLower(w)] {
			score[i]++
		}
	}
	order := make([]int, len(d.langs))
	for i := range order {
		order[i] = i
	}
	// Stable on ties, so the file order decides: deterministic.
	sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
	best, second := order[0], order[1]
	why := fmt.Sprintf("function words: %s %d, %s %d of %d words",
		d.langs[best], score[best], d.langs[second], score[second], words)
	// At least 3 hits and a fifth more than the runner-up; real text in a
	// listed language scores 25-50% of its words.
	if score[best] < 3 || score[best]*5 < words || score[best]*5 < score[second]*6 {
		return Result{Reason: "undetermined: " + why}
	}
	return Result{Lang: d.langs[best], Reason: why}
}
