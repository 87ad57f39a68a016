package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dyadproject/dyad"
)

// Gold is one annotated article of a gold file (FORMATS.md §4).
type Gold struct {
	// Article is the article as the engine would read it; Article.ID is
	// the id as score.py reads it (str() of the JSON value).
	Article dyad.Article
	Events  []GoldEvent
	Quotes  []GoldQuote
	Pos     string // "gold.jsonl:3"
}

// GoldEvent is one annotated event.
type GoldEvent struct {
	Source, Target string // country or group codes; "" for none
	Code           string // preferred CAMEO code
	Alt            []string
	// SourceActor and TargetActor are the accepted full actor codes; empty
	// means not checked (absent, "" or [] in the file). A gold file may
	// give one code as a string or several as a list.
	SourceActor, TargetActor []string
	Required                 bool // false: neither counted for nor against
	Date, Location, Evidence string
	// unmatchable is set when source or target is not a string (null):
	// score.py then compares a string with None and nothing matches.
	unmatchable bool
}

// Codes are the accepted codes: Code, then Alt.
func (g *GoldEvent) Codes() []string { return append([]string{g.Code}, g.Alt...) }

// GoldQuote is one annotated direct quote; Text is a prefix of it.
type GoldQuote struct {
	Speaker, Text, Via string
}

// Prediction is one coded event as the scorer sees it.
type Prediction struct {
	ArticleID          string
	Source, SourceCode string // source.country, source.code
	Target, TargetCode string
	Code               string
	Evidence           string // the evidence sentence text(s), for listings
	Pos                string // "events.jsonl:12"; "" for engine output
}

// FromEvent makes a Prediction of an engine event.
func FromEvent(e *dyad.Event) Prediction {
	p := Prediction{
		ArticleID: e.ArticleID,
		Source:    e.Source.Country, SourceCode: e.Source.Code,
		Target: e.Target.Country, TargetCode: e.Target.Code,
		Code: e.Code,
	}
	for i, ev := range e.Evidence {
		if i > 0 {
			p.Evidence += " … "
		}
		p.Evidence += ev.Text
	}
	return p
}

// noActor stands in for an actor list whose members are all non-strings.
const noActor = "\x00"

// QuotePrediction is one extracted quote as the scorer sees it.
type QuotePrediction struct {
	ArticleID string
	Speaker   string // speaker.name
	Text      string
	Direct    bool
	Pos       string
}

// FromQuote makes a QuotePrediction of an engine quote.
func FromQuote(q *dyad.Quote) QuotePrediction {
	return QuotePrediction{ArticleID: q.ArticleID, Speaker: q.Speaker.Name, Text: q.Text, Direct: q.Direct}
}

// eachObject calls fn for every non-blank line of r, decoded as a JSON
// object; errors carry name:line.
func eachObject(r io.Reader, name string, fn func(obj map[string]json.RawMessage, pos string) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if s := pyStrip(line); s != "" {
			pos := fmt.Sprintf("%s:%d", name, n)
			var obj map[string]json.RawMessage
			if jerr := json.Unmarshal([]byte(s), &obj); jerr != nil {
				return fmt.Errorf("%s: not JSON: %v", pos, jerr)
			}
			if obj == nil {
				return fmt.Errorf("%s: want a JSON object", pos)
			}
			if ferr := fn(obj, pos); ferr != nil {
				return fmt.Errorf("%s: %w", pos, ferr)
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// str reads an optional string field; absent and null read as def.
func str(obj map[string]json.RawMessage, key, def string) (string, error) {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		return def, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: want a string, got %s", key, raw)
	}
	return s, nil
}

// list reads an optional JSON array field; absent and null read as empty.
func list(obj map[string]json.RawMessage, key string) ([]json.RawMessage, error) {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		return nil, nil
	}
	var l []json.RawMessage
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, fmt.Errorf("%s: want a list, got %.40s", key, raw)
	}
	return l, nil
}

// ReadGold reads a gold file: article JSON Lines with "events" and,
// optionally, "quotes". name is used in error positions.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	var out []Gold
	err := eachObject(r, name, func(obj map[string]json.RawMessage, pos string) error {
		id, ok := obj["id"]
		if !ok {
			return fmt.Errorf("article has no id")
		}
		g := Gold{Pos: pos}
		g.Article.ID = pyStr(id)
		for key, dst := range map[string]*string{
			"url": &g.Article.URL, "title": &g.Article.Title, "outlet": &g.Article.Outlet,
			"published": &g.Article.Published, "text": &g.Article.Text, "html": &g.Article.HTML,
		} {
			*dst, _ = str(obj, key, "") // metadata only; scoring does not read it
		}
		events, err := list(obj, "events")
		if err != nil {
			return err
		}
		for i, raw := range events {
			e, err := readGoldEvent(raw)
			if err != nil {
				return fmt.Errorf("events[%d]: %w", i, err)
			}
			g.Events = append(g.Events, e)
		}
		quotes, err := list(obj, "quotes")
		if err != nil {
			return err
		}
		for i, raw := range quotes {
			q, err := readGoldQuote(raw)
			if err != nil {
				return fmt.Errorf("quotes[%d]: %w", i, err)
			}
			g.Quotes = append(g.Quotes, q)
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

func readGoldEvent(raw json.RawMessage) (GoldEvent, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return GoldEvent{}, fmt.Errorf("want an object")
	}
	var g GoldEvent
	for _, side := range []struct {
		key string
		dst *string
	}{{"source", &g.Source}, {"target", &g.Target}} {
		raw, ok := obj[side.key]
		if !ok {
			continue
		}
		if err := json.Unmarshal(raw, side.dst); err != nil || isNull(raw) {
			g.unmatchable = true
		}
	}
	code, ok := obj["code"]
	if !ok {
		return g, fmt.Errorf("no code")
	}
	if err := json.Unmarshal(code, &g.Code); err != nil || isNull(code) {
		return g, fmt.Errorf("code: want a string, got %s", code)
	}
	if raw, ok := obj["alt"]; ok {
		var s string
		if json.Unmarshal(raw, &s) == nil && !isNull(raw) {
			// list("031") in score.py: the characters.
			for _, r := range s {
				g.Alt = append(g.Alt, string(r))
			}
		} else if err := json.Unmarshal(raw, &g.Alt); err != nil || isNull(raw) {
			return g, fmt.Errorf("alt: want a list of code strings, got %s", raw)
		}
	}
	var err error
	if g.SourceActor, err = actorList(obj, "source_actor"); err != nil {
		return g, err
	}
	if g.TargetActor, err = actorList(obj, "target_actor"); err != nil {
		return g, err
	}
	g.Required = true
	if raw, ok := obj["required"]; ok {
		g.Required = truthy(raw)
	}
	for key, dst := range map[string]*string{"date": &g.Date, "location": &g.Location, "evidence": &g.Evidence} {
		*dst, _ = str(obj, key, "")
	}
	return g, nil
}

// actorList reads source_actor/target_actor: absent, null, "" or [] is
// nil (not checked); a string is a one-code list. A list keeps its string
// members; one with only other values (e.g. [5]) still checks, and nothing
// is "in" it in score.py, so it becomes a code no actor has.
func actorList(obj map[string]json.RawMessage, key string) ([]string, error) {
	raw, ok := obj[key]
	if !ok || isNull(raw) {
		return nil, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return nil, nil
		}
		return []string{s}, nil
	}
	var l []json.RawMessage
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, fmt.Errorf("%s: want a string or a list, got %.40s", key, raw)
	}
	if len(l) == 0 {
		return nil, nil
	}
	var out []string
	for _, m := range l {
		if json.Unmarshal(m, &s) == nil && !isNull(m) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = []string{noActor}
	}
	return out, nil
}

func readGoldQuote(raw json.RawMessage) (GoldQuote, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return GoldQuote{}, fmt.Errorf("want an object")
	}
	var q GoldQuote
	var err error
	if q.Speaker, err = str(obj, "speaker", ""); err != nil {
		return q, err
	}
	if _, ok := surname(q.Speaker); !ok {
		return q, fmt.Errorf("speaker: want a name")
	}
	if _, ok := obj["text"]; !ok {
		return q, fmt.Errorf("no text")
	}
	if q.Text, err = str(obj, "text", ""); err != nil {
		return q, err
	}
	q.Via, _ = str(obj, "via", "")
	return q, nil
}

// ReadEvents reads predicted events (FORMATS.md §2 JSON Lines). Only the
// fields scoring uses are read, as score.py reads them: an actor may be an
// object or a bare country string; a code written as a number is read as
// its Python str().
func ReadEvents(r io.Reader, name string) ([]Prediction, error) {
	out := []Prediction{}
	err := eachObject(r, name, func(obj map[string]json.RawMessage, pos string) error {
		p := Prediction{Pos: pos, ArticleID: "", Code: ""}
		if raw, ok := obj["article_id"]; ok {
			p.ArticleID = pyStr(raw)
		}
		if raw, ok := obj["code"]; ok {
			p.Code = pyStr(raw)
		}
		var err error
		if p.Source, p.SourceCode, err = predActor(obj, "source"); err != nil {
			return err
		}
		if p.Target, p.TargetCode, err = predActor(obj, "target"); err != nil {
			return err
		}
		if ev, _ := list(obj, "evidence"); len(ev) > 0 {
			var texts []string
			for _, raw := range ev {
				var e struct {
					Text string `json:"text"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Text != "" {
					texts = append(texts, e.Text)
				}
			}
			p.Evidence = strings.Join(texts, " … ")
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// predActor is score.py's actor(): a missing or empty actor is ("", ""),
// a string s is (s, s), an object gives its country and code.
func predActor(obj map[string]json.RawMessage, side string) (country, code string, err error) {
	raw, ok := obj[side]
	if !ok || !truthy(raw) {
		return "", "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, s, nil
	}
	var a map[string]json.RawMessage
	if json.Unmarshal(raw, &a) != nil {
		return "", "", fmt.Errorf("%s: want an object or a string, got %.40s", side, raw)
	}
	return actorField(a["country"]), actorField(a["code"]), nil
}

// actorField reads an actor's country or code. A value that is neither
// empty nor a string can equal no gold code; it is kept as a marked copy
// of its JSON so that distinct values stay distinct keys.
func actorField(raw json.RawMessage) string {
	if raw == nil || !truthy(raw) {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return "\x00" + string(raw)
}

// ReadQuotes reads predicted quotes (FORMATS.md §3 JSON Lines). A quote
// without "direct" counts as direct, as in score.py.
func ReadQuotes(r io.Reader, name string) ([]QuotePrediction, error) {
	out := []QuotePrediction{}
	err := eachObject(r, name, func(obj map[string]json.RawMessage, pos string) error {
		q := QuotePrediction{Pos: pos, Direct: true}
		if raw, ok := obj["direct"]; ok {
			q.Direct = truthy(raw)
		}
		if raw, ok := obj["article_id"]; ok {
			q.ArticleID = pyStr(raw)
		}
		if !q.Direct {
			out = append(out, q)
			return nil // score.py reads nothing else of an indirect quote
		}
		if raw, ok := obj["speaker"]; ok && truthy(raw) {
			var sp map[string]json.RawMessage
			if json.Unmarshal(raw, &sp) == nil {
				if n, ok := sp["name"]; ok && !isNull(n) {
					if err := json.Unmarshal(n, &q.Speaker); err != nil {
						return fmt.Errorf("speaker.name: want a string, got %.40s", n)
					}
				}
			} else {
				q.Speaker = pyStr(raw)
			}
		}
		if raw, ok := obj["text"]; ok && truthy(raw) {
			if err := json.Unmarshal(raw, &q.Text); err != nil {
				return fmt.Errorf("text: want a string, got %.40s", raw)
			}
		}
		out = append(out, q)
		return nil
	})
	return out, err
}
