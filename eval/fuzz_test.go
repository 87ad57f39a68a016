package eval

import (
	"strings"
	"testing"
)

// FuzzRead feeds arbitrary text to the three readers and scores whatever
// they accept: nothing may panic, and the counts must stay consistent
// (a gold event found at code level is found at root level, and so on).
func FuzzRead(f *testing.F) {
	f.Add(`{"id": "a", "events": [{"source": "RUS", "target": "UKR", "code": "190", "alt": ["193"], "source_actor": ["RUSMIL"], "required": true}], "quotes": [{"speaker": "Sergei Shoigu", "text": "We are"}]}`,
		`{"article_id": "a", "code": "193", "source": {"country": "RUS", "code": "RUSMIL"}, "target": "UKR"}`,
		`{"article_id": "a", "speaker": {"name": "Shoigu"}, "text": "\u201cWe are ready\u201d", "direct": true}`)
	f.Add(`{"id": 1, "events": [{"source": null, "code": "010", "alt": "01", "source_actor": [5], "required": 0}]}`+"\n\n"+`{"id": "b"}`,
		`{"article_id": 1, "code": 10, "source": "", "target": {"country": 5}}`+"\n"+`{"code": null}`,
		`{"article_id": "1", "speaker": "X", "text": null}`)
	f.Add("[1]\n", "null\n", "{\"direct\": false, \"text\": 5}\n")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, gold, events, quotes string) {
		g, gerr := ReadGold(strings.NewReader(gold), "g")
		e, eerr := ReadEvents(strings.NewReader(events), "e")
		q, qerr := ReadQuotes(strings.NewReader(quotes), "q")
		if gerr != nil || eerr != nil || qerr != nil {
			return
		}
		r := Score(g, e, q)
		if r.Articles != len(g) || r.Quotes == nil || r.Quotes.Found > r.Quotes.Total {
			t.Fatalf("bad report %+v", r)
		}
		for _, l := range r.Levels() {
			if l.Found > l.Required || l.TP+l.FP+l.Ignored > len(e) {
				t.Fatalf("%s: inconsistent counts %+v", l.Name, l)
			}
			if p := l.Precision(); p < 0 || p > 1 {
				t.Fatalf("%s: precision %v", l.Name, p)
			}
		}
		if r.Actor.Found > r.Code.Found || r.Code.Found > r.Root.Found {
			t.Fatalf("found: actor %d > code %d > root %d", r.Actor.Found, r.Code.Found, r.Root.Found)
		}
	})
}
