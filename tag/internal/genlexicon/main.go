// Command genlexicon derives data/lexicon/words.txt and irregular.txt from
// two pinned, permissively licensed inputs:
//
//   - the npm package en-lexicon 1.0.11 (MIT): word -> Penn tags, most
//     likely first (itself grown from Eric Brill's tagger lexicon);
//   - WordNet 3.0 as packaged by Debian (wordnet-base 1:3.0-37, WordNet
//     3.0 license): exception lists and index files, used to work out the
//     dictionary form (lemma) of every inflected word.
//
// Usage (run from package tag by go generate):
//
//	go run ./internal/genlexicon -out ../data/lexicon [-enlexicon DIR] [-wordnet DIR]
//
// Without -enlexicon the package is installed with npm into a temporary
// directory; -wordnet defaults to /usr/share/wordnet (apt-get install
// wordnet-base). The outputs are sorted and deterministic.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

const (
	enLexiconPkg = "en-lexicon@1.0.11"
	wordnetPkg   = "wordnet-base 1:3.0-37 (Debian)"
)

// pinned are the SHA-256 sums of the inputs read, so that a different
// version cannot slip in unnoticed.
var pinned = map[string]string{
	"lexicon.js": "61ef9f959073f298679baa3d77f7ceeb2b49678679de389d0c2be47e9110cf1d",
	"verb.exc":   "dbbcf9a601b2d77e934e413b91d90e88ec7f933a8b77cfc00602a923b891b42c",
	"noun.exc":   "2b5d675c380b39ecf595af9fa9d4e7feb1d58c643b0bff08c40ed5bfe41fab7a",
	"adj.exc":    "8824cc24bbedd797b9702316b27f07cd4c2b76b629539f0a1276f03926758016",
	"adv.exc":    "e7291461b629abfe63301bbe1998cee09fd575ed7107abd7ea9763adb05bf0a8",
	"index.noun": "a490d99d93d017bf4822fe2f0ffa51fd73911ce271dc7535fade21f8814b5a04",
	"index.verb": "e2ac24816c3a8289dcb72aaa9cf8db81fdf25ec34d792bfc96ac5b7a20c8b4ae",
	"index.adj":  "c9865d7b4d1f805bdef82ccdcea5282436e23083e6f6f1b33e716327c4eda810",
	"index.adv":  "6f5465ed5758fe9c8a2f7ec17b1300f3aa875756c70ff7cba162f7e71bcf88ea",
}

func checkPinned(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	if got, want := hex.EncodeToString(sum[:]), pinned[filepath.Base(path)]; got != want {
		return fmt.Errorf("%s: sha256 %s, want %s (not the pinned version)", path, got, want)
	}
	return nil
}

func main() {
	out := flag.String("out", "../data/lexicon", "directory to write words.txt and irregular.txt to")
	enDir := flag.String("enlexicon", "", "directory of an installed en-lexicon package (default: npm install into a temp dir)")
	wnDir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory")
	flag.Parse()
	if err := run(*out, *enDir, *wnDir); err != nil {
		log.Fatal(err)
	}
}

func run(out, enDir, wnDir string) error {
	if enDir == "" {
		tmp, err := os.MkdirTemp("", "genlexicon")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", tmp, enLexiconPkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm install %s: %w", enLexiconPkg, err)
		}
		enDir = filepath.Join(tmp, "node_modules", "en-lexicon")
	}
	if _, err := os.Stat(filepath.Join(wnDir, "verb.exc")); err != nil {
		return fmt.Errorf("WordNet not found in %s (apt-get install wordnet-base): %w", wnDir, err)
	}
	for name := range pinned {
		p := filepath.Join(wnDir, name)
		if name == "lexicon.js" {
			p = filepath.Join(enDir, "dist", name)
		}
		if err := checkPinned(p); err != nil {
			return err
		}
	}
	lex, err := readEnLexicon(filepath.Join(enDir, "dist", "lexicon.js"))
	if err != nil {
		return err
	}
	wn, err := readWordNet(wnDir)
	if err != nil {
		return err
	}
	if err := writeWords(filepath.Join(out, "words.txt"), lex, wn); err != nil {
		return err
	}
	return writeIrregular(filepath.Join(out, "irregular.txt"), wn)
}

// wordTags are the tags kept; punctuation tags are assigned in code.
const wordTags = "NN NNS NNP NNPS VB VBD VBG VBN VBP VBZ MD JJ JJR JJS RB RBR RBS IN TO DT PDT PRP PRP$ WDT WP WP$ WRB CC CD EX POS RP UH FW SYM"

var entryRE = regexp.MustCompile(`^\s*("(?:[^"\\]|\\.)*"|[A-Za-z_$][A-Za-z0-9_$]*)\s*:\s*"([^"]*)",?\s*$`)

// readEnLexicon parses the package's generated JavaScript object literal.
func readEnLexicon(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	valid := map[string]bool{}
	for _, t := range strings.Fields(wordTags) {
		valid[t] = true
	}
	lex := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		m := entryRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		key := m[1]
		if strings.HasPrefix(key, `"`) {
			if key, err = strconv.Unquote(key); err != nil {
				continue
			}
		}
		if !keepWord(key) {
			continue
		}
		var tags []string
		seen := map[string]bool{}
		for _, t := range strings.Split(m[2], "|") {
			switch t {
			case "NP":
				t = "NNP"
			case "NPS":
				t = "NNPS"
			}
			if valid[t] && !seen[t] {
				seen[t] = true
				tags = append(tags, t)
			}
		}
		if len(tags) > 0 {
			lex[key] = tags
		}
	}
	if len(lex) < 50000 {
		return nil, fmt.Errorf("%s: only %d entries read; has the format changed?", path, len(lex))
	}
	return lex, sc.Err()
}

// keepWord keeps words made of letters and digits joined by - . ' &.
func keepWord(w string) bool {
	if len(w) > 40 {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
		case r == '-' || r == '.' || r == '\'' || r == '&':
		default:
			return false
		}
	}
	return letters > 0 || w == "'s" || w == "'"
}

type wordNet struct {
	exc   map[byte]map[string][]string // class n v a r -> form -> bases
	index map[byte]map[string]bool     // class -> lemma
}

func readWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{exc: map[byte]map[string][]string{}, index: map[byte]map[string]bool{}}
	for _, p := range []struct {
		class byte
		name  string
	}{{'n', "noun"}, {'v', "verb"}, {'a', "adj"}, {'r', "adv"}} {
		exc := map[string][]string{}
		err := eachLine(filepath.Join(dir, p.name+".exc"), func(f []string) {
			if len(f) >= 2 && !strings.Contains(f[0], "_") {
				for _, b := range f[1:] {
					if !strings.Contains(b, "_") && b != f[0] {
						exc[f[0]] = append(exc[f[0]], b)
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
		idx := map[string]bool{}
		err = eachLine(filepath.Join(dir, "index."+p.name), func(f []string) {
			if len(f) > 2 && !strings.HasPrefix(f[0], " ") && f[1] == string(p.class) {
				idx[f[0]] = true
			}
		})
		if err != nil {
			return nil, err
		}
		wn.exc[p.class], wn.index[p.class] = exc, idx
	}
	if len(wn.index['v']) < 10000 {
		return nil, errors.New("WordNet index.verb looks truncated")
	}
	return wn, nil
}

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		fn(strings.Fields(sc.Text()))
	}
	return sc.Err()
}

// class is the WordNet part of speech whose lemma an inflected tag has.
func class(tag string) byte {
	switch tag {
	case "NNS":
		return 'n'
	case "VBD", "VBN", "VBG", "VBZ", "VBP", "VB":
		return 'v'
	case "JJR", "JJS":
		return 'a'
	case "RBR", "RBS":
		return 'r'
	}
	return 0
}

// Morphy-style detachment rules (WordNet's morph.c, restated).
var detach = map[byte][][2]string{
	'n': {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}},
	'v': {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	'a': {{"ier", "y"}, {"iest", "y"}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	'r': {{"er", ""}, {"est", ""}},
}

// tagSuffix limits which rules fit which tag ("ing" only for VBG).
func fits(tag, suf string) bool {
	switch tag {
	case "VBZ":
		return strings.HasSuffix(suf, "s")
	case "VBD", "VBN":
		return strings.HasSuffix(suf, "d")
	case "VBG":
		return suf == "ing"
	case "JJS", "RBS":
		return strings.HasSuffix(suf, "st")
	case "JJR", "RBR":
		return strings.HasSuffix(suf, "r")
	}
	return true
}

// lemma returns the dictionary form of lower-case w read as tag, or "".
func lemma(w, tag string, wn *wordNet, lex map[string][]string) string {
	c := class(tag)
	if c == 0 {
		return ""
	}
	if tag == "VB" || tag == "VBP" {
		switch w {
		case "am", "are", "'m", "'re":
			return "be"
		case "'ve":
			return "have"
		}
		return ""
	}
	if b := wn.exc[c][w]; len(b) > 0 {
		return b[0]
	}
	inWordNet := func(b string) bool { return wn.index[c][b] }
	inLexicon := func(b string) bool {
		for _, t := range lex[b] {
			if class(t) == c && (t == "NN" || t == "VB" || t == "JJ" || t == "RB") {
				return true
			}
		}
		return false
	}
	// WordNet first: en-lexicon has noise bases ("burne" VB) that would
	// otherwise win over the right one.
	for _, known := range []func(string) bool{inWordNet, inLexicon} {
		for _, r := range detach[c] {
			if !fits(tag, r[0]) || !strings.HasSuffix(w, r[0]) || len(w) <= len(r[0])+1 {
				continue
			}
			b := w[:len(w)-len(r[0])] + r[1]
			if known(b) {
				return b
			}
			// Doubled final consonant: "planned" -> "plan".
			if r[1] == "" && len(b) > 2 && b[len(b)-1] == b[len(b)-2] && known(b[:len(b)-1]) && c == 'v' {
				return b[:len(b)-1]
			}
		}
	}
	return ""
}

func isCap(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func writeWords(path string, lex map[string][]string, wn *wordNet) error {
	words := make([]string, 0, len(lex))
	dropped, droppedLower := 0, 0
	for w, tags := range lex {
		// A capitalised word known only as a proper noun, with no common
		// reading in lower case, is what the shape guesser says anyway.
		if isCap(w) && onlyProper(tags) {
			if _, ok := lex[strings.ToLower(w)]; !ok {
				dropped++
				continue
			}
		}
		// A lower-case word known only as a proper noun is noise from the
		// source's corpora (first-name lists, "organisation").
		if !isCap(w) && onlyProper(tags) {
			droppedLower++
			continue
		}
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated by tag/internal/genlexicon from %s and %s. DO NOT EDIT:\n", enLexiconPkg, wordnetPkg)
	fmt.Fprintf(&b, "# correct entries in overrides.txt instead. See PROVENANCE.md.\n")
	fmt.Fprintf(&b, "# word<TAB>tags, most likely first[<TAB>lemma for each tag, - when the lower-case word itself]\n")
	fmt.Fprintf(&b, "# %d entries (%d capitalised and %d lower-case proper-noun-only entries left to the guesser).\n", len(words), dropped, droppedLower)
	for _, w := range words {
		tags := lex[w]
		lw := strings.ToLower(w)
		lemmas := make([]string, len(tags))
		any := false
		for i, t := range tags {
			lemmas[i] = "-"
			if l := lemma(lw, t, wn, lex); l != "" && l != lw {
				lemmas[i] = l
				any = true
			}
		}
		b.WriteString(w)
		b.WriteByte('\t')
		b.WriteString(strings.Join(tags, " "))
		if any {
			b.WriteByte('\t')
			b.WriteString(strings.Join(lemmas, " "))
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func onlyProper(tags []string) bool {
	for _, t := range tags {
		if t != "NNP" && t != "NNPS" {
			return false
		}
	}
	return true
}

func writeIrregular(path string, wn *wordNet) error {
	var lines []string
	for _, c := range []byte("nvar") {
		for form, bases := range wn.exc[c] {
			if !keepWord(form) || form != strings.ToLower(form) {
				continue
			}
			lines = append(lines, form+"\t"+string(c)+"\t"+bases[0])
		}
	}
	sort.Strings(lines)
	var b strings.Builder
	fmt.Fprintf(&b, "# Generated by tag/internal/genlexicon from the exception lists of %s. DO NOT EDIT.\n", wordnetPkg)
	fmt.Fprintf(&b, "# Irregular inflections: form<TAB>class (n v a r)<TAB>lemma. See PROVENANCE.md.\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
