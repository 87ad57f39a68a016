package web

import (
	"net/http"
	"sync"
)

// answerCache keeps the answers of the aggregate endpoints (series, top
// actors, counts), which scan many events, until the store's version
// changes.
type answerCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]cachedAnswer
}

type cachedAnswer struct {
	version string
	header  http.Header
	body    []byte
}

func (c *answerCache) get(key, version string) (cachedAnswer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return e, ok && e.version == version
}

func (c *answerCache) put(key string, e cachedAnswer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= c.max {
		c.entries = map[string]cachedAnswer{} // full: start over, simply
	}
	c.entries[key] = e
}

// recorder holds a handler's answer so that it can be cached.
type recorder struct {
	header http.Header
	status int
	body   []byte
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) Write(b []byte) (int, error) { r.body = append(r.body, b...); return len(b), nil }

// cached answers from the cache while the store is unchanged.
func (s *Server) cached(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		version, err := s.cfg.Store.Version(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		gz := "plain"
		if acceptsGzip(r) {
			gz = "gzip"
		}
		key := r.Method + " " + r.URL.Path + "?" + r.URL.RawQuery + " " + gz
		e, ok := s.cache.get(key, version)
		if !ok {
			rec := &recorder{header: http.Header{}, status: http.StatusOK}
			h(rec, r)
			e = cachedAnswer{version: version, header: rec.header, body: rec.body}
			if rec.status != http.StatusOK {
				copyAnswer(w, rec.header, rec.status, rec.body)
				return
			}
			s.cache.put(key, e)
		}
		copyAnswer(w, e.header, http.StatusOK, e.body)
	}
}

func copyAnswer(w http.ResponseWriter, h http.Header, status int, body []byte) {
	for k, v := range h {
		w.Header()[k] = v
	}
	w.WriteHeader(status)
	w.Write(body)
}
