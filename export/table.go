package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
)

// EventColumns name the columns of the merged event table (one row per
// distinct event), after GDELT's where they mean the same.
var EventColumns = []string{
	"GlobalEventID", "Day", "DatePrecision", "Actor1Code", "Actor1Name", "Actor1CountryCode",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "Plover", "NumMentions", "NumSources", "NumArticles",
	"ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "FirstArticleID",
	"SourceURL",
}

// EventRow is a merged event as table cells.
func EventRow(h *dyad.EventHit) []string {
	e := &h.Event
	var place, country, lat, lon string
	if e.Location != nil {
		place, country = e.Location.Name, e.Location.Country
		lat, lon = strconv.FormatFloat(e.Location.Lat, 'f', -1, 64), strconv.FormatFloat(e.Location.Lon, 'f', -1, 64)
	}
	return []string{
		strconv.FormatInt(h.ID, 10), strings.ReplaceAll(e.Date, "-", ""), e.DatePrecision,
		e.Source.Code, e.Source.Name, e.Source.Country, e.Target.Code, e.Target.Name, e.Target.Country,
		e.Code, e.Root, strconv.Itoa(e.Quad), strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.Plover,
		strconv.Itoa(h.NumMentions), strconv.Itoa(h.NumSources), strconv.Itoa(h.NumArticles),
		place, country, lat, lon, e.ArticleID, h.Article.URL,
	}
}

// CSV writes rows of T as RFC 4180 CSV with a header row.
type CSV[T any] struct {
	w      *csv.Writer
	header []string
	row    func(*T) []string
}

// NewCSV makes a CSV writer with the given header and row function; call
// Flush when done. The header is written before the first row, or by
// Flush when there was none.
func NewCSV[T any](w io.Writer, header []string, row func(*T) []string) *CSV[T] {
	return &CSV[T]{w: csv.NewWriter(w), header: header, row: row}
}

func (c *CSV[T]) writeHeader() error {
	if c.header == nil {
		return nil
	}
	h := c.header
	c.header = nil
	return c.w.Write(h)
}

// WriteEvent writes one row.
func (c *CSV[T]) WriteEvent(v *T) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.w.Write(c.row(v))
}

// Flush writes out buffered rows.
func (c *CSV[T]) Flush() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// MergedJSON is a merged event as one JSON line: its id and counts, then
// the first report's fields (FORMATS.md §2).
type MergedJSON struct {
	EventID     int64  `json:"event_id"`
	NumArticles int    `json:"num_articles"`
	NumSources  int    `json:"num_sources"`
	NumMentions int    `json:"num_mentions"`
	SourceURL   string `json:"source_url"`
	Outlet      string `json:"outlet"`
	dyad.Event
}

// MergedJSONFrom makes the JSON line of a merged event, with empty lists
// as [] rather than null.
func MergedJSONFrom(h *dyad.EventHit) MergedJSON {
	m := MergedJSON{EventID: h.ID, NumArticles: h.NumArticles, NumSources: h.NumSources, NumMentions: h.NumMentions,
		SourceURL: h.Article.URL, Outlet: h.Article.Outlet, Event: h.Event}
	if m.ReportedBy == nil {
		m.ReportedBy = []string{}
	}
	if m.Evidence == nil {
		m.Evidence = []dyad.Evidence{}
	}
	return m
}
