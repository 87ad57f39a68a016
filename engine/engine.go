package engine

import (
	"context"
	"fmt"
	"slices"

	"github.com/dyadproject/dyad"
)

// Config chooses what the default pipeline runs. The zero value runs every
// stage with the built-in dictionaries.
type Config struct {
	// Through names the last stage to run ("sentence", "tag", …); empty
	// runs them all. The debug views use it to stop early.
	Through string
	// DictDirs are user dictionary folders that extend and override the
	// built-in tables, in order (later wins).
	DictDirs []string
}

// Engine codes articles with a fixed pipeline.
type Engine struct {
	pipeline dyad.Pipeline
}

// New builds the default pipeline (see StageOrder) up to cfg.Through.
func New(cfg Config) (*Engine, error) {
	if cfg.Through != "" && !slices.Contains(StageOrder(), cfg.Through) {
		return nil, fmt.Errorf("unknown stage %q (stages: %v)", cfg.Through, StageOrder())
	}
	var stages []dyad.Stage
	b := builder{cfg: cfg}
	for _, name := range StageOrder() {
		s, err := b.stage(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		stages = append(stages, s)
		if name == cfg.Through {
			break
		}
	}
	return FromStages(stages...), nil
}

// FromStages makes an engine that runs the given stages, for tests and
// for callers that assemble their own pipeline.
func FromStages(stages ...dyad.Stage) *Engine {
	return &Engine{pipeline: dyad.Pipeline{Stages: stages}}
}

// Stages lists the names of the stages this engine runs, in order.
func (e *Engine) Stages() []string { return e.pipeline.Names() }

// Code runs one article through the pipeline.
func (e *Engine) Code(ctx context.Context, a dyad.Article) (*dyad.Doc, error) {
	d, err := dyad.NewDoc(a)
	if err != nil {
		return nil, err
	}
	if err := e.pipeline.Run(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}
