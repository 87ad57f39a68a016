package engine

import (
	"fmt"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/coding"
	"github.com/dyadproject/dyad/quote"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/source"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
	"github.com/dyadproject/dyad/when"
	"github.com/dyadproject/dyad/where"
)

// StageOrder is the default pipeline, in the one order it runs: every
// stage reads only what the stages before it added.
func StageOrder() []string {
	return []string{
		"sentence", // Doc.Sentences
		"token",    // Doc.Tokens, Sentence.FirstToken/EndToken
		"tag",      // Token.Tag, Token.Lemma
		"actor",    // Doc.Mentions
		"event",    // Doc.Events (code, actors, modality, evidence, rule)
		"quote",    // Doc.Quotes (text, speaker, cue)
		"when",     // Event.Date, Event.DatePrecision
		"where",    // Doc.Places, Event.Location
		"source",   // Event.ReportedBy, Quote.ReportedBy
	}
}

// builder constructs stages, loading the tables several stages share
// (the actor dictionary) once.
type builder struct {
	cfg    Config
	actors *actor.Dictionary
}

func (b *builder) actorDictionary() (*actor.Dictionary, error) {
	if b.actors == nil {
		d, err := actor.Load(actor.Config{UserDirs: b.cfg.DictDirs})
		if err != nil {
			return nil, err
		}
		b.actors = d
	}
	return b.actors, nil
}

func (b *builder) stage(name string) (dyad.Stage, error) {
	switch name {
	case "sentence":
		return sentence.New(sentence.Config{}), nil
	case "token":
		return token.New(token.Config{})
	case "tag":
		return tag.New(tag.Config{})
	case "actor":
		dict, err := b.actorDictionary()
		if err != nil {
			return nil, err
		}
		return actor.New(dict), nil
	case "event":
		return coding.New(coding.Config{UserDirs: b.cfg.DictDirs})
	case "quote":
		return quote.New(quote.Config{}), nil
	case "when":
		return when.New(when.Config{}), nil
	case "where":
		// A statement or decision that names no place happened at its
		// source's home, not in the city the story was filed from.
		return where.New(where.Config{SourceHome: true})
	case "source":
		dict, err := b.actorDictionary()
		if err != nil {
			return nil, err
		}
		return source.New(source.Config{Actors: dict}), nil
	}
	return nil, fmt.Errorf("no constructor for stage %q", name)
}
