package petrarch

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/dict"
)

// Line is one line of a dyad actor table (ACTOR-FORMAT):
// CODE <TAB> KIND <TAB> phrase|phrase [<TAB> FROM <TAB> TO].
type Line struct {
	Code    string
	Kind    actor.Kind
	Phrases []string
	// From and To bound the line as YYYYMMDD, inclusive; 0 is open.
	From, To int
	// Comment, when set, is written as a "#" line above the line: where
	// the entry comes from and its codes as PETRARCH wrote them.
	Comment string
	// Src is the source line of each phrase.
	Src []int
}

// String is the line in the table format (without the comment).
func (l Line) String() string {
	s := l.Code + "\t" + l.Kind.String() + "\t" + strings.Join(l.Phrases, "|")
	if l.From != 0 || l.To != 0 {
		s += "\t" + isoDay(l.From) + "\t" + isoDay(l.To)
	}
	return s
}

func isoDay(d int) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// Options steer the conversion of actor dictionaries.
type Options struct {
	// Kind is the dyad kind of every actor entry ("country", "person",
	// …); "" or "auto" chooses one per entry from its code (see the
	// package documentation).
	Kind string
}

// Result is the conversion of one dictionary file.
type Result struct {
	File  string
	Lines []Line
	// Skipped holds every source line not converted (or not wholly), with
	// the reason; Lossy every line converted with a loss, with what was
	// lost. Both in line order.
	Skipped, Lossy dict.ErrorList
	// Read counts the lines that hold something (not comments or blank):
	// Converted of them were converted as they were, LossyLines with a
	// loss, SkippedLines not (a line with any part not converted counts
	// as skipped).
	Read, Converted, LossyLines, SkippedLines int

	state map[int]uint8 // per source line, the worst state
}

// Line states for the accounting; the worst one wins.
const (
	stateOK uint8 = iota
	stateLossy
	stateSkipped
)

// tally keeps a Result's per-line accounting while converting.
type tally struct {
	res *Result
}

func newTally(file string, read int, parseErrs dict.ErrorList) *tally {
	t := &tally{res: &Result{File: file, Read: read, state: map[int]uint8{}}}
	for _, e := range parseErrs {
		t.res.Skipped = append(t.res.Skipped, e)
		t.res.state[e.Line] = stateSkipped
	}
	return t
}

func (t *tally) skip(line int, format string, args ...any) { t.res.skip(line, format, args...) }
func (t *tally) lose(line int, format string, args ...any) { t.res.lose(line, format, args...) }
func (t *tally) done() *Result                             { t.res.count(); return t.res }

// usable reports a phrase dyad's loader would refuse.
func (t *tally) usable(p string, line int) bool {
	if strings.EqualFold(p, "the") {
		t.skip(line, "phrase %q is only an article", p)
		return false
	}
	return true
}

func (r *Result) skip(line int, format string, args ...any) {
	r.Skipped = append(r.Skipped, lineErr(r.File, line, format, args...))
	r.state[line] = stateSkipped
}

func (r *Result) lose(line int, format string, args ...any) {
	r.Lossy = append(r.Lossy, lineErr(r.File, line, format, args...))
	if r.state[line] < stateLossy {
		r.state[line] = stateLossy
	}
}

// count sorts the messages by line and counts the lines by state.
func (r *Result) count() {
	byLine := func(a, b *dict.Error) int { return a.Line - b.Line }
	slices.SortStableFunc(r.Skipped, byLine)
	slices.SortStableFunc(r.Lossy, byLine)
	r.LossyLines, r.SkippedLines = 0, 0
	for _, s := range r.state {
		switch s {
		case stateLossy:
			r.LossyLines++
		case stateSkipped:
			r.SkippedLines++
		}
	}
	r.Converted = r.Read - r.LossyLines - r.SkippedLines
}

// kind is the forced kind, 0 for auto.
func (o Options) kind() (actor.Kind, error) {
	if o.Kind == "" || o.Kind == "auto" {
		return 0, nil
	}
	k, ok := actor.ParseKind(o.Kind)
	if !ok || k == actor.KindAgent {
		return 0, fmt.Errorf("kind %q: want auto or an actor kind (country, adj, capital, metonym, region, org, group, person, media)", o.Kind)
	}
	return k, nil
}

// Check reports options the conversion cannot use.
func (o Options) Check() error {
	_, err := o.kind()
	return err
}

// ConvertActors converts an actor dictionary file.
func ConvertActors(file string, data []byte, opt Options) (*Result, error) {
	forced, err := opt.kind()
	if err != nil {
		return nil, err
	}
	entries, errs, read := parseActors(file, data)
	t := newTally(file, read, errs)
	type conv struct {
		e      *Actor
		kind   actor.Kind
		pieces []piece
	}
	convs := make([]conv, 0, len(entries))
	for i := range entries {
		e := &entries[i]
		pieces := t.pieces(e)
		if len(pieces) == 0 {
			for _, l := range e.lines {
				t.res.state[l] = stateSkipped
			}
			continue
		}
		k := forced
		if k == 0 {
			k = autoKind(e, pieces)
		}
		convs = append(convs, conv{e, k, pieces})
	}
	// Phrases of country entries by code, to tell demonyms ("Israeli")
	// from names.
	names := map[string]bool{}
	for _, c := range convs {
		if c.kind != actor.KindCountry {
			continue
		}
		for _, p := range c.e.Phrases {
			for _, pc := range c.pieces {
				names[pc.code+" "+strings.ToUpper(strings.Join(p.Words, " "))] = true
			}
		}
	}
	for _, c := range convs {
		var main, adj phraseList
		for _, p := range c.e.Phrases {
			if p.Gaps {
				t.lose(p.Line, "phrase %q: PETRARCH lets other words stand between words joined by a space; dyad matches them side by side", strings.Join(p.Words, " "))
			}
			s := nameCase(p.Words)
			if !t.usable(s, p.Line) {
				continue
			}
			if c.kind == actor.KindCountry && isDemonym(p.Words, c.pieces, names) {
				adj.add(s, p.Line)
			} else {
				main.add(s, p.Line)
			}
		}
		comment := entryComment(c.e)
		for _, pc := range c.pieces {
			for _, g := range []struct {
				kind actor.Kind
				pl   phraseList
			}{{c.kind, main}, {actor.KindAdj, adj}} {
				if len(g.pl.phrases) == 0 {
					continue
				}
				t.res.Lines = append(t.res.Lines, Line{Code: pc.code, Kind: g.kind, Phrases: g.pl.phrases, Src: g.pl.src,
					From: pc.from, To: pc.to, Comment: comment})
				comment = ""
			}
		}
	}
	return t.done(), nil
}

// phraseList collects distinct phrases with their source lines.
type phraseList struct {
	phrases []string
	src     []int
}

func (l *phraseList) add(p string, line int) {
	if !slices.Contains(l.phrases, p) {
		l.phrases = append(l.phrases, p)
		l.src = append(l.src, line)
	}
}

// entryComment says where an entry comes from: "PETR.actors.txt:88 GOLLUM
// [HOB <950601] [HOBGOV 19950601-19990815]".
func entryComment(e *Actor) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d %s", e.File, e.Line, strings.Join(e.Phrases[0].Words, "_"))
	for _, c := range e.Codes {
		b.WriteString(" [" + c.Text)
		switch c.Op {
		case '<':
			fmt.Fprintf(&b, " <%d", c.To)
		case '>':
			fmt.Fprintf(&b, " >%d", c.From)
		case '-':
			fmt.Fprintf(&b, " %d-%d", c.From, c.To)
		}
		b.WriteString("]")
	}
	return b.String()
}

// piece is one code on one stretch of days (0 open).
type piece struct {
	code     string
	from, to int
}

// pieces maps an entry's codes to dyad codes on disjoint stretches of
// days, PETRARCH's order of precedence: the first restriction that holds,
// else the default. It reports the codes it cannot use.
func (t *tally) pieces(e *Actor) []piece {
	if len(e.Phrases) == 0 {
		t.skip(e.Line, "entry has no phrase dyad can use")
		return nil
	}
	if len(e.Codes) == 0 {
		t.skip(e.Line, "entry %q has no code", strings.Join(e.Phrases[0].Words, "_"))
		return nil
	}
	type mapped struct {
		c    Code
		code string // "" for the null code
		ok   bool
	}
	ms := make([]mapped, 0, len(e.Codes))
	def := -1
	nulls := 0
	for _, c := range e.Codes {
		m := mapped{c: c}
		if c.Text == "---" {
			m.ok = true
			nulls++
		} else if code, loss, err := mapActorCode(c.Text); err != "" {
			t.skip(c.Line, "%s", err)
		} else {
			if loss != "" {
				t.lose(c.Line, "%s", loss)
			}
			m.code, m.ok = code, true
		}
		if !m.ok {
			continue
		}
		if c.Op == 0 {
			if def >= 0 {
				t.skip(ms[def].c.Line, "default code [%s] replaced by the later default [%s]", ms[def].c.Text, c.Text)
				ms = slices.Delete(ms, def, def+1)
			}
			def = len(ms)
		}
		ms = append(ms, m)
	}
	var out []piece
	var covered []span
	for _, m := range ms {
		if m.c.Op == 0 {
			continue
		}
		s := dateSpan(m.c)
		free := subtract(s, covered)
		covered = union(covered, s)
		if len(free) == 0 {
			continue // earlier restrictions hold on all its dates: PETRARCH never uses it either
		}
		if m.code == "" {
			t.lose(m.c.Line, "null code [---] on these dates: dyad has no uncoded entry and will use the entry's nearest dated code there")
			continue
		}
		for _, f := range free {
			out = append(out, f.piece(m.code))
		}
	}
	if def >= 0 && ms[def].code != "" {
		for _, f := range subtract(span{lo: minDay, hi: maxDay}, covered) {
			out = append(out, f.piece(ms[def].code))
		}
	}
	if len(out) == 0 {
		switch {
		case nulls > 0 && nulls == len(e.Codes):
			t.skip(e.Line, "entry %q has only the null code [---] (known, not coded): dyad has no uncoded entries", strings.Join(e.Phrases[0].Words, "_"))
		default:
			t.skip(e.Line, "entry %q has no code dyad can use", strings.Join(e.Phrases[0].Words, "_"))
		}
		return nil
	}
	slices.SortStableFunc(out, func(a, b piece) int { return a.from - b.from })
	return out
}

// mapActorCode turns a PETRARCH actor code into dyad's: the root and the
// first 3-letter part after it. loss says what was dropped.
func mapActorCode(code string) (out, loss, err string) {
	var losses []string
	if i := strings.IndexByte(code, '/'); i >= 0 {
		losses = append(losses, fmt.Sprintf("code %s names several actors: dyad keeps the first, %s", code, code[:i]))
		code = code[:i]
	}
	if up := strings.ToUpper(code); up != code {
		losses = append(losses, fmt.Sprintf("code %s read in capitals as %s", code, up))
		code = up
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return "", "", fmt.Sprintf("code [%s]: dyad codes are letters A-Z only (PETRARCH's special codes +++, ### and codes with digits have no dyad form)", code)
		}
	}
	if len(code) < 3 {
		return "", "", fmt.Sprintf("code [%s]: want a 3-letter root", code)
	}
	out = code
	if len(code) > 6 {
		out = code[:6]
		losses = append(losses, fmt.Sprintf("code %s: dyad keeps the root and first agent, %s (drops %s)", code, out, code[6:]))
	}
	return out, strings.Join(losses, "; "), ""
}

// autoKind chooses an entry's dyad kind from its codes.
func autoKind(e *Actor, pieces []piece) actor.Kind {
	root := pieces[0].code[:3]
	switch root {
	case "IGO", "NGO", "NGM":
		return actor.KindOrg
	case "IMG":
		return actor.KindGroup
	}
	dated, agent := false, false
	for _, p := range pieces {
		if p.from != 0 || p.to != 0 {
			dated = true
		}
		if len(p.code) >= 6 {
			agent = true
		}
	}
	switch {
	case dated && agent:
		return actor.KindPerson
	case agent:
		return actor.KindGroup
	}
	return actor.KindCountry
}

// isDemonym tells a demonym among a country entry's phrases: its last
// word ends in -IAN(S), -ESE or -ISH ("ITALIAN", "SOUTH_MARCHESIAN",
// "DANISH"), or it is another phrase of the same code plus I, IS, N, NS,
// AN, ANS, ER, ERS or S ("ISRAELI" beside ISRAEL, "NORTHLANDER" beside
// NORTHLAND, "ROHANS" beside ROHAN).
func isDemonym(words []string, pieces []piece, names map[string]bool) bool {
	last := strings.ToUpper(words[len(words)-1])
	for _, suf := range []string{"IAN", "IANS", "ESE", "ISH"} {
		if strings.HasSuffix(last, suf) && len(last) > len(suf)+2 {
			return true
		}
	}
	u := strings.ToUpper(strings.Join(words, " "))
	for _, suf := range []string{"I", "IS", "N", "NS", "AN", "ANS", "ER", "ERS", "S"} {
		base, ok := strings.CutSuffix(u, suf)
		if !ok || len(base) < 3 {
			continue
		}
		for _, p := range pieces {
			if names[p.code+" "+base] {
				return true
			}
		}
	}
	return false
}

// Spans count days from 1970-01-01; minDay and maxDay stand for open ends.
const (
	minDay = math.MinInt32
	maxDay = math.MaxInt32
)

// span is a stretch of days, inclusive.
type span struct{ lo, hi int }

// dateSpan is the stretch of a restriction: '<' to To, '>' from From,
// '-' From to To (dates YYYYMMDD).
func dateSpan(c Code) span {
	s := span{lo: minDay, hi: maxDay}
	switch c.Op {
	case '<':
		s.hi = dayNum(c.To)
	case '>':
		s.lo = dayNum(c.From)
	case '-':
		s.lo, s.hi = dayNum(c.From), dayNum(c.To)
	}
	return s
}

func (s span) piece(code string) piece {
	p := piece{code: code}
	if s.lo != minDay {
		p.from = ymd(s.lo)
	}
	if s.hi != maxDay {
		p.to = ymd(s.hi)
	}
	return p
}

// subtract returns the parts of s that no span of cov (sorted, disjoint)
// holds.
func subtract(s span, cov []span) []span {
	var out []span
	lo := s.lo
	for _, c := range cov {
		if c.hi < lo || c.lo > s.hi {
			continue
		}
		if c.lo > lo {
			out = append(out, span{lo, c.lo - 1})
		}
		if c.hi >= s.hi {
			return out
		}
		lo = c.hi + 1
	}
	return append(out, span{lo, s.hi})
}

// union adds s to cov, keeping it sorted and disjoint.
func union(cov []span, s span) []span {
	all := append(slices.Clone(cov), s)
	slices.SortFunc(all, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	out := all[:1]
	for _, c := range all[1:] {
		last := &out[len(out)-1]
		if last.hi == maxDay || c.lo <= last.hi+1 {
			last.hi = max(last.hi, c.hi)
			continue
		}
		out = append(out, c)
	}
	return out
}

// dayNum turns YYYYMMDD into days since 1970-01-01.
func dayNum(d int) int {
	t := time.Date(d/10000, time.Month(d/100%100), d%100, 0, 0, 0, 0, time.UTC)
	return int(t.Unix() / 86400)
}

// ymd turns a day count back into YYYYMMDD.
func ymd(n int) int {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// dyadAgents are the agent codes dyad's actor tables accept (kind agent;
// TestAgentCodesLoad holds this list to the loader).
var dyadAgents = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true,
	"REB": true, "MED": true, "BUS": true, "CVL": true, "REF": true, "SPY": true,
	"IGO": true, "NGO": true, "ELI": true, "LAB": true, "EDU": true, "HLH": true,
	"CRM": true, "ENV": true, "HRI": true, "DEV": true, "AGR": true, "MNC": true,
	"UAF": true, "INS": true, "RAD": true, "SEP": true, "MOD": true, "PTY": true,
	"CON": true, "IMG": true, "OGO": true, "REL": true, "SET": true,
}

// ConvertAgents converts an agent dictionary file.
func ConvertAgents(file string, data []byte) *Result {
	agents, errs, read := parseAgents(file, data)
	t := newTally(file, read, errs)
	for i := range agents {
		a := &agents[i]
		code, loss, err := mapAgentCode(a.Code, a.Prefix)
		if err != "" {
			t.skip(a.Line, "%s", err)
			continue
		}
		if loss != "" {
			t.lose(a.Line, "%s", loss)
		}
		var pl phraseList
		for _, p := range a.Phrases {
			if p.Gaps {
				t.lose(p.Line, "phrase %q: PETRARCH lets other words stand between words joined by a space; dyad matches them side by side", strings.Join(p.Words, " "))
			}
			if s := agentCase(p.Words); t.usable(s, p.Line) {
				pl.add(s, p.Line)
			}
		}
		if len(pl.phrases) == 0 {
			continue
		}
		marker := "~" + a.Code
		if a.Prefix {
			marker = a.Code + "~"
		}
		t.res.Lines = append(t.res.Lines, Line{
			Code: code, Kind: actor.KindAgent, Phrases: pl.phrases, Src: pl.src,
			Comment: fmt.Sprintf("%s:%d [%s]", a.File, a.Line, marker),
		})
	}
	return t.done()
}

// mapAgentCode keeps the first 3-letter part of a PETRARCH agent code
// that is an agent code dyad knows.
func mapAgentCode(code string, prefix bool) (out, loss, err string) {
	var losses []string
	if up := strings.ToUpper(code); up != code {
		losses = append(losses, fmt.Sprintf("agent code %s read in capitals as %s", code, up))
		code = up
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return "", "", fmt.Sprintf("agent code [%s]: dyad codes are letters A-Z only", code)
		}
	}
	if len(code)%3 != 0 {
		return "", "", fmt.Sprintf("agent code [%s]: want 3-letter parts", code)
	}
	for i := 0; i < len(code); i += 3 {
		if !dyadAgents[code[i:i+3]] {
			continue
		}
		out = code[i : i+3]
		if len(code) > 3 {
			losses = append(losses, fmt.Sprintf("agent code %s: dyad keeps one agent, %s", code, out))
		}
		break
	}
	if out == "" {
		return "", "", fmt.Sprintf("agent code [%s]: no CAMEO agent code dyad knows in it (GOV, MIL, COP, JUD, LEG, OPP, REB, MED, BUS, CVL, REF, SPY, ELI, …)", code)
	}
	if prefix {
		losses = append(losses, fmt.Sprintf("prefix agent [%s~]: dyad writes the agent after the country (XXX%s where PETRARCH writes %sXXX)", code, out, out))
	}
	return out, strings.Join(losses, "; "), ""
}
