package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/parquet-go/parquet-go"
)

func sampleHit() dyad.EventHit {
	return dyad.EventHit{
		StoredEvent: dyad.StoredEvent{
			ID: 42,
			Event: dyad.Event{
				ArticleID: "a1", Code: "0312", Root: "03", Quad: 1, Goldstein: 5.2, Plover: "AGREE",
				Source: dyad.EventActor{Code: "CHNMIL", Country: "CHN", Agent: "MIL", Name: "Zhang Youxia", Text: "China's defence chief"},
				Target: dyad.EventActor{Code: "RUSMIL", Country: "RUS", Agent: "MIL", Name: "Sergei Shoigu", Text: "Shoigu"},
				Date:   "2023-10-30", DatePrecision: "day",
				Location: &dyad.Location{Name: "Beijing", Country: "CHN", Lat: 39.9042, Lon: 116.4074},
				Modality: "intended", ReportedBy: []string{"Xinhua"}, Mentions: 2,
				Evidence: []dyad.Evidence{{Sentence: 0, Start: 0, End: 40, Text: "China is ready to work\twith Russia."}},
				Rule:     "data/events/03-intend.txt:12",
			},
			NumArticles: 3, NumSources: 2, NumMentions: 5,
		},
		Article: dyad.ArticleRef{Key: "k1", ID: "a1", URL: "https://wire.example/a1", Outlet: "Wire"},
	}
}

func TestGDELTRow(t *testing.T) {
	h := sampleHit()
	row := GDELTRow(&h)
	if len(row) != 61 || len(GDELTColumns) != 61 {
		t.Fatalf("%d cells, %d columns; want 61", len(row), len(GDELTColumns))
	}
	want := map[string]string{
		"GLOBALEVENTID": "42", "SQLDATE": "20231030", "MonthYear": "202310", "Year": "2023", "FractionDate": "2023.8301",
		"Actor1Code": "CHNMIL", "Actor1Name": "ZHANG YOUXIA", "Actor1CountryCode": "CHN", "Actor1Type1Code": "MIL",
		"Actor1KnownGroupCode": "", "Actor2Code": "RUSMIL", "Actor2CountryCode": "RUS", "IsRootEvent": "1",
		"EventCode": "0312", "EventBaseCode": "031", "EventRootCode": "03", "QuadClass": "1", "GoldsteinScale": "5.2",
		"NumMentions": "5", "NumSources": "2", "NumArticles": "3", "AvgTone": "",
		"ActionGeo_FullName": "Beijing", "ActionGeo_CountryCode": "", "ActionGeo_Lat": "39.9042", "ActionGeo_Long": "116.4074",
		"DATEADDED": "", "SOURCEURL": "https://wire.example/a1",
	}
	for i, col := range GDELTColumns {
		if w, ok := want[col]; ok && row[i] != w {
			t.Errorf("%s = %q, want %q", col, row[i], w)
		}
	}
	// Positions fixed by GDELT's codebook.
	for i, col := range map[int]string{0: "GLOBALEVENTID", 26: "EventCode", 30: "GoldsteinScale", 33: "NumArticles", 52: "ActionGeo_FullName", 59: "DATEADDED", 60: "SOURCEURL"} {
		if GDELTColumns[i] != col {
			t.Errorf("column %d = %s, want %s", i+1, GDELTColumns[i], col)
		}
	}
	igo := sampleHit()
	igo.Event.Target = dyad.EventActor{Code: "IGOUNOHRI", Country: "IGO", Name: "UN rights council"}
	if r := GDELTRow(&igo); r[15] != "IGOUNOHRI" || r[17] != "IGO" || r[18] != "UNO" {
		t.Errorf("IGO actor cells %q", r[15:19])
	}
	var buf bytes.Buffer
	g := NewGDELT(&buf, false)
	g.WriteEvent(&h)
	undated := sampleHit()
	undated.Event.Date, undated.Event.Location, undated.Article.URL = "", nil, ""
	g.WriteEvent(&undated)
	g.Flush()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Errorf("%d tab-separated fields in %q", n, l)
		}
	}
	if f := strings.Split(lines[1], "\t"); f[1] != "" || f[4] != "" || f[26] != "0312" {
		t.Errorf("undated row %q", f[:5])
	}
}

func TestPloverRecord(t *testing.T) {
	h := sampleHit()
	var buf bytes.Buffer
	p := NewPlover(&buf, func(code string) (string, string) {
		if code == "0312" {
			return "", "military;diplomatic"
		}
		return "", ""
	})
	if err := p.WriteEvent(&h); err != nil {
		t.Fatal(err)
	}
	p.Flush()
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{
		"id": "dyad-42", "date": "2023-10-30", "event": "AGREE", "context": "military,diplomatic", "mode": "",
		"text": "China is ready to work\twith Russia.", "language": "en", "publication": "Wire", "version": "0.8",
		"cameo": "0312", "num_articles": float64(3), "url": "https://wire.example/a1",
	} {
		if m[k] != want {
			t.Errorf("%s = %#v, want %#v", k, m[k], want)
		}
	}
	src := m["source"].([]any)[0].(map[string]any)
	if src["code"] != "CHN" || src["sector"] != "MIL" || src["actorText"] != "China's defence chief" {
		t.Errorf("source %v", src)
	}
	none := sampleHit()
	none.Event.Target = dyad.EventActor{}
	if r := PloverFrom(&none, nil); r.Target == nil || len(r.Target) != 0 {
		t.Errorf("missing target = %#v, want []", r.Target)
	}
}

func TestCSVReadsBack(t *testing.T) {
	h := sampleHit()
	var buf bytes.Buffer
	w := NewCSV(&buf, EventColumns, EventRow)
	w.WriteEvent(&h)
	w.Flush()
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || strings.Join(recs[0], ",") != strings.Join(EventColumns, ",") {
		t.Fatalf("records %q", recs)
	}
	if got := strings.Join(recs[1], "|"); got != "42|20231030|day|CHNMIL|Zhang Youxia|CHN|RUSMIL|Sergei Shoigu|RUS|0312|03|1|5.2|AGREE|5|2|3|Beijing|CHN|39.9042|116.4074|a1|https://wire.example/a1" {
		t.Errorf("row %s", got)
	}
	var rb bytes.Buffer
	rw, _ := NewEventWriter("csv", &rb)
	rw.WriteEvent(&h.Event)
	rw.Flush()
	recs, err = csv.NewReader(&rb).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][18] != "China is ready to work\twith Russia." {
		t.Fatalf("report csv %q %v", recs, err)
	}
	var empty bytes.Buffer
	ew := NewCSV(&empty, ReportColumns, ReportRow)
	ew.Flush()
	if strings.Count(empty.String(), "\n") != 1 {
		t.Errorf("empty export %q: want the header only", empty.String())
	}
}

func TestParquetReadsBack(t *testing.T) {
	h := sampleHit()
	noPlace := sampleHit()
	noPlace.ID, noPlace.Event.Location, noPlace.Event.ReportedBy = 43, nil, nil

	var buf bytes.Buffer
	w := NewParquetEvents(&buf)
	for _, x := range []*dyad.EventHit{&h, &noPlace} {
		if err := w.Add(ParquetEventFrom(x)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[ParquetEvent](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if r.EventID != 42 || r.Code != "0312" || r.SourceCountry != "CHN" || r.NumArticles != 3 || r.SourceURL != "https://wire.example/a1" ||
		r.Lat == nil || *r.Lat != 39.9042 || strings.Join(r.ReportedBy, ",") != "Xinhua" || r.Evidence != "China is ready to work\twith Russia." {
		t.Errorf("row 0 %+v", r)
	}
	if rows[1].EventID != 43 || rows[1].Lat != nil || rows[1].LocationName != "" || len(rows[1].ReportedBy) != 0 {
		t.Errorf("row 1 %+v", rows[1])
	}
	// The flat schema: event columns sit at the top level for pandas/DuckDB.
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range f.Schema().Fields() {
		names = append(names, c.Name())
	}
	if got := strings.Join(names, ","); !strings.HasPrefix(got, "event_id,article_id,code,root,") || !strings.Contains(got, ",num_articles,") {
		t.Errorf("columns %s", got)
	}

	var rb bytes.Buffer
	rw := NewParquetReports(&rb)
	rw.Add(ParquetReportFrom(&h.Event))
	rw.Close()
	reps, err := parquet.Read[ParquetReport](bytes.NewReader(rb.Bytes()), int64(rb.Len()))
	if err != nil || len(reps) != 1 || reps[0].Rule != "data/events/03-intend.txt:12" || reps[0].Mentions != 2 {
		t.Errorf("reports %+v %v", reps, err)
	}
}

func TestFilter(t *testing.T) {
	e := sampleHit().Event
	undated := e
	undated.Date = ""
	tests := []struct {
		f    Filter
		ev   *dyad.Event
		want bool
	}{
		{Filter{}, &e, true},
		{Filter{Since: "2023-10-30", Until: "2023-10-30"}, &e, true},
		{Filter{Since: "2023-10-31"}, &e, false},
		{Filter{Until: "2023-10-29"}, &e, false},
		{Filter{Since: "2023-01-01"}, &undated, false},
		{Filter{Country: "RUS"}, &e, true},
		{Filter{Country: "USA"}, &e, false},
		{Filter{Code: "03"}, &e, true},
		{Filter{Code: "031"}, &e, true},
		{Filter{Code: "04"}, &e, false},
		{Filter{Root: "03"}, &e, true},
		{Filter{Root: "04"}, &e, false},
	}
	for _, tc := range tests {
		if got := tc.f.Match(tc.ev); got != tc.want {
			t.Errorf("%+v.Match(date %q) = %v", tc.f, tc.ev.Date, got)
		}
	}
	for _, bad := range []Filter{{Since: "2023-13-01"}, {Since: "2024-01-02", Until: "2024-01-01"}, {Country: "ru"}, {Code: "3"}, {Code: "03a"}, {Root: "123"}} {
		if bad.Check() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
