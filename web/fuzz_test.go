package web

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzEventQuery: any query string is either refused with a named
// parameter or read into a query within the documented bounds.
func FuzzEventQuery(f *testing.F) {
	for _, s := range []string{"", "dyad=CHN,RUS&directed=true", "quad=4&from=2023-01-01&to=2023-12-31",
		"code=031&sort=-goldstein&limit=500", "actor=%FF", "q=a+b+c", "limit=0", "dyad=,", "source=chn", "x=1&x=2", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := parseEventQuery(raw, 500)
		if err != nil {
			bp, ok := err.(*badParam)
			if !ok || bp.param == "" || bp.msg == "" {
				t.Fatalf("%q: error %v is not a named bad parameter", raw, err)
			}
			return
		}
		if q.Limit < 1 || q.Limit > 500 || q.Quad < 0 || q.Quad > 4 || (q.DyadA == "") != (q.DyadB == "") {
			t.Fatalf("%q: out of bounds: %+v", raw, q)
		}
		for _, s := range []string{q.Actor, q.Place, q.Text, q.Cursor} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Fatalf("%q: invalid text passed on: %q", raw, s)
			}
		}
		for _, c := range []string{q.Source, q.Target, q.DyadA, q.DyadB} {
			if c != "" && !validCode(c) {
				t.Fatalf("%q: bad code passed on: %q", raw, c)
			}
		}
		if q.From != "" && q.To != "" && q.From > q.To {
			t.Fatalf("%q: from after to", raw)
		}
	})
}

// FuzzParseArticles: a body is refused with a named field, or every
// article read from it has an id and text.
func FuzzParseArticles(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"t"}`, `[{"id":"a","text":"t"},{"id":"b","html":"<p>x</p>"}]`,
		"{\"id\":\"a\",\"text\":\"t\"}\n{\"id\":\"b\",\"text\":\"u\"}", `{"text":"t"}`, `[`, ``, `{"id":"a","published":"x","text":"t"}`, "\xff"} {
		f.Add(s)
	}
	s := &Server{cfg: Config{MaxBody: 1 << 16, MaxArticles: 5}}
	f.Fuzz(func(t *testing.T, body string) {
		items, err := s.parseArticles([]byte(body))
		if err != nil {
			if bp, ok := err.(*badParam); !ok || bp.param == "" {
				t.Fatalf("%q: error %v names no field", body, err)
			}
			return
		}
		if len(items) == 0 || len(items) > 5 {
			t.Fatalf("%q: %d articles", body, len(items))
		}
		for _, it := range items {
			if strings.TrimSpace(it.Article.ID) == "" || strings.TrimSpace(it.Article.Text) == "" {
				t.Fatalf("%q: article without id or text: %+v", body, it.Article)
			}
		}
	})
}
