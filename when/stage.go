package when

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/dyadproject/dyad"
)

// Config configures the stage. The zero value is the default.
type Config struct {
	// DayOnly leaves Date empty when the text gives no day ("in July",
	// "last week"), keeping the precision: the dev gold's convention.
	// By default such events get the first day of the week (Monday),
	// month or year.
	DayOnly bool
}

// Stage is the "when" pipeline stage: it dates each event on the Doc.
// It is safe for concurrent use on different Docs.
type Stage struct {
	dayOnly bool
	pool    sync.Pool // *Scanner
}

// New makes the stage.
func New(c Config) *Stage {
	return &Stage{dayOnly: c.DayOnly, pool: sync.Pool{New: func() any { return new(Scanner) }}}
}

// Name is the stage name.
func (s *Stage) Name() string { return "when" }

// The notes the stage adds to Doc.Notes.
const (
	noteDateline   = "when: relative dates are anchored at the dateline's %s (published %s)"
	noteFromText   = "when: no publication date: dated %s from the dateline, its year from %q"
	noteFromYear   = "when: no publication date: dated %s from the dateline"
	noteNoYear     = "when: no publication date and the dateline (%s) gives no year: relative dates stay unresolved"
	datelineBefore = 7 // days a dateline may precede the publication date and still anchor
	datelineAfter  = 1 // days it may follow it (time zones)
	yearWindow     = 92
)

// Process sets Date and DatePrecision on every event of d (see the
// package documentation for the rules). When d has no publication date
// and the text opens with a dated dateline whose year can be told, it
// sets d.Published to that day and says so in d.Notes.
func (s *Stage) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sc := s.pool.Get().(*Scanner)
	defer s.pool.Put(sc)
	p := proc{d: d, sc: sc, dayOnly: s.dayOnly}
	p.setAnchor()
	if len(d.Events) == 0 {
		return nil
	}
	p.span = make([][2]int32, len(d.Sentences))
	for i := range d.Events {
		ev := &d.Events[i]
		ev.Date, ev.DatePrecision = p.eventDate(ev)
	}
	return nil
}

// proc is the state of one Process call.
type proc struct {
	d       *dyad.Doc
	dayOnly bool
	sc      *Scanner
	anchor  time.Time // day relative dates count from; zero when none
	dl      Dateline  // spans in d.Text; End == 0 when there is none
	// all holds the expressions of the sentences read so far; span[i]
	// is sentence i's range in it plus one (zero: not read yet).
	all  []sexpr
	span [][2]int32
	buf  []Expr
}

// setAnchor finds the dateline and chooses the anchor day.
func (p *proc) setAnchor() {
	d := p.d
	p.dl = Dateline{}
	// the dateline opens the first line, or the second after a headline
	for i, sn := range d.Sentences {
		if sn.Paragraph > 1 || i > 1 {
			break
		}
		if i == 1 && sn.Paragraph == 0 {
			continue
		}
		if dl, ok := FindDateline(d.Text[sn.Start:sn.End]); ok {
			dl.Start, dl.End = dl.Start+sn.Start, dl.End+sn.Start
			dl.DateStart, dl.DateEnd = dl.DateStart+sn.Start, dl.DateEnd+sn.Start
			p.dl = dl
			break
		}
	}
	dated := p.dl.Month != 0
	if !d.Published.IsZero() {
		pub := day(d.Published)
		p.anchor = pub
		if !dated {
			return
		}
		c, ok := p.datelineNear(pub)
		if ok && !c.Equal(pub) {
			p.anchor = c
			d.Notes = append(d.Notes, fmt.Sprintf(noteDateline, c.Format("2006-01-02"), pub.Format("2006-01-02")))
		}
		return
	}
	if !dated {
		return
	}
	dlText := d.Text[p.dl.DateStart:p.dl.DateEnd]
	if p.dl.Year != 0 {
		p.anchor = civil(p.dl.Year, p.dl.Month, p.dl.Day)
		d.Published = p.anchor
		d.Notes = append(d.Notes, fmt.Sprintf(noteFromYear, p.anchor.Format("2006-01-02")))
		return
	}
	a, from := p.yearFromText()
	if a.IsZero() {
		d.Notes = append(d.Notes, fmt.Sprintf(noteNoYear, dlText))
		return
	}
	p.anchor = a
	d.Published = a
	d.Notes = append(d.Notes, fmt.Sprintf(noteFromText, a.Format("2006-01-02"), from))
}

// datelineNear puts the dateline's month and day in the year that brings
// it nearest pub, and accepts it when it lies from datelineBefore days
// before pub to datelineAfter days after.
func (p *proc) datelineNear(pub time.Time) (time.Time, bool) {
	years := []int{pub.Year() - 1, pub.Year(), pub.Year() + 1}
	if p.dl.Year != 0 {
		years = []int{p.dl.Year}
	}
	for _, y := range years {
		if !validYMD(y, p.dl.Month, p.dl.Day) {
			continue
		}
		c := civil(y, p.dl.Month, p.dl.Day)
		days := int(c.Sub(pub).Hours() / 24)
		if days >= -datelineBefore && days <= datelineAfter {
			return c, true
		}
	}
	return time.Time{}, false
}

// yearFromText dates an undated dateline ("TOKYO, Jan 9 (IANS) -") by the
// written dates of the text: the year that puts the dateline's day
// nearest a date with a year ("January 5, 2024", "December 2023"),
// within yearWindow days. It returns the day and the date it used.
func (p *proc) yearFromText() (time.Time, string) {
	d := p.d
	var best time.Time
	bestDist, from := 0, ""
	var buf []Expr
	for i := range d.Sentences {
		sn := d.Sentences[i]
		buf = p.sc.Append(buf[:0], d.Text[sn.Start:sn.End], sn.Start, time.Time{})
		for _, e := range buf {
			if !e.Resolved() || e.Kind != KindDate && e.Kind != KindMonth || e.Start < p.dl.End && e.End > p.dl.Start {
				continue
			}
			ref := e.Date
			if e.Kind == KindMonth {
				ref = ref.AddDate(0, 0, 14)
			}
			for _, y := range [...]int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
				if !validYMD(y, p.dl.Month, p.dl.Day) {
					continue
				}
				c := civil(y, p.dl.Month, p.dl.Day)
				dist := absInt(int(c.Sub(ref).Hours() / 24))
				if dist <= yearWindow && (best.IsZero() || dist < bestDist) {
					best, bestDist, from = c, dist, d.Text[e.Start:e.End]
				}
			}
		}
	}
	return best, from
}

// sexpr is an expression of a sentence; report is set when it dates a
// news report ("…, Xinhua reported on Wednesday").
type sexpr struct {
	Expr
	report bool
}

// sentence returns the expressions of sentence i, without the dateline's.
func (p *proc) sentence(i int) []sexpr {
	if sp := p.span[i]; sp[1] > 0 {
		return p.all[sp[0] : sp[1]-1]
	}
	sn := p.d.Sentences[i]
	start := len(p.all)
	p.buf = p.sc.Append(p.buf[:0], p.d.Text[sn.Start:sn.End], sn.Start, p.anchor)
	for _, e := range p.buf {
		if p.dl.End > 0 && e.Start < p.dl.End && e.End > p.dl.Start {
			continue
		}
		p.all = append(p.all, sexpr{e, reportDate(p.d.Text[sn.Start:e.Start])})
	}
	p.span[i] = [2]int32{int32(start), int32(len(p.all)) + 1}
	return p.all[start:len(p.all):len(p.all)]
}

// reportDate reports whether the text before an expression ends in
// "reported": "…, Xinhua reported on Wednesday" dates the report, which
// dates what it reports unless that is told as background.
func reportDate(before string) bool {
	i := len(before)
	for i > 0 && (before[i-1] == ' ' || before[i-1] == '\t') {
		i--
	}
	const w = "reported"
	return i >= len(w) && before[i-len(w):i] == w && (i == len(w) || before[i-len(w)-1] == ' ')
}

// eventDate dates one event: of the expressions in its evidence
// sentences, the one nearest the event's actors (the first sentence wins
// a tie); with none, the anchor day unless the event is told as
// background; unresolved without an anchor.
func (p *proc) eventDate(ev *dyad.Event) (string, string) {
	var best sexpr
	bestD, found := 0, false
	for _, evd := range ev.Evidence {
		si := evd.Sentence
		if si < 0 || si >= len(p.d.Sentences) {
			continue
		}
		lo, hi := p.find(si, ev).region()
		e, dist, ok := p.nearest(p.sentence(si), lo, hi)
		if ok && (!found || dist < bestD) {
			best, bestD, found = e, dist, true
		}
	}
	switch {
	case found && best.report && p.background(ev):
		// "China has said it is ready…, Xinhua reported on Wednesday"
		return "", dyad.PrecisionUnresolved
	case found && best.Resolved():
		if p.dayOnly && best.Precision != dyad.PrecisionDay {
			return "", best.Precision
		}
		return best.DateString(), best.Precision
	case found || p.anchor.IsZero():
		return "", dyad.PrecisionUnresolved
	case len(ev.Evidence) > 0 && p.background(ev):
		return "", dyad.PrecisionUnresolved
	}
	return p.anchor.Format("2006-01-02"), dyad.PrecisionDay
}

// actors are the spans of an event's source and target mentions in one
// sentence; -1 when not found.
type actors struct{ srcS, srcE, tgtS, tgtE int }

// find locates the event's actor mentions in sentence si: of the
// mentions with the source's text and those with the target's, the pair
// that lies closest together; a lone actor's first mention otherwise.
func (p *proc) find(si int, ev *dyad.Event) actors {
	a := actors{-1, -1, -1, -1}
	ms := p.mentions(si)
	best := -1
	for _, m := range ms {
		if ev.Source.Text == "" || p.d.Text[m.Start:m.End] != ev.Source.Text {
			continue
		}
		if a.srcS < 0 {
			a.srcS, a.srcE = m.Start, m.End
		}
		for _, n := range ms {
			if n.Start == m.Start || ev.Target.Text == "" || p.d.Text[n.Start:n.End] != ev.Target.Text {
				continue
			}
			gap := n.Start - m.End
			if n.Start < m.Start {
				gap = m.Start - n.End
			}
			if best < 0 || gap < best {
				best = gap
				a = actors{m.Start, m.End, n.Start, n.End}
			}
		}
	}
	if a.tgtS < 0 && a.srcS < 0 {
		for _, n := range ms {
			if ev.Target.Text != "" && p.d.Text[n.Start:n.End] == ev.Target.Text {
				a.tgtS, a.tgtE = n.Start, n.End
				break
			}
		}
	}
	return a
}

// region is the byte range the actors cover, or -1, -1.
func (a actors) region() (int, int) {
	lo, hi := a.srcS, a.srcE
	if a.tgtS >= 0 && (lo < 0 || a.tgtS < lo) {
		lo = a.tgtS
	}
	if a.tgtE > hi {
		hi = a.tgtE
	}
	return lo, hi
}

// mentions returns the mentions of sentence si (Doc.Mentions is in text
// order).
func (p *proc) mentions(si int) []dyad.Mention {
	ms := p.d.Mentions
	lo := 0
	hi := len(ms)
	for lo < hi {
		mid := (lo + hi) / 2
		if ms[mid].Sentence < si {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	end := lo
	for end < len(ms) && ms[end].Sentence == si {
		end++
	}
	return ms[lo:end]
}

// nearest picks the expression that dates an action found at bytes
// [lo, hi) and its distance from it: bounds ("since 2013", "until
// Friday") never do, nor expressions in another coordinated clause
// ("…declared him persona non grata, and on Friday Mexico complained");
// of the rest, the one nearest the range, resolved before unresolved,
// earlier first. With no range the first one wins.
func (p *proc) nearest(es []sexpr, lo, hi int) (sexpr, int, bool) {
	best, bestD, found := sexpr{}, 0, false
	for _, e := range es {
		if e.Bound {
			continue
		}
		dist := 0
		if lo >= 0 {
			switch {
			case e.End <= lo:
				dist = lo - e.End
				if clauseBreak(p.d.Text[e.End:lo]) {
					continue
				}
			case e.Start >= hi:
				dist = e.Start - hi
				if clauseBreak(p.d.Text[hi:e.Start]) {
					continue
				}
			}
		}
		if !found || dist < bestD || dist == bestD && e.Resolved() && !best.Resolved() {
			best, bestD, found = e, dist, true
		}
	}
	return best, bestD, found
}

// clauseBreak reports whether text between an event's actors and a time
// expression holds the joint of two coordinated clauses: ", and ",
// ", but ", ", while ", ", whereas " or a semicolon.
func clauseBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';':
			return true
		case ',':
			r := s[i+1:]
			for _, w := range [...]string{" and ", " but ", " while ", " whereas "} {
				if len(r) >= len(w) && r[:len(w)] == w {
					return true
				}
			}
		}
	}
	return false
}

// background reports whether the event's verb says the action came
// before the news and on no day the text gives: a present perfect ("have
// recalled their ambassadors", "has denied responsibility") or a past
// perfect with earlier, previously, already or once ("had earlier
// condemned"). The verb is the first verb group after the earlier of the
// event's two actor mentions, else the sentence's first.
func (p *proc) background(ev *dyad.Event) bool {
	si := ev.Evidence[0].Sentence
	if si < 0 || si >= len(p.d.Sentences) {
		return false
	}
	a := p.find(si, ev)
	from := p.d.Sentences[si].Start
	switch {
	case a.srcS >= 0 && (a.tgtS < 0 || a.srcS <= a.tgtS):
		from = a.srcE
	case a.tgtS >= 0:
		from = a.tgtE
	}
	g, ok := p.verbGroup(si, from)
	if !ok && from != p.d.Sentences[si].Start {
		g, ok = p.verbGroup(si, p.d.Sentences[si].Start)
	}
	if !ok || !g.perfect {
		return false
	}
	if g.have == "had" || g.have == "'d" {
		return g.earlier
	}
	return true
}

// group is what background needs to know of a verb group.
type group struct {
	perfect bool   // a form of have, then a past participle
	have    string // that form
	earlier bool   // earlier, previously, already or once inside it
}

// verbGroup reads the first verb group of sentence si that starts at or
// after byte from: modals, verbs, adverbs and negation.
func (p *proc) verbGroup(si, from int) (group, bool) {
	toks := p.d.SentenceTokens(si)
	for i := 0; i < len(toks); i++ {
		if !verbish(toks[i]) || toks[i].Start < from {
			continue
		}
		var g group
		hasVerb := false
		for j := i; j < len(toks) && (verbish(toks[j]) || isAdverb(toks[j])); j++ {
			t := toks[j]
			switch t.Norm {
			case "earlier", "previously", "already", "once":
				g.earlier = true
			}
			if len(t.Tag) < 2 || t.Tag[:2] != "VB" {
				continue
			}
			hasVerb = true
			switch t.Norm {
			case "had", "has", "have", "'d", "'ve":
				if g.have == "" {
					g.have = t.Norm
				}
			}
			if t.Tag == "VBN" && g.have != "" {
				g.perfect = true
			}
		}
		if hasVerb {
			return g, true
		}
	}
	return group{}, false
}

func verbish(t dyad.Token) bool {
	return t.Tag == "MD" || len(t.Tag) >= 2 && t.Tag[:2] == "VB"
}

func isAdverb(t dyad.Token) bool {
	return len(t.Tag) >= 2 && t.Tag[:2] == "RB" || t.Norm == "not" || t.Norm == "n't"
}
