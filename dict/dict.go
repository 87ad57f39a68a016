package dict

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Error is a problem with one line of a data file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ErrorList collects every Error of a load, in file and line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list, else the list itself.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Line is one entry of a data file, with comments and surrounding space
// removed.
type Line struct {
	File string // the file's name as given to Read (e.g. "data/actors/countries.txt")
	Num  int    // 1-based line number
	Text string
}

// Pos is the line's position as file:line, the form rules carry on events.
func (l Line) Pos() string { return fmt.Sprintf("%s:%d", l.File, l.Num) }

// Errorf makes an Error at this line.
func (l Line) Errorf(format string, args ...any) *Error {
	return &Error{File: l.File, Line: l.Num, Msg: fmt.Sprintf(format, args...)}
}

// Fields splits the line on tabs, trimming each field; it is the field
// separator every dyad table uses.
func (l Line) Fields() []string {
	f := strings.Split(l.Text, "\t")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

// Parse reads data from a file named name and calls each for every entry.
// Errors from each (an *Error, an ErrorList, or any other error, which is
// attached to the line) are collected and reading goes on; the result is
// an ErrorList or nil.
func Parse(name string, data []byte, each func(Line) error) error {
	var errs ErrorList
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	num := 0
	for sc.Scan() {
		num++
		raw := sc.Bytes()
		if !utf8.Valid(raw) {
			errs = append(errs, &Error{File: name, Line: num, Msg: "invalid UTF-8"})
			continue
		}
		text := stripComment(string(raw))
		if text == "" {
			continue
		}
		if err := each(Line{File: name, Num: num, Text: text}); err != nil {
			errs = appendErr(errs, name, num, err)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: name, Line: num + 1, Msg: err.Error()})
	}
	return errs.Err()
}

func appendErr(errs ErrorList, name string, num int, err error) ErrorList {
	var one *Error
	var many ErrorList
	switch {
	case errors.As(err, &many):
		return append(errs, many...)
	case errors.As(err, &one):
		return append(errs, one)
	default:
		return append(errs, &Error{File: name, Line: num, Msg: err.Error()})
	}
}

func stripComment(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	t := strings.TrimSpace(s)
	if t == "" || t[0] == '#' {
		return ""
	}
	if i := strings.Index(t, " #"); i >= 0 {
		t = t[:i]
	}
	if i := strings.Index(t, "\t#"); i >= 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// ReadFile reads one file of fsys; prefix is prepended to its name in
// positions (use "data/" for the embedded tables so positions name the
// file in the repository).
func ReadFile(fsys fs.FS, name, prefix string, each func(Line) error) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	return Parse(prefix+name, data, each)
}

// Files lists the files under dir in fsys whose names end in ext, sorted,
// so that loading order never depends on the file system.
func Files(fsys fs.FS, dir, ext string) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	return names, err
}

// ReadDir reads every file under dir ending in ext, in sorted order, and
// collects the errors of all of them.
func ReadDir(fsys fs.FS, dir, ext, prefix string, each func(Line) error) error {
	names, err := Files(fsys, dir, ext)
	if err != nil {
		return err
	}
	var errs ErrorList
	for _, n := range names {
		if err := ReadFile(fsys, n, prefix, each); err != nil {
			var l ErrorList
			if errors.As(err, &l) {
				errs = append(errs, l...)
				continue
			}
			return err
		}
	}
	return errs.Err()
}

// Join makes a position-prefix from a directory, for user dictionaries
// read from disk ("mydict" -> "mydict/").
func Join(dir string) string {
	if dir == "" || dir == "." {
		return ""
	}
	return path.Clean(dir) + "/"
}
