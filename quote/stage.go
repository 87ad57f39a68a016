package quote

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/dyadproject/dyad"
)

// Config configures the quote stage. The zero value uses the built-in
// tables and the default rules.
type Config struct {
	// FS holds quote/cues.txt and quote/nouns.txt; nil means data.FS.
	FS fs.FS
	// Prefix is put before file names in error positions; "" means
	// data.Prefix when FS is nil.
	Prefix string
	// StateSpeakers keeps a direct quotation whose speaker is only a
	// country or a capital standing for its government ("Washington
	// blamed Moscow for what it called "…"") when no body of that
	// country was quoted before it. By default such a quotation is given
	// to the body of that country the article last quoted, or left out.
	StateSpeakers bool
}

// Stage is the "quote" pipeline stage. It is read-only after New and safe
// for concurrent use on different Docs.
type Stage struct {
	t             tables
	err           error // from loading the tables; returned by Process
	stateSpeakers bool
	pool          sync.Pool
}

// New makes the stage. A table that fails to load makes Process fail
// with the table's errors (file:line: reason).
func New(c Config) *Stage {
	s := &Stage{stateSpeakers: c.StateSpeakers}
	s.t, s.err = loadTables(c.FS, c.Prefix)
	return s
}

// Name is the stage name.
func (s *Stage) Name() string { return "quote" }

// Process fills d.Quotes (replacing what was there), in text order: the
// direct quotations with a speaker, and the indirect speech of verbs of
// saying ("X said (that) …") as Direct false. ReportedBy is left empty
// (not nil) for the source stage.
func (s *Stage) Process(ctx context.Context, d *dyad.Doc) error {
	if s.err != nil {
		return s.err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Quotes = d.Quotes[:0]
	if len(d.Tokens) == 0 {
		if strings.TrimSpace(d.Text) != "" {
			return fmt.Errorf("no tokens: the token stage must run before %q", s.Name())
		}
		return nil
	}
	p, _ := s.pool.Get().(*proc)
	if p == nil {
		p = &proc{}
	}
	p.reset(&s.t, d)
	p.stateSpeakers = s.stateSpeakers
	defer func() {
		p.reset(nil, nil)
		s.pool.Put(p)
	}()
	p.run()
	return nil
}

// proc is the per-Doc working state, kept in a pool between Docs.
type proc struct {
	t             *tables
	d             *dyad.Doc
	toks          []dyad.Token
	stateSpeakers bool

	qs     []Quotation
	qt     []qtoks // per quotation: its tokens
	inQ    []int32 // per token: the quotation it lies in (marks included), or -1
	mStart []int32 // per token: the outermost mention starting there, or -1
	mEnd   []int32 // per token: the outermost mention ending there, or -1
	sentM  []int32 // per sentence: its first mention (sentM[s]..sentM[s+1])
	acts   []act
	actAt  []int32 // per sentence: its first act (actAt[s]..actAt[s+1])
	out    []built
}

// qtoks are a quotation's tokens.
type qtoks struct {
	open, close int // the mark tokens, -1 when there is none
	first, end  int // the quoted tokens
}

func (p *proc) reset(t *tables, d *dyad.Doc) {
	p.t, p.d, p.toks = t, d, nil
	if d != nil {
		p.toks = d.Tokens
	}
	clear(p.qs)
	p.qs = p.qs[:0]
	p.qt = p.qt[:0]
	p.acts = p.acts[:0]
	clear(p.out)
	p.out = p.out[:0]
}

func grow(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

func (p *proc) run() {
	n := len(p.toks)
	p.inQ = grow(p.inQ, n)
	p.mStart = grow(p.mStart, n)
	p.mEnd = grow(p.mEnd, n)
	for i := range n {
		p.inQ[i], p.mStart[i], p.mEnd[i] = -1, -1, -1
	}
	p.indexMentions()
	p.qs = AppendScan(p.qs, p.d.Text)
	p.locateQuotations()
	p.findActs()
	p.quotations()
	p.indirect()
	p.emit()
}

// indexMentions fills mStart, mEnd and sentM. Mentions come sorted by
// start, outer ones first.
func (p *proc) indexMentions() {
	ms := p.d.Mentions
	for i, m := range ms {
		if m.FirstToken < 0 || m.EndToken > len(p.toks) || m.FirstToken >= m.EndToken {
			continue
		}
		if p.mStart[m.FirstToken] < 0 {
			p.mStart[m.FirstToken] = int32(i)
		}
		e := m.EndToken - 1
		if o := p.mEnd[e]; o < 0 || ms[o].FirstToken > m.FirstToken {
			p.mEnd[e] = int32(i)
		}
	}
	ns := len(p.d.Sentences)
	p.sentM = grow(p.sentM, ns+1)
	k := 0
	for s := 0; s <= ns; s++ {
		for k < len(ms) && ms[k].Sentence < s {
			k++
		}
		p.sentM[s] = int32(k)
	}
}

// tokAt returns the index of the first token that ends after off.
func (p *proc) tokAt(off int) int {
	i, _ := slices.BinarySearchFunc(p.toks, off, func(t dyad.Token, off int) int {
		return cmp.Compare(t.End, off+1)
	})
	return i
}

// locateQuotations maps each quotation to its tokens.
func (p *proc) locateQuotations() {
	for qi, q := range p.qs {
		sp := q.Span()
		t := qtoks{open: -1, close: -1, first: p.tokAt(sp.Start), end: p.tokAt(sp.End)}
		if t.end < len(p.toks) && p.toks[t.end].Start < sp.End {
			t.end++
		}
		if q.Open >= 0 {
			if i := p.tokAt(q.Open); i < len(p.toks) && p.toks[i].Start == q.Open {
				t.open = i
			}
		}
		if q.Close >= 0 {
			if i := p.tokAt(q.Close); i < len(p.toks) && p.toks[i].Start == q.Close {
				t.close = i
			}
		}
		p.qt = append(p.qt, t)
		lo, hi := t.first, t.end
		if t.open >= 0 {
			lo = t.open
		}
		if t.close >= 0 {
			hi = t.close + 1
		}
		for i := lo; i < hi && i < len(p.toks); i++ {
			p.inQ[i] = int32(qi)
		}
	}
}

// Token helpers.

func (p *proc) norm(i int) string { return p.toks[i].Norm }
func (p *proc) tag(i int) string  { return p.toks[i].Tag }
func (p *proc) text(i int) string { t := p.toks[i]; return p.d.Text[t.Start:t.End] }

func (p *proc) isMark(i int) bool {
	t := p.toks[i].Tag
	return t == "``" || t == "''" || p.toks[i].Norm == `"`
}

// sentRange is sentence s's tokens.
func (p *proc) sentRange(s int) (int, int) {
	if s < 0 || s >= len(p.d.Sentences) {
		return 0, 0
	}
	st := p.d.Sentences[s]
	return st.FirstToken, st.EndToken
}

// bodyStart skips a dateline at the start of sentence s ("QUITO, April 6
// (AP) - "): the first token after a dash that follows a closing bracket.
func (p *proc) bodyStart(s int) int {
	lo, hi := p.sentRange(s)
	for i := lo; i < hi && i < lo+16; i++ {
		if p.norm(i) == ")" && i+1 < hi && isDash(p.norm(i+1)) {
			return i + 2
		}
	}
	return lo
}

func isDash(n string) bool { return n == "-" || n == "--" || n == "---" }

// span returns the byte span of tokens [first, end).
func (p *proc) span(first, end int) dyad.Span {
	return dyad.Span{Start: p.toks[first].Start, End: p.toks[end-1].End}
}
