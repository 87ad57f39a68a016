package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Sources: which Phoenix file an entry comes from decides what it can be.
const (
	srcCountries     = "Phoenix.Countries.actors.txt"
	srcInternational = "Phoenix.International.actors.txt"
	srcMilNonState   = "Phoenix.MilNonState.actors.txt"
)

// agentSet are the CAMEO agent codes a generated code may carry (one per
// code, dyad's convention: "AFGGOVBUS" becomes AFGGOV).
var agentSet = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "REB": true,
	"MED": true, "BUS": true, "CVL": true, "REF": true, "SPY": true, "ELI": true, "LAB": true,
	"EDU": true, "HLH": true, "CRM": true, "ENV": true, "HRI": true, "DEV": true, "AGR": true,
	"REL": true, "PTY": true, "UAF": true, "MNC": true,
}

// world is what the tool knows besides the Phoenix files.
type world struct {
	fx        *fixes
	countries map[string]bool // ISO codes of countries.txt
	regions   map[string]bool // region codes of regions.txt
	// countryWords are the lower-case names and adjectives of countries
	// ("american", "u.s."): they may precede a name as a title does.
	countryWords map[string]bool
	lexicon      map[string]bool // lower-case English words (data/lexicon/words.txt)
	places       map[string]bool // lower-case city names (data/places/cities.tsv)
	// abbrev are the words the tokenizer keeps with their period
	// (data/lexicon/abbreviations.txt, exact case, no period).
	abbrev map[string]bool
	// hand maps the key of every phrase of the other actor files to its kinds.
	hand map[string][]string
	// firstNames are words that begin two or more Phoenix names.
	firstNames map[string]bool
}

// outCode is one line of an output entry.
type outCode struct {
	code, from, to, note string
}

// entry is one output entry: a person, group or org and its lines.
type entry struct {
	kind    string
	phrases []string // first is the canonical name
	codes   []outCode
	src     string // Phoenix file:line, for the log
	dropped bool
}

// periodsOK reports whether the tokenizer keeps every final period of
// the phrase's words on the word ("Gen.", "J.", "U.S."), so that the
// phrase cuts like text; "Fed." and "Deb." it does not.
func (w *world) periodsOK(p string) bool {
	for _, x := range strings.Fields(p) {
		stem, ok := strings.CutSuffix(x, ".")
		if !ok || stem == "" {
			continue
		}
		if utf8.RuneCountInString(stem) == 1 || strings.Contains(stem, ".") || w.abbrev[stem] {
			continue
		}
		return false
	}
	return true
}

// convertCode turns a Phoenix code into dyad's: a country (or region,
// IGO, NGO) and at most one agent. ok is false when the code has no
// dyad counterpart (bare agents, unknown countries, MNC).
func (w *world) convertCode(c string) (string, bool) {
	if len(c) < 3 || (len(c)-3)%3 != 0 {
		return "", false
	}
	head := c[:3]
	var parts []string
	for i := 3; i+3 <= len(c); i += 3 {
		parts = append(parts, c[i:i+3])
	}
	switch head {
	case "IGO":
		for i := len(parts) - 1; i >= 0; i-- {
			if m, ok := w.fx.igo[parts[i]]; ok && m != "-" {
				return m, true
			}
		}
		return "IGO", true
	case "NGO":
		return "NGO" + w.agent(parts), true
	case "IMG":
		// An international militarized group: the region (or country) it
		// operates in, as rebels.
		for _, p := range parts {
			if m, ok := w.fx.country[p]; ok {
				p = m
			} else if _, religion := w.fx.agent[p]; religion {
				continue // MUS is a religion here, not Mauritius
			}
			if w.regions[p] || w.countries[p] {
				return p + "REB", true
			}
		}
		return "", false
	}
	country := head
	if m, ok := w.fx.country[head]; ok {
		if m == "-" {
			return "", false
		}
		country = m
	}
	if !w.countries[country] && !w.regions[country] {
		return "", false
	}
	return country + w.agent(parts), true
}

// agent picks the agent of a code's parts: the first known one, except
// that a government post in defence or intelligence is MIL or SPY (dyad's
// convention for ministers of defence and intelligence chiefs).
func (w *world) agent(parts []string) string {
	var found []string
	for _, p := range parts {
		if m, ok := w.fx.agent[p]; ok {
			if m == "-" {
				continue
			}
			p = m
		}
		if agentSet[p] {
			found = append(found, p)
		}
	}
	switch {
	case len(found) == 0:
		return ""
	case found[0] == "GOV" && len(found) > 1 && (found[1] == "MIL" || found[1] == "SPY"):
		return found[1]
	}
	return found[0]
}

// personPhrase reads a person's name. It strips leading titles and
// country words ("US_PRESIDENT_BILL_CLINTON" -> "Bill Clinton") and
// refuses institutions ("BUSH_ADMINISTRATION") and phrases with function
// words. A surname alone that could be a common word, a place or a first
// name is kept only with its title ("President Bush"); ok is false when
// nothing usable is left.
func (w *world) personPhrase(raw string) (string, bool) {
	ws := words(raw)
	if len(ws) == 0 {
		return "", false
	}
	for _, x := range ws {
		if !nameChars(x) {
			return "", false
		}
	}
	titles, i := w.leading(ws)
	core := ws[i:]
	if len(core) > 6 {
		return "", false
	}
	for _, x := range core {
		lx := strings.ToLower(x)
		if functionWords[lx] || w.fx.nonname[lx] || w.fx.title[lx] && len(core) == 1 {
			return "", false
		}
	}
	if len(core) == 2 && w.firstNames[strings.ToLower(core[0])] && w.firstNames[strings.ToLower(core[1])] {
		return "", false // "Bashir Ahmed", "Abu Abdullah": two given names, many people
	}
	if len(core) > 1 || w.singleOK(core[0]) {
		return recasePerson(core), true
	}
	if len(titles) > 0 && letterCount(core[0]) >= 4 && !w.countryWords[strings.ToLower(core[0])] {
		t := make([]string, len(titles))
		for k, x := range titles {
			t[k] = title(x)
		}
		return strings.Join(t, " ") + " " + title(core[0]), true
	}
	return "", false
}

// leading returns the title words at the start of a name and where the
// name proper starts; country words and "the" are skipped ("US_PRESIDENT_BILL_CLINTON").
func (w *world) leading(ws []string) (titles []string, i int) {
	for ; i < len(ws)-1; i++ {
		lw := strings.ToLower(ws[i])
		switch {
		case w.fx.title[lw]:
			titles = append(titles, ws[i])
		case lw == "the" || w.countryWords[lw]:
		default:
			return titles, i
		}
	}
	return titles, i
}

// hyphenated is a name of three words or more with its first two joined
// by a hyphen when the first is a name that French usage joins so
// ("Jean-Bertrand Aristide"), else "".
func (w *world) hyphenated(p string) string {
	ws := strings.Fields(p)
	if len(ws) < 3 || !w.fx.hyphen[strings.ToLower(ws[0])] || particles[strings.ToLower(ws[1])] || !nameChars(ws[1]) || strings.ContainsAny(ws[1], ".-") {
		return ""
	}
	return ws[0] + "-" + strings.Join(ws[1:], " ")
}

// singleOK says whether one word alone may name a person or group: not
// short, not an English word, not a city, country word or first name.
func (w *world) singleOK(x string) bool {
	lx := strings.ToLower(x)
	return letterCount(x) >= 4 && !w.lexicon[lx] && !w.places[lx] && !w.countryWords[lx] &&
		!w.firstNames[lx] && !w.fx.title[lx] && !particles[lx]
}

// orgPhrases reads an organisation's or group's name: parenthesised
// acronyms become phrases of their own ("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_"
// -> "Liberation Tigers of Tamil Eelam", "LTTE"); other parenthesised
// notes are dropped.
func (w *world) orgPhrases(raw string) []string {
	var out []string
	for {
		open := strings.IndexByte(raw, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(raw[open:], ')')
		if end < 0 {
			raw = raw[:open]
			break
		}
		inner := strings.Trim(raw[open+1:open+end], "_ ")
		raw = raw[:open] + " " + raw[open+end+1:]
		la := strings.ToLower(inner)
		if a := strings.ToUpper(inner); a == inner && upperLetters(strings.ReplaceAll(a, "/", "")) && len(a) >= 3 && len(a) <= 8 &&
			!w.countryWords[la] && !w.lexicon[la] && !w.places[la] {
			out = append(out, a)
		}
	}
	ws := words(raw)
	if len(ws) > 0 && ws[0] == "THE" {
		ws = ws[1:]
	}
	if p, ok := w.orgPhrase(ws); ok {
		out = append([]string{p}, out...)
	}
	return out
}

func (w *world) orgPhrase(ws []string) (string, bool) {
	if len(ws) == 0 || len(ws) > 12 {
		return "", false
	}
	for _, x := range ws {
		if !orgChars(x) {
			return "", false
		}
	}
	if len(ws) == 1 {
		x := ws[0]
		lx := strings.ToLower(x)
		if letterCount(x) < 3 || w.lexicon[lx] || w.places[lx] || w.countryWords[lx] {
			return "", false
		}
		// Short words with no vowel or of up to five letters read as
		// acronyms (ETA, UNITA, SPLM/A); longer ones as names (Hezbollah).
		if letterCount(x) <= 5 || !hasVowel(x) {
			return x, true
		}
		return title(x), true
	}
	common := 0
	out := make([]string, len(ws))
	for i, x := range ws {
		lx := strings.ToLower(x)
		switch {
		case i > 0 && orgSmall[lx]:
			out[i] = lx
			common++
			continue
		case letterCount(x) <= 4 && !hasVowel(x) && upperLetters(x):
			out[i] = x // PKK, FLN
		default:
			out[i] = title(x)
		}
		if w.lexicon[lx] || w.countryWords[lx] || w.places[lx] {
			common++
		}
	}
	// "Red Banner", "Direct Action", "Islamic Group": common words in
	// capitals, too often not this group.
	if len(ws) <= 2 && common == len(ws) {
		return "", false
	}
	return strings.Join(out, " "), true
}

// classify decides what an International entry names: dated codes or an
// ELI code mean a person in office; organisation words, acronyms and
// function words mean an organisation.
func (w *world) classifyInternational(e rawEntry) string {
	for _, c := range e.codes {
		if c.from != "" || c.to != "" || c.code == "ELI" {
			return "person"
		}
	}
	ws := words(e.names[0])
	if len(ws) < 2 {
		return "org"
	}
	for _, x := range ws {
		lx := strings.ToLower(x)
		if w.fx.orgword[lx] || functionWords[lx] || strings.ContainsAny(x, "()/&") {
			return "org"
		}
	}
	if len(ws) <= 4 {
		return "person"
	}
	return "org"
}

// classifyMilNonState tells the few people of the armed-groups file
// ("OSAMA_BIN_LADEN_") from the groups: a name that starts with a first
// name, has two to five words and no organisation word.
func (w *world) classifyMilNonState(e rawEntry) string {
	ws := words(e.names[0])
	_, i := w.leading(ws)
	ws = ws[i:]
	if len(ws) < 2 || len(ws) > 5 || !w.firstNames[strings.ToLower(ws[0])] {
		return "group"
	}
	if !w.nameLike(ws) {
		return "group"
	}
	return "person"
}

// convert turns the raw entries of all sources into output entries.
func (w *world) convert(raw []rawEntry) []*entry {
	var out []*entry
	for _, r := range raw {
		kind := ""
		switch r.file {
		case srcCountries:
			kind = "person"
		case srcInternational:
			kind = w.classifyInternational(r)
		case srcMilNonState:
			kind = w.classifyMilNonState(r)
		}
		e := &entry{kind: kind, src: fmt.Sprintf("%s:%d", r.file, r.line)}
		hasAgent := false
		for _, c := range r.codes {
			code, ok := w.convertCode(c.code)
			if !ok {
				continue
			}
			if len(code) > 3 {
				hasAgent = true
			}
			e.codes = append(e.codes, outCode{code: code, from: c.from, to: c.to, note: "Phoenix " + c.code})
		}
		if len(e.codes) == 0 {
			continue
		}
		switch kind {
		case "person":
			// In the Countries file an entry without an agent is a place
			// (a city or province), and one whose primary phrase is not a
			// name is an institution ("ISRAEL_DEFENCE_FORCES").
			if !hasAgent || r.file == srcCountries && cabinetOnly(e.codes) {
				continue
			}
			if _, ok := w.personPhrase(r.names[0]); !ok {
				continue
			}
			for _, n := range r.names {
				if p, ok := w.personPhrase(n); ok {
					e.phrases = append(e.phrases, p)
					if h := w.hyphenated(p); h != "" {
						e.phrases = append(e.phrases, h)
					}
				}
			}
		default:
			for _, n := range r.names {
				e.phrases = append(e.phrases, w.orgPhrases(n)...)
			}
		}
		e.phrases = slices.DeleteFunc(e.phrases, func(p string) bool { return !w.periodsOK(p) })
		e.phrases = dropTitled(dedupe(e.phrases))
		if len(e.phrases) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// cabinetOnly reports whether a person's roles are all government posts
// from 2003 on that are neither defence nor intelligence: the cabinet
// lists of the Countries file (ministers of health, trade, ...). They are
// left out to keep the tables small enough to load fast; heads of state
// and government (who have ELI lines before and after office), earlier
// office holders and security posts stay.
func cabinetOnly(cs []outCode) bool {
	for _, c := range cs {
		agent := c.code[min(3, len(c.code)):]
		if agent != "GOV" || c.from == "" || c.from < "2003" {
			return false
		}
	}
	return true
}

// dropTitled removes a phrase that is another phrase of the entry with
// words before it ("United Nations Secretary General Kofi Annan" beside
// "Kofi Annan"): the engine reads titles itself.
func dropTitled(ps []string) []string {
	out := ps[:0:0]
	for _, p := range ps {
		kp := key(p)
		titled := false
		for _, q := range ps {
			if kq := key(q); kq != kp && strings.HasSuffix(kp, " "+kq) && strings.Contains(kq, " ") {
				titled = true
				break
			}
		}
		if !titled {
			out = append(out, p)
		}
	}
	return out
}

func dedupe(ps []string) []string {
	seen := map[string]bool{}
	out := ps[:0]
	for _, p := range ps {
		if k := key(p); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// mergePeople joins the entries of one person (the same canonical name
// in several places of the Phoenix files).
func mergePeople(es []*entry) []*entry {
	byName := map[string]*entry{}
	var out []*entry
	for _, e := range es {
		if e.kind != "person" {
			out = append(out, e)
			continue
		}
		k := key(e.phrases[0])
		if o, ok := byName[k]; ok {
			o.phrases = dedupe(append(o.phrases, e.phrases...))
			o.codes = append(o.codes, e.codes...)
			continue
		}
		byName[k] = e
		out = append(out, e)
	}
	return out
}

// resolve removes what the hand-written tables already say and what the
// Phoenix files say ambiguously. A person whose full name (a phrase of
// two or more words) is a person phrase of the hand-written tables is
// dropped: those tables have that person. Other phrases that the other
// tables use (any kind) or that fix.tsv drops are removed. A phrase that
// several generated entries share is removed from all of them; when they
// are all people of one country it becomes a person line of that country
// alone ("President Bush": USA), since the country is certain and the
// role is not.
func (w *world) resolve(es []*entry) []*entry {
	for _, e := range es {
		if e.kind != "person" {
			continue
		}
		for _, p := range e.phrases {
			if strings.Contains(p, " ") && slices.Contains(w.hand[key(p)], "person") {
				e.dropped = true
				break
			}
		}
	}
	owners := map[string][]*entry{}
	var keys []string
	for _, e := range es {
		if e.dropped {
			continue
		}
		kept := e.phrases[:0]
		for _, p := range e.phrases {
			k := key(p)
			if len(w.hand[k]) > 0 || w.fx.drop[k] {
				continue
			}
			kept = append(kept, p)
			if len(owners[k]) == 0 {
				keys = append(keys, k)
			}
			owners[k] = append(owners[k], e)
		}
		e.phrases = kept
	}
	type group struct {
		country string
		names   []string
		phrases []string
	}
	merged := map[string]*group{}
	var order []string
	remove := map[*entry]map[string]bool{}
	for _, k := range keys {
		os := owners[k]
		if len(os) < 2 {
			continue
		}
		country := sameCountry(os)
		if country == "" && sameCodes(os) {
			// The same actor listed twice: keep the first listing.
			for _, o := range os[1:] {
				markRemove(remove, o, k)
			}
			continue
		}
		var phrase string
		for _, p := range os[0].phrases {
			if key(p) == k {
				phrase = p
			}
		}
		for _, o := range os {
			markRemove(remove, o, k)
		}
		if country == "" {
			continue
		}
		var names []string
		for _, o := range os {
			names = append(names, o.phrases[0])
		}
		sort.Strings(names)
		names = slices.Compact(names)
		sig := country + "\x00" + strings.Join(names, "\x00")
		g := merged[sig]
		if g == nil {
			g = &group{country: country, names: names}
			merged[sig] = g
			order = append(order, sig)
		}
		g.phrases = append(g.phrases, phrase)
	}
	var out []*entry
	for _, e := range es {
		if e.dropped {
			continue
		}
		if rm := remove[e]; rm != nil {
			kept := e.phrases[:0]
			for _, p := range e.phrases {
				if !rm[key(p)] {
					kept = append(kept, p)
				}
			}
			e.phrases = kept
		}
		if len(e.phrases) == 0 {
			continue
		}
		out = append(out, e)
	}
	for _, sig := range order {
		g := merged[sig]
		// The longest phrase names the group best ("George Bush" over "Bush").
		slices.SortStableFunc(g.phrases, func(a, b string) int {
			return cmp.Or(cmp.Compare(len(strings.Fields(b)), len(strings.Fields(a))), cmp.Compare(a, b))
		})
		out = append(out, &entry{
			kind: "person", phrases: g.phrases,
			codes: []outCode{{code: g.country, note: "Phoenix: ambiguous between " + strings.Join(g.names, ", ")}},
			src:   "merged",
		})
	}
	return out
}

func markRemove(m map[*entry]map[string]bool, e *entry, k string) {
	if m[e] == nil {
		m[e] = map[string]bool{}
	}
	m[e][k] = true
}

// sameCountry returns the country all the entries' codes share when they
// are all people, else "".
func sameCountry(es []*entry) string {
	c := ""
	for _, e := range es {
		if e.kind != "person" {
			return ""
		}
		for _, oc := range e.codes {
			if len(oc.code) < 3 || oc.code[:3] == "IGO" || oc.code[:3] == "NGO" {
				return ""
			}
			switch {
			case c == "":
				c = oc.code[:3]
			case c != oc.code[:3]:
				return ""
			}
		}
	}
	return c
}

func sameCodes(es []*entry) bool {
	sig := func(e *entry) string {
		var s []string
		for _, c := range e.codes {
			s = append(s, c.code+" "+c.from+" "+c.to)
		}
		sort.Strings(s)
		return e.kind + "|" + strings.Join(slices.Compact(s), "|")
	}
	first := sig(es[0])
	for _, e := range es[1:] {
		if sig(e) != first {
			return false
		}
	}
	return true
}

// lines renders the entries of one kind, sorted by code and name; a
// person's roles follow in date order.
func lines(es []*entry, kind string) []string {
	var sel []*entry
	for _, e := range es {
		if e.kind == kind {
			sel = append(sel, e)
		}
	}
	for _, e := range sel {
		e.codes = tidyCodes(e.codes, kind == "person")
	}
	slices.SortStableFunc(sel, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(a.codes[0].code[:3], b.codes[0].code[:3]),
			cmp.Compare(strings.ToLower(a.phrases[0]), strings.ToLower(b.phrases[0])),
			cmp.Compare(a.codes[0].code, b.codes[0].code))
	})
	var out []string
	for _, e := range sel {
		ph := strings.Join(e.phrases, "|")
		for _, c := range e.codes {
			out = append(out, strings.Join([]string{c.code, kind, ph, c.from, c.to, c.note}, "\t"))
		}
	}
	return out
}

// tidyCodes sorts an entry's lines by date and drops repeats (the same
// code and dates). For groups and orgs it also drops a line whose dates
// overlap an earlier line with another code, which the engine could not
// choose between; people's roles may overlap.
func tidyCodes(cs []outCode, person bool) []outCode {
	slices.SortStableFunc(cs, func(a, b outCode) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.code, b.code))
	})
	undated := map[string]bool{}
	for _, c := range cs {
		if c.from == "" && c.to == "" {
			undated[c.code] = true
		}
	}
	var out []outCode
	for _, c := range cs {
		// A dated line with the code of an undated one says nothing more
		// (Phoenix's "ELI from birth to office" beside "ELI" otherwise).
		if person && (c.from != "" || c.to != "") && undated[c.code] {
			continue
		}
		keep := true
		for _, o := range out {
			if o.code == c.code && o.from == c.from && o.to == c.to {
				keep = false
				break
			}
			if !person && o.code != c.code && overlap(o, c) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, c)
		}
	}
	return out
}

func overlap(a, b outCode) bool {
	lo := func(d string) string { return cmp.Or(d, "0000") }
	hi := func(d string) string { return cmp.Or(d, "9999") }
	return lo(a.from) <= hi(b.to) && lo(b.from) <= hi(a.to)
}
