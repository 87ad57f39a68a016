package dyad

import (
	"context"
	"fmt"
)

// Stage is one step of the pipeline: it reads what earlier stages put on
// the Doc and adds its own layer. A Stage must be safe for concurrent use
// on different Docs.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *Doc) error
}

// Pipeline runs its stages in order on one Doc.
type Pipeline struct {
	Stages []Stage
}

// Run passes d through every stage, stopping at the first error or when
// ctx is done.
func (p *Pipeline) Run(ctx context.Context, d *Doc) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	return nil
}

// Names lists the stage names in order.
func (p *Pipeline) Names() []string {
	names := make([]string, len(p.Stages))
	for i, s := range p.Stages {
		names[i] = s.Name()
	}
	return names
}
