package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/dyadproject/dyad"
)

// EventWriter writes events one at a time.
type EventWriter interface {
	WriteEvent(e *dyad.Event) error
	Flush() error
}

// NewEventWriter returns the report writer for a format name ("jsonl",
// "tsv" or "csv").
func NewEventWriter(format string, w io.Writer) (EventWriter, bool) {
	switch format {
	case "jsonl", "":
		return NewJSONL(w), true
	case "tsv":
		return NewTSV(w), true
	case "csv":
		return NewCSV(w, ReportColumns, func(e *dyad.Event) []string { return ReportRow(e) }), true
	}
	return nil, false
}

// JSONL writes one JSON object per line.
type JSONL struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewJSONL makes a JSON Lines writer; call Flush when done.
func NewJSONL(w io.Writer) *JSONL {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONL{w: bw, enc: enc}
}

// WriteEvent writes an event, with empty lists as [] rather than null.
func (j *JSONL) WriteEvent(e *dyad.Event) error {
	c := *e
	if c.ReportedBy == nil {
		c.ReportedBy = []string{}
	}
	if c.Evidence == nil {
		c.Evidence = []dyad.Evidence{}
	}
	return j.enc.Encode(&c)
}

// WriteQuote writes a quote, with reported_by as [] rather than null.
func (j *JSONL) WriteQuote(q *dyad.Quote) error {
	c := *q
	if c.ReportedBy == nil {
		c.ReportedBy = []string{}
	}
	return j.enc.Encode(&c)
}

// Write writes any value as one line (the debug views use it).
func (j *JSONL) Write(v any) error { return j.enc.Encode(v) }

// Flush writes out buffered lines.
func (j *JSONL) Flush() error { return j.w.Flush() }

// ReportColumns name the columns of an event report row (TSV and CSV).
var ReportColumns = []string{
	"article_id", "code", "root", "quad", "goldstein", "plover",
	"source", "source_name", "target", "target_name",
	"date", "date_precision", "location", "modality", "negated",
	"reported_by", "mentions", "rule", "evidence",
}

// ReportRow is an event as one article reported it, as table cells.
func ReportRow(e *dyad.Event) []string {
	loc := ""
	if e.Location != nil {
		loc = e.Location.Name
	}
	evidence := ""
	if len(e.Evidence) > 0 {
		evidence = e.Evidence[0].Text
	}
	return []string{
		e.ArticleID, e.Code, e.Root, strconv.Itoa(e.Quad),
		strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.Plover,
		e.Source.Code, e.Source.Name, e.Target.Code, e.Target.Name,
		e.Date, e.DatePrecision, loc, e.Modality, strconv.FormatBool(e.Negated),
		strings.Join(e.ReportedBy, ";"), strconv.Itoa(e.Mentions), e.Rule, evidence,
	}
}

// TSV writes events as a tab-separated table with a header row.
type TSV struct {
	w      *bufio.Writer
	header bool
}

// NewTSV makes a TSV writer; call Flush when done.
func NewTSV(w io.Writer) *TSV { return &TSV{w: bufio.NewWriter(w)} }

// WriteEvent writes one row (and the header before the first).
func (t *TSV) WriteEvent(e *dyad.Event) error {
	if !t.header {
		t.header = true
		if err := t.row(ReportColumns); err != nil {
			return err
		}
	}
	return t.row(ReportRow(e))
}

// WriteRow writes any row as it is (the merged event table uses it).
func (t *TSV) WriteRow(cells []string) error { return t.row(cells) }

func (t *TSV) row(cells []string) error {
	for i, c := range cells {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.WriteString(cleanCell(c))
	}
	return t.w.WriteByte('\n')
}

// cleanCell keeps a cell on one line and in one column.
func cleanCell(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// Flush writes out buffered rows.
func (t *TSV) Flush() error { return t.w.Flush() }
