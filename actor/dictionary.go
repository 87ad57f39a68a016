package actor

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
	// words numbers every token norm that occurs in a phrase (a text token
	// not numbered cannot start or continue a match) and holds the word
	// classes of the grammar, so that a token costs one look-up.
	words map[string]wordInfo
	// next is the trie's edge set: node<<32 | token id -> child node.
	next map[uint64]int32
	// ends lists, per node, the phrases that end there.
	ends [][]pattern
	// countryName is the canonical name per country code, for adjectives.
	countryName map[string]string
	// people lists each person's entries by canonical name.
	people map[string][]int32
	// afterRole and groupAgent are the grammar's role words that count
	// only after a country word, and the agents of group words.
	afterRole  map[string]*Entry
	groupAgent map[string]string
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
	builtin, prefix := c.Builtin, c.BuiltinPrefix
	if builtin == nil {
		builtin = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	b := newBuilder(textSize(builtin))
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
	var users []fs.FS
	var userPrefixes []string
	for i, dir := range c.UserDirs {
		collect(readUserDir(b, dir, i+1))
		users = append(users, os.DirFS(dir))
		userPrefixes = append(userPrefixes, dict.Join(dir))
	}
	collect(b.err())
	g, err := readGrammar(builtin, prefix, data.FS, data.Prefix, users, userPrefixes)
	collect(err)
	d := b.build(g)
	if len(other) > 0 {
		return d, errors.Join(append(other, errs.Err())...)
	}
	return d, errs.Err()
}

// Check validates one user dictionary folder (DIR/actors/*.txt) on its
// own, as `dyad dict check DIR` does: every bad line is in the result.
func Check(dir string) error {
	b := newBuilder(0)
	err := readUserDir(b, dir, 1)
	var l dict.ErrorList
	if err != nil && !errors.As(err, &l) {
		return err
	}
	l = append(l, b.errs...)
	if u := os.DirFS(dir); fileExists(u, GrammarFile) {
		var gl dict.ErrorList
		if err := newGrammar().read(u, GrammarFile, dict.Join(dir)); err != nil && !errors.As(err, &gl) {
			return err
		}
		l = append(l, gl...)
	}
	return l.Err()
}

func fileExists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
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

// builder collects entries and builds the trie. Entries, phrase words
// and case rules are carved from blocks (arenas) to keep a load of tens of
// thousands of lines to a few allocations per line.
type builder struct {
	d    *Dictionary
	errs dict.ErrorList
	// scratch for one line: the phrases' words and trie nodes.
	words []string
	nodes []int32
	norm  []byte
	// arenas
	entryBlock []Entry
	wordBlock  []string
	ruleBlock  []uint8
	patBlock   []pattern
	// phr is scratch for a line's phrases; lastField and lastPhrases the
	// previous line's phrase field and its phrases, walked the phrases
	// whose words, starts, nodes and ids are in the scratch.
	phr         []string
	lastField   string
	lastPhrases []string
	walked      []string
	starts      []int
	// noteWords shares the word lists of equal notes.
	noteWords map[string][]string
	// normOf is the norm of each word id; ids holds the current line's.
	normOf []string
	ids    []int32
	// rules collects the current file's "file:line" rule strings, cut
	// from one string when the file is done.
	rules    []byte
	ruleEnds []ruleEnd
	// people lists the person entries in load order; build groups them.
	people []int32
}

type ruleEnd struct {
	e   *Entry
	end int
}

func newBuilder(sizeHint int) *builder {
	// sizeHint is the bytes of dictionary text: the built-in tables hold
	// about one trie edge per 35 bytes and one distinct word per 65.
	edges := 1024 + sizeHint/35
	return &builder{
		d: &Dictionary{
			words:       make(map[string]wordInfo, 512+sizeHint/65),
			next:        make(map[uint64]int32, edges),
			ends:        make([][]pattern, 1, edges),
			countryName: make(map[string]string, 300),
			titleOf:     Entry{Kind: KindAgent, Rule: "actor/grammar:title-of"},
			numNodes:    1,
		},
		noteWords: make(map[string][]string, 64),
	}
}

// newEntry returns a zeroed Entry from the current block.
func (b *builder) newEntry() *Entry {
	if len(b.entryBlock) == cap(b.entryBlock) {
		b.entryBlock = make([]Entry, 0, 1024)
	}
	b.entryBlock = b.entryBlock[:len(b.entryBlock)+1]
	return &b.entryBlock[len(b.entryBlock)-1]
}

// keepWords copies ws into the word block and returns the copy.
func (b *builder) keepWords(ws []string) []string {
	if cap(b.wordBlock)-len(b.wordBlock) < len(ws) {
		b.wordBlock = make([]string, 0, max(4096, len(ws)))
	}
	n := len(b.wordBlock)
	b.wordBlock = append(b.wordBlock, ws...)
	return b.wordBlock[n:len(b.wordBlock):len(b.wordBlock)]
}

func (b *builder) newRules(n int) []uint8 {
	if cap(b.ruleBlock)-len(b.ruleBlock) < n {
		b.ruleBlock = make([]uint8, 0, max(8192, n))
	}
	l := len(b.ruleBlock)
	b.ruleBlock = b.ruleBlock[:l+n]
	return b.ruleBlock[l : l+n : l+n]
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
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		b.rules, b.ruleEnds = b.rules[:0], b.ruleEnds[:0]
		err = dict.Parse(prefix+name, raw, func(l dict.Line) error {
			e, err := b.parseEntry(l)
			if err != nil {
				return err
			}
			e.User = layer > 0
			b.rules = append(b.rules, l.File...)
			b.rules = append(b.rules, ':')
			b.rules = strconv.AppendInt(b.rules, int64(l.Num), 10)
			b.ruleEnds = append(b.ruleEnds, ruleEnd{e, len(b.rules)})
			return b.add(e, layer, l)
		})
		// One string holds every rule of the file.
		all := string(b.rules)
		start := 0
		for _, r := range b.ruleEnds {
			r.e.Rule = all[start:r.end]
			start = r.end
		}
		var l dict.ErrorList
		if errors.As(err, &l) {
			errs = append(errs, l...)
		} else if err != nil {
			return err
		}
	}
	return errs.Err()
}

// textSize is the total size of the .txt files under Dir, for sizing the
// builder's maps; 0 when they cannot be listed.
func textSize(fsys fs.FS) int {
	if fsys == nil {
		fsys = data.FS
	}
	names, err := dict.Files(fsys, Dir, ".txt")
	if err != nil {
		return 0
	}
	n := 0
	for _, name := range names {
		if st, err := fs.Stat(fsys, name); err == nil {
			n += int(st.Size())
		}
	}
	return n
}

func (b *builder) err() error { return b.errs.Err() }

// ruleOf is e's rule, also while its file is still being read.
func (b *builder) ruleOf(e *Entry) string {
	if e.Rule != "" {
		return e.Rule
	}
	start := 0
	for _, r := range b.ruleEnds {
		if r.e == e {
			return string(b.rules[start:r.end])
		}
		start = r.end
	}
	return ""
}

// add puts an entry's phrases in the trie. The same phrase (the same
// token norms) for the same kind in one layer with another code over
// overlapping dates is ambiguous and reported; the line then adds nothing.
func (b *builder) add(e *Entry, layer int, l dict.Line) error {
	d := b.d
	idx := len(d.entries)
	// First pass: cut every phrase into words and find its trie node,
	// unless the line before had the same phrases.
	if len(b.walked) == 0 || &b.walked[0] != &e.Phrases[0] {
		b.words = b.words[:0]
		b.nodes = b.nodes[:0]
		b.ids = b.ids[:0]
		b.starts = b.starts[:0]
		for _, p := range e.Phrases {
			b.starts = append(b.starts, len(b.words))
			b.words = splitPhraseInto(b.words, p)
			b.nodes = append(b.nodes, b.walk(b.words[b.starts[len(b.starts)-1]:]))
		}
		b.walked = e.Phrases
	}
	starts := b.starts
	for i, node := range b.nodes {
		for _, pat := range d.ends[node] {
			o := d.entries[pat.entry]
			if o.Kind != e.Kind || d.layer[pat.entry] != layer || o.Actor.Code == e.Actor.Code {
				continue
			}
			// One person's roles may overlap (a year-precise start): the
			// role that starts later wins on the shared days.
			samePerson := e.Kind == KindPerson && o.Actor.Name == e.Actor.Name
			if !samePerson && overlaps(o, e) {
				return l.Errorf("phrase %q is already %s %s at %s", e.Phrases[i], o.Kind, o.Actor.Code, b.ruleOf(o))
			}
		}
	}
	switch e.Kind {
	case KindAdj:
		if n, ok := d.countryName[e.Actor.Country]; ok {
			e.Actor.Name = n
		}
	case KindCountry:
		if _, ok := d.countryName[e.Actor.Country]; !ok {
			d.countryName[e.Actor.Country] = e.Actor.Name
		}
	case KindPerson:
		b.people = append(b.people, int32(idx))
		// The name's first and last words, for surnames alone.
		n := len(b.ids)
		if len(starts) > 1 {
			n = starts[1]
		}
		if n < 2 {
			e.last, e.first = normWord(e.Actor.Name), ""
		} else {
			e.last, e.first = b.normOf[b.ids[n-1]], b.normOf[b.ids[0]]
		}
		if e.Note != "" {
			nw, ok := b.noteWords[e.Note]
			if !ok {
				nw = strings.Fields(strings.ToLower(e.Note))
				b.noteWords[e.Note] = nw
			}
			e.noteWords = nw
		}
	}
	d.entries = append(d.entries, e)
	d.layer = append(d.layer, layer)
	for i, node := range b.nodes {
		end := len(b.words)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		b.insert(b.words[starts[i]:end], node, e.Kind, int32(idx), layer)
	}
	return nil
}

func overlaps(a, b *Entry) bool {
	// Strict: a role that ends on the day the next begins is no conflict.
	return (a.To == 0 || b.From == 0 || b.From < a.To) && (b.To == 0 || a.From == 0 || a.From < b.To)
}

// walk follows (and makes) the trie path of a phrase's words and returns
// its last node.
func (b *builder) walk(words []string) int32 {
	d := b.d
	node := int32(0)
	for _, w := range words {
		b.norm = appendNorm(b.norm[:0], w)
		id := b.tokenID(b.norm)
		b.ids = append(b.ids, id)
		if n := len(b.norm); n > 1 && b.norm[n-1] == '.' {
			// "U.S." also as "U.S", in case a tokenizer splits the period.
			if _, ok := d.words[string(b.norm[:n-1])]; !ok {
				d.words[string(b.norm[:n-1])] = wordInfo{id: id}
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
	return node
}

// insert adds one phrase ending at node. A phrase of a later layer
// replaces the earlier layers' phrases with the same words and kind.
func (b *builder) insert(words []string, node int32, kind Kind, entry int32, layer int) {
	d := b.d
	pat := pattern{entry: entry, words: b.keepWords(words), rules: b.newRules(len(words))}
	for i, w := range words {
		pat.rules[i] = caseRule(w, kind)
	}
	if len(d.ends[node]) == 0 {
		if len(b.patBlock) == cap(b.patBlock) {
			b.patBlock = make([]pattern, 0, 2048)
		}
		b.patBlock = append(b.patBlock, pat)
		n := len(b.patBlock)
		d.ends[node] = b.patBlock[n-1 : n : n]
		return
	}
	override := false
	for _, p := range d.ends[node] {
		if d.entries[p.entry].Kind == kind && d.layer[p.entry] < layer {
			override = true
			break
		}
	}
	if !override {
		d.ends[node] = append(d.ends[node], pat)
		return
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

// tokenID numbers a norm (given as bytes, so that known words cost no
// allocation).
func (b *builder) tokenID(norm []byte) int32 {
	d := b.d
	if w, ok := d.words[string(norm)]; ok {
		return w.id
	}
	id := d.numWords
	d.numWords++
	ns := string(norm)
	d.words[ns] = wordInfo{id: id}
	b.normOf = append(b.normOf, ns)
	return id
}

type wordInfo struct {
	id  int32 // in the trie's vocabulary, or -1
	cls uint32
}

func (b *builder) build(g *grammar) *Dictionary {
	d := b.d
	// people: each person's entries in load order, from one block.
	count := make(map[string]int, len(b.people)/2+1)
	for _, i := range b.people {
		count[d.entries[i].Actor.Name]++
	}
	block := make([]int32, 0, len(b.people))
	d.people = make(map[string][]int32, len(count))
	for _, i := range b.people {
		name := d.entries[i].Actor.Name
		list, ok := d.people[name]
		if !ok {
			n := len(block)
			block = block[:n+count[name]]
			list = block[n : n : n+count[name]]
		}
		d.people[name] = append(list, i)
	}
	setClass := func(w string, c uint32) {
		wi, ok := d.words[w]
		if !ok {
			wi.id = -1
		}
		wi.cls |= c
		d.words[w] = wi
	}
	for w, c := range closedClass {
		setClass(w, c)
	}
	for w, c := range g.cls {
		setClass(w, c)
	}
	d.afterRole, d.groupAgent = g.afterRole, g.groupAgent
	return d
}

// step follows one token from node; it returns -1 when the trie has no
// such edge.
func (d *Dictionary) step(node int32, norm string) int32 {
	w, ok := d.words[norm]
	if !ok || w.id < 0 {
		return -1
	}
	return d.stepID(node, w.id)
}

// stepID follows a token already looked up in vocab.
func (d *Dictionary) stepID(node, id int32) int32 {
	child, ok := d.next[uint64(node)<<32|uint64(uint32(id))]
	if !ok {
		return -1
	}
	return child
}
