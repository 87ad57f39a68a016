package main

import (
	"context"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/export"
)

// actorLine is one line of `dyad actors`: a mention and its code.
type actorLine struct {
	ArticleID  string `json:"article_id"`
	Index      int    `json:"index"`
	Sentence   int    `json:"sentence"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Kind       string `json:"kind"`
	Code       string `json:"code"`
	Country    string `json:"country"`
	Agent      string `json:"agent"`
	Name       string `json:"name"`
	Rule       string `json:"rule"`
	Antecedent int    `json:"antecedent"`
	// EventActor is false for news outlets and capitals used as places.
	EventActor bool `json:"event_actor"`
}

func runActors(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "actors", "[flags] [FILE|DIR|-]...",
		"Prints every actor mention as a JSON line: byte offsets, kind, CAMEO code, canonical name,\n"+
			"the dictionary rule (file:line) and the antecedent of pronouns and titles (-1 if none).")
	var in inputFlags
	in.register(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	// The engine runs the pipeline through the actor stage, with the user
	// dictionaries of --dict.
	cfg := engine.Config{Through: "actor"}
	out := export.NewJSONL(env.Stdout)
	err = in.eachDoc(ctx, env, paths, cfg, func(d *dyad.Doc) error {
		for i, m := range d.Mentions {
			line := actorLine{
				ArticleID: d.Article.ID, Index: i, Sentence: m.Sentence,
				Start: m.Start, End: m.End, Text: d.Slice(m.Span), Kind: string(m.Kind),
				Code: m.Actor.Code, Country: m.Actor.Country, Agent: m.Actor.Agent, Name: m.Actor.Name,
				Rule: m.Rule, Antecedent: m.Antecedent, EventActor: actor.IsEventActor(m),
			}
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
