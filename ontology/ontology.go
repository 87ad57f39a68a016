package ontology

import (
	"fmt"
	"io/fs"
	"strconv"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// The embedded tables, relative to data.FS.
const (
	CodesFile  = "cameo/codes.txt"
	PloverFile = "cameo/plover.txt"
)

// Plover is the PLOVER reading of a CAMEO code.
type Plover struct {
	Type    string // event type as the 2021 table names it, e.g. "CONSULT"
	Mode    string // "" when none, e.g. "visit"
	Context string // ';'-separated list, "" when none, e.g. "crime;corruption"
	// Basis says where the mapping comes from: "plover" (a row of the
	// 2021 table), "plover:root", "parent:CODE" (inherited), or
	// "dyad:…" for the roots PLOVER does not code (01, 02).
	Basis string
}

// Code is one CAMEO event code.
type Code struct {
	Code      string  // "0312"
	Label     string  // "Express intent to cooperate militarily"
	Goldstein float64 // -10 … +10
	Quad      int     // QuadClass 1–4
	Root      string  // "03"
	Parent    string  // "031"; "" for a root
	Plover    Plover
	Pos       string // where the code is defined, "data/cameo/codes.txt:12"
}

// Table holds every CAMEO code. It is read-only after Load and safe for
// concurrent use.
type Table struct {
	codes []Code // in codes.txt order (sorted by code)
	// index maps slot(code) to 1+position in codes, 0 for none: a dense
	// array keeps Lookup free of hashing and allocation.
	index [slots]uint16
}

// slots covers every 2-, 3- and 4-digit string: 100 + 1000 + 10000.
const slots = 11100

// slot numbers a code of 2–4 ASCII digits; -1 for anything else.
func slot(c string) int {
	if len(c) < 2 || len(c) > 4 {
		return -1
	}
	v := 0
	for i := 0; i < len(c); i++ {
		d := c[i] - '0'
		if d > 9 {
			return -1
		}
		v = v*10 + int(d)
	}
	switch len(c) {
	case 2:
		return v
	case 3:
		return 100 + v
	}
	return 1100 + v
}

// Load reads the embedded tables.
func Load() (*Table, error) { return LoadFS(data.FS, data.Prefix) }

// LoadFS reads CodesFile and PloverFile from fsys; prefix is put before
// the file names in positions (data.Prefix for the embedded tables).
func LoadFS(fsys fs.FS, prefix string) (*Table, error) {
	codes, err := fs.ReadFile(fsys, CodesFile)
	if err != nil {
		return nil, err
	}
	plover, err := fs.ReadFile(fsys, PloverFile)
	if err != nil {
		return nil, err
	}
	return Parse(prefix+CodesFile, codes, prefix+PloverFile, plover)
}

// Parse builds a table from the text of a codes file and a PLOVER file
// (named for positions). Every bad line is reported, as file:line: reason.
func Parse(codesName string, codes []byte, ploverName string, plover []byte) (*Table, error) {
	t := &Table{}
	var errs dict.ErrorList
	collect := func(err error) {
		if l, ok := err.(dict.ErrorList); ok {
			errs = append(errs, l...)
		} else if err != nil {
			errs = append(errs, &dict.Error{File: codesName, Msg: err.Error()})
		}
	}
	collect(dict.Parse(codesName, codes, t.codeLine))
	lines := make([]int, len(t.codes)) // plover.txt line of each code, 0 = none
	collect(dict.Parse(ploverName, plover, func(l dict.Line) error { return t.ploverLine(l, lines) }))
	for i, c := range t.codes {
		if c.Parent != "" && t.index[slot(c.Parent)] == 0 {
			errs = append(errs, posError(c.Pos, "parent %s of %s is not in the table", c.Parent, c.Code))
		}
		if lines[i] == 0 {
			errs = append(errs, posError(c.Pos, "code %s has no row in %s", c.Code, ploverName))
		}
	}
	if len(t.codes) == 0 && len(errs) == 0 {
		errs = append(errs, &dict.Error{File: codesName, Line: 0, Msg: "no codes"})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

func posError(pos, format string, args ...any) *dict.Error {
	e := &dict.Error{File: pos, Msg: fmt.Sprintf(format, args...)}
	// pos is "file:line"; split it back so the error prints once.
	for i := len(pos) - 1; i >= 0; i-- {
		if pos[i] == ':' {
			if n, err := strconv.Atoi(pos[i+1:]); err == nil {
				e.File, e.Line = pos[:i], n
			}
			break
		}
	}
	return e
}

// codeLine reads "code<TAB>label<TAB>goldstein<TAB>quad[<TAB>basis]".
func (t *Table) codeLine(l dict.Line) error {
	f := l.Fields()
	if len(f) != 4 && len(f) != 5 {
		return l.Errorf("want code, label, Goldstein, QuadClass[, basis]: got %d fields", len(f))
	}
	c := f[0]
	s := slot(c)
	if s < 0 || !validRoot(c) {
		return l.Errorf("bad CAMEO code %q (want 2–4 digits, root 01–20)", c)
	}
	if t.index[s] != 0 {
		return l.Errorf("code %s defined twice (first at %s)", c, t.codes[t.index[s]-1].Pos)
	}
	if f[1] == "" {
		return l.Errorf("code %s has no label", c)
	}
	g, err := strconv.ParseFloat(f[2], 64)
	if err != nil || g < -10 || g > 10 {
		return l.Errorf("code %s: Goldstein %q is not a number in [-10, 10]", c, f[2])
	}
	q, err := strconv.Atoi(f[3])
	if err != nil || q != QuadClass(c) {
		return l.Errorf("code %s: QuadClass %q, want %d for root %s", c, f[3], QuadClass(c), c[:2])
	}
	if len(t.codes) >= 1<<16-1 {
		return l.Errorf("too many codes")
	}
	t.codes = append(t.codes, Code{
		Code: c, Label: f[1], Goldstein: g, Quad: q,
		Root: c[:2], Parent: parentOf(c), Pos: l.Pos(),
	})
	t.index[s] = uint16(len(t.codes))
	return nil
}

// ploverLine reads "code<TAB>type<TAB>mode<TAB>context[<TAB>basis]", "-"
// standing for an empty mode or context.
func (t *Table) ploverLine(l dict.Line, lines []int) error {
	f := l.Fields()
	if len(f) != 4 && len(f) != 5 {
		return l.Errorf("want code, type, mode, context[, basis]: got %d fields", len(f))
	}
	s := slot(f[0])
	if s < 0 || t.index[s] == 0 {
		return l.Errorf("unknown CAMEO code %q", f[0])
	}
	i := int(t.index[s]) - 1
	if lines[i] != 0 {
		return l.Errorf("code %s mapped twice (first at line %d)", f[0], lines[i])
	}
	if !isTypeName(f[1]) {
		return l.Errorf("code %s: bad PLOVER type %q (want upper-case letters)", f[0], f[1])
	}
	p := Plover{Type: f[1], Mode: undash(f[2]), Context: undash(f[3])}
	if len(f) == 5 {
		p.Basis = f[4]
	}
	t.codes[i].Plover = p
	lines[i] = l.Num
	return nil
}

func undash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func isTypeName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && s[i] != '_' {
			return false
		}
	}
	return true
}

func validRoot(c string) bool {
	r := (c[0]-'0')*10 + c[1] - '0'
	return r >= 1 && r <= 20
}

func parentOf(c string) string {
	if len(c) <= 2 {
		return ""
	}
	return c[:len(c)-1]
}

// QuadClass is the QuadClass of a code's root: 01–05 verbal cooperation
// (1), 06–08 material cooperation (2), 09–13 verbal conflict (3), 14–20
// material conflict (4); 0 when code has no valid root.
func QuadClass(code string) int {
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return 0
	}
	switch r := (code[0]-'0')*10 + code[1] - '0'; {
	case r >= 1 && r <= 5:
		return 1
	case r >= 6 && r <= 8:
		return 2
	case r >= 9 && r <= 13:
		return 3
	case r >= 14 && r <= 20:
		return 4
	}
	return 0
}

// IsAncestor reports whether parent is above child in the CAMEO hierarchy
// ("03" and "031" are ancestors of "0312"; "030" is not). Both must be
// codes of 2–4 digits; a code is not its own ancestor.
func IsAncestor(parent, child string) bool {
	return slot(parent) >= 0 && slot(child) >= 0 &&
		len(parent) < len(child) && child[:len(parent)] == parent
}

// Lookup returns the code's entry. It does not allocate.
func (t *Table) Lookup(code string) (Code, bool) {
	s := slot(code)
	if s < 0 || t.index[s] == 0 {
		return Code{}, false
	}
	return t.codes[t.index[s]-1], true
}

// Len is the number of codes.
func (t *Table) Len() int { return len(t.codes) }

// Codes lists every code in code order (a copy).
func (t *Table) Codes() []Code { return append([]Code(nil), t.codes...) }

// Fill sets e's Root, Quad, Goldstein and Plover from e.Code. It reports
// false, leaving e unchanged, when the code is not in the table.
func (t *Table) Fill(e *dyad.Event) bool {
	c, ok := t.Lookup(e.Code)
	if !ok {
		return false
	}
	e.Root, e.Quad, e.Goldstein, e.Plover = c.Root, c.Quad, c.Goldstein, c.Plover.Type
	return true
}
