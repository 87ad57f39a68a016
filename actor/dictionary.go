package actor

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// Dir is the folder of actor tables, in data.FS and in user folders.
const Dir = "actors"

// Config says which dictionaries to load. The zero value loads the
// built-in tables only.
type Config struct {
	// UserDirs are folders holding actors/*.txt in the same format; their
	// entries extend the built-ins and win on conflict (same phrase and
	// kind), later folders over earlier ones.
	UserDirs []string
	// Builtin replaces the embedded tables (data.FS) when set: a file
	// system holding actors/*.txt, for tests and for tools.
	Builtin fs.FS
	// BuiltinPrefix is put before built-in file names in rules; "" means
	// data.Prefix ("data/actors/people.txt:12").
	BuiltinPrefix string
}

// Dictionary is the compiled set of actor entries: a trie over token
// norms. It is immutable after Load and safe for concurrent use.
type Dictionary struct {
	entries []*Entry
	layer   []int // per entry: 0 built-in, 1.. user folder
	// vocab numbers every token norm that occurs in a phrase; a text token
	// not in vocab cannot start or continue a match.
	vocab map[string]int32
	// next is the trie's edge set: node<<32 | token id -> child node.
	next map[uint64]int32
	// ends lists, per node, the phrases that end there.
	ends [][]pattern
	// countryName is the canonical name per country code, for adjectives.
	countryName map[string]string
	// people lists each person's entries by canonical name.
	people map[string][]int32
	// words merges vocab and wordClass, so that a token costs one look-up.
	words map[string]wordInfo
	// fallback holds an entry for each of fallbackRoles.
	fallback map[string]*Entry
	// titleOf stands for a title word the grammar knows ("chairman of").
	titleOf  Entry
	numNodes int
	numWords int32
}

// pattern is one phrase of one entry.
type pattern struct {
	entry int32
	words []string // as written, for the case rules
	rules []uint8
}

// Entries returns the loaded entries in load order (do not modify them).
func (d *Dictionary) Entries() []*Entry { return d.entries }

// Load reads the built-in tables and the user folders. All bad lines of
// all files are reported in one dict.ErrorList (file:line: reason). The
// Dictionary is returned even then, without the bad lines, so that a
// caller may choose to go on.
func Load(c Config) (*Dictionary, error) {
	b := newBuilder()
	builtin, prefix := c.Builtin, c.BuiltinPrefix
	if builtin == nil {
		builtin = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	var errs dict.ErrorList
	var other []error
	collect := func(err error) {
		var l dict.ErrorList
		switch {
		case err == nil:
		case errors.As(err, &l):
			errs = append(errs, l...)
		default:
			other = append(other, err)
		}
	}
	collect(b.readFS(builtin, prefix, 0))
	for i, dir := range c.UserDirs {
		collect(readUserDir(b, dir, i+1))
	}
	collect(b.err())
	d := b.build()
	if len(other) > 0 {
		return d, errors.Join(append(other, errs.Err())...)
	}
	return d, errs.Err()
}

// Check validates one user dictionary folder (DIR/actors/*.txt) on its
// own, as `dyad dict check DIR` does: every bad line is in the result.
func Check(dir string) error {
	b := newBuilder()
	err := readUserDir(b, dir, 1)
	var l dict.ErrorList
	if err != nil && !errors.As(err, &l) {
		return err
	}
	l = append(l, b.errs...)
	return l.Err()
}

func readUserDir(b *builder, dir string, layer int) error {
	st, err := os.Stat(filepath.Join(dir, Dir))
	if err != nil {
		return fmt.Errorf("dictionary folder %s: %w (want %s/*.txt inside)", dir, err, Dir)
	}
	if !st.IsDir() {
		return fmt.Errorf("dictionary folder %s: %s is not a folder", dir, Dir)
	}
	return b.readFS(os.DirFS(dir), dict.Join(dir), layer)
}

// builder collects entries and builds the trie.
type builder struct {
	d    *Dictionary
	errs dict.ErrorList
	// owner remembers which entry first defined a (kind, phrase key) per
	// layer, to report conflicting duplicates.
	owner map[string][]int
}

func newBuilder() *builder {
	return &builder{
		d: &Dictionary{
			vocab:       make(map[string]int32, 4096),
			next:        make(map[uint64]int32, 8192),
			ends:        make([][]pattern, 1, 8192),
			countryName: make(map[string]string, 300),
			people:      make(map[string][]int32, 512),
			titleOf:     Entry{Kind: KindAgent, Rule: "actor/grammar:title-of"},
			numNodes:    1,
		},
		owner: make(map[string][]int, 8192),
	}
}

func (b *builder) readFS(fsys fs.FS, prefix string, layer int) error {
	names, err := dict.Files(fsys, Dir, ".txt")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && layer == 0 {
			return nil // no built-in tables yet
		}
		return err
	}
	var errs dict.ErrorList
	for _, name := range names {
		err := dict.ReadFile(fsys, name, prefix, func(l dict.Line) error {
			e, err := parseEntry(l)
			if err != nil {
				return err
			}
			e.User = layer > 0
			return b.add(e, layer, l)
		})
		var l dict.ErrorList
		if errors.As(err, &l) {
			errs = append(errs, l...)
		} else if err != nil {
			return err
		}
	}
	return errs.Err()
}

func (b *builder) err() error { return b.errs.Err() }

func (b *builder) add(e *Entry, layer int, l dict.Line) error {
	d := b.d
	idx := len(d.entries)
	// Conflicts: the same phrase for the same kind in one layer with
	// another code over overlapping dates is ambiguous.
	type phrase struct {
		words, norms []string
		key          string
	}
	phrases := make([]phrase, len(e.Phrases))
	for i, p := range e.Phrases {
		ph := &phrases[i]
		ph.words = splitPhrase(p)
		ph.norms = make([]string, len(ph.words))
		for k, w := range ph.words {
			ph.norms[k] = normWord(w)
		}
		ph.key = e.Kind.String() + "\x00" + strings.Join(ph.norms, " ")
		for _, j := range b.owner[ph.key] {
			o := d.entries[j]
			// One person's roles may overlap (a year-precise start): the
			// role that starts later wins on the shared days.
			samePerson := e.Kind == KindPerson && o.Actor.Name == e.Actor.Name
			if d.layer[j] == layer && o.Actor.Code != e.Actor.Code && !samePerson && overlaps(o, e) {
				return l.Errorf("phrase %q is already %s %s at %s", p, o.Kind, o.Actor.Code, o.Rule)
			}
		}
	}
	if e.Kind == KindAdj {
		if n, ok := d.countryName[e.Actor.Country]; ok {
			e.Actor.Name = n
		}
	}
	if e.Kind == KindCountry {
		if _, ok := d.countryName[e.Actor.Country]; !ok {
			d.countryName[e.Actor.Country] = e.Actor.Name
		}
	}
	if e.Kind == KindPerson {
		d.people[e.Actor.Name] = append(d.people[e.Actor.Name], int32(idx))
	}
	d.entries = append(d.entries, e)
	d.layer = append(d.layer, layer)
	for _, ph := range phrases {
		b.owner[ph.key] = append(b.owner[ph.key], idx)
		b.insert(ph.words, ph.norms, e.Kind, int32(idx), layer)
	}
	return nil
}

func overlaps(a, b *Entry) bool {
	// Strict: a role that ends on the day the next begins is no conflict.
	return (a.To == 0 || b.From == 0 || b.From < a.To) && (b.To == 0 || a.From == 0 || a.From < b.To)
}

// insert adds one phrase to the trie. A phrase of a later layer replaces
// the earlier layers' phrases with the same words and kind.
func (b *builder) insert(words, norms []string, kind Kind, entry int32, layer int) {
	d := b.d
	node := int32(0)
	pat := pattern{entry: entry, words: words, rules: make([]uint8, len(words))}
	for i, w := range words {
		pat.rules[i] = caseRule(w, kind)
		n := norms[i]
		id := d.tokenID(n)
		if strings.HasSuffix(n, ".") && len(n) > 1 {
			// "U.S." also as "U.S", in case a tokenizer splits the period.
			if _, ok := d.vocab[n[:len(n)-1]]; !ok {
				d.vocab[n[:len(n)-1]] = id
			}
		}
		k := uint64(node)<<32 | uint64(uint32(id))
		child, ok := d.next[k]
		if !ok {
			child = int32(d.numNodes)
			d.numNodes++
			d.next[k] = child
			d.ends = append(d.ends, nil)
		}
		node = child
	}
	ends := d.ends[node][:0:0]
	for _, p := range d.ends[node] {
		o := d.entries[p.entry]
		if o.Kind == kind && d.layer[p.entry] < layer {
			continue // overridden by the user's entry
		}
		ends = append(ends, p)
	}
	d.ends[node] = append(ends, pat)
}

func (d *Dictionary) tokenID(norm string) int32 {
	if id, ok := d.vocab[norm]; ok {
		return id
	}
	id := d.numWords
	d.numWords++
	d.vocab[norm] = id
	return id
}

type wordInfo struct {
	id  int32 // in vocab, or -1
	cls uint8
}

func (b *builder) build() *Dictionary {
	d := b.d
	d.words = make(map[string]wordInfo, len(d.vocab)+len(wordClass))
	for w, id := range d.vocab {
		d.words[w] = wordInfo{id: id}
	}
	for w, c := range wordClass {
		wi, ok := d.words[w]
		if !ok {
			wi.id = -1
		}
		wi.cls = c
		d.words[w] = wi
	}
	d.fallback = make(map[string]*Entry, len(fallbackRoles))
	for w, agent := range fallbackRoles {
		d.fallback[w] = &Entry{Kind: KindAgent, Actor: dyad.Actor{Code: agent, Agent: agent}, Phrases: []string{w}, Rule: "actor/grammar:role-word"}
	}
	return d
}

// step follows one token from node; it returns -1 when the trie has no
// such edge.
func (d *Dictionary) step(node int32, norm string) int32 {
	id, ok := d.vocab[norm]
	if !ok {
		return -1
	}
	return d.stepID(node, id)
}

// stepID follows a token already looked up in vocab.
func (d *Dictionary) stepID(node, id int32) int32 {
	child, ok := d.next[uint64(node)<<32|uint64(uint32(id))]
	if !ok {
		return -1
	}
	return child
}
