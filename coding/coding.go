package coding

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
	"github.com/dyadproject/dyad/ontology"
)

// Dir is the folder of event patterns, in data.FS and in user folders.
const Dir = "events"

// Config says which patterns to load and what to emit. The zero value
// loads the built-in patterns and emits asserted and intended events.
type Config struct {
	// UserDirs are folders holding events/*.txt in the built-in format;
	// their lines extend the built-ins, and a pattern written again (same
	// words) replaces the earlier one, later folders over earlier ones.
	UserDirs []string
	// Builtin replaces the embedded tables (data.FS) when set: a file
	// system holding events/*.txt, for tests and tools.
	Builtin fs.FS
	// BuiltinPrefix is put before built-in file names in rules; "" means
	// data.Prefix ("data/events/consult.txt:12").
	BuiltinPrefix string
	// Ontology fills root, quad, Goldstein and PLOVER; nil loads the
	// embedded CAMEO tables.
	Ontology *ontology.Table
	// KeepNegated also emits actions the text says did not happen or
	// only might ("did not attack", "could impose"), with negated set
	// and modality denied or hypothetical. Off by default: the coding
	// policy does not count them as events of that code.
	KeepNegated bool
}

// Coder is the "event" pipeline stage. It is immutable after New and safe
// for concurrent use on different Docs.
type Coder struct {
	lex      *lexicon
	patterns []*pattern
	idx      index
	vocab    vocab
	classIDs map[string][]int32 // class name -> sorted vocabulary ids
	// words holds, for every word a pattern, class or frame list names,
	// its vocabulary id and frame kinds: one lookup per token form
	words   map[string]wordInfo
	noWord  wordInfo // what words lacks: no id, no frames
	onto    *ontology.Table
	keepNeg bool
	trace   func(string) // tests: where each match is reported
	// articles holds *article working memory (the sentence buffers, raw
	// events, pairs), reused across Docs instead of allocated per Doc
	articles sync.Pool
}

// New loads the patterns and word lists. Every bad line of every file is
// reported in one dict.ErrorList (file:line: reason).
func New(c Config) (*Coder, error) {
	builtin, prefix := c.Builtin, c.BuiltinPrefix
	if builtin == nil {
		builtin = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	srcs := []source{{fsys: builtin, prefix: prefix}}
	for _, dir := range c.UserDirs {
		st, err := os.Stat(filepath.Join(dir, Dir))
		if err != nil || !st.IsDir() {
			// a dictionary folder may hold only actors
			continue
		}
		srcs = append(srcs, source{fsys: os.DirFS(dir), prefix: dict.Join(dir)})
	}
	cd, err := load(srcs)
	if err != nil {
		return nil, err
	}
	cd.keepNeg = c.KeepNegated
	cd.onto = c.Ontology
	if cd.onto == nil {
		t, err := ontology.Load()
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		cd.onto = t
	}
	var errs dict.ErrorList
	seen := map[string]bool{}
	for _, p := range cd.patterns {
		for _, code := range p.codes {
			if _, ok := cd.onto.Lookup(code); !ok && !seen[p.pos] {
				seen[p.pos] = true
				file, line := splitPos(p.pos)
				errs = append(errs, &dict.Error{File: file, Line: line, Msg: fmt.Sprintf("code %s is not a CAMEO code", code)})
			}
		}
	}
	for k, m := range cd.lex.trans {
		for from, to := range m {
			if to == "-" || to == "=" {
				continue
			}
			if _, ok := cd.onto.Lookup(to); !ok {
				errs = append(errs, &dict.Error{File: "transforms", Msg: fmt.Sprintf("frame %d: %s -> %s: not a CAMEO code", k, from, to)})
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return cd, nil
}

// Check validates one user folder (DIR/events/*.txt) together with the
// built-in word classes it may use.
func Check(dir string) error {
	_, err := New(Config{UserDirs: []string{dir}})
	return err
}

type source struct {
	fsys   fs.FS
	prefix string
}

func load(srcs []source) (*Coder, error) {
	lx := newLexicon()
	var errs dict.ErrorList
	var other []error
	collect := func(err error) {
		var l dict.ErrorList
		var one *dict.Error
		switch {
		case err == nil:
		case errors.As(err, &l):
			errs = append(errs, l...)
		case errors.As(err, &one):
			errs = append(errs, one)
		default:
			other = append(other, err)
		}
	}
	// word lists first, from every folder, so patterns may use them
	var raws []*rawPattern
	for _, src := range srcs {
		for _, special := range []struct {
			name string
			each func(dict.Line) error
		}{{ClassesFile, lx.classLine}, {FramesFile, lx.frameLine}, {TransformsFile, lx.transformLine}} {
			name := path.Join(Dir, special.name)
			if _, err := fs.Stat(src.fsys, name); err != nil {
				continue
			}
			collect(dict.ReadFile(src.fsys, name, src.prefix, special.each))
		}
	}
	for _, src := range srcs {
		names, err := dict.Files(src.fsys, Dir, ".txt")
		if err != nil {
			collect(err)
			continue
		}
		for _, name := range names {
			switch path.Base(name) {
			case ClassesFile, FramesFile, TransformsFile:
				continue
			}
			defaults := 0 // set by a "!flags ..." line, for the lines after it
			collect(dict.ReadFile(src.fsys, name, src.prefix, func(l dict.Line) error {
				if strings.HasPrefix(l.Text, "!flags") {
					v, err := parseFlags(l, strings.TrimPrefix(l.Text, "!flags"))
					if err != nil {
						return err
					}
					defaults = v
					return nil
				}
				if strings.HasPrefix(l.Text, "!") {
					return l.Errorf("unknown directive (only !flags)")
				}
				r, err := parsePatternLine(l, defaults)
				if err != nil {
					return err
				}
				raws = append(raws, r)
				return nil
			}))
		}
	}
	// a pattern written again replaces the earlier one
	last := map[string]int{}
	for i, r := range raws {
		last[r.key] = i
	}
	cd := &Coder{lex: lx}
	for i, r := range raws {
		if last[r.key] != i || r.code == "-" {
			continue
		}
		for _, variant := range r.variants() {
			rv := *r
			rv.toks = variant
			p, err := rv.compile(lx, i)
			if err != nil {
				collect(err)
				break
			}
			cd.patterns = append(cd.patterns, p)
		}
	}
	if len(cd.patterns) == 0 && len(errs) == 0 && len(other) == 0 {
		other = append(other, fmt.Errorf("no event patterns in %s/", Dir))
	}
	// report in file and line order: patterns compile after all files
	// are read
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].File != errs[j].File {
			return errs[i].File < errs[j].File
		}
		return errs[i].Line < errs[j].Line
	})
	if len(other) > 0 {
		return nil, errors.Join(append(other, errs.Err())...)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	cd.vocab = vocab{}
	cd.classIDs = map[string][]int32{}
	for name, words := range lx.classes {
		cd.classIDs[name] = cd.vocab.ids(words)
	}
	cd.idx = buildIndex(cd.patterns, cd.vocab)
	cd.words = map[string]wordInfo{}
	info := func(w string) wordInfo {
		wi, ok := cd.words[w]
		if !ok {
			wi.id = -1
			for i := range wi.fr {
				wi.fr[i] = noFrame
			}
		}
		return wi
	}
	for w, id := range cd.vocab {
		wi := info(w)
		wi.id = id
		cd.words[w] = wi
	}
	for set, m := range lx.words {
		for w, k := range m {
			wi := info(w)
			wi.fr[set] = uint8(k)
			cd.words[w] = wi
		}
	}
	cd.noWord = wordInfo{id: -1}
	for i := range cd.noWord.fr {
		cd.noWord.fr[i] = noFrame
	}
	for _, p := range cd.patterns {
		p.need = requiredIDs(p.elems)
	}
	return cd, nil
}

// expandGroups writes out the optional groups of a pattern: "SOURCE recall
// @envoy (from TARGET)" is two patterns, the longer tried first.
func expandGroups(toks []string) [][]string {
	open := -1
	depth := 0
	for i, t := range toks {
		if t == "(" {
			if depth == 0 {
				open = i
			}
			depth++
		}
		if t == ")" {
			depth--
			if depth == 0 && open >= 0 {
				inner := toks[open+1 : i]
				if len(inner) == 1 && slotNames[strings.SplitN(inner[0], "=", 2)[0]] == noSlot {
					// a single optional word stays one element
					open = -1
					continue
				}
				var out [][]string
				for _, rest := range expandGroups(toks[i+1:]) {
					with := append(append(append([]string{}, toks[:open]...), inner...), rest...)
					without := append(append([]string{}, toks[:open]...), rest...)
					for _, w := range expandGroups(with) {
						out = append(out, w)
					}
					out = append(out, without)
				}
				return dedupe(out)
			}
		}
	}
	return [][]string{toks}
}

func dedupe(in [][]string) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, t := range in {
		k := strings.Join(t, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

func splitPos(pos string) (string, int) {
	i := strings.LastIndexByte(pos, ':')
	if i < 0 {
		return pos, 0
	}
	n := 0
	fmt.Sscanf(pos[i+1:], "%d", &n)
	return pos[:i], n
}

// wordInfo is what the coder knows of one word form.
type wordInfo struct {
	id int32 // vocabulary id, or -1
	fr [numSets]uint8
}

// requiredIDs lists, per required word element after the anchor, the
// ids it accepts: a sentence lacking all of one list cannot match.
func requiredIDs(es []elem) [][]int32 {
	var out [][]int32
	for _, e := range es[1:] {
		if e.kind == eWord && !e.opt {
			out = append(out, e.ids)
		}
	}
	return out
}

// verbLemma guesses the base form of a past tense the tagger missed
// ("abducted", "tortured", "shelled"): the candidate some pattern uses.
func (c *Coder) verbLemma(w string) string {
	base := strings.TrimSuffix(w, "ed")
	cands := []string{base, base + "e", strings.TrimSuffix(w, "d")}
	if n := len(base); n > 2 && base[n-1] == base[n-2] {
		cands = append(cands, base[:n-1])
	}
	if strings.HasSuffix(w, "ied") {
		cands = append(cands, strings.TrimSuffix(w, "ied")+"y")
	}
	for _, c2 := range cands {
		if id, ok := c.vocab[c2]; ok && len(c.idx[id]) > 0 {
			return c2
		}
	}
	return w
}

// Name is the stage name.
func (c *Coder) Name() string { return "event" }

// Patterns is the number of compiled patterns (after optional groups are
// written out).
func (c *Coder) Patterns() int { return len(c.patterns) }

// mentionFrom returns the first index in d.Mentions of sentence si.
func (c *Coder) mentionFrom(d *dyad.Doc, si int) int {
	return sort.Search(len(d.Mentions), func(i int) bool { return d.Mentions[i].Sentence >= si })
}

// Process codes the events of d, replacing d.Events.
func (c *Coder) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Events = d.Events[:0]
	if len(d.Sentences) == 0 {
		return nil
	}
	if len(d.Tokens) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("no tokens: the token stage must run before %q", c.Name())
	}
	a, _ := c.articles.Get().(*article)
	if a == nil {
		a = &article{}
	}
	a.reset(c, d)
	defer func() {
		a.reset(nil, nil)
		c.articles.Put(a)
	}()
	for si := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		sn := d.Sentences[si]
		if sn.EndToken <= sn.FirstToken || sn.EndToken > len(d.Tokens) {
			continue
		}
		a.sentence(si)
	}
	d.Events = a.merge()
	return nil
}
