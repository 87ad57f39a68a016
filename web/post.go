package web

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/dyadproject/dyad/dedup"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/ingest"
	"github.com/dyadproject/dyad/ingest/loader"
)

// authorized checks the bearer token in constant time.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Token == "" {
		writeError(w, r, http.StatusForbidden, "writes_disabled", "this server takes no writes: start dyad serve with --token or DYAD_TOKEN")
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeError(w, r, http.StatusUnauthorized, "unauthorized", "send the server's token as 'Authorization: Bearer TOKEN'")
		return false
	}
	return true
}

type postResult struct {
	ID     string `json:"id"`
	Key    string `json:"key"`
	Status string `json:"status"` // coded, failed, not_english, exact_copy, near_copy, already_stored
	Reason string `json:"reason,omitempty"`
	Events int    `json:"events"`
	Quotes int    `json:"quotes"`
	Href   string `json:"href"` // where to read it
}

// postArticles codes and stores articles sent as one JSON object, an
// array of them, or JSON Lines (FORMATS.md §1). Every article is checked
// before any is coded: one bad article refuses the request.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	if _, err := newParams(r.URL.RawQuery); err != nil {
		s.fail(w, r, err)
		return
	}
	if s.cfg.Coder == nil {
		writeError(w, r, http.StatusNotImplemented, "no_coder", "this server was started without a coder")
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "application/x-ndjson" && mt != "application/jsonl") {
			writeError(w, r, http.StatusUnsupportedMediaType, "unsupported_media_type",
				"send application/json (an article or an array of them) or application/x-ndjson (JSON Lines)")
			return
		}
	}
	if r.ContentLength > s.cfg.MaxBody {
		writeError(w, r, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the body is over %d bytes", s.cfg.MaxBody))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, r, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the body is over %d bytes", s.cfg.MaxBody))
			return
		}
		writeError(w, r, http.StatusBadRequest, "bad_body", "could not read the body: "+err.Error())
		return
	}
	items, err := s.parseArticles(body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	results, err := s.ingest(r.Context(), items)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusOK
	for _, res := range results {
		if res.Status != "already_stored" {
			status = http.StatusCreated
		}
	}
	writeJSON(w, r, status, struct {
		Articles []postResult `json:"articles"`
	}{results})
}

// parseArticles reads the body into articles, through the same checks as
// `dyad ingest` applies to JSON Lines, and requires ids.
func (s *Server) parseArticles(body []byte) ([]ingest.Item, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, &badParam{"body", "empty; send an article as JSON (FORMATS.md §1)"}
	}
	lines := trimmed
	if trimmed[0] == '[' {
		var arr []json.RawMessage
		if err := json.Unmarshal(trimmed, &arr); err != nil {
			return nil, &badParam{"body", "not a JSON array of articles: " + err.Error()}
		}
		var b bytes.Buffer
		for _, raw := range arr {
			if err := json.Compact(&b, raw); err != nil {
				return nil, &badParam{"body", err.Error()}
			}
			b.WriteByte('\n')
		}
		lines = b.Bytes()
	} else if trimmed[0] == '{' && json.Valid(trimmed) {
		var b bytes.Buffer
		json.Compact(&b, trimmed) // one object over several lines
		lines = b.Bytes()
	}
	// ReadKind would name an article without id after its line: refuse it.
	n := 0
	for _, line := range bytes.Split(lines, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var probe struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(line, &probe) == nil && strings.TrimSpace(probe.ID) == "" {
			return nil, &badParam{fmt.Sprintf("articles[%d].id", n), "missing; every article needs its id"}
		}
		n++
	}
	var items []ingest.Item
	err := ingest.ReadKind(bytes.NewReader(lines), ingest.KindJSONL, "body", "", ingest.Options{MaxLine: int(s.cfg.MaxBody) + 1}, func(it ingest.Item) error {
		if it.Err != nil {
			return &badParam{fmt.Sprintf("articles[%d]", len(items)), strings.TrimPrefix(it.Err.Error(), it.Source+": ")}
		}
		if len(items) >= s.cfg.MaxArticles {
			return &badParam{"body", fmt.Sprintf("more than %d articles; send them in several requests", s.cfg.MaxArticles)}
		}
		it.Source = "api"
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return items, nil
}

// ingest codes and stores items as `dyad ingest` does, and says what
// became of each.
func (s *Server) ingest(ctx context.Context, items []ingest.Item) ([]postResult, error) {
	results := make([]postResult, len(items))
	for i, it := range items {
		key := dedup.ArticleKey(it.Article)
		results[i] = postResult{ID: it.Article.ID, Key: key, Href: "/api/articles/" + key}
		known, err := s.cfg.Store.HasArticle(ctx, key)
		if err != nil {
			return nil, err
		}
		if known {
			results[i].Status = "already_stored"
		}
	}
	l, err := loader.New(loader.Config{Store: s.cfg.Store, Hasher: s.hasher, Lang: s.lang})
	if err != nil {
		return nil, err
	}
	run := func(ctx context.Context, src loader.Source, emit func(loader.Coded) error) error {
		return s.cfg.Coder.Run(ctx, s.cfg.Workers, engine.Source(src), func(r engine.Result) error {
			return emit(loader.Coded{Item: r.Item, Doc: r.Doc, Err: r.Err})
		})
	}
	src := func(emit func(ingest.Item) error) error {
		for _, it := range items {
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := l.Load(ctx, run, src); err != nil {
		return nil, err
	}
	for i := range results {
		res := &results[i]
		if res.Status != "" {
			continue
		}
		a, err := s.cfg.Store.Article(ctx, res.Key)
		if err != nil {
			return nil, fmt.Errorf("article %q after storing it: %w", res.ID, err)
		}
		res.Status, res.Reason = string(a.Status), a.Reason
		if a.CopyOf != nil {
			res.Status = "copy"
			res.Reason = "a copy of stored article " + a.Key
		} else {
			res.Events, res.Quotes = len(a.Events), len(a.Quotes)
		}
	}
	return results, nil
}
