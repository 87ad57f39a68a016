package main

import (
	"context"
	"slices"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/export"
	"github.com/dyadproject/dyad/where"
)

// placeLine is one line of `dyad places`: a place an article names, the
// gazetteer entry it was resolved to, and the evidence.
type placeLine struct {
	ArticleID  string  `json:"article_id"`
	Index      int     `json:"index"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1,omitempty"` // the first-level division's name
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Kind       string  `json:"kind"`       // city, admin1 or country
	Feature    string  `json:"feature"`    // GeoNames feature code; ADM1; PCLI
	Population int     `json:"population"` // a division's or country's: the sum over its GeoNames towns
	GeoNameID  int     `json:"geonameid,omitempty"`
	// Cue is what showed the name to be a place (at, from, dateline,
	// venue, name, none) and Word its preposition or verb.
	Cue      string `json:"cue"`
	Word     string `json:"word,omitempty"`
	Readings int    `json:"readings"` // entries the name could stand for
	Rule     string `json:"rule"`     // the gazetteer line, file:line
	// Mention is the index of the actor mention at the name (see `dyad
	// actors`), or -1.
	Mention int `json:"mention"`
}

func runPlaces(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "places", "[flags] [FILE|DIR|-]...",
		"Prints every place an article names as a JSON line: byte offsets, the resolved name, ISO3\n"+
			"country, coordinates, GeoNames feature, the cue that made it a place and the gazetteer rule.")
	var in inputFlags
	in.register(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	// The places stage reads tokens, tags and actor mentions; it runs here
	// on its own, so the event coder need not run.
	cfg := engine.Config{Through: "actor"}
	if !slices.Contains(engine.StageOrder(), "actor") {
		cfg.Through = "tag"
	}
	stage, err := where.New(where.Config{})
	if err != nil {
		return err
	}
	g, err := stage.Gazetteer()
	if err != nil {
		return err
	}
	out := export.NewJSONL(env.Stdout)
	err = in.eachDoc(ctx, env, paths, cfg, func(d *dyad.Doc) error {
		rs, err := stage.Resolve(d)
		if err != nil {
			return err
		}
		for i, r := range rs {
			line := placeLine{
				ArticleID: d.Article.ID, Index: i, Sentence: r.Sentence, Start: r.Start, End: r.End,
				Text: d.Slice(r.Span), Name: r.Name, Country: r.Country, Lat: r.Lat, Lon: r.Lon,
				Kind: r.Entry.Kind.String(), Feature: r.Entry.Feature, Population: r.Entry.Population,
				GeoNameID: r.Entry.GeoNameID, Cue: r.Cue.String(), Word: r.Word, Readings: r.Readings,
				Rule: r.Entry.Rule(), Mention: r.Mention,
			}
			if a := g.Admin1(r.Country, r.Entry.Admin1); a != nil && r.Entry.Kind == where.KindCity {
				line.Admin1 = a.Name
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
