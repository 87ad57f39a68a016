package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

// Named input errors, so callers can count or filter them.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary data, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrNotJSON     = errors.New("not a JSON article")
	ErrNoText      = errors.New("article has neither text nor html")
	ErrUnknownKind = errors.New("unknown file type (want .txt, .jsonl or .html)")
	ErrNotArticle  = errors.New("no article in the page")
)

// Options are the reading settings. The zero value reads as-is.
type Options struct {
	// Published is the date given to articles that carry none (.txt files,
	// stdin text, JSONL lines without "published"), YYYY-MM-DD.
	Published string
	// MaxLine caps a JSONL line; 0 means 64 MiB.
	MaxLine int
}

// Item is one article read, or the error that kept it from being read.
// Source names where it came from: "dir/a.txt" or "feed.jsonl:12".
type Item struct {
	Article dyad.Article
	Source  string
	Err     error
}

// Kind is an input format.
type Kind int

// Input formats.
const (
	KindUnknown Kind = iota
	KindText
	KindJSONL
	KindHTML
)

// KindOf tells the format from a file name's extension.
func KindOf(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return KindText
	case ".jsonl", ".ndjson":
		return KindJSONL
	case ".html", ".htm", ".xhtml":
		return KindHTML
	}
	return KindUnknown
}

// Read reads every path in order ("-" is stdin) and calls emit for each
// article or error. Directories are walked recursively in lexical order,
// taking only files of a known kind. Reading stops early only when emit
// returns an error or ctx is done.
func Read(ctx context.Context, paths []string, stdin io.Reader, opt Options, emit func(Item) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == "-" {
			err = readStdin(stdin, opt, emit)
		} else {
			err = readPath(ctx, p, opt, emit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readPath(ctx context.Context, p string, opt Options, emit func(Item) error) error {
	info, err := os.Stat(p)
	if err != nil {
		return emit(Item{Source: p, Err: err})
	}
	if !info.IsDir() {
		return ReadFile(p, opt, emit)
	}
	var files []string
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, "\x00"+path+"\x00"+err.Error())
			return nil
		}
		if !d.IsDir() && KindOf(path) != KindUnknown {
			files = append(files, path)
		}
		return nil
	})
	if walkErr != nil {
		return emit(Item{Source: p, Err: walkErr})
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(f, "\x00") {
			parts := strings.SplitN(f[1:], "\x00", 2)
			if err := emit(Item{Source: parts[0], Err: errors.New(parts[1])}); err != nil {
				return err
			}
			continue
		}
		if err := ReadFile(f, opt, emit); err != nil {
			return err
		}
	}
	return nil
}

// ReadFile reads one file of a known kind.
func ReadFile(name string, opt Options, emit func(Item) error) error {
	kind := KindOf(name)
	if kind == KindUnknown {
		return emit(Item{Source: name, Err: fmt.Errorf("%s: %w", name, ErrUnknownKind)})
	}
	f, err := os.Open(name)
	if err != nil {
		return emit(Item{Source: name, Err: err})
	}
	defer f.Close()
	return ReadKind(f, kind, name, IDFromPath(name), opt, emit)
}

// ReadKind reads r as the given kind. source names the input in errors;
// id is the article id for .txt and .html input.
func ReadKind(r io.Reader, kind Kind, source, id string, opt Options, emit func(Item) error) error {
	if kind == KindJSONL {
		return readJSONL(r, source, opt, emit)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return emit(Item{Source: source, Err: fmt.Errorf("%s: %w", source, err)})
	}
	a, err := articleFromBytes(data, kind, id, opt)
	if err != nil {
		return emit(Item{Source: source, Err: fmt.Errorf("%s: %w", source, err)})
	}
	return emit(Item{Article: a, Source: source})
}

func readStdin(r io.Reader, opt Options, emit func(Item) error) error {
	br := bufio.NewReader(r)
	head, _ := br.Peek(512)
	return ReadKind(br, sniff(head), "stdin", "stdin", opt, emit)
}

// sniff guesses the kind of unnamed input from its first bytes.
func sniff(head []byte) Kind {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(t) > 0 && t[0] == '{':
		return KindJSONL
	case len(t) > 0 && t[0] == '<':
		return KindHTML
	}
	return KindText
}

// IDFromPath is the article id of a .txt or .html file: its base name
// without extension.
func IDFromPath(p string) string {
	b := filepath.Base(p)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

func articleFromBytes(data []byte, kind Kind, id string, opt Options) (dyad.Article, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkText(data); err != nil {
		return dyad.Article{}, err
	}
	a := dyad.Article{ID: id, Published: opt.Published}
	if kind == KindHTML {
		page, err := ExtractHTML(data)
		if err != nil {
			return dyad.Article{}, err
		}
		if page.NotArticle != "" {
			return dyad.Article{}, fmt.Errorf("%w: %s", ErrNotArticle, page.NotArticle)
		}
		a.HTML = string(data)
		a.Text, a.Title = page.Text, page.Title
		if page.Published != "" {
			a.Published = page.Published // the page's own date beats the default
		}
		a.Outlet, a.URL, a.Language = page.SiteName, page.URL, page.Language
		if strings.TrimSpace(a.Text) == "" {
			return dyad.Article{}, fmt.Errorf("%w: no text found", ErrNotArticle)
		}
		return a, nil
	}
	a.Text = string(data)
	return a, nil
}

// checkText rejects input no article can come from.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if looksBinary(data) {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(data))
	}
	return nil
}

// looksBinary reports a NUL byte or many control characters in the first
// 8 KiB, the way diff and grep tell binary files.
func looksBinary(data []byte) bool {
	n := min(len(data), 8192)
	ctrl := 0
	for _, c := range data[:n] {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > n
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func readJSONL(r io.Reader, source string, opt Options, emit func(Item) error) error {
	maxLine := opt.MaxLine
	if maxLine == 0 {
		maxLine = 64 << 20
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	num, seen := 0, 0
	for sc.Scan() {
		num++
		line := bytes.TrimSpace(sc.Bytes())
		if num == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(line) == 0 {
			continue
		}
		seen++
		src := fmt.Sprintf("%s:%d", source, num)
		a, err := parseArticleLine(line, opt)
		if err != nil {
			if err := emit(Item{Source: src, Err: fmt.Errorf("%s: %w", src, err)}); err != nil {
				return err
			}
			continue
		}
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s-%d", IDFromPath(source), num)
		}
		if err := emit(Item{Article: a, Source: src}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return emit(Item{Source: source, Err: fmt.Errorf("%s:%d: %w", source, num+1, err)})
	}
	if seen == 0 {
		return emit(Item{Source: source, Err: fmt.Errorf("%s: %w", source, ErrEmpty)})
	}
	return nil
}

func parseArticleLine(line []byte, opt Options) (dyad.Article, error) {
	if !utf8.Valid(line) {
		return dyad.Article{}, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(line))
	}
	var a dyad.Article
	if err := json.Unmarshal(line, &a); err != nil {
		return dyad.Article{}, fmt.Errorf("%w: %v", ErrNotJSON, err)
	}
	if a.Published != "" {
		if _, _, err := dyad.ParseDate(a.Published); err != nil {
			return dyad.Article{}, err
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		if strings.TrimSpace(a.HTML) == "" {
			return dyad.Article{}, ErrNoText
		}
		page, err := ExtractHTML([]byte(a.HTML))
		if err != nil {
			return dyad.Article{}, err
		}
		a.Text = page.Text
		if a.Title == "" {
			a.Title = page.Title
		}
		if a.Published == "" {
			a.Published = page.Published
		}
		if a.Outlet == "" {
			a.Outlet = page.SiteName
		}
		if a.URL == "" {
			a.URL = page.URL
		}
		if a.Language == "" {
			a.Language = page.Language
		}
		if page.NotArticle != "" {
			return dyad.Article{}, fmt.Errorf("%w: %s", ErrNotArticle, page.NotArticle)
		}
		if strings.TrimSpace(a.Text) == "" {
			return dyad.Article{}, fmt.Errorf("%w (no text found in html)", ErrNoText)
		}
	}
	if a.Published == "" {
		a.Published = opt.Published
	}
	return a, nil
}
