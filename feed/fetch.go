package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// DefaultUserAgent names dyad to the sites it fetches from.
const DefaultUserAgent = "dyad-feed/1 (political event coder; +https://github.com/dyadproject/dyad)"

// Fetch errors, so callers can tell them apart.
var (
	ErrPrivateAddress = errors.New("refusing a private, loopback or reserved address (use --allow-private to permit)")
	ErrTooLarge       = errors.New("response larger than the size cap")
	ErrNotHTTP        = errors.New("only http and https URLs are fetched")
)

// StatusError is a response whose status is neither 2xx nor 304.
type StatusError struct {
	URL        string
	Code       int
	RetryAfter time.Duration // from a Retry-After header, 0 when absent
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// FetchConfig sets a Fetcher; the zero value is a polite default.
type FetchConfig struct {
	UserAgent string        // "" means DefaultUserAgent
	Timeout   time.Duration // whole request, body included; 0 means 30s
	MaxBytes  int64         // body size cap; 0 means 8 MiB
	// HostInterval is the least time between two requests to one host;
	// 0 means 2s, a negative value means no wait (tests).
	HostInterval time.Duration
	// AllowPrivate permits loopback, private, link-local and other
	// non-public addresses (a local test server, an intranet feed).
	AllowPrivate bool
	// MaxRedirects caps redirects followed; 0 means 5.
	MaxRedirects int
}

// Fetcher makes polite HTTP GETs: one User-Agent, a timeout, a size cap,
// a least interval per host, conditional requests, and no connection to a
// non-public address unless allowed. The address is checked on the IP the
// dialer is about to connect to, after name resolution and on every
// redirect, so a host name that resolves to 127.0.0.1 is refused too. It
// is safe for concurrent use.
type Fetcher struct {
	cfg    FetchConfig
	client *http.Client

	mu   sync.Mutex
	next map[string]time.Time // host -> earliest time of its next request
}

// NewFetcher makes a Fetcher.
func NewFetcher(cfg FetchConfig) *Fetcher {
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = 8 << 20
	}
	if cfg.HostInterval == 0 {
		cfg.HostInterval = 2 * time.Second
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = 5
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			return checkDialAddress(address)
		}
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and bypass the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
	}
	f := &Fetcher{cfg: cfg, next: map[string]time.Time{}}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("more than %d redirects", cfg.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return ErrNotHTTP
			}
			return f.wait(req.Context(), req.URL.Host)
		},
	}
	return f
}

// checkDialAddress refuses an IP address that is not public.
func checkDialAddress(address string) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	if !PublicAddr(ip) {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	return nil
}

// reserved are the ranges, beyond what netip classifies, that are not
// reachable public hosts.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"), // NAT64 can reach private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("2002::/16"), // 6to4 embeds any IPv4
}

// PublicAddr reports whether ip is a public unicast address.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsMulticast() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range reserved {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// Response is a fetched resource.
type Response struct {
	URL          string // after redirects
	Status       int
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	NotModified  bool // 304: the validators still hold
}

// Get fetches rawURL. etag and lastModified, when set, make the request
// conditional; a 304 answer comes back with NotModified and no body.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Response{}, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return Response{}, fmt.Errorf("%s: %w", rawURL, ErrNotHTTP)
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return Response{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, err
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/html;q=0.9, application/xml;q=0.8, */*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	r := Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		r.NotModified = true
		if r.ETag == "" {
			r.ETag = etag
		}
		if r.LastModified == "" {
			r.LastModified = lastModified
		}
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return r, &StatusError{URL: rawURL, Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	}
	if resp.ContentLength > f.cfg.MaxBytes {
		return r, fmt.Errorf("%s: %w (%d > %d bytes)", rawURL, ErrTooLarge, resp.ContentLength, f.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return r, fmt.Errorf("%s: reading body: %w", rawURL, err)
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return r, fmt.Errorf("%s: %w (more than %d bytes)", rawURL, ErrTooLarge, f.cfg.MaxBytes)
	}
	r.Body = body
	return r, nil
}

// wait blocks until host may be asked again, and books the next slot.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	if f.cfg.HostInterval < 0 {
		return nil
	}
	host = strings.ToLower(host)
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.cfg.HostInterval)
	f.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}
