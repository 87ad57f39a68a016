package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// ReadList reads a list of feed URLs: an OPML document (the outlines'
// xmlUrl attributes, nested outlines included) or a plain list with one
// URL per line, where blank lines and lines starting with # are skipped.
// name is used in errors, which give the line of a bad entry. URLs are
// returned once each, in file order.
func ReadList(r io.Reader, name string) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	if bytes.HasPrefix(trimmed, []byte("<")) {
		return readOPML(trimmed, name)
	}
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) > 1 {
			return nil, fmt.Errorf("%s:%d: want one URL per line, got %q", name, n, line)
		}
		if err := checkFeedURL(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

type opmlOutline struct {
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Body    []opmlOutline `xml:"body>outline"`
}

func readOPML(data []byte, name string) ([]string, error) {
	var doc opmlDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not an OPML document: %w", name, err)
	}
	var out []string
	seen := map[string]bool{}
	var walk func([]opmlOutline, int) error
	walk = func(os []opmlOutline, depth int) error {
		if depth > 32 {
			return fmt.Errorf("%s: outlines nested too deep", name)
		}
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				if err := checkFeedURL(u); err != nil {
					return fmt.Errorf("%s: outline %q: %v", name, u, err)
				}
				if !seen[u] {
					seen[u] = true
					out = append(out, u)
				}
			}
			if err := walk(o.Outlines, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body, 0); err != nil {
		return nil, err
	}
	return out, nil
}

func checkFeedURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", s)
	}
	return nil
}
