package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dedup"
	"github.com/dyadproject/dyad/engine"
	"github.com/dyadproject/dyad/ingest/lang"
	"github.com/dyadproject/dyad/ontology"
)

//go:embed openapi.json
var openAPI []byte

//go:embed ui
var uiFS embed.FS

// Config sets up a Server. Store is required; the zero value of every
// other field is a sensible default.
type Config struct {
	Store dyad.Store
	// Annotator finds the sentences and actor mentions the article reader
	// shows; engine.New(engine.Config{Through: "actor"}) fits. Nil shows
	// the stored events and quotes only.
	Annotator *engine.Engine
	// Coder codes articles posted to POST /api/articles (the full
	// pipeline). Nil turns the endpoint off (501).
	Coder *engine.Engine
	// Token is the bearer token POST /api/articles requires; "" refuses
	// every write (403).
	Token string
	// MaxBody caps a request body in bytes; 0 means 8 MiB.
	MaxBody int64
	// MaxArticles caps the articles of one POST; 0 means 100.
	MaxArticles int
	// MaxPage caps the page size of lists; 0 means 500.
	MaxPage int
	// QueryTimeout bounds one request's database work; 0 means 10 s.
	QueryTimeout time.Duration
	// MaxInFlight caps the API requests served at once (the rest wait up
	// to a second, then get 503); 0 means 4 per CPU.
	MaxInFlight int
	// Workers codes posted articles in parallel; 0 means one per CPU.
	Workers int
	Log     *slog.Logger // nil discards
}

// Server is dyad's HTTP API and web UI. It is an http.Handler.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	sem     chan struct{}
	writeMu sync.Mutex // one POST codes and stores at a time
	hasher  *dedup.Hasher
	lang    *lang.Detector
	meta    []byte // GET /api/meta without the counts, built once
	cameo   *ontology.Table
	static  map[string]*asset
	cache   answerCache
}

// asset is an embedded UI file, with its gzipped form and ETag.
type asset struct {
	body, gz []byte
	ctype    string
	etag     string
}

// New makes a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 8 << 20
	}
	if cfg.MaxArticles <= 0 {
		cfg.MaxArticles = 100
	}
	if cfg.MaxPage <= 0 {
		cfg.MaxPage = 500
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 4 * runtime.GOMAXPROCS(0)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), sem: make(chan struct{}, cfg.MaxInFlight), hasher: dedup.New(dedup.Config{}),
		cache: answerCache{max: 512}}
	var err error
	if s.lang, err = lang.New(lang.Config{}); err != nil {
		return nil, err
	}
	if s.cameo, err = ontology.Load(); err != nil {
		return nil, err
	}
	if s.meta, err = buildMeta(s.cameo); err != nil {
		return nil, err
	}
	if err := s.loadAssets(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// NewHTTPServer wraps h in an http.Server whose timeouts and limits keep
// slow or greedy clients from holding the server.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second, // a whole POST body
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
}

func (s *Server) routes() {
	api := func(pattern string, methods map[string]http.HandlerFunc) {
		s.mux.Handle(pattern, s.limit(methodSwitch(methods)))
	}
	api("/api/events", map[string]http.HandlerFunc{"GET": s.listEvents})
	api("/api/events/{id}", map[string]http.HandlerFunc{"GET": s.getEvent})
	api("/api/articles", map[string]http.HandlerFunc{"POST": s.postArticles})
	api("/api/articles/{id}", map[string]http.HandlerFunc{"GET": s.getArticle})
	api("/api/dyads/{a}/{b}/series", map[string]http.HandlerFunc{"GET": s.cached(s.dyadSeries)})
	api("/api/actors/top", map[string]http.HandlerFunc{"GET": s.cached(s.topActors)})
	api("/api/quotes", map[string]http.HandlerFunc{"GET": s.listQuotes})
	api("/api/meta", map[string]http.HandlerFunc{"GET": s.cached(s.getMeta)})
	s.mux.Handle("/api/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path+" (see /openapi.json)")
	}))
	s.mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, r *http.Request) {
		writeBody(w, r, http.StatusOK, "application/json", openAPI)
	})
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, r, http.StatusOK, map[string]bool{"ok": true})
	})
	s.mux.HandleFunc("/", s.serveUI)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	s.mux.ServeHTTP(w, r)
}

// methodSwitch answers a method the route lacks with a JSON 405.
func methodSwitch(m map[string]http.HandlerFunc) http.Handler {
	var allow []string
	for _, k := range []string{"GET", "POST"} {
		if m[k] != nil {
			allow = append(allow, k)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method := r.Method
		if method == http.MethodHead {
			method = http.MethodGet
		}
		if h := m[method]; h != nil {
			h(w, r)
			return
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, r, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here; use "+strings.Join(allow, " or "))
	})
}

// limit bounds the API requests in flight and the time each may take.
func (s *Server) limit(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(time.Second)
		defer t.Stop()
		select {
		case s.sem <- struct{}{}:
		case <-t.C:
			w.Header().Set("Retry-After", "1")
			writeError(w, r, http.StatusServiceUnavailable, "busy", "too many requests at once; retry in a second")
			return
		case <-r.Context().Done():
			return
		}
		defer func() { <-s.sem }()
		timeout := s.cfg.QueryTimeout
		if r.Method == http.MethodPost {
			timeout = 5 * time.Minute // coding a batch takes longer than a query
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (s *Server) loadAssets() error {
	s.static = map[string]*asset{}
	return fs.WalkDir(uiFS, "ui", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(uiFS, p)
		if err != nil {
			return err
		}
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		sum := sha256.Sum256(body)
		a := &asset{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		if compressible(ctype) && len(body) > 1024 {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			zw.Write(body)
			zw.Close()
			a.gz = b.Bytes()
		}
		s.static[strings.TrimPrefix(p, "ui/")] = a
		return nil
	})
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "svg")
}

// serveUI serves the embedded single-page app: its files by name, and
// index.html for every other path (the app routes on the URL fragment).
func (s *Server) serveUI(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	a := s.static[name]
	if a == nil && name != "" {
		if strings.Contains(path.Base(name), ".") {
			http.NotFound(w, r)
			return
		}
	}
	if a == nil {
		a = s.static["index.html"]
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "no-cache") // revalidate: cheap with the ETag
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	if a.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}
