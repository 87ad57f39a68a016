package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// rawEntry is one entry of a Phoenix (TABARI-format) actor dictionary: a
// primary phrase, its "+" synonyms and the codes of the entry, each
// optionally bounded in time.
type rawEntry struct {
	file  string
	line  int
	names []string // as written, words joined by "_"; primary first
	codes []rawCode
}

// rawCode is one "[CODE date]" of an entry; from and to are YYYY-MM-DD or "".
type rawCode struct {
	code     string
	from, to string
}

// readPhoenix reads a Phoenix actor file. The format: a line starting
// with a letter opens an entry ("NAME_ [CODE]" or "NAME_" alone), "+NAME"
// adds a synonym, an indented line holds codes ("\t[USAGOV 890120-930120]"),
// "#" starts a comment. Codes with bad dates are counted in bad and
// left out; nothing else in the file is an error.
func readPhoenix(r io.Reader, file string) (entries []rawEntry, bad int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	num := 0
	cur := -1
	for sc.Scan() {
		num++
		body := sc.Text()
		if i := strings.IndexByte(body, '#'); i >= 0 {
			body = body[:i]
		}
		body = strings.TrimRight(body, " \t\r")
		if strings.TrimSpace(body) == "" {
			continue
		}
		codes, rest, nbad := extractCodes(body)
		bad += nbad
		switch c := body[0]; {
		case c == '+':
			rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "+"))
			if cur >= 0 {
				e := &entries[cur]
				if rest != "" {
					e.names = append(e.names, rest)
				}
				e.codes = append(e.codes, codes...)
			}
		case c == ' ' || c == '\t':
			// Codes of the current entry; a name written here too is one
			// more synonym.
			if cur >= 0 {
				e := &entries[cur]
				if rest = strings.TrimSpace(rest); rest != "" {
					e.names = append(e.names, rest)
				}
				e.codes = append(e.codes, codes...)
			}
		default:
			rest = strings.TrimSpace(rest)
			if rest == "" {
				cur = -1
				continue
			}
			entries = append(entries, rawEntry{file: file, line: num, names: []string{rest}, codes: codes})
			cur = len(entries) - 1
		}
	}
	if err := sc.Err(); err != nil {
		return nil, bad, fmt.Errorf("%s:%d: %v", file, num+1, err)
	}
	return entries, bad, nil
}

// extractCodes takes every "[...]" out of s: the codes found, the text
// left, and how many codes were malformed.
func extractCodes(s string) ([]rawCode, string, int) {
	var codes []rawCode
	var rest strings.Builder
	bad := 0
	for {
		open := strings.IndexByte(s, '[')
		if open < 0 {
			rest.WriteString(s)
			break
		}
		end := strings.IndexByte(s[open:], ']')
		if end < 0 {
			rest.WriteString(s[:open])
			bad++
			break
		}
		rest.WriteString(s[:open])
		rest.WriteByte(' ')
		inner := strings.TrimSpace(s[open+1 : open+end])
		s = s[open+end+1:]
		if inner == "" || strings.Trim(inner, "-") == "" {
			continue // "[---]": no code
		}
		c, ok := parseCode(inner)
		if !ok {
			bad++
			continue
		}
		codes = append(codes, c)
	}
	return codes, rest.String(), bad
}

// parseCode reads "CODE", "CODE >YYMMDD", "CODE <YYMMDD" or
// "CODE YYMMDD-YYMMDD" (years of 2 or 4 digits).
func parseCode(s string) (rawCode, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 2 || !upperLetters(f[0]) {
		return rawCode{}, false
	}
	c := rawCode{code: f[0]}
	if len(f) == 1 {
		return c, true
	}
	d := f[1]
	var ok bool
	switch {
	case strings.HasPrefix(d, ">"):
		c.from, ok = phoenixDate(d[1:])
	case strings.HasPrefix(d, "<"):
		c.to, ok = phoenixDate(d[1:])
	default:
		a, b, found := strings.Cut(d, "-")
		if !found {
			return rawCode{}, false
		}
		var ok2 bool
		c.from, ok = phoenixDate(a)
		c.to, ok2 = phoenixDate(b)
		ok = ok && ok2 && c.from <= c.to
	}
	return c, ok
}

// phoenixDate turns YYMMDD or YYYYMMDD into YYYY-MM-DD. Two-digit years
// below 30 are 20xx, the others 19xx (the files were compiled in 2014).
func phoenixDate(s string) (string, bool) {
	if (len(s) != 6 && len(s) != 8) || !digits(s) {
		return "", false
	}
	var y int
	if len(s) == 6 {
		y, _ = strconv.Atoi(s[:2])
		if y < 30 {
			y += 2000
		} else {
			y += 1900
		}
		s = s[2:]
	} else {
		y, _ = strconv.Atoi(s[:4])
		s = s[4:]
	}
	m, _ := strconv.Atoi(s[:2])
	d, _ := strconv.Atoi(s[2:])
	if m < 1 || m > 12 || d < 1 || d > monthDays[m] || y < 1800 {
		return "", false
	}
	if m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func upperLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}
