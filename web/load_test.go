package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/ontology"
	"github.com/dyadproject/dyad/sqlite"
)

// The load benchmark: a store of 1,000,000 synthetic events and the
// latency of the API's common filtered queries over it. It takes minutes
// to seed, so it runs only when asked:
//
//	DYAD_BENCH_1M=1 go test -run '^$' -bench Queries1M -benchtime 200x ./web
//
// The seeded store is kept at $DYAD_BENCH_DB (default: a file in the
// temporary directory) and reused by later runs.

const loadEvents = 1_000_000

var loadCountries = []string{"USA", "CHN", "RUS", "UKR", "ISR", "IRN", "IND", "PAK", "GBR", "FRA", "DEU", "TUR",
	"SAU", "SYR", "IRQ", "AFG", "JPN", "KOR", "PRK", "TWN", "BRA", "MEX", "NGA", "EGY", "ZAF", "ETH", "SDN", "YEM",
	"LBN", "PSE", "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "PHL", "VNM", "MMR", "VEN"}

var loadAgents = []string{"GOV", "GOV", "GOV", "MIL", "MIL", "", "COP", "OPP", "REB", "BUS", "MED", "CVL", "LEG", "JUD"}

var loadWords = strings.Fields(`talks ministers border troops drills agreement ceasefire sanctions embassy protest
	summit envoy militants strike missile trade aid visit meeting accord pledge warn accuse threaten criticise
	reject demand negotiate cooperate investigate arrest attack shell blockade deploy withdraw release hostages
	election parliament court police army navy coast guard patrol vessel aircraft drone refugees humanitarian
	convoy pipeline oil gas wheat grain loan investment tariff export import delegation capital province city`)

// zipf picks index i of n with weight 1/(i+1).
func zipf(r *rand.Rand, n int) int {
	total := 0.0
	for i := range n {
		total += 1 / float64(i+1)
	}
	x := r.Float64() * total
	for i := range n {
		x -= 1 / float64(i+1)
		if x <= 0 {
			return i
		}
	}
	return n - 1
}

// seedLoad writes loadEvents events, ten per article, through Store.Write
// (the path ingest takes), unless the store holds them already.
func seedLoad(b *testing.B, st *sqlite.Store) {
	ctx := context.Background()
	c, err := st.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	// Reports of the same dyad, code and place within a day merge, so
	// the store holds a little fewer distinct events than reports.
	if c.EventMentions >= loadEvents {
		b.Logf("%s: %d event reports, %d distinct events", st.Path(), c.EventMentions, c.Events)
		return
	}
	if c.Articles > 0 {
		b.Fatalf("%s holds %d event reports, not %d: remove it", st.Path(), c.EventMentions, loadEvents)
	}
	cameo, err := ontology.Load()
	if err != nil {
		b.Fatal(err)
	}
	var codes []ontology.Code
	for _, cd := range cameo.Codes() {
		if len(cd.Code) == 3 {
			codes = append(codes, cd)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	day0 := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	const perArticle, perBatch = 10, 500
	var batch []dyad.Record
	for a := 0; a < loadEvents/perArticle; a++ {
		id := fmt.Sprintf("load-%07d", a)
		var text strings.Builder
		rec := dyad.Record{Key: id, Article: dyad.Article{ID: id, Title: "Load article " + id, Outlet: fmt.Sprintf("outlet-%d", r.IntN(200)),
			Published: day0.AddDate(0, 0, r.IntN(3650)).Format("2006-01-02"), Language: "en"},
			Source: "load", Status: dyad.StatusCoded, TextHash: id, Signature: []uint32{uint32(a)}, Shingles: 1}
		for range perArticle {
			var words []string
			for range 12 + r.IntN(12) {
				words = append(words, loadWords[r.IntN(len(loadWords))])
			}
			sentence := strings.Join(words, " ") + "."
			startOff := text.Len()
			text.WriteString(sentence + " ")
			src, tgt := loadCountries[zipf(r, len(loadCountries))], loadCountries[zipf(r, len(loadCountries))]
			sa, ta := loadAgents[r.IntN(len(loadAgents))], loadAgents[r.IntN(len(loadAgents))]
			cd := codes[zipf(r, len(codes))]
			e := dyad.Event{ArticleID: id, Code: cd.Code, Root: cd.Root, Quad: cd.Quad, Goldstein: cd.Goldstein, Plover: cd.Plover.Type,
				Source: dyad.EventActor{Code: src + sa, Country: src, Agent: sa, Name: src + sa},
				Target: dyad.EventActor{Code: tgt + ta, Country: tgt, Agent: ta, Name: tgt + ta},
				Date:   day0.AddDate(0, 0, r.IntN(3650)).Format("2006-01-02"), DatePrecision: dyad.PrecisionDay,
				Modality: dyad.Asserted, ReportedBy: []string{}, Mentions: 1, Rule: "load",
				Evidence: []dyad.Evidence{{Sentence: 0, Start: startOff, End: startOff + len(sentence), Text: sentence}}}
			if r.IntN(3) == 0 {
				e.Location = &dyad.Location{Name: "Place " + src, Country: src, Lat: float64(r.IntN(120) - 60), Lon: float64(r.IntN(340) - 170)}
			}
			rec.Events = append(rec.Events, e)
		}
		rec.Article.Text = text.String()
		batch = append(batch, rec)
		if len(batch) == perBatch {
			if _, err := st.Write(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if _, err := st.Write(ctx, batch); err != nil {
		b.Fatal(err)
	}
	if _, err := st.DB.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d events in %v", loadEvents, time.Since(start).Round(time.Second))
}

// BenchmarkQueries1M measures GET /api/events (and the series and actor
// endpoints) over HTTP against a 1M-event SQLite store. Each sub-benchmark
// cycles through varied values of its filter and reports latency
// percentiles in milliseconds.
func BenchmarkQueries1M(b *testing.B) {
	if os.Getenv("DYAD_BENCH_1M") == "" {
		b.Skip("set DYAD_BENCH_1M=1 to seed a 1,000,000-event store and measure query latency")
	}
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), "dyad-bench-1m-v1.db")
	}
	st, err := sqlite.Open(context.Background(), path, sqlite.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	seedLoad(b, st)
	srv, err := New(Config{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	r := rand.New(rand.NewPCG(3, 4))
	country := func() string { return loadCountries[zipf(r, len(loadCountries))] }
	window := func() string {
		d := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3500))
		return "from=" + d.Format("2006-01-02") + "&to=" + d.AddDate(0, 0, 7+r.IntN(90)).Format("2006-01-02")
	}
	cases := []struct {
		name  string
		query func() string
	}{
		{"latest", func() string { return "/api/events" }},
		{"source", func() string { return "/api/events?source=" + country() }},
		{"target", func() string { return "/api/events?target=" + country() }},
		{"dyad", func() string { return "/api/events?dyad=" + country() + "," + country() }},
		{"dyad_directed", func() string { return "/api/events?directed=true&dyad=" + country() + "," + country() }},
		{"actor_code", func() string { return "/api/events?actor=" + country() + "MIL" }},
		{"root", func() string { return fmt.Sprintf("/api/events?root=%02d", 1+r.IntN(20)) }},
		{"code_prefix", func() string { return fmt.Sprintf("/api/events?code=%02d%d", 1+r.IntN(20), r.IntN(6)) }},
		{"quad", func() string { return fmt.Sprintf("/api/events?quad=%d", 1+r.IntN(4)) }},
		{"plover", func() string {
			return "/api/events?plover=" + []string{"CONSULT", "ACCUSE", "PROTEST", "COERCE", "AID"}[r.IntN(5)]
		}},
		{"date_range", func() string { return "/api/events?" + window() }},
		{"place_country", func() string { return "/api/events?place=" + country() }},
		{"dyad_dates_quad", func() string {
			return fmt.Sprintf("/api/events?dyad=%s,%s&quad=%d&%s", country(), country(), 1+r.IntN(4), window())
		}},
		{"source_root_dates", func() string {
			return fmt.Sprintf("/api/events?source=%s&root=%02d&%s", country(), 1+r.IntN(20), window())
		}},
		{"sort_goldstein_dyad", func() string { return "/api/events?sort=goldstein&dyad=" + country() + "," + country() }},
		{"page_3_deep", nil}, // follows cursors: see below
		// The aggregates through the store, past the server's answer cache.
		{"series_month_uncached", func() string { return "store:series:" + country() + ":" + country() }},
		{"top_actors_year_uncached", func() string { return fmt.Sprintf("store:top:%d", 2015+r.IntN(10)) }},
		{"text", func() string {
			return "/api/events?q=" + loadWords[r.IntN(len(loadWords))] + "+" + loadWords[r.IntN(len(loadWords))]
		}},
		{"actor_name", func() string { return "/api/events?actor=" + strings.ToLower(country()) + "gov" }},
		{"series_month", func() string { return "/api/dyads/" + country() + "/" + country() + "/series?interval=month" }},
		{"top_actors_year", func() string {
			y := 2015 + r.IntN(10)
			return fmt.Sprintf("/api/actors/top?from=%d-01-01&to=%d-12-31", y, y)
		}},
	}
	fetch := func(u string) []byte {
		res, err := http.Get(ts.URL + u)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			b.Fatalf("%s: %d %s", u, res.StatusCode, body)
		}
		return body
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for b.Loop() {
				var u string
				if c.query == nil {
					// The third page of a common filter, through the cursors.
					base := "/api/events?source=" + country()
					body := fetch(base)
					if next := cursorOf(body); next != "" {
						body = fetch(base + "&cursor=" + next)
					}
					next := cursorOf(body)
					if next == "" {
						continue
					}
					t0 := time.Now()
					fetch(base + "&cursor=" + next)
					lat = append(lat, time.Since(t0))
					continue
				}
				u = c.query()
				t0 := time.Now()
				if f := strings.Split(u, ":"); f[0] == "store" {
					var err error
					if f[1] == "series" {
						_, err = st.DyadSeries(context.Background(), dyad.SeriesQuery{A: f[2], B: f[3]})
					} else {
						_, err = st.TopActors(context.Background(), dyad.ActorQuery{From: f[2] + "-01-01", To: f[2] + "-12-31"})
					}
					if err != nil {
						b.Fatal(err)
					}
				} else {
					fetch(u)
				}
				lat = append(lat, time.Since(t0))
			}
			if len(lat) > 0 {
				slices.Sort(lat)
				pct := func(p float64) float64 {
					return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
				}
				b.ReportMetric(pct(0.50), "p50_ms")
				b.ReportMetric(pct(0.99), "p99_ms")
				b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max_ms")
			}
		})
	}
}

// cursorOf pulls "next" out of an events page without a full decode.
func cursorOf(body []byte) string {
	s := string(body)
	i := strings.LastIndex(s, `"next":"`)
	if i < 0 {
		return ""
	}
	s = s[i+len(`"next":"`):]
	return s[:strings.IndexByte(s, '"')]
}
