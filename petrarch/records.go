package petrarch

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Record is one <Sentence> of PETRARCH's validation records: a sentence,
// its date and the codings PETRARCH must produce for it.
type Record struct {
	ID       string
	Category string
	Date     string // YYYYMMDD as written
	// Sentence is the record's sentence attribute ("true"/"false" as
	// written; PETRARCH's own suite uses "false" for records it keeps
	// but does not hold the coder to).
	Sentence string
	Text     string // white space collapsed to single spaces
	Codings  []Coding
}

// Coding is one <EventCoding>: an expected event (Source, Target, Event
// set), an expectation of no events (NoEvents) or an expected error
// ("dateline", "storydiscard" …: the record must not be coded).
type Coding struct {
	Source, Target, Event string
	NoEvents              bool
	Error                 string
}

// Expects reports whether the coding asks for an event.
func (c Coding) Expects() bool { return c.Event != "" }

// Published is the record's date as YYYY-MM-DD, the form dyad.Article
// takes.
func (r Record) Published() (string, error) {
	d := r.Date
	if len(d) != 8 || strings.Trim(d, "0123456789") != "" {
		return "", fmt.Errorf("record %s: date %q: want YYYYMMDD", r.ID, d)
	}
	if _, err := readDate(d); err != "" {
		return "", fmt.Errorf("record %s: %s", r.ID, err)
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:], nil
}

// Expected lists the codings that ask for an event.
func (r Record) Expected() []Coding {
	var out []Coding
	for _, c := range r.Codings {
		if c.Expects() {
			out = append(out, c)
		}
	}
	return out
}

type xmlSentence struct {
	ID       string      `xml:"id,attr"`
	Category string      `xml:"category,attr"`
	Date     string      `xml:"date,attr"`
	Sentence string      `xml:"sentence,attr"`
	Text     string      `xml:"Text"`
	Codings  []xmlCoding `xml:"EventCoding"`
}

type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Event    string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

// ReadRecords reads every <Sentence> element of a PETRARCH validation file
// (PETR.UnitTest.records.xml), wherever it stands in the document, in
// document order. Other elements (<Environment>, <Config>, <Parse>) are
// passed over.
func ReadRecords(r io.Reader) ([]Record, error) {
	dec := xml.NewDecoder(r)
	var out []Record
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return out, fmt.Errorf("records: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Sentence" {
			continue
		}
		var s xmlSentence
		if err := dec.DecodeElement(&s, &se); err != nil {
			line, _ := dec.InputPos()
			return out, fmt.Errorf("records: line %d: %w", line, err)
		}
		rec := Record{
			ID: s.ID, Category: s.Category, Date: s.Date, Sentence: s.Sentence,
			Text: strings.Join(strings.Fields(s.Text), " "),
		}
		for _, c := range s.Codings {
			rec.Codings = append(rec.Codings, Coding{
				Source:   strings.TrimSpace(c.Source),
				Target:   strings.TrimSpace(c.Target),
				Event:    strings.TrimSpace(c.Event),
				NoEvents: strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"),
				Error:    strings.TrimSpace(c.Error),
			})
		}
		out = append(out, rec)
	}
	return out, nil
}
