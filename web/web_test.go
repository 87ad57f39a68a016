package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyadproject/dyad"
)

type response struct {
	status int
	header http.Header
	body   []byte
}

func do(t *testing.T, method, u string, body io.Reader, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, b}
}

func get(t *testing.T, u string) response { return do(t, "GET", u, nil) }

func (r response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d, body not JSON: %v\n%s", r.status, err, r.body)
	}
}

type listed struct {
	Events []struct {
		ID          int64             `json:"id"`
		Code        string            `json:"code"`
		Date        string            `json:"date"`
		NumArticles int               `json:"num_articles"`
		NumSources  int               `json:"num_sources"`
		Article     map[string]string `json:"article"`
		Evidence    []dyad.Evidence   `json:"evidence"`
		ReportedBy  []string          `json:"reported_by"`
	} `json:"events"`
	Next *string `json:"next"`
}

func (l listed) codes() []string {
	out := []string{}
	for _, e := range l.Events {
		out = append(out, e.Code)
	}
	return out
}

func TestListEvents(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	for _, tc := range []struct{ query, want string }{
		{"", "111 175 0311 040"}, // newest first, then by id descending
		{"sort=date", "040 0311 175 111"},
		{"sort=goldstein", "175 111 040 0311"},
		{"sort=-goldstein", "0311 040 111 175"},
		{"sort=code", "0311 040 111 175"},
		{"sort=-id", "111 175 0311 040"},
		{"actor=CHNMIL", "040"},
		{"actor=shoigu", "040"},
		{"source=CHN", "175 040"},
		{"target=chngov", "111 0311"},
		{"dyad=CHN,RUS", "0311 040"},
		{"dyad=rus,chn&directed=true", "0311"},
		{"dyad=CHN,TWN&directed=1", "175"},
		{"code=03", "0311"},
		{"code=0311", "0311"},
		{"root=17", "175"},
		{"plover=consult", "040"},
		{"quad=4", "175"},
		{"from=2023-11-01", "111 175"},
		{"to=2023-10-30", "0311 040"},
		{"from=2023-10-30&to=2023-10-30", "0311 040"},
		{"place=TWN", "175"},
		{"place=kinmen", "175"},
		{"q=water+cannon", "175"},
		{"q=restraint&source=USA", "111"},
		{"q=submarine", ""},
		{"source=CHN&quad=1", "040"},
	} {
		r := get(t, ts.URL+"/api/events?"+tc.query)
		if r.status != 200 {
			t.Errorf("%s: status %d %s", tc.query, r.status, r.body)
			continue
		}
		var l listed
		r.json(t, &l)
		if got := strings.Join(l.codes(), " "); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.query, got, tc.want)
		}
	}

	var l listed
	get(t, ts.URL+"/api/events?code=040").json(t, &l)
	e := l.Events[0]
	if e.NumArticles != 2 || e.NumSources != 2 || e.Article["key"] != "key-beijing" || e.Article["outlet"] != "Wire One" ||
		len(e.Evidence) != 1 || !strings.HasPrefix(e.Evidence[0].Text, "BEIJING, Oct 30") || e.ReportedBy[0] != "Xinhua" {
		t.Errorf("event 040: %+v", e)
	}
}

func TestListEventsPages(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var codes []string
	u := ts.URL + "/api/events?limit=3&sort=code"
	for pages := 0; ; pages++ {
		if pages > 3 {
			t.Fatal("pagination does not end")
		}
		var l listed
		r := get(t, u)
		r.json(t, &l)
		if len(l.Events) > 3 {
			t.Fatalf("%d events on a page of 3", len(l.Events))
		}
		codes = append(codes, l.codes()...)
		if l.Next == nil {
			break
		}
		u = ts.URL + "/api/events?limit=3&sort=code&cursor=" + url.QueryEscape(*l.Next)
	}
	if got := strings.Join(codes, " "); got != "0311 040 111 175" {
		t.Errorf("paged: %s", got)
	}
}

// errorOf checks an error response: status, JSON error body, its param.
func errorOf(t *testing.T, r response, status int, param string) {
	t.Helper()
	var e apiError
	r.json(t, &e)
	if r.status != status || e.Error.Status != status || e.Error.Message == "" || e.Error.Code == "" {
		t.Errorf("want %d with a JSON error, got %d: %s", status, r.status, r.body)
	}
	if param != "" && e.Error.Param != param {
		t.Errorf("error names param %q, want %q: %s", e.Error.Param, param, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type %q", ct)
	}
}

func TestListEventsErrors(t *testing.T) {
	ts, _ := newTestServer(t, Config{MaxPage: 100})
	for _, tc := range []struct{ query, param string }{
		{"colour=red", "colour"},
		{"quad=5", "quad"},
		{"quad=x", "quad"},
		{"from=2023-13-01", "from"},
		{"from=2023-11-02&to=2023-11-01", "to"},
		{"dyad=CHN", "dyad"},
		{"dyad=CHN,R", "dyad"},
		{"directed=true", "directed"},
		{"directed=maybe&dyad=CHN,RUS", "directed"},
		{"code=1", "code"},
		{"code=12345", "code"},
		{"code=04a", "code"},
		{"root=21", "root"},
		{"plover=con-sult", "plover"},
		{"source=C", "source"},
		{"source=CHN%3BDROP", "source"},
		{"limit=0", "limit"},
		{"limit=101", "limit"},
		{"sort=colour", "sort"},
		{"quad=1&quad=2", "quad"},
		{"q=" + strings.Repeat("word+", 13), "q"},
		{"actor=" + strings.Repeat("x", 101), "actor"},
		{"q=%zz", "query"},
	} {
		errorOf(t, get(t, ts.URL+"/api/events?"+tc.query), 400, tc.param)
	}
	// Cursors are checked by the store.
	errorOf(t, get(t, ts.URL+"/api/events?cursor=garbage"), 400, "")
	var l listed
	get(t, ts.URL+"/api/events?limit=1").json(t, &l)
	errorOf(t, get(t, ts.URL+"/api/events?sort=goldstein&cursor="+url.QueryEscape(*l.Next)), 400, "")
	errorOf(t, get(t, ts.URL+"/api/events?q=!!!"), 400, "")
}

type detail struct {
	ID          int64  `json:"id"`
	Code        string `json:"code"`
	NumArticles int    `json:"num_articles"`
	Reports     []struct {
		Article     map[string]string   `json:"article"`
		Copies      []map[string]string `json:"copies"`
		Event       dyad.Event          `json:"event"`
		Quotes      []dyad.Quote        `json:"quotes"`
		SourceChain []string            `json:"source_chain"`
	} `json:"reports"`
}

func TestGetEvent(t *testing.T) {
	ts, st := newTestServer(t, Config{})
	id := eventID(t, st, "040")
	var d detail
	r := get(t, fmt.Sprintf("%s/api/events/%d", ts.URL, id))
	r.json(t, &d)
	if r.status != 200 || d.ID != id || d.Code != "040" || d.NumArticles != 2 || len(d.Reports) != 1 {
		t.Fatalf("detail %d: %+v", r.status, d)
	}
	rep := d.Reports[0]
	if rep.Article["key"] != "key-beijing" || len(rep.Copies) != 1 || rep.Copies[0]["outlet"] != "Wire Three" {
		t.Errorf("report article %v copies %v", rep.Article, rep.Copies)
	}
	if !reflect.DeepEqual(rep.SourceChain, []string{"Wire One", "Xinhua"}) {
		t.Errorf("source chain %v", rep.SourceChain)
	}
	if rep.Event.Rule != "data/events/test.txt:040" || rep.Event.Evidence[0].Start != 0 {
		t.Errorf("report event %+v", rep.Event)
	}
	if len(rep.Quotes) != 0 {
		t.Errorf("quotes outside the evidence: %+v", rep.Quotes)
	}
	errorOf(t, get(t, ts.URL+"/api/events/99999"), 404, "")
	errorOf(t, get(t, ts.URL+"/api/events/abc"), 400, "id")
	errorOf(t, get(t, ts.URL+"/api/events/0"), 400, "id")
	errorOf(t, get(t, fmt.Sprintf("%s/api/events/%d?x=1", ts.URL, id)), 400, "x")
}

type articleResp struct {
	Key       string         `json:"key"`
	ID        string         `json:"id"`
	Text      string         `json:"text"`
	CopyOf    *articleRef    `json:"copy_of"`
	Copies    []articleRef   `json:"copies"`
	Sentences []sentenceJSON `json:"sentences"`
	Mentions  []mentionJSON  `json:"mentions"`
	Events    []struct {
		EventID  int64           `json:"event_id"`
		Code     string          `json:"code"`
		Evidence []dyad.Evidence `json:"evidence"`
	} `json:"events"`
	Quotes []dyad.Quote `json:"quotes"`
}

func TestGetArticle(t *testing.T) {
	ts, st := newTestServer(t, Config{})
	for _, id := range []string{"key-beijing", "beijing-talks", "beijing-copy"} {
		var a articleResp
		r := get(t, ts.URL+"/api/articles/"+id)
		r.json(t, &a)
		if r.status != 200 || a.Key != "key-beijing" || a.Text != textBeijing {
			t.Fatalf("%s: %d %+v", id, r.status, a)
		}
		if (id == "beijing-copy") != (a.CopyOf != nil) {
			t.Errorf("%s: copy_of %+v", id, a.CopyOf)
		}
		if len(a.Sentences) != 3 || textBeijing[a.Sentences[2].Start:a.Sentences[2].End] != "Russia pledged to hold more joint naval drills with China next year." {
			t.Errorf("%s: sentences %+v", id, a.Sentences)
		}
		// The actor stage finds the people and countries the text names.
		var names []string
		for _, m := range a.Mentions {
			names = append(names, textBeijing[m.Start:m.End]+"="+m.Actor.Code)
		}
		joined := strings.Join(names, " ")
		for _, want := range []string{"Sergei Shoigu=RUS", "Russia=RUS", "China=CHN"} {
			if !strings.Contains(joined, want) {
				t.Errorf("%s: mentions %s lack %s", id, joined, want)
			}
		}
		if len(a.Events) != 2 || a.Events[0].EventID != eventID(t, st, "040") || a.Events[1].Code != "0311" {
			t.Errorf("%s: events %+v", id, a.Events)
		}
		if len(a.Quotes) != 1 || textBeijing[a.Quotes[0].Start:a.Quotes[0].End] != "at their highest level" {
			t.Errorf("%s: quotes %+v", id, a.Quotes)
		}
	}
	errorOf(t, get(t, ts.URL+"/api/articles/no-such-article"), 404, "")
	errorOf(t, get(t, ts.URL+"/api/articles/"+strings.Repeat("k", 501)), 400, "id")
	errorOf(t, get(t, ts.URL+"/api/articles/key-beijing?full=1"), 400, "full")
}

func TestDyadSeries(t *testing.T) {
	ts, st := newTestServer(t, Config{})
	// Two more CHN-RUS reports a week later, one of them conflict.
	later := fixtureRecords(t)[0]
	later.Key, later.TextHash, later.Article.ID, later.Quotes = "key-later", "hash-later", "later", nil
	later.Events[0].Date, later.Events[1].Date = "2023-11-08", "2023-11-09"
	later.Events[1].Quad, later.Events[1].Goldstein, later.Events[1].Code = 4, -7, "173"
	if _, err := st.Write(context.Background(), []dyad.Record{later}); err != nil {
		t.Fatal(err)
	}
	type series struct {
		Interval string      `json:"interval"`
		Points   []pointJSON `json:"points"`
		Total    pointJSON   `json:"total"`
	}
	show := func(s series) string {
		var b strings.Builder
		for _, p := range s.Points {
			fmt.Fprintf(&b, "%s %d %v c%d x%d %.1f/%.2f; ", p.Period, p.Events, p.Quad, p.Cooperation, p.Conflict, p.GoldsteinSum, p.GoldsteinMean)
		}
		return b.String()
	}
	for _, tc := range []struct{ path, want string }{
		{"/api/dyads/CHN/RUS/series?interval=day",
			"2023-10-30 2 [2 0 0 0] c2 x0 6.2/3.10; 2023-11-08 1 [1 0 0 0] c1 x0 1.0/1.00; 2023-11-09 1 [0 0 0 1] c0 x1 -7.0/-7.00; "},
		{"/api/dyads/CHN/RUS/series?interval=week",
			"2023-10-30 2 [2 0 0 0] c2 x0 6.2/3.10; 2023-11-06 2 [1 0 0 1] c1 x1 -6.0/-3.00; "},
		{"/api/dyads/rus/chn/series",
			"2023-10-01 2 [2 0 0 0] c2 x0 6.2/3.10; 2023-11-01 2 [1 0 0 1] c1 x1 -6.0/-3.00; "},
		{"/api/dyads/RUS/CHN/series?directed=true&interval=month", "2023-10-01 1 [1 0 0 0] c1 x0 5.2/5.20; 2023-11-01 1 [0 0 0 1] c0 x1 -7.0/-7.00; "},
		{"/api/dyads/CHN/RUS/series?interval=day&from=2023-11-01&to=2023-11-08", "2023-11-08 1 [1 0 0 0] c1 x0 1.0/1.00; "},
		{"/api/dyads/CHNMIL/RUSMIL/series?interval=day", "2023-10-30 1 [1 0 0 0] c1 x0 1.0/1.00; 2023-11-08 1 [1 0 0 0] c1 x0 1.0/1.00; "},
		{"/api/dyads/USA/RUS/series", ""},
	} {
		var s series
		r := get(t, ts.URL+tc.path)
		r.json(t, &s)
		if r.status != 200 || show(s) != tc.want {
			t.Errorf("%s: %d\n got %s\nwant %s", tc.path, r.status, show(s), tc.want)
		}
	}
	var s series
	get(t, ts.URL+"/api/dyads/CHN/RUS/series").json(t, &s)
	if s.Interval != "month" || s.Total.Events != 4 || s.Total.Cooperation != 3 || s.Total.Conflict != 1 || s.Total.GoldsteinSum != 0.2 {
		t.Errorf("total %+v", s.Total)
	}
	errorOf(t, get(t, ts.URL+"/api/dyads/CHN/RUS/series?interval=year"), 400, "interval")
	errorOf(t, get(t, ts.URL+"/api/dyads/C/RUS/series"), 400, "a")
	errorOf(t, get(t, ts.URL+"/api/dyads/CHN/R-S/series"), 400, "b")
	errorOf(t, get(t, ts.URL+"/api/dyads/CHN/RUS/series?from=2024-01-01&to=2023-01-01"), 400, "to")
	errorOf(t, get(t, ts.URL+"/api/dyads/CHN/RUS/series?directed=sure"), 400, "directed")
}

func TestTopActors(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	type actors struct {
		Actors []struct {
			Code     string `json:"code"`
			Name     string `json:"name"`
			Events   int    `json:"events"`
			AsSource int    `json:"as_source"`
			AsTarget int    `json:"as_target"`
		} `json:"actors"`
	}
	show := func(a actors) string {
		var b strings.Builder
		for _, x := range a.Actors {
			fmt.Fprintf(&b, "%s/%s %d=%d+%d; ", x.Code, x.Name, x.Events, x.AsSource, x.AsTarget)
		}
		return b.String()
	}
	for _, tc := range []struct{ query, want string }{
		{"limit=2", "CHNGOV/China 2=0+2; CHNCOP/ 1=1+0; "},
		{"role=source&country=chn", "CHNCOP/ 1=1+0; CHNMIL/Zhang Youxia 1=1+0; "},
		{"role=target&from=2023-11-01", "CHNGOV/China 1=0+1; TWNBUS/ 1=0+1; "},
		{"role=any&country=USA", "USAGOV/United States 1=1+0; "},
	} {
		var a actors
		r := get(t, ts.URL+"/api/actors/top?"+tc.query)
		r.json(t, &a)
		if r.status != 200 || show(a) != tc.want {
			t.Errorf("%s: %d\n got %s\nwant %s", tc.query, r.status, show(a), tc.want)
		}
	}
	errorOf(t, get(t, ts.URL+"/api/actors/top?role=both"), 400, "role")
	errorOf(t, get(t, ts.URL+"/api/actors/top?limit=1000"), 400, "limit")
	errorOf(t, get(t, ts.URL+"/api/actors/top?country=CH"), 400, "country")
}

func TestListQuotes(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	type quotes struct {
		Quotes []struct {
			ID      int64             `json:"id"`
			Text    string            `json:"text"`
			Speaker dyad.Speaker      `json:"speaker"`
			Article map[string]string `json:"article"`
		} `json:"quotes"`
		Next *string `json:"next"`
	}
	for _, tc := range []struct {
		query string
		want  int
	}{{"speaker=shoigu", 1}, {"speaker=RUSMIL", 1}, {"speaker=Zhang", 0}, {"article=beijing-talks", 1}, {"", 1}} {
		var q quotes
		r := get(t, ts.URL+"/api/quotes?"+tc.query)
		r.json(t, &q)
		if r.status != 200 || len(q.Quotes) != tc.want || q.Next != nil {
			t.Errorf("%s: %d %+v", tc.query, r.status, q)
		}
		if len(q.Quotes) == 1 && (q.Quotes[0].Text != "at their highest level" || q.Quotes[0].Article["key"] != "key-beijing") {
			t.Errorf("%s: %+v", tc.query, q.Quotes[0])
		}
	}
	errorOf(t, get(t, ts.URL+"/api/quotes?cursor=bad"), 400, "")
	errorOf(t, get(t, ts.URL+"/api/quotes?speaker="+strings.Repeat("a", 101)), 400, "speaker")
	errorOf(t, get(t, ts.URL+"/api/quotes?who=x"), 400, "who")
}

const testToken = "s3cret-token"

func post(t *testing.T, ts string, body, ctype, auth string) response {
	t.Helper()
	h := []string{}
	if ctype != "" {
		h = append(h, "Content-Type", ctype)
	}
	if auth != "" {
		h = append(h, "Authorization", auth)
	}
	return do(t, "POST", ts+"/api/articles", strings.NewReader(body), h...)
}

type posted struct {
	Articles []postResult `json:"articles"`
}

func TestPostArticles(t *testing.T) {
	ts, _ := newTestServer(t, Config{Token: testToken})
	bearer := "Bearer " + testToken
	art := `{"id":"rome-talks","title":"Talks in Rome","outlet":"Test Wire","published":"2024-03-05",` +
		`"text":"ROME, March 5 - The foreign ministers of France and Germany met in Rome on Tuesday to discuss the budget.\nItaly was not at the meeting."}`
	r := post(t, ts.URL, art, "application/json", bearer)
	var p posted
	r.json(t, &p)
	if r.status != 201 || len(p.Articles) != 1 || p.Articles[0].Status != "coded" || p.Articles[0].Events != 1 || p.Articles[0].ID != "rome-talks" {
		t.Fatalf("post: %d %s", r.status, r.body)
	}
	// The new event is listed, and its article reads back with the evidence.
	var l listed
	get(t, ts.URL+"/api/events?dyad=FRA,DEU").json(t, &l)
	if len(l.Events) != 1 || l.Events[0].Article["id"] != "rome-talks" || !strings.Contains(l.Events[0].Evidence[0].Text, "met in Rome") {
		t.Errorf("after post: %+v", l)
	}
	var a articleResp
	get(t, ts.URL+p.Articles[0].Href).json(t, &a)
	if a.ID != "rome-talks" || len(a.Events) != 1 {
		t.Errorf("posted article: %+v", a)
	}
	// Posting it again stores nothing.
	r = post(t, ts.URL, art, "application/json", bearer)
	r.json(t, &p)
	if r.status != 200 || p.Articles[0].Status != "already_stored" {
		t.Errorf("repeat: %d %s", r.status, r.body)
	}
	// An array, and JSON Lines.
	arr := `[{"id":"a1","text":"Italy and France met to talk."},{"id":"a2","published":"2024-03-06","text":"Nothing happened in this short note at all, said officials."}]`
	r = post(t, ts.URL, arr, "application/json; charset=utf-8", bearer)
	r.json(t, &p)
	if r.status != 201 || len(p.Articles) != 2 || p.Articles[0].Events != 1 || p.Articles[1].Events != 0 {
		t.Errorf("array: %d %s", r.status, r.body)
	}
	r = post(t, ts.URL, `{"id":"l1","text":"Germany and Italy met again in spring."}`+"\n\n"+`{"id":"l2","text":"A second line of text."}`, "application/x-ndjson", bearer)
	r.json(t, &p)
	if r.status != 201 || len(p.Articles) != 2 {
		t.Errorf("jsonl: %d %s", r.status, r.body)
	}
}

func TestPostArticlesRefused(t *testing.T) {
	ts, st := newTestServer(t, Config{Token: testToken, MaxBody: 2048, MaxArticles: 2})
	bearer := "Bearer " + testToken
	good := `{"id":"x","text":"France and Germany met."}`
	for _, tc := range []struct {
		name, body, ctype, auth string
		status                  int
		param                   string
	}{
		{"no token", good, "application/json", "", 401, ""},
		{"wrong token", good, "application/json", "Bearer nope", 401, ""},
		{"not bearer", good, "application/json", "Basic " + testToken, 401, ""},
		{"wrong type", good, "text/plain", bearer, 415, ""},
		{"too large", `{"id":"big","text":"` + strings.Repeat("a", 3000) + `"}`, "application/json", bearer, 413, ""},
		{"empty", "  ", "application/json", bearer, 400, "body"},
		{"not JSON", "{nope", "application/json", bearer, 400, "articles[0]"},
		{"bad array", "[1, 2", "application/json", bearer, 400, "body"},
		{"no id", `{"text":"France and Germany met."}`, "application/json", bearer, 400, "articles[0].id"},
		{"second has no id", `[` + good + `,{"id":"","text":"t"}]`, "application/json", bearer, 400, "articles[1].id"},
		{"no text", `{"id":"x"}`, "application/json", bearer, 400, "articles[0]"},
		{"bad date", `{"id":"x","published":"yesterday","text":"France and Germany met."}`, "application/json", bearer, 400, "articles[0]"},
		{"too many", `[` + good + `,` + good + `,` + good + `]`, "application/json", bearer, 400, "body"},
	} {
		r := post(t, ts.URL, tc.body, tc.ctype, tc.auth)
		errorOf(t, r, tc.status, tc.param)
		if tc.status == 401 && r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: no WWW-Authenticate", tc.name)
		}
	}
	errorOf(t, do(t, "POST", ts.URL+"/api/articles?dry=1", strings.NewReader(good), "Authorization", bearer,
		"Content-Type", "application/json"), 400, "dry")
	if c, _ := st.Counts(context.Background()); c.Articles != 3 {
		t.Errorf("refused posts stored something: %d articles", c.Articles)
	}
	// Without a configured token nothing is written, whatever is sent.
	ro, _ := newTestServer(t, Config{})
	errorOf(t, post(t, ro.URL, good, "application/json", "Bearer "), 403, "")
	errorOf(t, post(t, ro.URL, good, "application/json", bearer), 403, "")
}

func TestRoutingErrors(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	errorOf(t, get(t, ts.URL+"/api/nothing"), 404, "")
	r := do(t, "DELETE", ts.URL+"/api/events", nil)
	errorOf(t, r, 405, "")
	if r.header.Get("Allow") != "GET" {
		t.Errorf("Allow %q", r.header.Get("Allow"))
	}
	r = do(t, "GET", ts.URL+"/api/articles", nil)
	errorOf(t, r, 405, "")
	if r.header.Get("Allow") != "POST" {
		t.Errorf("Allow %q", r.header.Get("Allow"))
	}
	if r := do(t, "HEAD", ts.URL+"/api/events", nil); r.status != 200 || len(r.body) != 0 {
		t.Errorf("HEAD: %d %q", r.status, r.body)
	}
}

func TestMeta(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var m struct {
		Counts    map[string]int    `json:"counts"`
		Quads     []string          `json:"quads"`
		Codes     []codeJSON        `json:"codes"`
		Plover    []string          `json:"plover"`
		Countries map[string]string `json:"countries"`
	}
	get(t, ts.URL+"/api/meta").json(t, &m)
	if m.Counts["events"] != 4 || m.Counts["articles"] != 3 || m.Counts["quotes"] != 1 {
		t.Errorf("counts %v", m.Counts)
	}
	if len(m.Quads) != 4 || len(m.Codes) < 200 || m.Countries["RUS"] != "Russia" || m.Countries["WST"] == "" {
		t.Errorf("meta: %d quads, %d codes, RUS=%q WST=%q", len(m.Quads), len(m.Codes), m.Countries["RUS"], m.Countries["WST"])
	}
	found := false
	for _, c := range m.Codes {
		if c.Code == "040" && c.Quad == 1 && c.Plover == "CONSULT" {
			found = true
		}
	}
	if !found || !sort.StringsAreSorted(m.Plover) || len(m.Plover) < 10 {
		t.Errorf("codes lack 040 CONSULT or plover list %v", m.Plover)
	}
}

// The OpenAPI file documents every route the server has, and only those.
func TestOpenAPI(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	r := get(t, ts.URL+"/openapi.json")
	r.json(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var got []string
	for p, ops := range doc.Paths {
		for m := range ops {
			if m != "parameters" {
				got = append(got, strings.ToUpper(m)+" "+p)
			}
		}
	}
	sort.Strings(got)
	want := []string{
		"GET /api/actors/top", "GET /api/articles/{id}", "GET /api/dyads/{a}/{b}/series", "GET /api/events",
		"GET /api/events/{id}", "GET /api/meta", "GET /api/quotes", "GET /healthz", "GET /openapi.json", "POST /api/articles",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documented\n %v\nserved\n %v", got, want)
	}
	// Every query parameter the events handler knows is documented.
	params := fmt.Sprint(doc.Paths["/api/events"]["get"])
	for _, p := range eventParams {
		if !strings.Contains(params, "name:"+p+" ") {
			t.Errorf("GET /api/events: parameter %q is not documented", p)
		}
	}
}

func TestUIAssets(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	for _, p := range []string{"/", "/index.html", "/some/app/route"} {
		r := get(t, ts.URL+p)
		if r.status != 200 || !strings.Contains(string(r.body), "<!doctype html>") || r.header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: %d %.60s", p, r.status, r.body)
		}
	}
	for _, name := range []string{"app.js", "app.css", "countries-110m.json"} {
		r := do(t, "GET", ts.URL+"/"+name, nil, "Accept-Encoding", "gzip")
		if r.status != 200 || r.header.Get("Content-Encoding") != "gzip" || r.header.Get("ETag") == "" {
			t.Errorf("%s: %d, encoding %q", name, r.status, r.header.Get("Content-Encoding"))
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b, err := io.ReadAll(zr); err != nil || len(b) < 1000 {
			t.Errorf("%s: %d bytes, %v", name, len(b), err)
		}
		if r2 := do(t, "GET", ts.URL+"/"+name, nil, "If-None-Match", r.header.Get("ETag")); r2.status != 304 {
			t.Errorf("%s: revalidation gave %d", name, r2.status)
		}
	}
	if r := get(t, ts.URL+"/missing.js"); r.status != 404 {
		t.Errorf("missing asset: %d", r.status)
	}
}

// slowStore blocks queries until released or its context ends.
type slowStore struct {
	dyad.Store
	release chan struct{}
}

func (s *slowStore) QueryEvents(ctx context.Context, q dyad.EventQuery) (dyad.EventPage, error) {
	select {
	case <-s.release:
		return s.Store.QueryEvents(ctx, q)
	case <-ctx.Done():
		return dyad.EventPage{}, ctx.Err()
	}
}

func TestLimits(t *testing.T) {
	slow := &slowStore{Store: openStore(t), release: make(chan struct{})}
	ts, _ := newTestServer(t, Config{Store: slow, MaxInFlight: 1, QueryTimeout: 3 * time.Second})
	first := make(chan response)
	go func() { first <- get(t, ts.URL+"/api/events") }()
	time.Sleep(200 * time.Millisecond) // the first request holds the only slot
	r := get(t, ts.URL+"/api/events")
	errorOf(t, r, 503, "")
	if r.header.Get("Retry-After") == "" {
		t.Error("busy answer without Retry-After")
	}
	close(slow.release)
	if r := <-first; r.status != 200 {
		t.Errorf("first request: %d %s", r.status, r.body)
	}

	// A query that outlives the time limit is cut off.
	stuck := &slowStore{Store: openStore(t), release: make(chan struct{})}
	ts2, _ := newTestServer(t, Config{Store: stuck, QueryTimeout: 100 * time.Millisecond})
	errorOf(t, get(t, ts2.URL+"/api/events"), 503, "")

	hs := NewHTTPServer("127.0.0.1:0", nil)
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 || hs.MaxHeaderBytes == 0 {
		t.Errorf("server without limits: %+v", hs)
	}
}

// countingStore counts the aggregate queries that reach the store.
type countingStore struct {
	dyad.Store
	top int
}

func (c *countingStore) TopActors(ctx context.Context, q dyad.ActorQuery) ([]dyad.ActorCount, error) {
	c.top++
	return c.Store.TopActors(ctx, q)
}

// Aggregates are answered from the cache until the store changes.
func TestAnswerCache(t *testing.T) {
	st := openStore(t)
	if _, err := st.Write(context.Background(), fixtureRecords(t)[:2]); err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: st}
	ts, _ := newTestServer(t, Config{Store: cs})
	first := get(t, ts.URL+"/api/actors/top")
	second := get(t, ts.URL+"/api/actors/top")
	if cs.top != 1 || string(first.body) != string(second.body) || second.status != 200 {
		t.Errorf("%d store queries for two equal requests", cs.top)
	}
	if r := do(t, "GET", ts.URL+"/api/actors/top", nil, "Accept-Encoding", "gzip"); r.header.Get("Content-Encoding") != "gzip" && len(r.body) > 1400 {
		t.Errorf("gzip answer from a plain cache entry")
	}
	errorOf(t, get(t, ts.URL+"/api/actors/top?role=x"), 400, "role")
	if _, err := st.Write(context.Background(), fixtureRecords(t)[2:]); err != nil {
		t.Fatal(err)
	}
	third := get(t, ts.URL+"/api/actors/top")
	if string(third.body) == string(first.body) || !strings.Contains(string(third.body), "TWNBUS") {
		t.Errorf("stale answer after a write: %s", third.body)
	}
}
