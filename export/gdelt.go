package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyadproject/dyad"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// Column positions used below (0-based).
const (
	gID = iota
	gDay
	gMonthYear
	gYear
	gFraction
	gActor1 // Actor1Code; the actor blocks are 10 columns each
)

const (
	gActor2     = 15
	gIsRoot     = 25
	gEventCode  = 26
	gBaseCode   = 27
	gRootCode   = 28
	gQuad       = 29
	gGoldstein  = 30
	gMentions   = 31
	gSources    = 32
	gArticles   = 33
	gActionGeo  = 51 // ActionGeo_Type; the geo block is 8 columns
	gDateAdded  = 59
	gSourceURL  = 60
	gdeltFields = 61
)

// GDELTRow fills the GDELT 2.0 columns dyad knows for a merged event; the
// rest stay empty. Codes are strings as GDELT writes them ("040", not
// 40). Where GDELT has FIPS country codes (the Geo columns) dyad has ISO
// ones, so those columns stay empty and the place goes in FullName, Lat
// and Long. IsRootEvent is 1 when the first report's evidence is the
// article's first sentence. DATEADDED is left empty (dyad keeps the
// ingest time per article, not per event).
func GDELTRow(h *dyad.EventHit) []string {
	row := make([]string, gdeltFields)
	e := &h.Event
	row[gID] = strconv.FormatInt(h.ID, 10)
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		row[gDay] = t.Format("20060102")
		row[gMonthYear] = t.Format("200601")
		row[gYear] = t.Format("2006")
		row[gFraction] = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
	}
	actor := func(at int, a *dyad.EventActor) {
		row[at] = a.Code
		row[at+1] = strings.ToUpper(a.Name)
		row[at+2] = a.Country
		if (a.Country == "IGO" || a.Country == "NGO") && len(a.Code) >= 6 {
			row[at+3] = a.Code[3:6] // IGOUNO: the known group is UNO
		}
		row[at+7] = a.Agent // Type1Code
	}
	actor(gActor1, &e.Source)
	actor(gActor2, &e.Target)
	row[gIsRoot] = "0"
	if len(e.Evidence) > 0 && e.Evidence[0].Sentence == 0 {
		row[gIsRoot] = "1"
	}
	row[gEventCode] = e.Code
	row[gBaseCode] = e.Code[:min(3, len(e.Code))]
	row[gRootCode] = e.Root
	if e.Quad > 0 {
		row[gQuad] = strconv.Itoa(e.Quad)
	}
	if e.Code != "" {
		row[gGoldstein] = strconv.FormatFloat(e.Goldstein, 'f', -1, 64)
	}
	row[gMentions] = strconv.Itoa(h.NumMentions)
	row[gSources] = strconv.Itoa(h.NumSources)
	row[gArticles] = strconv.Itoa(h.NumArticles)
	if l := e.Location; l != nil && l.Name != "" {
		row[gActionGeo+1] = l.Name
		if l.Lat != 0 || l.Lon != 0 {
			row[gActionGeo+5] = strconv.FormatFloat(l.Lat, 'f', 4, 64)
			row[gActionGeo+6] = strconv.FormatFloat(l.Lon, 'f', 4, 64)
		}
	}
	row[gSourceURL] = h.Article.URL
	for i, c := range row {
		row[i] = cleanCell(c)
	}
	return row
}

// GDELT writes merged events as GDELT 2.0 event rows: tab-separated, no
// header unless asked (GDELT's own files have none).
type GDELT struct {
	w      *bufio.Writer
	header bool
}

// NewGDELT makes a GDELT writer; call Flush when done.
func NewGDELT(w io.Writer, header bool) *GDELT {
	return &GDELT{w: bufio.NewWriter(w), header: header}
}

// WriteEvent writes one row (after the header, if asked, before the first).
func (g *GDELT) WriteEvent(h *dyad.EventHit) error {
	if g.header {
		g.header = false
		g.w.WriteString(strings.Join(GDELTColumns, "\t"))
		g.w.WriteByte('\n')
	}
	g.w.WriteString(strings.Join(GDELTRow(h), "\t"))
	return g.w.WriteByte('\n')
}

// Flush writes out buffered rows.
func (g *GDELT) Flush() error { return g.w.Flush() }
