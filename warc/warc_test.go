package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/ingest"
)

const pageA = `<!doctype html><html lang="en"><head><title>Truce extended | Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger">
<meta property="article:published_time" content="2024-05-14T09:30:00Z"></head>
<body><nav>Home | World</nav><article><h1>Truce extended</h1>
<p>Negotiators agreed on Tuesday to extend the border truce by ninety days.</p>
<p>Monitors will widen their patrols, the joint statement said.</p></article>
<footer>All rights reserved</footer></body></html>`

const pageB = `<html><head><title>Quake</title><link rel="canonical" href="https://example.org/quake"></head>
<body><main><p>A strong earthquake struck the coast early on Saturday.</p></main></body></html>`

// record builds one WARC record with a correct Content-Length.
func record(version, typ, uri, block string) string {
	return fmt.Sprintf("WARC/%s\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-14T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=%s\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", version, typ, uri, len(uri)*7919+len(block), typ, len(block), block)
}

func response(status, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func readAll(t *testing.T, data []byte) (arts []ingest.Item, errs []string) {
	t.Helper()
	err := Read(bytes.NewReader(data), "crawl.warc", Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			errs = append(errs, it.Err.Error())
		} else {
			arts = append(arts, it)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts, errs
}

func records() []string {
	return []string{
		"WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-05-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000001-0000-4000-8000-000000000000>\r\nContent-Type: application/warc-fields\r\nContent-Length: 18\r\n\r\nsoftware: dyad-ci\r\n\r\n\r\n",
		record("1.1", "request", "https://ledger.example/truce", "GET /truce HTTP/1.1\r\nHost: ledger.example\r\n\r\n"),
		record("1.1", "response", "https://ledger.example/truce", response("200 OK", "text/html; charset=utf-8", pageA)),
		record("1.0", "response", "https://example.org/q", response("200 OK", "text/html", pageB)),
		record("1.1", "response", "https://example.org/missing", response("404 Not Found", "text/html", "<p>gone</p>")),
		record("1.1", "response", "https://example.org/logo.png", response("200 OK", "image/png", "\x89PNG....")),
	}
}

func TestReadPlainAndGzipped(t *testing.T) {
	plain := []byte(strings.Join(records(), ""))
	var zipped []byte
	for _, r := range records() {
		zipped = append(zipped, gz(r)...) // gzip per record
	}
	for name, data := range map[string][]byte{"plain": plain, "gzip": zipped} {
		arts, errs := readAll(t, data)
		if len(errs) != 0 {
			t.Errorf("%s: errors %q", name, errs)
		}
		if len(arts) != 2 {
			t.Fatalf("%s: %d articles, want 2", name, len(arts))
		}
		a := arts[0].Article
		if a.ID != "https://ledger.example/truce" || a.URL != "https://ledger.example/truce" || a.Outlet != "Daily Ledger" ||
			a.Published != "2024-05-14" || a.Language != "en" || !strings.Contains(a.Text, "ninety days") ||
			strings.Contains(a.Text, "rights reserved") {
			t.Errorf("%s: first article %+v", name, a)
		}
		if b := arts[1].Article; b.URL != "https://example.org/quake" || !strings.HasPrefix(b.Text, "A strong earthquake") {
			t.Errorf("%s: second article %+v", name, b)
		}
		if !strings.HasPrefix(arts[0].Source, "crawl.warc@") {
			t.Errorf("%s: source %q", name, arts[0].Source)
		}
	}
}

func TestBadRecordIsSkippedWithOffset(t *testing.T) {
	recs := records()
	good := gz(recs[2])
	// A record whose gzip member is cut short, between two good ones.
	broken := gz(recs[3])
	broken = broken[:len(broken)/2]
	var data []byte
	data = append(data, good...)
	data = append(data, broken...)
	data = append(data, good...)
	arts, errs := readAll(t, data)
	if len(errs) == 0 {
		t.Fatal("no warning for the broken record")
	}
	want := fmt.Sprintf("crawl.warc@%d", len(good))
	if !strings.Contains(errs[0], want) || !strings.Contains(errs[0], "bad WARC record") {
		t.Errorf("warning %q does not name offset %s", errs[0], want)
	}
	if len(arts) != 2 || len(errs) != 1 {
		t.Errorf("%d articles and warnings %q; want both good records and one warning", len(arts), errs)
	}
}

func TestNotWARC(t *testing.T) {
	_, errs := readAll(t, []byte("this is not a web archive at all\n"))
	if len(errs) == 0 {
		t.Error("no warning for a file that is not WARC")
	}
}

func TestReadFileAndIsWARC(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.warc.gz")
	if err := os.WriteFile(p, gz(records()[2]), 0o644); err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := ReadFile(p, Options{}, func(it ingest.Item) error {
		if it.Err == nil {
			n++
		}
		return nil
	}); err != nil || n != 1 {
		t.Errorf("ReadFile: %d articles, %v", n, err)
	}
	for name, want := range map[string]bool{"a.warc": true, "B.WARC.GZ": true, "a.warc.txt": false, "a.gz": false} {
		if IsWARC(name) != want {
			t.Errorf("IsWARC(%q) != %v", name, want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(records()[2]))
	f.Add(gz(records()[3]))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 5\r\n\r\nab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(bytes.NewReader(data), "f.warc", Options{}, func(ingest.Item) error { return nil })
	})
}
