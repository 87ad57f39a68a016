package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func collect(t *testing.T, paths []string, stdin string, opt Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), paths, strings.NewReader(stdin), opt, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return items
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		data    string
		wantErr error
		wantMsg string
	}{
		{"empty.txt", "", ErrEmpty, "empty.txt: empty input"},
		{"blank.txt", " \n\t\n", ErrEmpty, "blank.txt: empty input"},
		{"bin.txt", "abc\x00def", ErrBinary, "bin.txt: binary data, not text"},
		{"latin1.txt", "caf\xe9 au lait", ErrInvalidUTF8, "latin1.txt: invalid UTF-8 at byte 3"},
		{"x.pdf", "%PDF", ErrUnknownKind, "x.pdf: unknown file type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, tc.name, []byte(tc.data))
			items := collect(t, []string{p}, "", Options{})
			if len(items) != 1 {
				t.Fatalf("got %d items", len(items))
			}
			err := items[0].Err
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("message %q does not contain %q", err.Error(), tc.wantMsg)
			}
			if !strings.HasPrefix(err.Error(), p) {
				t.Errorf("message %q does not start with the file name", err.Error())
			}
		})
	}
}

func TestReadJSONLLines(t *testing.T) {
	dir := t.TempDir()
	src := `{"id":"a","text":"One.","published":"2023-11-01"}
not json
{"id":"b","text":""}

{"text":"No id here."}
{"id":"c","text":"Bad date.","published":"01/11/2023"}
{"id":"d","html":"<p>From html.</p>"}
`
	p := writeFile(t, dir, "in.jsonl", []byte(src))
	items := collect(t, []string{p}, "", Options{Published: "2020-01-01"})
	var got []string
	for _, it := range items {
		if it.Err != nil {
			got = append(got, "ERR "+strings.TrimPrefix(it.Err.Error(), dir+"/"))
			continue
		}
		got = append(got, it.Article.ID+"|"+it.Article.Published+"|"+it.Article.Text+"|"+strings.TrimPrefix(it.Source, dir+"/"))
	}
	want := []string{
		"a|2023-11-01|One.|in.jsonl:1",
		"ERR in.jsonl:2: not a JSON article: invalid character 'o' in literal null (expecting 'u')",
		"ERR in.jsonl:3: article has neither text nor html",
		"in-5|2020-01-01|No id here.|in.jsonl:5",
		`ERR in.jsonl:6: published "01/11/2023": want YYYY-MM-DD or RFC 3339`,
		"d|2020-01-01|From html.|in.jsonl:7",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadDirectoryInLexicalOrder(t *testing.T) {
	items := collect(t, []string{"testdata/tree"}, "", Options{Published: "2024-05-05"})
	var got []string
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("unexpected error %v", it.Err)
		}
		got = append(got, it.Source+"="+it.Article.ID+"@"+it.Article.Published)
	}
	want := "testdata/tree/b.txt=b@2024-05-05,testdata/tree/c.jsonl:1=j1@2024-01-02,testdata/tree/sub/a.txt=a@2024-05-05"
	if strings.Join(got, ",") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, ","), want)
	}
}

func TestReadStdinSniffsKind(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Plain text from stdin.\n", "stdin|Plain text from stdin.\n"},
		{"  {\"id\":\"s1\",\"text\":\"JSON on stdin.\"}\n", "s1|JSON on stdin."},
		{"<html><body><p>HTML on stdin.</p></body></html>", "stdin|HTML on stdin."},
	}
	for _, tc := range tests {
		items := collect(t, []string{"-"}, tc.in, Options{})
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%q: items %+v", tc.in, items)
		}
		if got := items[0].Article.ID + "|" + items[0].Article.Text; got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMissingPathIsAnItemError(t *testing.T) {
	items := collect(t, []string{"testdata/does-not-exist.txt", "testdata/tree/b.txt"}, "", Options{})
	if len(items) != 2 || items[0].Err == nil || items[1].Err != nil {
		t.Fatalf("items = %+v", items)
	}
}

func TestExtractHTML(t *testing.T) {
	data, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ExtractHTML(data)
	if err != nil {
		t.Fatal(err)
	}
	want := Page{
		Title:     "Ministers meet in Vientiane",
		Text:      "VIENTIANE, July 27 (Example Wire) - The foreign ministers of the two countries met on Saturday on the sidelines of a regional meeting.\nThey agreed to keep talking, an official said.",
		Published: "2024-07-27",
		SiteName:  "Example Wire",
		URL:       "https://example.org/world/ministers-meet",
		Language:  "en",
	}
	if p != want {
		t.Errorf("got  %+v\nwant %+v", p, want)
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + "junk\n"))
	f.Add([]byte("\xff\n{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = ReadKind(strings.NewReader(string(data)), KindJSONL, "f.jsonl", "f", Options{}, func(it Item) error {
			if it.Err == nil && strings.TrimSpace(it.Article.Text) == "" {
				t.Fatalf("article without text accepted: %+v", it)
			}
			return nil
		})
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte("<html><body><article><p>a</p><p>b</p></article></body></html>"))
	f.Add([]byte("<p>unclosed <b>bold"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":1}],"headline":["x"]}]}</script><p>t`))
	f.Add([]byte(`<div itemscope itemprop="author"><span itemprop="name">A</span></div><time datetime="2024-13-45">x</time>`))
	f.Add([]byte("<title>a | b | c</title><h1>b</h1><p>March 5, 2024</p><p>\xff\x00</p>"))
	if pages, err := filepath.Glob("testdata/html/*.html"); err == nil {
		for _, p := range pages[:3] {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ExtractHTML(data)
		if err != nil {
			return
		}
		if !utf8.ValidString(p.Text) {
			t.Fatalf("invalid UTF-8 in text %q", p.Text)
		}
		if p.Text != "" {
			for _, line := range strings.Split(p.Text, "\n") {
				if line == "" || line != strings.TrimSpace(line) {
					t.Fatalf("empty or untrimmed paragraph %q in %q", line, p.Text)
				}
			}
		}
		if p.Published != "" {
			if _, err := time.Parse("2006-01-02", p.Published); err != nil {
				t.Fatalf("published %q is not YYYY-MM-DD", p.Published)
			}
		}
		if p.NotArticle != "" && p.Text != "" {
			t.Fatalf("NotArticle %q with text", p.NotArticle)
		}
	})
}
