package tag

import (
	"context"
	"fmt"
	"io/fs"
	"sync"

	"github.com/dyadproject/dyad"
)

// Config configures a Tagger. The zero value loads the embedded lexicon.
type Config struct {
	// Lexicon, when set, is used as is (share one between Taggers).
	Lexicon *Lexicon
	// FS holds the lexicon files when Lexicon is nil; nil means data.FS.
	FS fs.FS
	// Prefix is put before file names in error positions.
	Prefix string
}

// Tagger is the "tag" pipeline stage: it sets Tag and Lemma on every token.
// It is immutable after New and safe for concurrent use.
type Tagger struct {
	lx *Lexicon
	// scratch holds *[]word working memory for Process, reused across
	// calls instead of allocated per Doc
	scratch sync.Pool
}

// New makes a Tagger, loading the lexicon unless c.Lexicon is set.
func New(c Config) (*Tagger, error) {
	lx := c.Lexicon
	if lx == nil {
		var err error
		if lx, err = LoadLexicon(c.FS, c.Prefix); err != nil {
			return nil, err
		}
	}
	return &Tagger{lx: lx}, nil
}

// Lexicon returns the tagger's lexicon.
func (t *Tagger) Lexicon() *Lexicon { return t.lx }

// Name is the stage name.
func (t *Tagger) Name() string { return "tag" }

// Process tags and lemmatises every token of d, sentence by sentence.
func (t *Tagger) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sp, _ := t.scratch.Get().(*[]word)
	if sp == nil {
		sp = new([]word)
	}
	defer func() {
		clear((*sp)[:cap(*sp)]) // keep no strings of this Doc alive
		t.scratch.Put(sp)
	}()
	if len(d.Sentences) == 0 {
		if len(d.Tokens) > 0 {
			*sp = t.TagTokens(d.Text, d.Tokens, *sp)
		}
		return nil
	}
	for i, s := range d.Sentences {
		if s.FirstToken < 0 || s.EndToken < s.FirstToken || s.EndToken > len(d.Tokens) {
			return fmt.Errorf("sentence %d: tokens [%d,%d) outside the %d tokens; run the token stage first", i, s.FirstToken, s.EndToken, len(d.Tokens))
		}
		*sp = t.TagTokens(d.Text, d.Tokens[s.FirstToken:s.EndToken], *sp)
	}
	return nil
}

// TagTokens tags and lemmatises the tokens of one sentence in place; text
// is what their spans index. scratch is reused working memory (may be
// nil); the grown scratch is returned for the next call.
func (t *Tagger) TagTokens(text string, toks []dyad.Token, scratch []word) []word {
	if cap(scratch) < len(toks) {
		scratch = make([]word, len(toks), len(toks)+len(toks)/2+16)
	}
	ws := scratch[:len(toks)]
	for i := range toks {
		ws[i] = word{}
		w := &ws[i]
		w.text = text[toks[i].Start:toks[i].End]
		w.norm = toks[i].Norm
		if w.norm == "" {
			w.norm = w.text
		}
		w.spaceBefore = toks[i].Start == 0 || isSpaceByte(text[toks[i].Start-1])
		w.spaceAfter = toks[i].End >= len(text) || isSpaceByte(text[toks[i].End])
	}
	t.candidates(ws)
	disambiguate(ws)
	for i := range toks {
		toks[i].Tag = ws[i].tag.String()
		toks[i].Lemma = t.lemma(&ws[i])
	}
	return scratch
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}
