package sentence

import (
	"context"
	"sync"

	"github.com/dyadproject/dyad"
)

// Config configures a Splitter. The zero value is the default and, for
// now, the only setting: the embedded tables in data/sentence.
type Config struct{}

// Splitter is the sentence stage. It is read-only after New and safe for
// concurrent use.
type Splitter struct {
	t   tables
	err error // from loading the tables; reported by Process
	hot [256]bool
}

// New builds a Splitter from the embedded tables. A bad table line does
// not stop it (the good lines are used); Process reports it.
func New(Config) *Splitter {
	s := &Splitter{}
	s.t, s.err = loadTables()
	for _, c := range []byte{'.', '!', '?', '"', 0xC2, 0xE2} {
		s.hot[c] = true
	}
	return s
}

// Name is the stage name.
func (s *Splitter) Name() string { return "sentence" }

// Err reports a problem loading the tables, or nil.
func (s *Splitter) Err() error { return s.err }

// Process sets d.Sentences from d.Text, replacing what was there. Each
// sentence gets its span, Index and Paragraph; FirstToken and EndToken
// are left for the tokenizer.
func (s *Splitter) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.err != nil {
		return s.err
	}
	d.Sentences = s.Append(d.Sentences[:0], d.Text)
	return nil
}

// Append splits text and appends its sentences to dst. Index counts from
// 0 at the start of dst's new entries; Paragraph counts the non-blank
// lines of text before the sentence's own.
func (s *Splitter) Append(dst []dyad.Sentence, text string) []dyad.Sentence {
	if dst == nil {
		dst = make([]dyad.Sentence, 0, len(text)/128+1)
	}
	base := len(dst)
	para := 0
	for pos := 0; pos < len(text); {
		end, next := lineEnd(text, pos)
		a := skipSpace(text, pos, end)
		b := trimRight(text, a, end)
		if a < b {
			n := len(dst)
			dst = s.splitLine(dst, text, a, b)
			for i := n; i < len(dst); i++ {
				dst[i].Index = i - base
				dst[i].Paragraph = para
			}
			para++
		}
		pos = next
	}
	return dst
}

// Spans returns the sentence spans of text.
func (s *Splitter) Spans(text string) []dyad.Span {
	sents := s.Append(nil, text)
	spans := make([]dyad.Span, len(sents))
	for i, x := range sents {
		spans[i] = x.Span
	}
	return spans
}

// defaultSplitter is built once, on first use, and never changed after.
var defaultSplitter = sync.OnceValue(func() *Splitter { return New(Config{}) })

// Split returns the sentence spans of text using the default Splitter.
func Split(text string) []dyad.Span { return defaultSplitter().Spans(text) }
