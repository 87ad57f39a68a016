package main

import (
	"context"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/export"
)

// sentenceLine is one line of `dyad sentences`.
type sentenceLine struct {
	ArticleID string `json:"article_id"`
	Index     int    `json:"index"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

func runSentences(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "sentences", "[flags] [FILE|DIR|-]...",
		"Prints every sentence as a JSON line with its byte offsets into the article text.")
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
	err = in.eachDoc(ctx, env, paths, engine.Config{Through: "sentence"}, func(d *dyad.Doc) error {
		for _, s := range d.Sentences {
			line := sentenceLine{d.Article.ID, s.Index, s.Paragraph, s.Start, s.End, d.Slice(s.Span)}
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
