package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

func readFixtures(t *testing.T, dir string) ([]Gold, []Prediction, []QuotePrediction) {
	t.Helper()
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	gold, err := ReadGold(open("gold.jsonl"), "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	events, err := ReadEvents(open("events.jsonl"), "events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	quotes, err := ReadQuotes(open("quotes.jsonl"), "quotes.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return gold, events, quotes
}

// TestScoreFixtures checks the report on testdata against counts worked
// out by hand (see the comments in testdata/README.md).
func TestScoreFixtures(t *testing.T) {
	gold, events, quotes := readFixtures(t, "testdata")
	r := Score(gold, events, quotes)
	type counts struct{ tp, fp, ignored, found, required int }
	want := map[string]counts{
		LevelRoot:  {7, 4, 4, 8, 9},
		LevelCode:  {6, 5, 4, 7, 9},
		LevelActor: {4, 8, 4, 4, 9},
	}
	for _, l := range r.Levels() {
		got := counts{l.TP, l.FP, l.Ignored, l.Found, l.Required}
		if got != want[l.Name] {
			t.Errorf("%s: got %+v, want %+v", l.Name, got, want[l.Name])
		}
	}
	if r.Articles != 5 {
		t.Errorf("Articles = %d, want 5", r.Articles)
	}
	if q := r.Quotes; q == nil || q.TP != 4 || q.FP != 2 || q.Found != 3 || q.Total != 4 {
		t.Errorf("quotes = %+v, want tp 4 fp 2 found 3/4", q)
	}
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	wantText := "root   P=0.636 R=0.889 F1=0.742  (tp=7 fp=4 found=8/9)\n" +
		"code   P=0.545 R=0.778 F1=0.641  (tp=6 fp=5 found=7/9)\n" +
		"actor  P=0.333 R=0.444 F1=0.381  (tp=4 fp=8 found=4/9)\n" +
		"quotes P=0.667 R=0.750 F1=0.706  (3/4)\n"
	if text.String() != wantText {
		t.Errorf("text report:\n%s\nwant:\n%s", text.String(), wantText)
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"events": {"root": {"precision": 0.636, "recall": 0.889, "f1": 0.742, "tp": 7, "fp": 4, "ignored": 4, "found": 8, "required": 9}, ` +
		`"code": {"precision": 0.545, "recall": 0.778, "f1": 0.641, "tp": 6, "fp": 5, "ignored": 4, "found": 7, "required": 9}, ` +
		`"actor": {"precision": 0.333, "recall": 0.444, "f1": 0.381, "tp": 4, "fp": 8, "ignored": 4, "found": 4, "required": 9}}, ` +
		`"articles": 5, "quotes": {"precision": 0.667, "recall": 0.75, "f1": 0.706, "found": 3, "total": 4}}` + "\n"
	if js.String() != wantJSON {
		t.Errorf("JSON report:\n%s\nwant:\n%s", js.String(), wantJSON)
	}
	wantFindings := []string{
		"  FP  t-01: ('NOR', 'COL', '057')",
		"  FP  t-02: ('RUS', 'EST', '40')",
		"  FP  t-02: ('', '', '0312')",
		"  FN  t-03: IGO->PAK 073 | The United Nations flew tents and water filters to flooded districts of Sindh on",
		"  FP  t-04: ('CHN', 'IND', '195')",
		"  FN  t-04: CHN->IND 190 | Indian and Chinese troops clashed at a border post",
		"  FP  t-05: ('USA', '', '010')",
	}
	if got := pyFindings(&r.Code); strings.Join(got, "\n") != strings.Join(wantFindings, "\n") {
		t.Errorf("code-level findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
	}
	// The evidence sentence travels with a false positive for -v.
	if f := r.Code.Findings[0]; f.Sentence != "Norway hosted a new round of talks." || f.Pred == nil || f.Pred.Pos != "events.jsonl:5" {
		t.Errorf("first finding = %+v", f)
	}
	if len(r.Quotes.FalsePositives) != 2 || r.Quotes.FalsePositives[0].Speaker != "Gustavo Petro" ||
		len(r.Quotes.Misses) != 1 || r.Quotes.Misses[0].Quote.Speaker != "Julien Harneis" {
		t.Errorf("quote findings = %+v / %+v", r.Quotes.FalsePositives, r.Quotes.Misses)
	}
}

// pyFindings renders a level's findings as score.py -v prints them.
func pyFindings(l *Level) []string {
	var out []string
	for _, f := range l.Findings {
		if f.Miss {
			out = append(out, "  FN  "+f.ArticleID+": "+f.Source+"->"+f.Target+" "+f.Code+" | "+pyPrefix(f.Sentence, 80))
			continue
		}
		k := []string{f.Source, f.Target, f.Code}
		if l.Name == LevelActor {
			k = []string{f.Source, f.SourceActor, f.Target, f.TargetActor, f.Code}
		}
		for i := range k {
			k[i] = pyReprString(k[i])
		}
		out = append(out, "  FP  "+f.ArticleID+": ("+strings.Join(k, ", ")+")")
	}
	return out
}

func TestScoreCases(t *testing.T) {
	g := func(s, tgt, code string, alt []string, sa, ta []string, req bool) GoldEvent {
		return GoldEvent{Source: s, Target: tgt, Code: code, Alt: alt, SourceActor: sa, TargetActor: ta, Required: req}
	}
	p := func(s, sa, tgt, ta, code string) Prediction {
		return Prediction{ArticleID: "a", Source: s, SourceCode: sa, Target: tgt, TargetCode: ta, Code: code}
	}
	tests := []struct {
		name  string
		gold  []GoldEvent
		preds []Prediction
		// tp, fp, ignored, found, required at root, code, actor
		want [3][5]int
	}{
		{"no predictions", []GoldEvent{g("RUS", "UKR", "190", nil, nil, nil, true)}, nil,
			[3][5]int{{0, 0, 0, 0, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 1}}},
		{"alt code counts at code level", []GoldEvent{g("RUS", "UKR", "190", []string{"195"}, nil, nil, true)},
			[]Prediction{p("RUS", "RUSMIL", "UKR", "UKRMIL", "195")},
			[3][5]int{{1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}}},
		{"alt root counts at root level only", []GoldEvent{g("RUS", "UKR", "190", []string{"138"}, nil, nil, true)},
			[]Prediction{p("RUS", "", "UKR", "", "130")},
			[3][5]int{{1, 0, 0, 1, 1}, {0, 1, 0, 0, 1}, {0, 1, 0, 0, 1}}},
		{"direction matters", []GoldEvent{g("RUS", "UKR", "190", nil, nil, nil, true)},
			[]Prediction{p("UKR", "", "RUS", "", "190")},
			[3][5]int{{0, 1, 0, 0, 1}, {0, 1, 0, 0, 1}, {0, 1, 0, 0, 1}}},
		{"optional is neither", []GoldEvent{g("RUS", "", "010", nil, nil, nil, false)},
			[]Prediction{p("RUS", "RUSGOV", "", "", "010")},
			[3][5]int{{0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}}},
		{"required wins over optional", []GoldEvent{
			g("RUS", "UKR", "111", nil, nil, nil, false), g("RUS", "UKR", "112", []string{"111"}, nil, nil, true)},
			[]Prediction{p("RUS", "", "UKR", "", "111")},
			[3][5]int{{1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}}},
		{"duplicates count once, distinct actors twice", []GoldEvent{g("IND", "CHN", "190", nil, []string{"INDMIL"}, nil, true)},
			[]Prediction{p("IND", "INDMIL", "CHN", "", "190"), p("IND", "INDMIL", "CHN", "", "190"), p("IND", "INDGOV", "CHN", "", "190")},
			[3][5]int{{1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}, {1, 1, 0, 1, 1}}},
		{"one prediction finds two gold events", []GoldEvent{
			g("COL", "COL", "046", nil, []string{"COLGOV"}, []string{"COLREB"}, true),
			g("COL", "COL", "046", nil, []string{"COLREB"}, []string{"COLGOV"}, true)},
			[]Prediction{p("COL", "COLGOV", "COL", "COLREB", "046")},
			[3][5]int{{1, 0, 0, 2, 2}, {1, 0, 0, 2, 2}, {1, 0, 0, 1, 2}}},
		{"reciprocal events need both directions", []GoldEvent{
			g("THA", "KHM", "0871", nil, nil, nil, true), g("KHM", "THA", "0871", nil, nil, nil, true)},
			[]Prediction{p("THA", "", "KHM", "", "0871")},
			[3][5]int{{1, 0, 0, 1, 2}, {1, 0, 0, 1, 2}, {1, 0, 0, 1, 2}}},
		{"unchecked actor list", []GoldEvent{g("USA", "IRQ", "111", nil, nil, []string{}, true)},
			[]Prediction{p("USA", "USAGOV", "IRQ", "IRQCVL", "111")},
			[3][5]int{{1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gold := []Gold{{Article: dyad.Article{ID: "a"}, Events: tt.gold}}
			elsewhere := p("RUS", "", "UKR", "", "190")
			elsewhere.ArticleID = "not-in-gold" // ignored
			r := Score(gold, append(tt.preds, elsewhere), nil)
			for i, l := range r.Levels() {
				got := [5]int{l.TP, l.FP, l.Ignored, l.Found, l.Required}
				if got != tt.want[i] {
					t.Errorf("%s: got %v, want %v", l.Name, got, tt.want[i])
				}
			}
			if r.Quotes != nil {
				t.Errorf("quotes scored without quote predictions")
			}
		})
	}
}

func TestQuoteCases(t *testing.T) {
	gold := []Gold{{Article: dyad.Article{ID: "a"}, Quotes: []GoldQuote{
		{Speaker: "Sergei Shoigu", Text: "We are determined to"},
		{Speaker: "Russian Defence", Text: "  \u201cNo  comment\u201d "},
	}}}
	tests := []struct {
		name           string
		q              QuotePrediction
		tp, fp, found  int
		wantQuoteScore bool
	}{
		{"prefix and surname", QuotePrediction{Speaker: "Sergei K. Shoigu", Text: "We are determined to continue", Direct: true}, 1, 0, 1, true},
		{"surname is case-folded", QuotePrediction{Speaker: "SHOIGU", Text: "We are determined to", Direct: true}, 1, 0, 1, true},
		{"wrong speaker", QuotePrediction{Speaker: "Sergei Lavrov", Text: "We are determined to", Direct: true}, 0, 1, 0, true},
		{"not a prefix", QuotePrediction{Speaker: "Shoigu", Text: "As he said, we are determined to", Direct: true}, 0, 1, 0, true},
		{"indirect ignored", QuotePrediction{Speaker: "Shoigu", Text: "We are determined to", Direct: false}, 0, 0, 0, true},
		{"folded quotes and spelling", QuotePrediction{Speaker: "Ministry of Defense", Text: "\"No comment,\" it said", Direct: true}, 1, 0, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.ArticleID = "a"
			r := Score(gold, nil, []QuotePrediction{q})
			if r.Quotes == nil || r.Quotes.TP != tt.tp || r.Quotes.FP != tt.fp || r.Quotes.Found != tt.found || r.Quotes.Total != 2 {
				t.Errorf("quotes = %+v, want tp %d fp %d found %d/2", r.Quotes, tt.tp, tt.fp, tt.found)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "",
		"  plain  ":                    "plain",
		"\u201cWe  are\n\tready\u201d": "We are ready",
		"\u2018it\u2019s\u2019":        "'it's'",
		"\"\" x \"":                    "x",
		"a\u00a0\u2003b\x1cc":          "a b c",
		"\" \"inner\" \"":              "\"inner\"",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPyStr(t *testing.T) {
	for in, want := range map[string]string{
		`"040"`: "040", `40`: "40", `-0`: "0", `4.0`: "4.0", `1e2`: "100.0", `1e16`: "1e+16",
		`0.00001`: "1e-05", `null`: "None", `true`: "True", `[1, "a"]`: "[1, 'a']",
		`{"b": 1, "a": [null, {}]}`: "{'b': 1, 'a': [None, {}]}", `"it's"`: "it's", `123456789012345678901234567890`: "123456789012345678901234567890",
	} {
		if got := pyStr([]byte(in)); got != want {
			t.Errorf("pyStr(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"a": "'a'", "it's": `"it's"`, `a'b"c`: `'a\'b"c'`, "\x00\n": `'\x00\n'`} {
		if got := pyReprString(in); got != want {
			t.Errorf("pyReprString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestRound3(t *testing.T) {
	for x, want := range map[float64]string{
		0: "0.0", 1: "1.0", 0.5: "0.5", 2.0 / 3: "0.667", 1.0 / 3: "0.333", 0.0625: "0.062", 0.0005: "0.001", 0.75: "0.75",
	} {
		if got := round3(x); got != want {
			t.Errorf("round3(%v) = %s, want %s", x, got, want)
		}
	}
}

func TestReadGoldForms(t *testing.T) {
	src := `{"id": 7, "text": "x", "events": [` +
		`{"source": "RUS", "target": "UKR", "code": "190", "alt": "19", "source_actor": "RUSMIL", "target_actor": ["UKRMIL", 5], "required": 0},` +
		`{"source": null, "code": "010", "source_actor": [5], "target_actor": ""}]}` + "\n\n"
	gold, err := ReadGold(strings.NewReader(src), "g.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 1 || gold[0].Article.ID != "7" || gold[0].Pos != "g.jsonl:1" {
		t.Fatalf("gold = %+v", gold)
	}
	e := gold[0].Events
	if strings.Join(e[0].Alt, ",") != "1,9" || strings.Join(e[0].SourceActor, ",") != "RUSMIL" ||
		strings.Join(e[0].TargetActor, ",") != "UKRMIL" || e[0].Required {
		t.Errorf("event 0 = %+v", e[0])
	}
	if !e[1].unmatchable || strings.Join(e[1].SourceActor, ",") != noActor || e[1].TargetActor != nil || !e[1].Required {
		t.Errorf("event 1 = %+v", e[1])
	}
	for _, bad := range []struct{ src, err string }{
		{`{"text": "x"}`, "g.jsonl:1: article has no id"},
		{"\n{\"id\": \"a\", \"events\": [{\"source\": \"RUS\"}]}", "g.jsonl:2: events[0]: no code"},
		{`{"id": "a", "events": [{"code": "010", "alt": null}]}`, "g.jsonl:1: events[0]: alt: want a list of code strings, got null"},
		{`{"id": "a", "quotes": [{"speaker": " ", "text": "x"}]}`, "g.jsonl:1: quotes[0]: speaker: want a name"},
		{`{"id": "a", "events": {}}`, "g.jsonl:1: events: want a list, got {}"},
		{`[1]`, "g.jsonl:1: not JSON: json: cannot unmarshal array into Go value of type map[string]json.RawMessage"},
	} {
		_, err := ReadGold(strings.NewReader(bad.src), "g.jsonl")
		if err == nil || err.Error() != bad.err {
			t.Errorf("ReadGold(%s) error = %v, want %s", bad.src, err, bad.err)
		}
	}
}

func TestReadEventsForms(t *testing.T) {
	src := `{"article_id": 3, "code": 40, "source": "RUS", "target": ""}` + "\n" +
		`{"article_id": "a", "code": null, "source": {"country": "USA", "code": "USAGOV"}, "target": {"country": 5}, "evidence": [{"text": "One."}, {"text": "Two."}]}` + "\n"
	ev, err := ReadEvents(strings.NewReader(src), "e.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []Prediction{
		{ArticleID: "3", Code: "40", Source: "RUS", SourceCode: "RUS", Pos: "e.jsonl:1"},
		{ArticleID: "a", Code: "None", Source: "USA", SourceCode: "USAGOV", Target: "\x005", Evidence: "One. … Two.", Pos: "e.jsonl:2"},
	}
	if len(ev) != 2 || ev[0] != want[0] || ev[1] != want[1] {
		t.Errorf("events = %+v\nwant %+v", ev, want)
	}
	if _, err := ReadEvents(strings.NewReader(`{"source": [1]}`), "e.jsonl"); err == nil || !strings.HasPrefix(err.Error(), "e.jsonl:1: source:") {
		t.Errorf("list actor: err = %v", err)
	}
}

func TestFromEngine(t *testing.T) {
	e := dyad.Event{ArticleID: "x", Code: "040",
		Source: dyad.EventActor{Code: "CHNMIL", Country: "CHN"}, Target: dyad.EventActor{Code: "RUSMIL", Country: "RUS"},
		Evidence: []dyad.Evidence{{Text: "They met."}}}
	if p := FromEvent(&e); p != (Prediction{ArticleID: "x", Code: "040", Source: "CHN", SourceCode: "CHNMIL", Target: "RUS", TargetCode: "RUSMIL", Evidence: "They met."}) {
		t.Errorf("FromEvent = %+v", p)
	}
	q := dyad.Quote{ArticleID: "x", Speaker: dyad.Speaker{Name: "Sergei Shoigu"}, Text: "We are", Direct: true}
	if p := FromQuote(&q); p != (QuotePrediction{ArticleID: "x", Speaker: "Sergei Shoigu", Text: "We are", Direct: true}) {
		t.Errorf("FromQuote = %+v", p)
	}
}

// shared finds ../shared next to the repository, or skips.
func shared(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "eval", "score.py")); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s/eval/score.py not found (../shared is absent): skipping the comparison with score.py", dir)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found: skipping the comparison with score.py")
	}
	return dir
}

// scorePy runs the reference scorer and returns its stdout and stderr.
func scorePy(t *testing.T, sharedDir string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command("python3", append([]string{filepath.Join(sharedDir, "eval", "score.py")}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("score.py %v: %v\n%s", args, err, errb.String())
	}
	return out.String(), errb.String()
}

// agree scores gold/events/quotes files with this package and with
// score.py and requires the same JSON (all figures, 3 decimals as score.py
// prints them), the same text report and the same -v listing.
func agree(t *testing.T, sharedDir, gold, events, quotes string) Report {
	t.Helper()
	read := func(p string) *os.File {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	g, err := ReadGold(read(gold), gold)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := ReadEvents(read(events), events)
	if err != nil {
		t.Fatal(err)
	}
	var qs []QuotePrediction
	args := []string{gold, events}
	if quotes != "" {
		if qs, err = ReadQuotes(read(quotes), quotes); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--quotes", quotes)
	}
	r := Score(g, ev, qs)

	pyJSON, _ := scorePy(t, sharedDir, append(args, "--json")...)
	var js bytes.Buffer
	r.WriteJSON(&js)
	if js.String() != pyJSON {
		t.Errorf("JSON differs from score.py\n got: %s\nwant: %s", js.String(), pyJSON)
	}
	pyText, pyV := scorePy(t, sharedDir, append(args, "-v")...)
	var text bytes.Buffer
	r.WriteText(&text)
	if text.String() != pyText {
		t.Errorf("text differs from score.py\n got:\n%s\nwant:\n%s", text.String(), pyText)
	}
	if got := strings.Join(pyFindings(&r.Code), "\n"); got != strings.TrimRight(pyV, "\n") {
		t.Errorf("-v listing differs from score.py\n got:\n%s\nwant:\n%s", got, pyV)
	}
	return r
}

func TestAgreesWithScorePyOnFixtures(t *testing.T) {
	sh := shared(t)
	d := "testdata"
	agree(t, sh, filepath.Join(d, "gold.jsonl"), filepath.Join(d, "events.jsonl"), filepath.Join(d, "quotes.jsonl"))
	agree(t, sh, filepath.Join(d, "gold.jsonl"), filepath.Join(d, "events.jsonl"), "")
}

// TestAgreesWithScorePyOnDevGold builds imperfect predictions from the
// dev gold itself (first accepted actors, some codes swapped for an alt,
// some events dropped or redirected, some quotes garbled) and compares.
func TestAgreesWithScorePyOnDevGold(t *testing.T) {
	sh := shared(t)
	goldPath := filepath.Join(sh, "eval", "dev", "news-dev.gold.jsonl")
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skipf("dev gold not found: %v", err)
	}
	gold, err := ReadGold(f, goldPath)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var ev, qs bytes.Buffer
	n := 0
	for _, a := range gold {
		for _, g := range a.Events {
			n++
			code := g.Code
			switch {
			case n%7 == 0:
				continue // a miss
			case n%5 == 0 && len(g.Alt) > 0:
				code = g.Alt[len(g.Alt)-1]
			case n%11 == 0:
				code = "0" + code[1:] // a wrong code, often a wrong root
			}
			src, tgt := g.Source, g.Target
			if n%13 == 0 {
				src, tgt = tgt, src
			}
			sa, ta := first(g.SourceActor, src), first(g.TargetActor, tgt)
			if n%3 == 0 {
				sa = src + "GOV"
			}
			writeJSONLine(&ev, map[string]any{"article_id": a.Article.ID, "code": code,
				"source": map[string]any{"country": src, "code": sa}, "target": map[string]any{"country": tgt, "code": ta}})
			if n%4 == 0 { // a duplicate
				writeJSONLine(&ev, map[string]any{"article_id": a.Article.ID, "code": code, "source": src, "target": tgt})
			}
		}
		for i, q := range a.Quotes {
			text, name := q.Text+" and more", q.Speaker
			switch i % 4 {
			case 1:
				name = "Someone Else"
			case 2:
				text = "\u201c" + strings.ReplaceAll(q.Text, " ", "  ") + "\u201d"
			case 3:
				text = "so " + text
			}
			writeJSONLine(&qs, map[string]any{"article_id": a.Article.ID, "speaker": map[string]any{"name": name}, "text": text, "direct": true})
		}
	}
	evPath, qPath := filepath.Join(dir, "events.jsonl"), filepath.Join(dir, "quotes.jsonl")
	if err := os.WriteFile(evPath, ev.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(qPath, qs.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := agree(t, sh, goldPath, evPath, qPath)
	if r.Code.Required != 124 || r.Articles != 16 || r.Quotes.Total != 37 {
		t.Errorf("dev gold: %d required events, %d articles, %d quotes; its README says 124, 16, 37",
			r.Code.Required, r.Articles, r.Quotes.Total)
	}
	t.Logf("dev gold, perturbed predictions: code P=%.3f R=%.3f F1=%.3f", r.Code.Precision(), r.Code.Recall(), r.Code.F1())
}

func writeJSONLine(b *bytes.Buffer, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	b.Write(data)
	b.WriteByte('\n')
}

func first(l []string, def string) string {
	if len(l) > 0 {
		return l[0]
	}
	return def
}
