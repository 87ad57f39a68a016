package where

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"slices"
	"sync"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/data"
)

// Config configures the places stage. The zero value uses the embedded
// gazetteer and falls back to the dateline for events.
type Config struct {
	// FS replaces the embedded tables (data.FS) when set; it must hold
	// the files named by CitiesFile, Admin1File, CountriesFile,
	// CommonFile and CountryNamesFile. Prefix is prepended to file names
	// in rules ("data/" for the embedded tables).
	FS     fs.FS
	Prefix string
	// NoDatelineFallback leaves an event's location empty when its
	// sentences name no place, instead of using the dateline city.
	NoDatelineFallback bool
	// SourceHome places a verbal event (CAMEO roots 01-05, 10-14, 16)
	// whose sentences name no place in its source's country (at the
	// capital) rather than at the dateline, when the two countries
	// differ: "Trudeau accused India" under a NEW DELHI dateline happened
	// in Canada. Off by default: the coding policy names the dateline.
	SourceHome bool
}

// Stage is the places stage. It loads the gazetteer once, on first use,
// and is then safe for concurrent use on different Docs.
type Stage struct {
	cfg  Config
	load func() (*Gazetteer, error)
	pool sync.Pool // *proc: per-Doc buffers, reused
}

// New makes the places stage. The gazetteer is read on first use (about
// 0.1 s); call Gazetteer to load it, and see any error, up front.
func New(c Config) (*Stage, error) {
	if c.FS == nil {
		c.FS = data.FS
		if c.Prefix == "" {
			c.Prefix = data.Prefix
		}
	}
	s := &Stage{cfg: c}
	s.load = sync.OnceValues(func() (*Gazetteer, error) { return Load(c.FS, c.Prefix) })
	return s, nil
}

// Name is the stage name.
func (s *Stage) Name() string { return "where" }

// Gazetteer returns the loaded gazetteer, loading it the first time.
func (s *Stage) Gazetteer() (*Gazetteer, error) { return s.load() }

// Resolved is a place found in the text, with the evidence for it.
type Resolved struct {
	dyad.Place
	Entry *Entry
	// Cue is what showed the name to be a place; Word the preposition or
	// verb of that cue ("in", "visit"), if any.
	Cue  Cue
	Word string
	// Readings is how many gazetteer entries the name could stand for.
	Readings int
	// Mention is the index in Doc.Mentions of the actor mention at the
	// name (a capital used as a place, a country after "in"), or -1.
	Mention int
}

// Process fills d.Places with the places the text names and sets the
// Location of each event in d.Events.
func (s *Stage) Process(ctx context.Context, d *dyad.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	g, err := s.load()
	if err != nil {
		return err
	}
	p, err := s.run(g, d)
	if err != nil {
		return err
	}
	defer s.done(p)
	d.Places = d.Places[:0]
	for _, r := range p.resolved {
		d.Places = append(d.Places, r.Place)
	}
	for i := range d.Events {
		d.Events[i].Location = p.eventLocation(&d.Events[i], !s.cfg.NoDatelineFallback, s.cfg.SourceHome)
	}
	return nil
}

// Resolve returns the places of d with their evidence, in text order,
// without changing d. It needs the tokens (and, for its best results,
// the tags and actor mentions) of earlier stages.
func (s *Stage) Resolve(d *dyad.Doc) ([]Resolved, error) {
	g, err := s.load()
	if err != nil {
		return nil, err
	}
	p, err := s.run(g, d)
	if err != nil {
		return nil, err
	}
	defer s.done(p)
	return slices.Clone(p.resolved), nil
}

var errNoTokens = errors.New(`no tokens: the "token" stage must run before "where"`)

func (s *Stage) run(g *Gazetteer, d *dyad.Doc) (*proc, error) {
	if len(d.Tokens) == 0 {
		for _, sn := range d.Sentences {
			if sn.EndToken > sn.FirstToken || sn.End > sn.Start {
				return nil, errNoTokens
			}
		}
	}
	p, _ := s.pool.Get().(*proc)
	if p == nil {
		p = &proc{countries: map[string]int{}, placeCountries: map[string]int{}, placeAdmin1: map[admKey]int{},
			surnames: map[string]bool{}}
	}
	p.reset(g, d)
	if len(d.Tokens) > 0 {
		p.find()
	}
	return p, nil
}

// done returns p's buffers to the pool.
func (s *Stage) done(p *proc) {
	p.d = nil
	s.pool.Put(p)
}

// reset readies a pooled proc for d, keeping its buffers.
func (p *proc) reset(g *Gazetteer, d *dyad.Doc) {
	p.g, p.d = g, d
	p.buf = p.buf[:0]
	p.skip = p.skip[:0]
	p.matches = p.matches[:0]
	p.kept = p.kept[:0]
	p.resolved = p.resolved[:0]
	p.byMatch = p.byMatch[:0]
	p.cands, p.alts = p.cands[:0], p.alts[:0]
	p.dl, p.dlCountry, p.dlAdmin1, p.qualEnd = -1, "", "", 0
	clear(p.countries)
	clear(p.placeCountries)
	clear(p.placeAdmin1)
	clear(p.surnames)
	p.surnamesDone = false
}

// admKey names a first-level division: ISO3 and GeoNames code.
type admKey struct{ country, code string }

// proc is the work on one Doc.
type proc struct {
	g        *Gazetteer
	d        *dyad.Doc
	buf      []byte
	skip     []bool  // tokens the dateline took
	ment     []int32 // per token: the narrowest actor mention over it, or -1
	matches  []match
	kept     []match // the matches judged to be places so far
	dl       int     // the dateline's match, or -1
	resolved []Resolved
	byMatch  []int // matches[i] -> index in resolved, or -1

	countries      map[string]int // ISO3 -> actor mentions naming it
	placeCountries map[string]int // ISO3 -> places there (one reading, then chosen)
	placeAdmin1    map[admKey]int // chosen places in each division
	dlCountry      string
	dlAdmin1       string
	surnames       map[string]bool
	surnamesDone   bool
	cands          []int32 // backing store of the matches' readings
	alts           []bool
	qualEnd        int // end of the last qualifier qualify found
}

// find runs the whole resolution: dateline, names, judgement, readings.
func (p *proc) find() {
	d := p.d
	p.indexMentions()
	for _, m := range d.Mentions {
		switch m.Kind {
		case dyad.MentionCountry, dyad.MentionMetonym:
			// Not places: the actor stage's place mentions are the very
			// capitals whose readings are to be weighed ("Paris").
			if isISO3(m.Actor.Country) {
				p.countries[m.Actor.Country]++
			}
		}
	}

	// 1. The dateline, resolved first: it is context for the rest.
	if first, end, q0, q1, ok := p.dateline(); ok {
		p.datelineMatch(first, end, q0, q1)
	}
	// 2. Names in every sentence, and "the Qatari capital".
	for si := range d.Sentences {
		p.scan(si)
	}
	// 3. Which names are places.
	p.kept = p.kept[:0]
	for i := range p.matches {
		m := &p.matches[i]
		if m.cue != CueDateline && p.taken(m.first) {
			continue // the qualifier of an earlier name ("Paris, Texas")
		}
		if m.cue == CueDateline || p.judge(m) {
			p.kept = append(p.kept, *m)
		}
	}
	p.matches, p.kept = p.kept, p.matches[:0]
	p.capitals() // "the Qatari capital", "at the Kremlin": where no name was kept
	p.dl = -1
	for i := range p.matches {
		if p.matches[i].cue == CueDateline {
			p.dl = i
		}
	}
	sortMatches(p.matches)
	// 4. Context: countries with places of one reading.
	for i := range p.matches {
		if c := p.oneCountry(&p.matches[i]); c != "" {
			p.placeCountries[c]++
		}
	}
	// 5. Readings: the dateline first, then the others.
	for i := range p.matches {
		if p.matches[i].cue == CueDateline {
			p.choose(&p.matches[i])
			if e := p.chosen(&p.matches[i]); e != nil {
				p.dlCountry, p.dlAdmin1 = e.Country, e.Admin1
			}
		}
	}
	for i := range p.matches {
		if p.matches[i].cue != CueDateline {
			p.choose(&p.matches[i])
		}
	}
	// 6. Once more, with the countries of every other place's reading as
	// context ("Savannah and Atlanta" make "Georgia" the state).
	clear(p.placeCountries)
	for i := range p.matches {
		if e := p.chosen(&p.matches[i]); e != nil {
			p.placeCountries[e.Country]++
			if e.Kind != KindCountry {
				p.placeAdmin1[admKey{e.Country, e.Admin1}]++
			}
		}
	}
	for i := range p.matches {
		if m := &p.matches[i]; m.cue != CueDateline && len(m.cands) > 1 {
			p.choose(m)
		}
	}
	p.byMatch = slices.Grow(p.byMatch[:0], len(p.matches))[:len(p.matches)]
	for i := range p.matches {
		m := &p.matches[i]
		p.byMatch[i] = -1
		e := p.chosen(m)
		if e == nil {
			continue
		}
		p.byMatch[i] = len(p.resolved)
		p.resolved = append(p.resolved, Resolved{
			Place:    dyad.Place{Span: m.span, Sentence: m.sent, Location: e.Location()},
			Entry:    e,
			Cue:      m.cue,
			Word:     m.word,
			Readings: len(m.cands),
			Mention:  m.mention,
		})
	}
}

func (p *proc) chosen(m *match) *Entry {
	if m.chosen < 0 {
		return nil
	}
	return &p.g.entries[m.chosen]
}

// indexMentions records, per token, the narrowest actor mention over it.
func (p *proc) indexMentions() {
	d := p.d
	p.ment = slices.Grow(p.ment[:0], len(d.Tokens))[:len(d.Tokens)]
	for i := range p.ment {
		p.ment[i] = -1
	}
	for mi, m := range d.Mentions {
		if m.FirstToken < 0 || m.EndToken > len(d.Tokens) || m.FirstToken >= m.EndToken {
			continue
		}
		for t := m.FirstToken; t < m.EndToken; t++ {
			if old := p.ment[t]; old < 0 || d.Mentions[old].EndToken-d.Mentions[old].FirstToken > m.EndToken-m.FirstToken {
				p.ment[t] = int32(mi)
			}
		}
	}
}

// datelineMatch adds the dateline's place: the name, or its qualifier
// when the name is a town too small for the gazetteer ("WOODSIDE,
// California" is placed in California).
func (p *proc) datelineMatch(first, end, q0, q1 int) {
	d := p.d
	p.ensureSkip()
	mark := func(a, b int) {
		for t := a; t < b; t++ {
			p.skip[t] = true
		}
	}
	e, node := p.longest(first, end, false)
	var qual []int32
	if q1 > q0 {
		if qe, qn := p.longest(q0, q1, true); qe == q1 {
			for _, ps := range p.g.postings(qn) {
				if k := p.g.entries[ps.entry].Kind; k == KindAdmin1 || k == KindCountry {
					qual = append(qual, ps.entry)
				}
			}
		}
	}
	m := match{sent: 0, mention: -1, chosen: -1, want: kindAny, cue: CueDateline}
	if e == end {
		m.first, m.end, m.node = first, end, node
		m.span = dyad.Span{Start: d.Tokens[first].Start, End: d.Tokens[end-1].End}
		p.candidates(&m, false)
	}
	if e == end && (len(qual) == 0 || p.restrict(&m, qual)) {
		if len(qual) > 0 {
			m.span.End = d.Tokens[q1-1].End
			mark(q0, q1)
		}
	} else if len(qual) > 0 {
		m.node = -1
		m.first, m.end = q0, q1
		m.span = dyad.Span{Start: d.Tokens[q0].Start, End: d.Tokens[q1-1].End}
		m.cands = qual
		m.alt = make([]bool, len(qual))
		mark(q0, q1)
	} else {
		return
	}
	if len(m.cands) == 0 {
		return
	}
	mark(first, end)
	m.mention = p.mentionAt(&m)
	p.matches = append(p.matches, m)
}

// restrict keeps the candidates of m that lie in one of the qualifier's
// places ("Paris, Texas"); false, leaving m as it was, when none does.
func (p *proc) restrict(m *match, qual []int32) bool {
	var cands []int32
	var alt []bool
	for i, c := range m.cands {
		ce := &p.g.entries[c]
		for _, q := range qual {
			qe := &p.g.entries[q]
			if c != q && ce.Country == qe.Country && (qe.Kind == KindCountry ||
				qe.Kind == KindAdmin1 && ce.Kind == KindCity && ce.Admin1 == qe.Admin1) {
				cands = append(cands, c)
				alt = append(alt, m.alt[i])
				break
			}
		}
	}
	if len(cands) == 0 {
		return false
	}
	m.cands, m.alt, m.qual = cands, alt, qual
	return true
}

// capitals adds "the Qatari capital" (a country mention, then "capital")
// as the country's capital city, and places a seat of power the actor
// stage found used as a place ("talks at the White House", "in the
// Kremlin") at its country's capital.
func (p *proc) capitals() {
	d := p.d
	for mi, mn := range d.Mentions {
		if mn.FirstToken < 0 || mn.EndToken > len(d.Tokens) || mn.FirstToken >= mn.EndToken {
			continue
		}
		first, end := mn.FirstToken, mn.EndToken
		switch {
		case mn.Kind == dyad.MentionCountry && end < len(d.Tokens) && d.Tokens[end].Sentence == mn.Sentence && p.norm(end) == "capital":
			if end+1 < len(d.Tokens) && d.Tokens[end+1].Sentence == mn.Sentence && p.capitalised(end+1) {
				continue // "the Ukrainian capital Kyiv": the name follows
			}
			end++
		case mn.Kind == dyad.MentionPlace || mn.Kind == dyad.MentionMetonym:
			// judge keeps a metonym only after a locative cue
		default:
			continue
		}
		c, ok := p.g.capital[mn.Actor.Country]
		if !ok || p.overlapsMatch(first, end) || p.taken(first) {
			continue
		}
		m := match{sent: mn.Sentence, first: first, end: end, mention: mi, chosen: -1, want: kindAny,
			cands: []int32{c}, alt: []bool{false}, node: -1}
		m.span = dyad.Span{Start: d.Tokens[first].Start, End: d.Tokens[end-1].End}
		if p.judge(&m) {
			p.matches = append(p.matches, m)
		}
	}
}

func (p *proc) overlapsMatch(a, b int) bool {
	for i := range p.matches {
		if p.matches[i].first < b && a < p.matches[i].end {
			return true
		}
	}
	return false
}

func sortMatches(ms []match) {
	// Insertion sort: matches arrive almost in order (the dateline and
	// "capital" phrases are the only ones out of place).
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].span.Start < ms[j-1].span.Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// mentionAt returns the actor mention over the match's first token, or -1.
func (p *proc) mentionAt(m *match) int {
	for t := m.first; t < m.end; t++ {
		if mi := p.ment[t]; mi >= 0 {
			return int(mi)
		}
	}
	return -1
}

// oneCountry is the country of every reading of m, or "".
func (p *proc) oneCountry(m *match) string {
	c := ""
	for _, e := range m.cands {
		ec := p.g.entries[e].Country
		if c != "" && ec != c {
			return ""
		}
		c = ec
	}
	return c
}

// choose picks the reading of m with the best score (see score); ties go
// to the earlier table entry, so the result never depends on map order.
func (p *proc) choose(m *match) {
	m.prev, m.chosen = m.chosen, -1
	best, pick := math.Inf(-1), -1
	for k, c := range m.cands {
		e := &p.g.entries[c]
		if e.Kind == KindCountry && p.specific(m, e) {
			continue // "Gaza" the town, not Palestine; "England", not the UK
		}
		if m.alt[k] && p.ownNameIn(m, e) {
			continue // "New Delhi" is New Delhi, not another name of Delhi
		}
		if m.alt[k] && e.Kind != KindCountry && p.hasCountry(m) {
			continue // "Mexico" is the country, not another name of Mexico City
		}
		s := p.score(m, k)
		if s > best || s == best && c < m.chosen {
			best, m.chosen, pick = s, c, k
		}
	}
	// A small town known here only by another name, in a country the
	// article does not mention ("Saravan" in a story about Iran is not
	// Salavan in Laos): an unknown place rather than a wrong one.
	// So is a bare name, with no locative word, qualifier or place noun,
	// whose reading is neither well known nor in a country the article
	// names ("The Hamilton government").
	if m.chosen >= 0 && m.cue == CueNone && !m.strong && m.node >= 0 {
		if e := &p.g.entries[m.chosen]; !isWellKnown(e) && !p.inContext(e.Country) {
			m.chosen = -1
			return
		}
	}
	// So is a town of any size known by another name without a locative
	// word ("Cordova Mayor ..." in the Philippines is not Córdoba).
	if pick >= 0 && m.alt[pick] && m.cue != CueDateline {
		e := &p.g.entries[m.chosen]
		if e.Kind == KindCity && !p.inContext(e.Country) && (e.Population < 100000 || m.cue < CueFrom) {
			m.chosen = -1
		}
	}
}

// inContext: the article names country iso3 through an actor, its
// dateline or another place.
func (p *proc) inContext(iso3 string) bool {
	return p.countries[iso3] > 0 || p.dlCountry == iso3 || p.placeCountries[iso3] > 1
}

// specific: the name is not the country's own ("Gaza", "England" are
// names of Palestine and the United Kingdom in the actor tables) and
// another reading in that country is a town or division under its own
// name.
func (p *proc) specific(m *match, country *Entry) bool {
	if m.node < 0 || country.key == string(p.matchKey(m)) {
		return false
	}
	for k, c := range m.cands {
		e := &p.g.entries[c]
		if e.Kind != KindCountry && e.Country == country.Country && !m.alt[k] {
			return true
		}
	}
	return false
}

// hasCountry: some reading of m is a country.
func (p *proc) hasCountry(m *match) bool {
	for _, c := range m.cands {
		if p.g.entries[c].Kind == KindCountry {
			return true
		}
	}
	return false
}

// ownNameIn: another reading of m of the same kind and country as e bears
// the name as its own.
func (p *proc) ownNameIn(m *match, e *Entry) bool {
	for k, c := range m.cands {
		if o := &p.g.entries[c]; !m.alt[k] && o.Country == e.Country && o.Kind == e.Kind {
			return true
		}
	}
	return false
}

// matchKey is the key of the name's own tokens (without a qualifier),
// in p.buf.
func (p *proc) matchKey(m *match) []byte {
	p.buf = AppendKey(p.buf[:0], p.d.Text[p.d.Tokens[m.first].Start:p.d.Tokens[m.end-1].End])
	return p.buf
}

// score ranks one reading of a name (log10 of population = 1 per tenfold):
//
//	log10(population)
//	+3 a country; −1 a division, −3 more when another reading is a town of
//	   that name inside it ("New York", "Beijing", "Latakia" are the towns)
//	+2 a capital, +1 a seat of government or first-level seat, −1 a section of a city
//	−0.5 matched by an alternate name ("Geneva" for Genève)
//	+1 its country is named by an actor mention of the article (not this one)
//	+1 for each other place of the article in its country (at most +3)
//	+3 for each other place of the article inside it, for a division (at
//	   most +6), or in its division, for a town (at most +3)
//	+3 it is in the dateline's country, +2 more in the dateline's division
//	+5 the context asks for its kind ("Donetsk region", "the city of X")
//	+2 a town, for the dateline
//
// Populations are those of GeoNames; a division's or country's is the
// sum over its towns.
func (p *proc) score(m *match, k int) float64 {
	e := &p.g.entries[m.cands[k]]
	s := math.Log10(float64(e.Population) + 10)
	switch e.Kind {
	case KindCountry:
		s += 3
	case KindAdmin1:
		s--
		for j, c := range m.cands {
			if o := &p.g.entries[c]; j != k && o.Kind == KindCity && o.Country == e.Country && o.Admin1 == e.Admin1 {
				s -= 3
				break
			}
		}
	}
	switch e.Feature {
	case "PPLC":
		s += 2
	case "PPLG", "PPLA":
		s++
	case "PPLX":
		s--
	}
	if m.alt[k] {
		s -= 0.5
	}
	n := p.countries[e.Country]
	if m.mention >= 0 && p.d.Mentions[m.mention].Actor.Country == e.Country {
		n-- // "Georgia" marked as a country by the actor stage is no evidence for itself
	}
	if n > 0 {
		s++
	}
	if p.oneCountry(m) == "" {
		own := m.prev == m.cands[k] // its own reading of the first round
		n := p.placeCountries[e.Country]
		if own {
			n--
		}
		s += float64(min(n, 3))
		if e.Kind != KindCountry {
			a := p.placeAdmin1[admKey{e.Country, e.Admin1}]
			if own {
				a--
			}
			if e.Kind == KindAdmin1 {
				s += 3 * float64(min(a, 2))
			} else {
				s += float64(min(a, 3))
			}
		}
	}
	if m.cue != CueDateline && p.dlCountry != "" && e.Country == p.dlCountry {
		s += 3
		if e.Admin1 != "" && e.Admin1 == p.dlAdmin1 {
			s += 2
		}
	}
	if m.want != kindAny && e.Kind == m.want {
		s += 5
	}
	if m.cue == CueDateline && e.Kind == KindCity {
		s += 2
	}
	return s
}
