package where

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dict"
)

// The gazetteer's files in data.FS (paths relative to data/).
const (
	CitiesFile    = "places/cities.tsv"
	Admin1File    = "places/admin1.tsv"
	CountriesFile = "places/countries.tsv"
	CommonFile    = "places/common.txt"
	// CountryNamesFile gives country names; the places tables give only
	// codes and points (the names are the actor dictionary's).
	CountryNamesFile = "actors/countries.txt"
)

// Kind is what a gazetteer entry is.
type Kind uint8

// Kinds of entry, from the most to the least specific.
const (
	KindCity Kind = iota
	KindAdmin1
	KindCountry
)

func (k Kind) String() string {
	switch k {
	case KindCity:
		return "city"
	case KindAdmin1:
		return "admin1"
	case KindCountry:
		return "country"
	}
	return "?"
}

// Entry is one place of the gazetteer.
type Entry struct {
	Name       string  // canonical name ("Kyiv", "Texas", "United States")
	Country    string  // ISO 3166-1 alpha-3
	Admin1     string  // GeoNames first-level code within Country; "" for countries
	Lat, Lon   float64 // a city's own point; an admin1's seat; a country's capital
	Population int     // a division's or country's is the sum over its towns
	Feature    string  // GeoNames feature code (PPLC, PPLA, PPL…); ADM1; PCLI for countries
	GeoNameID  int     // 0 for divisions and countries
	Kind       Kind

	file string // the table, as named in positions
	line int
	key  string // Key(Name), for countries
}

// Rule is the table line the entry comes from, as file:line.
func (e *Entry) Rule() string { return e.file + ":" + strconv.Itoa(e.line) }

// Location is the entry as an event location.
func (e *Entry) Location() dyad.Location {
	return dyad.Location{Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon}
}

// posting flags.
const (
	flagAlt     uint8 = 1 << iota // an alternate name, not the entry's own
	flagAcronym                   // written in capitals ("US", "UAE"): the text must be too
	flagQual                      // a dateline abbreviation ("Calif.", "D.C."): only after "Town, "
)

type posting struct {
	entry int32
	flags uint8
}

// node is everything known about one name key.
type node struct {
	first  int32  // its postings are posts[first:first+n]
	n      uint16 //
	prefix bool   // some longer name starts with this key plus a space or mark
	common bool   // the name is a common English word (common.txt)
}

// Gazetteer is the place table with its name index. It is immutable
// after loading and safe for concurrent use.
type Gazetteer struct {
	entries  []Entry
	index    map[string]int32 // name key -> nodes
	nodes    []node
	posts    []posting
	country  map[string]int32 // ISO3 -> country entry
	capital  map[string]int32 // ISO3 -> capital city entry
	admin1   map[string]int32 // "ISO3.code" -> admin1 entry
	maxWords int              // the longest name, in tokens (an upper bound)
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns entry i.
func (g *Gazetteer) Entry(i int) *Entry { return &g.entries[i] }

// Country returns the country entry of an ISO3 code, or nil.
func (g *Gazetteer) Country(iso3 string) *Entry {
	if i, ok := g.country[iso3]; ok {
		return &g.entries[i]
	}
	return nil
}

// Admin1 returns the first-level division of a country by GeoNames code,
// or nil.
func (g *Gazetteer) Admin1(iso3, code string) *Entry {
	if i, ok := g.admin1[iso3+"."+code]; ok {
		return &g.entries[i]
	}
	return nil
}

// Lookup returns the entries a name may stand for, in table order,
// without any context (qualifier-only abbreviations included).
func (g *Gazetteer) Lookup(name string) []*Entry {
	n, ok := g.index[Key(name)]
	if !ok {
		return nil
	}
	var out []*Entry
	for _, p := range g.postings(n) {
		out = append(out, &g.entries[p.entry])
	}
	return out
}

// Load reads the gazetteer from fsys (the data.FS layout); prefix is
// prepended to file names in positions ("data/").
func Load(fsys fs.FS, prefix string) (*Gazetteer, error) {
	g := &Gazetteer{
		country: make(map[string]int32, 256),
		capital: make(map[string]int32, 256),
		admin1:  make(map[string]int32, 4096),
	}
	g.entries = make([]Entry, 0, 32000)
	names := make([]name, 0, 120000)
	byID := make(map[int]int32, 28000)
	var errs dict.ErrorList
	collect := func(err error) error {
		if err == nil {
			return nil
		}
		if l, ok := err.(dict.ErrorList); ok {
			errs = append(errs, l...)
			return nil
		}
		return err
	}

	table := func(file string, kind Kind) error {
		pos := prefix + file
		var fa [9]string
		return dict.ReadFile(fsys, file, prefix, func(l dict.Line) error {
			// Split by hand into a fixed array: 31,000 lines, no garbage.
			n, rest := 0, l.Text
			for n < len(fa) {
				var ok bool
				fa[n], rest, ok = strings.Cut(rest, "\t")
				fa[n] = strings.TrimSpace(fa[n])
				n++
				if !ok {
					break
				}
			}
			if n == 8 {
				fa[8], n = "", 9 // no alternates: the trailing tab was trimmed
			}
			if n != 9 || strings.Contains(rest, "\t") {
				return l.Errorf("want 9 tab-separated fields (name, country, admin1, lat, lon, population, feature, geonameid, alternates), got %d", len(l.Fields()))
			}
			f := fa[:]
			e := Entry{Name: f[0], Country: f[1], Feature: f[6], Kind: kind, file: pos, line: l.Num}
			if e.Name == "" || !isISO3(e.Country) {
				return l.Errorf("bad name %q or country %q", f[0], f[1])
			}
			if f[2] != "-" {
				e.Admin1 = f[2]
			}
			var err error
			if e.Lat, e.Lon, err = parseLatLon(f[3], f[4]); err != nil {
				return l.Errorf("%v", err)
			}
			if e.Population, err = strconv.Atoi(f[5]); err != nil || e.Population < 0 {
				return l.Errorf("bad population %q", f[5])
			}
			if f[7] != "-" {
				if e.GeoNameID, err = strconv.Atoi(f[7]); err != nil || e.GeoNameID <= 0 {
					return l.Errorf("bad geonameid %q", f[7])
				}
			}
			if kind == KindAdmin1 && e.Admin1 == "" {
				return l.Errorf("an admin1 line needs its code")
			}
			i := int32(len(g.entries))
			g.entries = append(g.entries, e)
			if kind == KindAdmin1 {
				g.admin1[e.Country+"."+e.Admin1] = i
			} else if e.GeoNameID > 0 {
				byID[e.GeoNameID] = i
			}
			names = append(names, name{e.Name, i, 0})
			for rest := f[8]; rest != ""; {
				var a string
				a, rest, _ = strings.Cut(rest, "|")
				fl := flagAlt
				if kind == KindAdmin1 && isAbbrev(a) {
					fl |= flagQual
				}
				names = append(names, name{a, i, fl})
			}
			return nil
		})
	}
	if err := collect(table(CitiesFile, KindCity)); err != nil {
		return nil, err
	}
	if err := collect(table(Admin1File, KindAdmin1)); err != nil {
		return nil, err
	}

	// Countries: point and capital from the places table, names from the
	// actor dictionary's country lines.
	points := map[string]Entry{}
	err := dict.ReadFile(fsys, CountriesFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) != 7 || !isISO3(f[0]) || len(f[1]) != 2 {
			return l.Errorf("want ISO3, ISO2, capital, lat, lon, population, geonameid")
		}
		lat, lon, err := parseLatLon(f[3], f[4])
		if err != nil {
			return l.Errorf("%v", err)
		}
		pop, err1 := strconv.Atoi(f[5])
		id, err2 := strconv.Atoi(f[6])
		if err1 != nil || err2 != nil {
			return l.Errorf("bad population %q or geonameid %q", f[5], f[6])
		}
		points[f[0]] = Entry{Country: f[0], Lat: lat, Lon: lon, Population: pop, Feature: "PCLI", Kind: KindCountry,
			file: prefix + CountriesFile, line: l.Num}
		if c, ok := byID[id]; ok {
			g.capital[f[0]] = c
		}
		return nil
	})
	if err := collect(err); err != nil {
		return nil, err
	}
	err = dict.ReadFile(fsys, CountryNamesFile, prefix, func(l dict.Line) error {
		f := l.Fields()
		if len(f) < 3 || f[1] != "country" {
			return nil // adjectives and other kinds are the actor stage's
		}
		p, ok := points[f[0]]
		if !ok {
			return nil // no populated place to stand for it (Bouvet Island)
		}
		ns := strings.Split(f[2], "|")
		i, seen := g.country[f[0]]
		if !seen {
			p.Name, p.key = ns[0], Key(ns[0])
			i = int32(len(g.entries))
			g.entries = append(g.entries, p)
			g.country[f[0]] = i
		}
		for k, n := range ns {
			fl := uint8(0)
			if k > 0 || seen {
				fl = flagAlt
			}
			names = append(names, name{n, i, fl})
		}
		return nil
	})
	if err := collect(err); err != nil {
		return nil, err
	}
	g.build(names)
	err = dict.ReadFile(fsys, CommonFile, prefix, func(l dict.Line) error {
		if n, ok := g.index[l.Text]; ok {
			g.nodes[n].common = true
		}
		return nil
	})
	if err := collect(err); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(g.entries) == 0 {
		return nil, fmt.Errorf("%s%s: no places", prefix, CitiesFile)
	}
	return g, nil
}

// name is one name of an entry, before indexing.
type name struct {
	text  string
	entry int32
	flags uint8
}

// build indexes every name by key, and marks the prefixes of keys that
// end where a token may end (before a space, a comma, a period or a
// clitic 's: "Washington" of "Washington, D.C.", "Calif" of "Calif.",
// "Martha" of "Martha's Vineyard").
// The keys share one backing string; postings are laid out per node.
func (g *Gazetteer) build(names []name) {
	arena := make([]byte, 0, 16*len(names))
	ends := make([]int32, len(names))
	for i, n := range names {
		arena = AppendKey(arena, n.text)
		ends[i] = int32(len(arena))
	}
	keys := string(arena)
	g.index = make(map[string]int32, len(names)+len(names)/8)
	g.nodes = make([]node, 0, len(names)+len(names)/8)
	nodeOf := make([]int32, len(names))
	count := make([]int32, 0, cap(g.nodes))
	start := int32(0)
	for i, n := range names {
		k := keys[start:ends[i]]
		start = ends[i]
		nodeOf[i] = -1
		if k == "" {
			continue
		}
		if isAcronym(n.text) {
			names[i].flags |= flagAcronym
		}
		id := g.nodeID(k, &count)
		nodeOf[i] = id
		count[id]++
		words := 1
		for p := 1; p < len(k); p++ {
			c := k[p]
			if c == ' ' || c == ',' || c == '.' || c == '\'' && p+1 < len(k) && k[p+1] == 's' && (p+2 == len(k) || k[p+2] == ' ') {
				if c != '.' {
					words++
				}
				g.nodes[g.nodeID(k[:p], &count)].prefix = true
			}
		}
		if words+2 > g.maxWords {
			g.maxWords = words + 2
		}
	}
	// Lay the postings out by node, keeping one per entry and node.
	off := int32(0)
	for id := range g.nodes {
		g.nodes[id].first = off
		off += count[id]
	}
	g.posts = make([]posting, off)
	for i, n := range names {
		id := nodeOf[i]
		if id < 0 {
			continue
		}
		nd := &g.nodes[id]
		dup := false
		for _, p := range g.posts[nd.first : nd.first+int32(nd.n)] {
			if p.entry == n.entry {
				dup = true
				break
			}
		}
		if !dup {
			g.posts[nd.first+int32(nd.n)] = posting{entry: n.entry, flags: n.flags}
			nd.n++
		}
	}
}

func (g *Gazetteer) nodeID(k string, count *[]int32) int32 {
	if id, ok := g.index[k]; ok {
		return id
	}
	id := int32(len(g.nodes))
	g.nodes = append(g.nodes, node{})
	*count = append(*count, 0)
	g.index[k] = id
	return id
}

// postings returns the postings of node id.
func (g *Gazetteer) postings(id int32) []posting {
	nd := &g.nodes[id]
	return g.posts[nd.first : nd.first+int32(nd.n)]
}

func isISO3(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

func parseLatLon(a, b string) (float64, float64, error) {
	lat, err1 := strconv.ParseFloat(a, 64)
	lon, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad coordinates %q %q", a, b)
	}
	return lat, lon, nil
}

// isAcronym: two or more letters, none lower case ("US", "U.S.", "UAE").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// isAbbrev: a dateline abbreviation of a division ("Calif.", "N.Y.", "DC").
func isAbbrev(s string) bool {
	return strings.HasSuffix(s, ".") && utf8.RuneCountInString(s) <= 6 || isAcronym(s) && len(s) <= 3
}
