package engine

import (
	"fmt"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/coding"
	"github.com/dyadproject/dyad/sentence"
	"github.com/dyadproject/dyad/tag"
	"github.com/dyadproject/dyad/token"
	"github.com/dyadproject/dyad/when"
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
		"when",     // Event.Date, Event.DatePrecision
	}
}

func newStage(name string, cfg Config) (dyad.Stage, error) {
	switch name {
	case "sentence":
		return sentence.New(sentence.Config{}), nil
	case "token":
		return token.New(token.Config{})
	case "tag":
		return tag.New(tag.Config{})
	case "actor":
		dict, err := actor.Load(actor.Config{UserDirs: cfg.DictDirs})
		if err != nil {
			return nil, err
		}
		return actor.New(dict), nil
	case "event":
		return coding.New(coding.Config{UserDirs: cfg.DictDirs})
	case "when":
		return when.New(when.Config{}), nil
	}
	return nil, fmt.Errorf("no constructor for stage %q", name)
}
