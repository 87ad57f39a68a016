package petrarch

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyadproject/dyad/dict"
)

// srcLine is one line of a PETRARCH file with its comments removed.
type srcLine struct {
	num  int
	text string // trimmed, never empty
}

// readLines cuts data into lines and removes comments: "#" or ";" outside
// brackets and braces to the end of the line, lines starting "<!", and
// <!-- … --> blocks, also over several lines. A line holding ---STOP---
// ends the file. Lines that are not UTF-8 are reported and left out; read
// counts them with the lines returned.
func readLines(file string, data []byte, errs *dict.ErrorList) (out []srcLine, read int) {
	bad := 0
	out = make([]srcLine, 0, bytes.Count(data, []byte{'\n'})+1)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	num := 0
	inComment := false
	for sc.Scan() {
		num++
		raw := sc.Bytes()
		if num == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		}
		if !utf8.Valid(raw) {
			*errs = append(*errs, &dict.Error{File: file, Line: num, Msg: "invalid UTF-8"})
			bad++
			continue
		}
		s := string(raw)
		if inComment {
			end := strings.Index(s, "-->")
			if end < 0 {
				continue
			}
			s = s[end+3:]
			inComment = false
		}
		for {
			open := strings.Index(s, "<!--")
			if open < 0 {
				break
			}
			end := strings.Index(s[open+4:], "-->")
			if end < 0 {
				s = s[:open]
				inComment = true
				break
			}
			s = s[:open] + " " + s[open+4+end+3:]
		}
		t := strings.TrimSpace(cutComment(s))
		if t == "" || strings.HasPrefix(t, "<!") {
			continue
		}
		if strings.Contains(t, "---STOP---") {
			break
		}
		out = append(out, srcLine{num: num, text: t})
	}
	if err := sc.Err(); err != nil {
		*errs = append(*errs, &dict.Error{File: file, Line: num + 1, Msg: err.Error()})
		bad++
	}
	return out, len(out) + bad
}

// cutComment removes a "#" or ";" comment that starts outside brackets
// and braces ("[###]" is a code, not a comment).
func cutComment(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if depth == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// Phrase is one phrase of an entry: its words as written (upper case in
// PETRARCH files), and whether any two of them were joined by a space,
// which in PETRARCH lets other words stand between them.
type Phrase struct {
	Line  int
	Words []string
	Gaps  bool
}

// Code is one bracketed code with its date restriction.
type Code struct {
	Line int
	Text string // as written: "HOBGOV", "---", "ELR/GAL", "pse"
	// Op is 0 for an undated (default) code, '<' (to To), '>' (from From)
	// or '-' (From to To); dates are YYYYMMDD, inclusive.
	Op       byte
	From, To int
}

// Actor is one entry of an actor dictionary: a primary phrase, its
// synonyms and its codes in file order.
type Actor struct {
	File    string
	Line    int
	Phrases []Phrase
	Codes   []Code
	// lines are every source line of the entry, for the accounting.
	lines []int
}

// ParseActors reads an actor dictionary. Lines it cannot read are in the
// error list; the entries read are returned in any case.
func ParseActors(file string, data []byte) ([]Actor, dict.ErrorList) {
	out, errs, _ := parseActors(file, data)
	return out, errs
}

// parseActors is ParseActors that also counts the lines read.
func parseActors(file string, data []byte) ([]Actor, dict.ErrorList, int) {
	var errs dict.ErrorList
	cur := -1
	lines, read := readLines(file, data, &errs)
	out := make([]Actor, 0, len(lines)/2+1)
	for _, l := range lines {
		t := l.text
		switch {
		case t[0] == '<':
			errs = append(errs, lineErr(file, l.num, "unknown directive %q", clip(t)))
			continue
		case t[0] == '+':
			if cur < 0 {
				errs = append(errs, lineErr(file, l.num, "synonym %q before any entry", clip(t)))
				continue
			}
		case t[0] == '[':
			if cur < 0 {
				errs = append(errs, lineErr(file, l.num, "code %q before any entry", clip(t)))
				continue
			}
		default:
			out = append(out, Actor{File: file, Line: l.num})
			cur = len(out) - 1
		}
		e := &out[cur]
		e.lines = append(e.lines, l.num)
		text, codes, bad := splitCodes(t, l.num)
		for _, b := range bad {
			errs = append(errs, lineErr(file, l.num, "%s", b))
		}
		e.Codes = append(e.Codes, codes...)
		text = strings.TrimPrefix(strings.TrimSpace(text), "+")
		text = stripBraces(text)
		if text == "" {
			if t[0] == '+' {
				errs = append(errs, lineErr(file, l.num, "empty synonym"))
			}
			continue
		}
		if t[0] == '[' {
			errs = append(errs, lineErr(file, l.num, "text %q after a code on a code line", clip(text)))
			continue
		}
		p, err := readPhrase(text, l.num)
		if err != "" {
			errs = append(errs, lineErr(file, l.num, "%s", err))
			continue
		}
		e.Phrases = append(e.Phrases, p)
	}
	return out, errs, read
}

// splitCodes takes every [...] out of s: the text left, the codes read
// and the reasons codes could not be read.
func splitCodes(s string, num int) (string, []Code, []string) {
	var codes []Code
	var bad []string
	var rest strings.Builder
	for {
		open := strings.IndexByte(s, '[')
		if open < 0 {
			if strings.IndexByte(s, ']') >= 0 {
				bad = append(bad, "']' without '['")
				s = strings.ReplaceAll(s, "]", "")
			}
			rest.WriteString(s)
			break
		}
		end := strings.IndexByte(s[open:], ']')
		if end < 0 {
			bad = append(bad, fmt.Sprintf("'[' without ']' in %q", clip(s[open:])))
			rest.WriteString(s[:open])
			break
		}
		rest.WriteString(s[:open])
		rest.WriteByte(' ')
		c, err := parseCode(s[open+1:open+end], num)
		if err != "" {
			bad = append(bad, err)
		} else {
			codes = append(codes, c)
		}
		s = s[open+end+1:]
	}
	return rest.String(), codes, bad
}

// parseCode reads the inside of a bracket: "CODE", "CODE <DATE",
// "CODE >DATE" or "CODE DATE-DATE", spaces allowed around the operators.
func parseCode(in string, num int) (Code, string) {
	f := strings.Fields(in)
	if len(f) == 0 {
		return Code{}, "empty code []"
	}
	c := Code{Line: num, Text: f[0]}
	r := strings.Join(f[1:], "")
	if r == "" {
		return c, ""
	}
	bad := func(why string) (Code, string) {
		return Code{}, fmt.Sprintf("code [%s]: %s (want CODE, CODE <DATE, CODE >DATE or CODE DATE-DATE; DATE is YYYYMMDD or YYMMDD)", strings.TrimSpace(in), why)
	}
	var err string
	switch {
	case r[0] == '<':
		c.Op = '<'
		c.To, err = readDate(r[1:])
	case r[0] == '>':
		c.Op = '>'
		c.From, err = readDate(r[1:])
	default:
		a, b, ok := strings.Cut(r, "-")
		if !ok {
			return bad(fmt.Sprintf("cannot read %q", r))
		}
		c.Op = '-'
		if c.From, err = readDate(a); err == "" {
			c.To, err = readDate(b)
		}
		if err == "" && c.To < c.From {
			err = "the range ends before it starts"
		}
	}
	if err != "" {
		return bad(err)
	}
	return c, ""
}

// readDate reads YYYYMMDD or YYMMDD (00-30 are 20YY, the rest 19YY, as
// KEDS, TABARI and PETRARCH read them) and returns YYYYMMDD.
func readDate(s string) (int, string) {
	if len(s) != 6 && len(s) != 8 {
		return 0, fmt.Sprintf("date %q: want 6 or 8 digits", s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Sprintf("date %q: want digits", s)
		}
		n = n*10 + int(s[i]-'0')
	}
	if len(s) == 6 {
		y := n / 10000
		if y <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	y, m, d := n/10000, n/100%100, n%100
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return 0, fmt.Sprintf("date %q: no such date", s)
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return 0, fmt.Sprintf("date %q: no such date", s)
	}
	return n, ""
}

// stripBraces removes {…} from an actor line (TABARI plural or comment
// braces carry nothing dyad uses there).
func stripBraces(s string) string {
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			return strings.TrimSpace(s)
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return strings.TrimSpace(s[:open])
		}
		s = s[:open] + " " + s[open+end+1:]
	}
}

// readPhrase splits a phrase on "_" and spaces. A final "_" (TABARI's
// whole-word mark) means nothing to PETRARCH and is dropped.
func readPhrase(s string, num int) (Phrase, string) {
	p := Phrase{Line: num}
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "|#\t[]{}") {
		return p, fmt.Sprintf("phrase %q: '|', '#', tabs, brackets and braces cannot stand in a dyad phrase", clip(s))
	}
	chunks := strings.Fields(s)
	for _, chunk := range chunks {
		for _, w := range strings.Split(chunk, "_") {
			if w != "" {
				p.Words = append(p.Words, w)
			}
		}
	}
	if len(p.Words) == 0 {
		return p, fmt.Sprintf("phrase %q has no words", clip(s))
	}
	p.Gaps = len(chunks) > 1
	return p, ""
}

// Agent is one entry of an agent dictionary after substitution sets and
// plurals are expanded.
type Agent struct {
	File    string
	Line    int
	Phrases []Phrase // as written, then the plurals and substitutions
	Code    string   // without the '~'
	Prefix  bool     // "CODE~": PETRARCH puts the code before the actor's
}

// ParseAgents reads an agent dictionary. Lines it cannot read are in the
// error list.
func ParseAgents(file string, data []byte) ([]Agent, dict.ErrorList) {
	out, errs, _ := parseAgents(file, data)
	return out, errs
}

// parseAgents is ParseAgents that also counts the lines read.
func parseAgents(file string, data []byte) ([]Agent, dict.ErrorList, int) {
	var errs dict.ErrorList
	var out []Agent
	sets := map[string][]string{}
	inBlock := false
	lines, read := readLines(file, data, &errs)
	for _, l := range lines {
		t := l.text
		if inBlock {
			if strings.HasPrefix(strings.ToLower(t), "</combineblock") {
				inBlock = false
			}
			errs = append(errs, lineErr(file, l.num, "agent combination rule: dyad has none (keeps one agent per role phrase)"))
			continue
		}
		if t[0] == '<' {
			lt := strings.ToLower(t)
			switch {
			case strings.HasPrefix(lt, "<combineblock"):
				inBlock = true
				errs = append(errs, lineErr(file, l.num, "agent combination rule: dyad has none (keeps one agent per role phrase)"))
			case strings.HasPrefix(lt, "<combine"):
				errs = append(errs, lineErr(file, l.num, "agent combination rule: dyad has none (keeps one agent per role phrase)"))
			default:
				errs = append(errs, lineErr(file, l.num, "unknown directive %q", clip(t)))
			}
			continue
		}
		if t[0] == '!' && strings.Contains(t, "=") {
			name, list, _ := strings.Cut(t, "=")
			name = strings.TrimSpace(name)
			if len(name) < 3 || name[len(name)-1] != '!' || strings.Count(name, "!") != 2 {
				errs = append(errs, lineErr(file, l.num, "substitution set %q: want !NAME! = WORD, WORD", clip(t)))
				continue
			}
			var words []string
			for _, w := range strings.Split(list, ",") {
				if w = strings.TrimSpace(w); w != "" {
					words = append(words, w)
				}
			}
			if len(words) == 0 {
				errs = append(errs, lineErr(file, l.num, "substitution set %s is empty", name))
				continue
			}
			sets[name] = words
			continue
		}
		a, err := parseAgent(file, l, sets)
		if err != "" {
			errs = append(errs, lineErr(file, l.num, "%s", err))
			continue
		}
		out = append(out, a)
	}
	return out, errs, read
}

func parseAgent(file string, l srcLine, sets map[string][]string) (Agent, string) {
	a := Agent{File: file, Line: l.num}
	open := strings.IndexByte(l.text, '[')
	if open < 0 {
		return a, "agent without a [code]"
	}
	end := strings.IndexByte(l.text[open:], ']')
	if end < 0 {
		return a, "'[' without ']'"
	}
	if rest := strings.TrimSpace(l.text[open+end+1:]); rest != "" {
		return a, fmt.Sprintf("text %q after the code", clip(rest))
	}
	code := strings.Join(strings.Fields(l.text[open+1:open+end]), "")
	switch {
	case strings.HasPrefix(code, "~") && !strings.HasSuffix(code, "~"):
		a.Code = code[1:]
	case strings.HasSuffix(code, "~") && !strings.HasPrefix(code, "~"):
		a.Code, a.Prefix = code[:len(code)-1], true
	default:
		return a, fmt.Sprintf("agent code [%s]: want [~CODE] or [CODE~]", code)
	}
	if a.Code == "" {
		return a, "empty agent code"
	}
	head := l.text[:open]
	plural, explicit := "", false
	if b := strings.IndexByte(head, '{'); b >= 0 {
		e := strings.IndexByte(head[b:], '}')
		if e < 0 {
			return a, "'{' without '}'"
		}
		if rest := strings.TrimSpace(head[b+e+1:]); rest != "" {
			return a, fmt.Sprintf("text %q after the plural", clip(rest))
		}
		plural, explicit = strings.TrimSpace(head[b+1:b+e]), true
		head = head[:b]
	}
	head = strings.TrimSpace(head)
	if head == "" {
		return a, "agent without a phrase"
	}
	if strings.Contains(head, "!") {
		forms, err := substitute(head, sets)
		if err != "" {
			return a, err
		}
		for _, f := range forms {
			p, err := readPhrase(f, l.num)
			if err != "" {
				return a, err
			}
			a.Phrases = append(a.Phrases, p)
		}
		return a, ""
	}
	p, err := readPhrase(head, l.num)
	if err != "" {
		return a, err
	}
	a.Phrases = append(a.Phrases, p)
	switch {
	case explicit && plural != "":
		pp, err := readPhrase(plural, l.num)
		if err != "" {
			return a, err
		}
		a.Phrases = append(a.Phrases, pp)
	case !explicit:
		pp := p
		pp.Words = append([]string(nil), p.Words...)
		pp.Words[len(pp.Words)-1] = pluralOf(pp.Words[len(pp.Words)-1])
		a.Phrases = append(a.Phrases, pp)
	}
	return a, ""
}

// substitute expands the one !NAME! marker in s with each word of its set.
func substitute(s string, sets map[string][]string) ([]string, string) {
	i := strings.IndexByte(s, '!')
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, fmt.Sprintf("substitution marker in %q has no closing '!'", clip(s))
	}
	name := s[i : i+1+j+1]
	words, ok := sets[name]
	if !ok {
		return nil, fmt.Sprintf("substitution set %s is not defined before its use", name)
	}
	rest := s[i+1+j+1:]
	if strings.Contains(rest, "!") {
		return nil, fmt.Sprintf("%q: one substitution marker per phrase", clip(s))
	}
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, s[:i]+w+rest)
	}
	return out, ""
}

// pluralOf makes the regular plural of an upper- or lower-case word: -ES
// after S, X, CH, SH; -IES after a consonant and Y; else -S. (PETRARCH
// adds -ES after S only and -IES after any Y; the forms it makes beyond
// these never occur in text.)
func pluralOf(w string) string {
	up := strings.ToUpper(w)
	suffix := func(s string) string {
		if up == w {
			return strings.ToUpper(s)
		}
		return s
	}
	switch {
	case strings.HasSuffix(up, "S"), strings.HasSuffix(up, "X"), strings.HasSuffix(up, "CH"), strings.HasSuffix(up, "SH"):
		return w + suffix("es")
	case strings.HasSuffix(up, "Y") && len(up) > 1 && !strings.ContainsRune("AEIOU", rune(up[len(up)-2])):
		return w[:len(w)-1] + suffix("ies")
	}
	return w + suffix("s")
}

func lineErr(file string, num int, format string, args ...any) *dict.Error {
	return &dict.Error{File: file, Line: num, Msg: fmt.Sprintf(format, args...)}
}

// clip shortens s for a message.
func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 57
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
