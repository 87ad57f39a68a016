package source

import (
	"context"
	"errors"
	"fmt"
	"github.com/dyadproject/dyad/internal/textspace"
	"io/fs"
	"strings"
	"sync"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// Config configures the source stage. The zero value uses the built-in
// tables and the built-in actor dictionary.
type Config struct {
	// Actors is the actor dictionary whose media entries give outlets
	// their canonical names ("Russian News Agency TASS" -> "TASS"); nil
	// loads the built-in one. Pass the actor stage's dictionary to share
	// it and to see the user's media entries.
	Actors *actor.Dictionary
	// FS holds source/credits.txt; nil means data.FS.
	FS fs.FS
	// Prefix is put before file names in error positions; "" means
	// data.Prefix when FS is nil.
	Prefix string
}

// CreditsFile is the table of credit phrases, in data.FS and Config.FS.
const CreditsFile = "source/credits.txt"

// Stage is the "source" pipeline stage. It is read-only after New and
// safe for concurrent use on different Docs.
type Stage struct {
	t     tables
	names map[string]string // normalised outlet phrase -> canonical name
	err   error             // from loading; returned by Process
	pool  sync.Pool
}

// New makes the stage. A table or dictionary that fails to load makes
// Process fail with its errors.
func New(c Config) *Stage {
	s := &Stage{}
	fsys, prefix := c.FS, c.Prefix
	if fsys == nil {
		fsys = data.FS
		if prefix == "" {
			prefix = data.Prefix
		}
	}
	var errs []error
	var err error
	if s.t, err = loadTables(fsys, prefix); err != nil {
		errs = append(errs, err)
	}
	ad := c.Actors
	if ad == nil {
		if ad, err = actor.Load(actor.Config{}); err != nil {
			errs = append(errs, err)
		}
	}
	s.names = outletNames(ad)
	s.err = errors.Join(errs...)
	return s
}

// Name is the stage name.
func (s *Stage) Name() string { return "source" }

// outletNames maps every phrase of every media entry, normalised, to the
// entry's canonical name.
func outletNames(ad *actor.Dictionary) map[string]string {
	m := map[string]string{}
	if ad == nil {
		return m
	}
	for _, e := range ad.Entries() {
		if e.Kind != actor.KindMedia {
			continue
		}
		for _, ph := range e.Phrases {
			k := normName(ph)
			if _, ok := m[k]; !ok {
				m[k] = e.Actor.Name
			}
		}
	}
	return m
}

// normName folds an outlet name for look-up: lower case, one space,
// straight apostrophes, no leading "the".
func normName(s string) string {
	s = strings.ToLower(textspace.OneSpace(s))
	s = strings.ReplaceAll(s, "\u2019", "'")
	return strings.TrimPrefix(s, "the ")
}

// canonical is the dictionary's name for an outlet written as s, else s
// tidied.
func (s *Stage) canonical(name string) string {
	name = textspace.OneSpace(name)
	if c, ok := s.names[normName(name)]; ok {
		return c
	}
	return name
}

// Process sets ReportedBy on every event and quote of d (never nil):
// the article's own credits, outermost first (its outlet, then wire
// agencies of the dateline and sign-off), then the outlets the text
// credits for that statement, innermost last. See the package doc.
func (s *Stage) Process(ctx context.Context, d *dyad.Doc) error {
	if s.err != nil {
		return s.err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Tokens) == 0 && strings.TrimSpace(d.Text) != "" {
		return fmt.Errorf("no tokens: the token stage must run before %q", s.Name())
	}
	p, _ := s.pool.Get().(*proc)
	if p == nil {
		p = &proc{}
	}
	p.reset(s, d)
	defer func() {
		p.reset(nil, nil)
		s.pool.Put(p)
	}()
	p.run()
	return nil
}

// tables are the credit phrases of credits.txt.
type tables struct {
	verbs  map[string]bool // lemmas: "M reported"
	before [][]string      // "according to M", as lower-case words
	inner  [][]string      // "citing M": innermost
	onVerb map[string]bool // lemmas: "said on M"
	heads  [][]string      // head nouns of unnamed outlets, lower case
	// headsByLast lists the heads by their last word, in table order: one
	// map look-up per noun instead of a scan of every head
	headsByLast map[string][][]string
}

func loadTables(fsys fs.FS, prefix string) (tables, error) {
	t := tables{verbs: map[string]bool{}, onVerb: map[string]bool{}, headsByLast: map[string][][]string{}}
	seen := map[string]bool{}
	err := dict.ReadFile(fsys, CreditsFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) < 2 || f[0] == "" {
			return l.Errorf("want WORDS<TAB>CLASS[<TAB>note]")
		}
		words := strings.Fields(strings.ToLower(f[0]))
		key := f[1] + "\t" + strings.Join(words, " ")
		if seen[key] {
			return l.Errorf("%q listed twice as %s", f[0], f[1])
		}
		seen[key] = true
		one := func() error {
			if len(words) != 1 {
				return l.Errorf("a %s is one lemma: %q", f[1], f[0])
			}
			return nil
		}
		switch f[1] {
		case "verb":
			if err := one(); err != nil {
				return err
			}
			t.verbs[words[0]] = true
		case "on":
			if err := one(); err != nil {
				return err
			}
			t.onVerb[words[0]] = true
		case "before":
			t.before = append(t.before, words)
		case "inner":
			t.inner = append(t.inner, words)
		case "head":
			if len(words) == 0 || len(words) > 2 {
				return l.Errorf("a head is one or two words: %q", f[0])
			}
			t.heads = append(t.heads, words)
			last := words[len(words)-1]
			t.headsByLast[last] = append(t.headsByLast[last], words)
		default:
			return l.Errorf("unknown class %q (want verb, before, inner, head or on)", f[1])
		}
		return nil
	})
	return t, err
}
