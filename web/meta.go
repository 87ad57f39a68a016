package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
	"github.com/dyadproject/dyad/ontology"
)

// meta is what the UI needs to label codes: CAMEO codes, QuadClasses and
// country names, from the embedded tables.
type meta struct {
	Quads     []string          `json:"quads"`
	Codes     []codeJSON        `json:"codes"`
	Plover    []string          `json:"plover"`
	Countries map[string]string `json:"countries"`
}

type codeJSON struct {
	Code      string  `json:"code"`
	Label     string  `json:"label"`
	Quad      int     `json:"quad"`
	Goldstein float64 `json:"goldstein"`
	Plover    string  `json:"plover"`
}

func buildMeta(t *ontology.Table) ([]byte, error) {
	m := meta{
		Quads:     []string{"Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"},
		Codes:     []codeJSON{},
		Countries: map[string]string{},
	}
	seen := map[string]bool{}
	for _, c := range t.Codes() {
		m.Codes = append(m.Codes, codeJSON{c.Code, c.Label, c.Quad, c.Goldstein, c.Plover.Type})
		if p := c.Plover.Type; p != "" && !seen[p] {
			seen[p] = true
			m.Plover = append(m.Plover, p)
		}
	}
	sortStrings(m.Plover)
	// The first phrase of a country, region or group line is its name.
	for _, file := range []string{"actors/countries.txt", "actors/regions.txt"} {
		err := dict.ReadFile(data.FS, file, data.Prefix, func(l dict.Line) error {
			f := l.Fields()
			if len(f) < 3 || (f[1] != "country" && f[1] != "region") {
				return nil
			}
			if _, ok := m.Countries[f[0]]; !ok {
				name, _, _ := strings.Cut(f[2], "|")
				m.Countries[f[0]] = name
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return json.Marshal(m)
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// getMeta answers the code tables and the store's counts.
func (s *Server) getMeta(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.RawQuery); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.cfg.Store.Counts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	counts, _ := json.Marshal(map[string]int{"articles": c.Articles, "stories": c.Stories, "coded": c.Coded,
		"events": c.Events, "event_reports": c.EventMentions, "quotes": c.Quotes})
	body := append([]byte(`{"counts":`), counts...)
	body = append(body, ',')
	body = append(body, s.meta[1:]...)
	writeBody(w, r, http.StatusOK, "application/json; charset=utf-8", append(body, '\n'))
}
