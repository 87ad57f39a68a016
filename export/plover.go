package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
)

// PloverActor is an actor in a PLOVER record.
type PloverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector,omitempty"`
	Name      string `json:"name,omitempty"` // dyad: canonical name
}

// PloverRecord is one event in PLOVER's JSON record layout (the fields of
// the PLOVER gold-standard records: id, date, source, target, event, mode,
// context, text, language, publication, version), plus dyad's CAMEO code,
// counts, location and rule, which PLOVER readers can ignore.
type PloverRecord struct {
	ID          string        `json:"id"`
	Date        string        `json:"date"`
	Source      []PloverActor `json:"source"`
	Target      []PloverActor `json:"target"`
	Event       string        `json:"event"`
	EventText   string        `json:"eventText"`
	Context     string        `json:"context"`
	Mode        string        `json:"mode"`
	Text        string        `json:"text"`
	Language    string        `json:"language"`
	Publication string        `json:"publication"`
	URL         string        `json:"url,omitempty"`
	Version     string        `json:"version"`

	CAMEO       string         `json:"cameo"`
	Goldstein   float64        `json:"goldstein"`
	Quad        int            `json:"quad"`
	Location    *dyad.Location `json:"location,omitempty"`
	NumArticles int            `json:"num_articles"`
	NumSources  int            `json:"num_sources"`
	NumMentions int            `json:"num_mentions"`
	ArticleID   string         `json:"article_id"`
	Rule        string         `json:"rule"`
}

// PloverVersion is the PLOVER release whose event types dyad maps to.
const PloverVersion = "0.8"

// ModeContext gives a CAMEO code's PLOVER mode and context ("" for none);
// ontology.Table fits it.
type ModeContext func(code string) (mode, context string)

// PloverFrom makes the PLOVER record of a merged event. Context is
// comma-separated as in PLOVER's records.
func PloverFrom(h *dyad.EventHit, mc ModeContext) PloverRecord {
	e := &h.Event
	r := PloverRecord{
		ID:          "dyad-" + strconv.FormatInt(h.ID, 10),
		Date:        e.Date,
		Source:      ploverActors(&e.Source),
		Target:      ploverActors(&e.Target),
		Event:       e.Plover,
		Language:    "en",
		Publication: h.Article.Outlet,
		URL:         h.Article.URL,
		Version:     PloverVersion,
		CAMEO:       e.Code,
		Goldstein:   e.Goldstein,
		Quad:        e.Quad,
		Location:    e.Location,
		NumArticles: h.NumArticles,
		NumSources:  h.NumSources,
		NumMentions: h.NumMentions,
		ArticleID:   e.ArticleID,
		Rule:        e.Rule,
	}
	if len(e.Evidence) > 0 {
		r.Text = e.Evidence[0].Text
	}
	if mc != nil {
		mode, ctx := mc(e.Code)
		r.Mode, r.Context = mode, strings.ReplaceAll(ctx, ";", ",")
	}
	return r
}

func ploverActors(a *dyad.EventActor) []PloverActor {
	if a.Code == "" && a.Country == "" && a.Text == "" {
		return []PloverActor{}
	}
	code := a.Country
	if code == "" {
		code = a.Code
	}
	return []PloverActor{{ActorText: a.Text, Code: code, Sector: a.Agent, Name: a.Name}}
}

// Plover writes PLOVER records, one JSON object per line.
type Plover struct {
	w   *bufio.Writer
	enc *json.Encoder
	mc  ModeContext
}

// NewPlover makes a PLOVER writer; call Flush when done.
func NewPlover(w io.Writer, mc ModeContext) *Plover {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &Plover{w: bw, enc: enc, mc: mc}
}

// WriteEvent writes one merged event.
func (p *Plover) WriteEvent(h *dyad.EventHit) error {
	r := PloverFrom(h, p.mc)
	return p.enc.Encode(&r)
}

// Flush writes out buffered records.
func (p *Plover) Flush() error { return p.w.Flush() }
