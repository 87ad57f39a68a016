package main

import (
	"context"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/export"
)

// tokenLine is one line of `dyad tokens`.
type tokenLine struct {
	ArticleID string `json:"article_id"`
	Sentence  int    `json:"sentence"`
	Index     int    `json:"index"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Norm      string `json:"norm"`
	Tag       string `json:"tag"`
	Lemma     string `json:"lemma"`
}

func runTokens(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "tokens", "[flags] [FILE|DIR|-]...",
		"Prints every token as a JSON line: byte offsets, normal form, part-of-speech tag and lemma.")
	var in inputFlags
	in.register(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	out := export.NewJSONL(env.Stdout)
	err = in.eachDoc(ctx, env, paths, engine.Config{Through: "tag"}, func(d *dyad.Doc) error {
		for i, t := range d.Tokens {
			line := tokenLine{d.Article.ID, t.Sentence, i, t.Start, t.End, d.Slice(t.Span), t.Norm, t.Tag, t.Lemma}
			if err := out.Write(&line); err != nil {
				return err
			}
		}
		return out.Flush()
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}
