package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPublicAddr(t *testing.T) {
	tests := map[string]bool{
		"8.8.8.8": true, "1.1.1.1": true, "2606:4700::1111": true, "93.184.216.34": true,
		"127.0.0.1": false, "127.8.9.10": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false,
		"172.31.255.255": false, "192.168.1.1": false, "169.254.169.254": false, "0.0.0.0": false,
		"100.64.0.1": false, "fc00::1": false, "fe80::1": false, "::ffff:127.0.0.1": false,
		"::ffff:10.0.0.1": false, "224.0.0.1": false, "255.255.255.255": false, "64:ff9b::a00:1": false,
		"198.18.0.1": false, "::": false,
	}
	for in, want := range tests {
		if got := PublicAddr(netip.MustParseAddr(in)); got != want {
			t.Errorf("PublicAddr(%s) = %v, want %v", in, got, want)
		}
	}
}

func TestFetcherRefusesLoopback(t *testing.T) {
	var hits int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		w.Write([]byte("secret"))
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	f := NewFetcher(FetchConfig{HostInterval: -1, Timeout: 5 * time.Second})
	// By IP and by a name that resolves to loopback: both are refused at
	// dial time, so the server never sees a request.
	for _, u := range []string{srv.URL, "http://localhost" + port + "/x"} {
		_, err := f.Get(context.Background(), u, "", "")
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("Get(%s) err = %v, want ErrPrivateAddress", u, err)
		}
	}
	if hits != 0 {
		t.Errorf("server saw %d requests", hits)
	}
	allowed := NewFetcher(FetchConfig{HostInterval: -1, AllowPrivate: true})
	r, err := allowed.Get(context.Background(), srv.URL, "", "")
	if err != nil || string(r.Body) != "secret" {
		t.Errorf("with AllowPrivate: %v %q", err, r.Body)
	}
	if _, err := f.Get(context.Background(), "file:///etc/passwd", "", ""); !errors.Is(err, ErrNotHTTP) {
		t.Errorf("file URL err = %v", err)
	}
}

func TestFetcherConditionalGet(t *testing.T) {
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agents = append(agents, r.Header.Get("User-Agent"))
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Tue, 12 Mar 2024 06:40:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 12 Mar 2024 06:40:00 GMT")
		w.Write([]byte("body"))
	}))
	defer srv.Close()
	f := NewFetcher(FetchConfig{HostInterval: -1, AllowPrivate: true, UserAgent: "dyad-test/1"})
	ctx := context.Background()
	r, err := f.Get(ctx, srv.URL, "", "")
	if err != nil || r.NotModified || string(r.Body) != "body" || r.ETag != `"v1"` || r.LastModified == "" {
		t.Fatalf("first: %+v %v", r, err)
	}
	r2, err := f.Get(ctx, srv.URL, r.ETag, "")
	if err != nil || !r2.NotModified || len(r2.Body) != 0 || r2.ETag != `"v1"` {
		t.Fatalf("etag: %+v %v", r2, err)
	}
	r3, err := f.Get(ctx, srv.URL, "", r.LastModified)
	if err != nil || !r3.NotModified || r3.LastModified != r.LastModified {
		t.Fatalf("last-modified: %+v %v", r3, err)
	}
	if strings.Join(agents, ",") != "dyad-test/1,dyad-test/1,dyad-test/1" {
		t.Errorf("user agents %v", agents)
	}
}

func TestFetcherLimits(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write([]byte(strings.Repeat("x", 5000)))
		case "/slow":
			time.Sleep(700 * time.Millisecond)
			w.Write([]byte("late"))
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	f := NewFetcher(FetchConfig{HostInterval: -1, AllowPrivate: true, MaxBytes: 1000, Timeout: 200 * time.Millisecond})
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/big", "", ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: %v", err)
	}
	start := time.Now()
	if _, err := f.Get(ctx, srv.URL+"/slow", "", ""); err == nil || time.Since(start) > 600*time.Millisecond {
		t.Errorf("slow: err %v after %v", err, time.Since(start))
	}
	_, err := f.Get(ctx, srv.URL+"/busy", "", "")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 503 || se.RetryAfter != 120*time.Second {
		t.Errorf("busy: %v", err)
	}
}

func TestFetcherSpacesRequestsPerHost(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
	}))
	defer srv.Close()
	f := NewFetcher(FetchConfig{HostInterval: 150 * time.Millisecond, AllowPrivate: true})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { f.Get(context.Background(), srv.URL, "", "") })
	}
	wg.Wait()
	if len(times) != 3 {
		t.Fatalf("%d requests", len(times))
	}
	first, last := times[0], times[0]
	for _, tm := range times {
		if tm.Before(first) {
			first = tm
		}
		if tm.After(last) {
			last = tm
		}
	}
	if gap := last.Sub(first); gap < 290*time.Millisecond {
		t.Errorf("3 requests to one host within %v, want >= 300ms", gap)
	}
}
