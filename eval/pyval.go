package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// This file reproduces the few Python behaviours score.py's numbers depend
// on: str() of a JSON value, truthiness, str.isspace, str.split, str.lower
// and the quote folding.

// pyStr is Python's str() of a decoded JSON value: score.py applies it to
// article ids and codes, so 40 reads "40" and null reads "None".
func pyStr(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil && !isNull(raw) {
		return s
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var b strings.Builder
	if err := pyRepr(d, &b); err != nil {
		return string(raw)
	}
	return b.String()
}

// pyRepr writes Python's repr() of the next JSON value of d, keeping the
// key order of objects as Python's dicts do.
func pyRepr(d *json.Decoder, b *strings.Builder) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	switch tok := tok.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		if tok {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case string:
		b.WriteString(pyReprString(tok))
	case json.Number:
		b.WriteString(pyNumber(string(tok)))
	case json.Delim:
		open, end := "[", json.Delim(']')
		if tok == '{' {
			open, end = "{", '}'
		}
		b.WriteString(open)
		for i := 0; d.More(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			if tok == '{' {
				k, err := d.Token()
				if err != nil {
					return err
				}
				b.WriteString(pyReprString(fmt.Sprint(k)) + ": ")
			}
			if err := pyRepr(d, b); err != nil {
				return err
			}
		}
		if _, err := d.Token(); err != nil { // the closing delimiter
			return err
		}
		b.WriteString(string(end))
	}
	return nil
}

// pyNumber formats a JSON number as Python's json module reads it and
// str() prints it: integers exactly, others as float repr.
func pyNumber(s string) string {
	if !strings.ContainsAny(s, ".eE") {
		if n, ok := new(big.Int).SetString(s, 10); ok {
			return n.String()
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(f, 0) {
		return s
	}
	return pyFloat(f)
}

// pyFloat is Python's repr of a float: the shortest round-trip digits,
// positional for 1e-4 <= |f| < 1e16, else scientific.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	a := math.Abs(f)
	if a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func pyReprString(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// truthy is Python's bool() of a decoded JSON value; absent is false.
func truthy(raw json.RawMessage) bool {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return false
	}
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case json.Number:
		f, err := strconv.ParseFloat(string(v), 64)
		return err != nil || f != 0
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// isNull reports an absent or JSON-null value.
func isNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

// pySpace is Python's str.isspace for one character (also what re's \s
// matches in a str pattern): Go's unicode.IsSpace plus the four
// information separators U+001C–U+001F.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyLower is str.lower. Go's simple case mapping differs from Python's
// full mapping only for U+0130 (İ → "i̇"); Python's final-sigma rule is not
// reproduced (a capital sigma ending a word lowercases to σ, not ς).
func pyLower(s string) string {
	if strings.ContainsRune(s, 'İ') {
		s = strings.ReplaceAll(s, "İ", "i\u0307")
	}
	return strings.ToLower(s)
}

// pyStrip is str.strip() with no argument.
func pyStrip(s string) string { return strings.TrimFunc(s, pySpace) }

// fold normalises a quotation as score.py does: curly quotes made
// straight, runs of white space made one space, then trimmed of space,
// of '"' and of space again.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u201c', '\u201d':
			r = '"'
		case '\u2018', '\u2019':
			r = '\''
		}
		if pySpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return pyStrip(strings.Trim(pyStrip(b.String()), `"`))
}

// speller folds British and American spellings in speakers' names, as
// score.py does ("Defence Ministry" matches "Defense").
func speller(s string) string { return strings.ReplaceAll(s, "defence", "defense") }

// surname is the last white-space separated word of a gold speaker,
// lower-cased and spelling-folded.
func surname(speaker string) (string, bool) {
	f := strings.FieldsFunc(speaker, pySpace)
	if len(f) == 0 {
		return "", false
	}
	return speller(pyLower(f[len(f)-1])), true
}

// pyPrefix is Python's s[:n] on a str: the first n code points.
func pyPrefix(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
