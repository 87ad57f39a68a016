package web

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dedup"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/ontology"
)

// chromiumPath finds a Chromium binary: $DYAD_CHROMIUM, else the usual
// names on PATH (.ci/chromium.sh installs Debian's chromium).
func chromiumPath() string {
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// handMade are events written by hand for sample articles: the browser
// test follows the first one from the table to its evidence.
var handMade = []struct {
	article, source, sourceName, target, targetName, code, date, evidence string
	loc                                                                   *dyad.Location
}{
	{"sample-01", "USAGOV", "Joe Biden", "CHNGOV", "Xi Jinping", "030", "2023-11-15",
		"U.S. President Joe Biden and Chinese President Xi Jinping agreed on Wednesday",
		&dyad.Location{Name: "Woodside", Country: "USA", Lat: 37.43, Lon: -122.25}},
	{"sample-02", "SAUGOV", "Saudi Arabia", "IRNGOV", "Iran", "064", "2023-03-10",
		"Saudi Arabia and Iran agreed on Friday to restore diplomatic relations",
		&dyad.Location{Name: "Beijing", Country: "CHN", Lat: 39.9, Lon: 116.4}},
	{"sample-03", "AZEMIL", "Azerbaijan", "ARM", "Armenia", "190", "2023-09-19",
		"Ethnic Armenian forces in Nagorno-Karabakh agreed",
		&dyad.Location{Name: "Nagorno-Karabakh", Country: "AZE", Lat: 39.8, Lon: 46.75}},
}

const handRule = "web/browser_test.go:handMade"

// sampleRecords codes the embedded sample articles with the full engine
// and adds the hand-made events, so that the test does not hang on what
// the event coder finds today.
func sampleRecords(t testing.TB) []dyad.Record {
	t.Helper()
	raw, err := fs.ReadFile(data.FS, "samples/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var arts []dyad.Article
	err = ingest.ReadKind(bytes.NewReader(raw), ingest.KindJSONL, "samples", "", ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return it.Err
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	cameo, err := ontology.Load()
	if err != nil {
		t.Fatal(err)
	}
	hasher := dedup.New(dedup.Config{})
	var recs []dyad.Record
	for _, a := range arts {
		d, err := eng.Code(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, hm := range handMade {
			if hm.article != a.ID {
				continue
			}
			e := dyad.Event{ArticleID: a.ID, Code: hm.code, Source: actor(hm.source, hm.sourceName, hm.sourceName),
				Target: actor(hm.target, hm.targetName, hm.targetName), Date: hm.date, DatePrecision: dyad.PrecisionDay,
				Modality: dyad.Asserted, ReportedBy: []string{}, Mentions: 1, Rule: handRule, Location: hm.loc}
			if !cameo.Fill(&e) {
				t.Fatalf("code %s unknown", hm.code)
			}
			for _, s := range d.Sentences {
				if strings.Contains(d.Slice(s.Span), hm.evidence) {
					e.Evidence = []dyad.Evidence{{Sentence: s.Index, Start: s.Start, End: s.End, Text: d.Slice(s.Span)}}
					break
				}
			}
			if e.Evidence == nil {
				t.Fatalf("%s: no sentence holds %q", a.ID, hm.evidence)
			}
			d.Events = append(d.Events, e)
		}
		sk := hasher.Sketch(a.Text)
		recs = append(recs, dyad.Record{Key: dedup.ArticleKey(a), Article: a, Source: "samples", Status: dyad.StatusCoded,
			TextHash: sk.Hash, Signature: sk.Signature, Bands: sk.Bands, Shingles: sk.Shingles, Events: d.Events, Quotes: d.Quotes})
	}
	return recs
}

func artifactDir(t *testing.T) string {
	dir := os.Getenv("DYAD_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "dyad-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser loads the UI in headless Chromium against a server seeded
// with the sample articles and clicks from the event table to an event and
// on to its article, where the evidence must be highlighted.
func TestBrowser(t *testing.T) {
	bin := chromiumPath()
	if bin == "" {
		t.Skip("no Chromium binary found (set DYAD_CHROMIUM or run .ci/chromium.sh): skipping the browser test")
	}
	st := openStore(t)
	t0 := time.Now()
	defer func() { t.Logf("browser test took %v", time.Since(t0).Round(time.Millisecond)) }()
	recs := sampleRecords(t)
	t.Logf("samples coded in %v", time.Since(t0).Round(time.Millisecond))
	if _, err := st.Write(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Store: st, Annotator: sharedAnnotator(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	// The hand-made event the test follows.
	page, err := st.QueryEvents(context.Background(), dyad.EventQuery{EventFilter: dyad.EventFilter{Actor: "Joe Biden", Code: "030"}})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	var want string
	for _, h := range page.Events {
		if h.Event.Rule == handRule {
			id, want = h.ID, h.Event.Evidence[0].Text
		}
	}
	if id == 0 {
		t.Fatalf("hand-made event not stored: %+v", page.Events)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	var consoleErrs []string
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(func(f string, a ...any) {
		consoleErrs = append(consoleErrs, fmt.Sprintf(f, a...))
	}))
	defer cancelCtx()
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	t.Logf("browser started after %v", time.Since(t0).Round(time.Millisecond))
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.querySelector("main").innerText`))
			t.Fatalf("%s: %v\npage: %.2000s", what, err, page)
		}
	}
	value := func(what string, a chromedp.Action[string]) string {
		t.Helper()
		v, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	shot := func() []byte {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		return b
	}

	link := fmt.Sprintf(`a.event-link[href="#/events/%d"]`, id)
	step("load the event table", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#events tbody tr`)))
	rows := count(`#events tbody tr`)
	// Filter the table by actor, then follow the event and its article.
	step("filter by actor", chromedp.SendKeys(chromedp.CSS(`#f-actor`), "Joe Biden"), chromedp.Submit(chromedp.CSS(`#f-actor`)),
		chromedp.WaitVisible(chromedp.CSS(link)))
	step("open the event", chromedp.Click(chromedp.CSS(link)), chromedp.WaitVisible(chromedp.CSS(`a.read-article`)))
	heading := value("event heading", chromedp.Text(chromedp.CSS(`main h1`)))
	step("open the article", chromedp.Click(chromedp.CSS(`a.read-article`)), chromedp.WaitVisible(chromedp.CSS(`#article-text mark.ev.current`)))
	evidence := value("evidence", chromedp.Text(chromedp.CSS(`#article-text mark.ev.current`)))
	actorsInEvidence := count(`#article-text mark.ev.current .actor`)
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
	if err != nil {
		t.Fatal(err)
	}
	articleShot := shot()
	// The dyad view draws its chart, the map its places.
	step("dyad view", chromedp.Navigate(ts.URL+"/#/dyads/USA/CHN?interval=day"), chromedp.WaitVisible(chromedp.CSS(`svg.chart rect`)))
	bars := count(`svg.chart rect.bar-coop`)
	dyadShot := shot()
	step("map view", chromedp.Navigate(ts.URL+"/#/map"), chromedp.WaitVisible(chromedp.CSS(`svg.map circle`)))
	circles := count(`svg.map circle`)
	mapShot := shot()

	dir := artifactDir(t)
	for name, b := range map[string][]byte{"ui-article.png": articleShot, "ui-dyad.png": dyadShot, "ui-map.png": mapShot} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	if rows < 3 {
		t.Errorf("the event table shows %d rows; the samples hold at least 3 events", rows)
	}
	if !strings.Contains(heading, "Joe Biden") || !strings.Contains(heading, "Xi Jinping") {
		t.Errorf("event heading %q", heading)
	}
	if strings.TrimSpace(evidence) != strings.TrimSpace(want) {
		t.Errorf("highlighted evidence\n got %q\nwant %q", evidence, want)
	}
	if actorsInEvidence < 2 {
		t.Errorf("%d actor mentions highlighted inside the evidence; want Joe Biden and Xi Jinping at least", actorsInEvidence)
	}
	if focused != "current-evidence" {
		t.Errorf("focus on %q, want the evidence", focused)
	}
	if bars < 1 || circles < 3 {
		t.Errorf("dyad chart has %d cooperation bars, map %d places", bars, circles)
	}
	for _, e := range consoleErrs {
		t.Logf("chromedp: %s", e)
	}
}
