package export

import (
	"io"
	"strings"

	"github.com/dyadproject/dyad"
	"github.com/parquet-go/parquet-go"
)

// ParquetReport is the Parquet row of an event as one article reported it.
type ParquetReport struct {
	ArticleID       string   `parquet:"article_id,dict"`
	Code            string   `parquet:"code,dict"`
	Root            string   `parquet:"root,dict"`
	Quad            int32    `parquet:"quad"`
	Goldstein       float64  `parquet:"goldstein"`
	Plover          string   `parquet:"plover,dict"`
	SourceCode      string   `parquet:"source_code,dict"`
	SourceCountry   string   `parquet:"source_country,dict"`
	SourceAgent     string   `parquet:"source_agent,dict"`
	SourceName      string   `parquet:"source_name"`
	TargetCode      string   `parquet:"target_code,dict"`
	TargetCountry   string   `parquet:"target_country,dict"`
	TargetAgent     string   `parquet:"target_agent,dict"`
	TargetName      string   `parquet:"target_name"`
	Date            string   `parquet:"date,dict"`
	DatePrecision   string   `parquet:"date_precision,dict"`
	LocationName    string   `parquet:"location_name"`
	LocationCountry string   `parquet:"location_country,dict"`
	Lat             *float64 `parquet:"lat,optional"`
	Lon             *float64 `parquet:"lon,optional"`
	Modality        string   `parquet:"modality,dict"`
	Negated         bool     `parquet:"negated"`
	ReportedBy      []string `parquet:"reported_by,list"`
	Mentions        int32    `parquet:"mentions"`
	Rule            string   `parquet:"rule,dict"`
	Evidence        string   `parquet:"evidence,zstd"`
}

// ParquetEvent is the Parquet row of a merged event: its first report's
// fields as flat columns, then the counts over every article.
type ParquetEvent struct {
	EventID         int64    `parquet:"event_id"`
	ArticleID       string   `parquet:"article_id,dict"`
	Code            string   `parquet:"code,dict"`
	Root            string   `parquet:"root,dict"`
	Quad            int32    `parquet:"quad"`
	Goldstein       float64  `parquet:"goldstein"`
	Plover          string   `parquet:"plover,dict"`
	SourceCode      string   `parquet:"source_code,dict"`
	SourceCountry   string   `parquet:"source_country,dict"`
	SourceAgent     string   `parquet:"source_agent,dict"`
	SourceName      string   `parquet:"source_name"`
	TargetCode      string   `parquet:"target_code,dict"`
	TargetCountry   string   `parquet:"target_country,dict"`
	TargetAgent     string   `parquet:"target_agent,dict"`
	TargetName      string   `parquet:"target_name"`
	Date            string   `parquet:"date,dict"`
	DatePrecision   string   `parquet:"date_precision,dict"`
	LocationName    string   `parquet:"location_name"`
	LocationCountry string   `parquet:"location_country,dict"`
	Lat             *float64 `parquet:"lat,optional"`
	Lon             *float64 `parquet:"lon,optional"`
	Modality        string   `parquet:"modality,dict"`
	Negated         bool     `parquet:"negated"`
	ReportedBy      []string `parquet:"reported_by,list"`
	Mentions        int32    `parquet:"mentions"`
	Rule            string   `parquet:"rule,dict"`
	Evidence        string   `parquet:"evidence,zstd"`
	NumArticles     int32    `parquet:"num_articles"`
	NumSources      int32    `parquet:"num_sources"`
	NumMentions     int32    `parquet:"num_mentions"`
	SourceURL       string   `parquet:"source_url"`
	Outlet          string   `parquet:"outlet,dict"`
}

// ParquetReportFrom flattens an event report.
func ParquetReportFrom(e *dyad.Event) ParquetReport {
	r := ParquetReport{
		ArticleID: e.ArticleID, Code: e.Code, Root: e.Root, Quad: int32(e.Quad), Goldstein: e.Goldstein, Plover: e.Plover,
		SourceCode: e.Source.Code, SourceCountry: e.Source.Country, SourceAgent: e.Source.Agent, SourceName: e.Source.Name,
		TargetCode: e.Target.Code, TargetCountry: e.Target.Country, TargetAgent: e.Target.Agent, TargetName: e.Target.Name,
		Date: e.Date, DatePrecision: e.DatePrecision, Modality: e.Modality, Negated: e.Negated,
		ReportedBy: append([]string{}, e.ReportedBy...), Mentions: int32(e.Mentions), Rule: e.Rule,
	}
	if l := e.Location; l != nil {
		r.LocationName, r.LocationCountry = l.Name, l.Country
		lat, lon := l.Lat, l.Lon
		r.Lat, r.Lon = &lat, &lon
	}
	texts := make([]string, 0, len(e.Evidence))
	for _, ev := range e.Evidence {
		texts = append(texts, ev.Text)
	}
	r.Evidence = strings.Join(texts, "\n")
	return r
}

// ParquetEventFrom flattens a merged event.
func ParquetEventFrom(h *dyad.EventHit) ParquetEvent {
	r := ParquetReportFrom(&h.Event)
	return ParquetEvent{
		EventID: h.ID, ArticleID: r.ArticleID, Code: r.Code, Root: r.Root, Quad: r.Quad, Goldstein: r.Goldstein, Plover: r.Plover,
		SourceCode: r.SourceCode, SourceCountry: r.SourceCountry, SourceAgent: r.SourceAgent, SourceName: r.SourceName,
		TargetCode: r.TargetCode, TargetCountry: r.TargetCountry, TargetAgent: r.TargetAgent, TargetName: r.TargetName,
		Date: r.Date, DatePrecision: r.DatePrecision, LocationName: r.LocationName, LocationCountry: r.LocationCountry,
		Lat: r.Lat, Lon: r.Lon, Modality: r.Modality, Negated: r.Negated, ReportedBy: r.ReportedBy, Mentions: r.Mentions,
		Rule: r.Rule, Evidence: r.Evidence,
		NumArticles: int32(h.NumArticles), NumSources: int32(h.NumSources), NumMentions: int32(h.NumMentions),
		SourceURL: h.Article.URL, Outlet: h.Article.Outlet,
	}
}

// Parquet writes rows of T to one Parquet file, buffering a row group at
// a time; Close (not Flush alone) writes the footer.
type Parquet[T any] struct {
	w   *parquet.GenericWriter[T]
	buf []T
}

// parquetRowGroup is how many rows are buffered before a write.
const parquetRowGroup = 4096

// NewParquetReports writes event reports.
func NewParquetReports(w io.Writer) *Parquet[ParquetReport] {
	return &Parquet[ParquetReport]{w: parquet.NewGenericWriter[ParquetReport](w, parquet.Compression(&parquet.Zstd))}
}

// NewParquetEvents writes merged events.
func NewParquetEvents(w io.Writer) *Parquet[ParquetEvent] {
	return &Parquet[ParquetEvent]{w: parquet.NewGenericWriter[ParquetEvent](w, parquet.Compression(&parquet.Zstd))}
}

// Add buffers one row, writing a batch when enough are buffered.
func (p *Parquet[T]) Add(row T) error {
	p.buf = append(p.buf, row)
	if len(p.buf) >= parquetRowGroup {
		return p.flushBuf()
	}
	return nil
}

func (p *Parquet[T]) flushBuf() error {
	if len(p.buf) == 0 {
		return nil
	}
	_, err := p.w.Write(p.buf)
	p.buf = p.buf[:0]
	return err
}

// Close writes the remaining rows and the file footer.
func (p *Parquet[T]) Close() error {
	if err := p.flushBuf(); err != nil {
		return err
	}
	return p.w.Close()
}
