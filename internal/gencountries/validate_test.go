package main

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// This file checks the syntax of data/actors/*.txt (ACTOR-FORMAT.md) so
// that data mistakes fail CI before the actor engine loads the files. It
// is deliberately stricter than the format where the format is ambiguous:
// a line has 3 fields, 5 (with FROM and TO) or 6 (with a note), never 4.

var kinds = map[string]bool{
	"country": true, "adj": true, "capital": true, "metonym": true, "region": true,
	"org": true, "group": true, "agent": true, "person": true, "media": true,
}

// agentCodes are the CAMEO agent/sector codes the dictionaries may use
// (reference/cameo-codes/agentnames.txt and the CAMEO manual).
var agentCodes = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "REB": true,
	"MED": true, "BUS": true, "CVL": true, "REF": true, "SPY": true, "IGO": true, "NGO": true,
	"ELI": true, "LAB": true, "EDU": true, "HLH": true, "CRM": true, "ENV": true, "HRI": true,
	"DEV": true, "AGR": true, "REL": true, "PTY": true, "INS": true, "SEP": true, "UAF": true,
	"MNC": true, "IMG": true, "MOD": true, "RAD": true, "SET": true, "AMN": true,
}

// entryRec is one parsed line, kept for the cross-line checks.
type entryRec struct {
	pos      string
	code     string
	kind     string
	phrases  []string
	from, to string
}

// validate checks every file of fsys under dir ending in .txt. Country
// and region codes defined by country and region lines (in any file) are
// what other codes may start with.
func validate(fsys fs.FS, dir, prefix string) error {
	var recs []entryRec
	err := dict.ReadDir(fsys, dir, ".txt", prefix, func(l dict.Line) error {
		r, err := parseLine(l)
		if err != nil {
			return err
		}
		recs = append(recs, r)
		return nil
	})
	var errs dict.ErrorList
	if err != nil {
		list, ok := err.(dict.ErrorList)
		if !ok {
			return err
		}
		errs = append(errs, list...)
	}
	countries := map[string]bool{}
	regions := map[string]bool{}
	for _, r := range recs {
		switch r.kind {
		case "country":
			countries[r.code] = true
		case "region":
			regions[r.code[:3]] = true
		}
	}
	for _, r := range recs {
		if msg := checkCode(r, countries, regions); msg != "" {
			errs = append(errs, posErr(r.pos, msg))
		}
	}
	errs = append(errs, checkConflicts(recs, true)...)
	return errs.Err()
}

func posErr(pos, msg string) *dict.Error {
	i := strings.LastIndexByte(pos, ':')
	var n int
	fmt.Sscanf(pos[i+1:], "%d", &n)
	return &dict.Error{File: pos[:i], Line: n, Msg: msg}
}

func parseLine(l dict.Line) (entryRec, error) {
	f := l.Fields()
	if len(f) != 3 && len(f) != 5 && len(f) != 6 {
		return entryRec{}, l.Errorf("want 3, 5 or 6 tab-separated fields (CODE KIND phrases [FROM TO] [note]), got %d (trailing empty fields are trimmed: a line with FROM and no TO needs a note)", len(f))
	}
	r := entryRec{pos: l.Pos(), code: f[0], kind: f[1]}
	if !kinds[r.kind] {
		return r, l.Errorf("unknown kind %q (valid: %s)", r.kind, kindList())
	}
	if !upperLetters(r.code) || len(r.code) < 3 || len(r.code) > 15 {
		return r, l.Errorf("bad code %q: want 3 to 15 capital letters", r.code)
	}
	for _, p := range strings.Split(f[2], "|") {
		if p == "" || strings.TrimSpace(p) != p {
			return r, l.Errorf("empty phrase or phrase with surrounding space in %q", f[2])
		}
		r.phrases = append(r.phrases, p)
	}
	if len(f) >= 5 {
		r.from, r.to = f[3], f[4]
		for _, d := range []string{r.from, r.to} {
			if d != "" && !validDate(d) {
				return r, l.Errorf("bad date %q: want YYYY-MM-DD, YYYY or empty", d)
			}
		}
		if r.from != "" && r.to != "" && lo(r.from) > hi(r.to) {
			return r, l.Errorf("FROM %s is after TO %s", r.from, r.to)
		}
		if len(f) == 5 && r.from == "" && r.to == "" {
			return r, l.Errorf("empty FROM and TO without a note: drop the two fields")
		}
	}
	if len(f) == 6 && f[5] == "" {
		return r, l.Errorf("empty note field")
	}
	return r, nil
}

func kindList() string {
	var k []string
	for s := range kinds {
		k = append(k, s)
	}
	sort.Strings(k)
	return strings.Join(k, ", ")
}

func upperLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func validDate(d string) bool {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	if len(d) == 4 {
		return digits(d)
	}
	if len(d) != 10 || d[4] != '-' || d[7] != '-' || !digits(d[:4]) || !digits(d[5:7]) || !digits(d[8:]) {
		return false
	}
	m, day := d[5:7], d[8:]
	if m < "01" || m > "12" || day < "01" {
		return false
	}
	days := map[string]string{"01": "31", "02": "29", "03": "31", "04": "30", "05": "31", "06": "30",
		"07": "31", "08": "31", "09": "30", "10": "31", "11": "30", "12": "31"}
	return day <= days[m]
}

// lo and hi widen a year-only date to the range it covers.
func lo(d string) string {
	if d == "" {
		return "0000-00-00"
	}
	if len(d) == 4 {
		return d + "-01-01"
	}
	return d
}

func hi(d string) string {
	if d == "" {
		return "9999-99-99"
	}
	if len(d) == 4 {
		return d + "-12-31"
	}
	return d
}

// checkCode checks the code's shape for its kind: country and adj lines
// carry an ISO alpha-3 code; agent lines a bare agent code (one or two
// three-letter agent codes); everything else starts with a defined
// country, a region, or IGO, followed by three-letter parts (the EU's
// code IGOEU is the one two-letter part, as CAMEO writes it).
func checkCode(r entryRec, countries, regions map[string]bool) string {
	c := r.code
	switch r.kind {
	case "country", "adj":
		if len(c) != 3 {
			return fmt.Sprintf("%s line with code %q: want a bare ISO 3166-1 alpha-3 code", r.kind, c)
		}
		return ""
	case "region":
		if len(c)%3 != 0 {
			return fmt.Sprintf("region code %q: want three-letter parts", c)
		}
		return ""
	case "agent":
		if len(c)%3 != 0 {
			return fmt.Sprintf("agent code %q: want three-letter CAMEO agent codes", c)
		}
		for i := 0; i < len(c); i += 3 {
			if !agentCodes[c[i:i+3]] {
				return fmt.Sprintf("agent code %q: %s is not a known CAMEO agent code", c, c[i:i+3])
			}
		}
		return ""
	}
	head := c[:3]
	if !countries[head] && !regions[head] && head != "IGO" && head != "NGO" {
		return fmt.Sprintf("code %q does not start with a country defined in countries.txt, a region, IGO or NGO", c)
	}
	rest := c[3:]
	if head == "IGO" && strings.HasPrefix(rest, "EU") && (len(rest)-2)%3 == 0 {
		rest = rest[2:]
	}
	if len(rest)%3 != 0 {
		return fmt.Sprintf("code %q: want three-letter parts after %s", c, head)
	}
	if r.kind == "capital" || r.kind == "metonym" || r.kind == "media" || r.kind == "group" || r.kind == "person" {
		if r.kind == "capital" && head == "IGO" {
			return "a capital belongs to a country"
		}
		if r.kind == "media" && head != "IGO" && !strings.HasSuffix(c, "MED") {
			return fmt.Sprintf("media code %q: want <country>MED", c)
		}
	}
	return ""
}

// checkConflicts reports a phrase that, within one file and kind, names
// two different codes at overlapping dates. Person lines are exempt for
// the same canonical name (that is one person's successive roles, which
// may overlap), and so are a person's aliases shared with other lines of
// the same person.
func checkConflicts(recs []entryRec, perFile bool) dict.ErrorList {
	type key struct{ file, kind, phrase string }
	seen := map[key][]entryRec{}
	var errs dict.ErrorList
	for _, r := range recs {
		file := r.pos[:strings.LastIndexByte(r.pos, ':')]
		if !perFile {
			file = ""
		}
		for _, p := range r.phrases {
			// Lower case on both sides: a mixed-case phrase ("JeM") also
			// matches its all-capital spelling ("JEM") in text.
			kind := r.kind
			if !perFile {
				kind = ""
			}
			k := key{file, kind, strings.ToLower(p)}
			for _, o := range seen[k] {
				if o.code == r.code {
					continue
				}
				if r.kind == "person" && o.kind == "person" && matchKey(o.phrases[0]) == matchKey(r.phrases[0]) {
					continue
				}
				if lo(r.from) <= hi(o.to) && lo(o.from) <= hi(r.to) {
					errs = append(errs, posErr(r.pos, fmt.Sprintf("phrase %q (%s) is %s here but %s at %s for overlapping dates", p, r.kind, r.code, o.code, o.pos)))
				}
			}
			seen[k] = append(seen[k], r)
		}
	}
	return errs
}

func TestActorDataSyntax(t *testing.T) {
	names, err := dict.Files(data.FS, "actors", ".txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no data/actors/*.txt embedded")
	}
	if err := validate(data.FS, "actors", data.Prefix); err != nil {
		t.Errorf("data/actors has errors:\n%v", err)
	}
}

// TestCountriesComplete checks the generated table's promise: one country
// line per code, at most one adj line, every ISO 3166-1 entry present.
func TestCountriesComplete(t *testing.T) {
	country := map[string]int{}
	adj := map[string]int{}
	err := dict.ReadFile(data.FS, "actors/countries.txt", data.Prefix, func(l dict.Line) error {
		f := l.Fields()
		switch f[1] {
		case "country":
			country[f[0]]++
		case "adj":
			adj[f[0]]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(country) < 249 {
		t.Errorf("countries.txt has %d codes, want all 249 ISO 3166-1 entries plus Kosovo", len(country))
	}
	for c, n := range country {
		if n != 1 {
			t.Errorf("%s has %d country lines", c, n)
		}
	}
	for c, n := range adj {
		if n != 1 || country[c] == 0 {
			t.Errorf("%s: %d adj lines, %d country lines", c, n, country[c])
		}
	}
	for _, c := range []string{"USA", "GBR", "RUS", "CHN", "PRK", "KOR", "XKX", "PSE", "TWN", "HKG", "CIV", "MMR", "TUR", "CZE"} {
		if country[c] != 1 || adj[c] != 1 {
			t.Errorf("%s missing a country or adj line", c)
		}
	}
}

func TestValidateReportsBadLines(t *testing.T) {
	fsys := fstest.MapFS{
		"actors/countries.txt": {Data: []byte("RUS\tcountry\tRussia\nUKR\tcountry\tUkraine\nAFG\tcountry\tAfghanistan\n")},
		"actors/regions.txt":   {Data: []byte("WST\tregion\tthe West\n")},
		"actors/bad.txt": {Data: []byte(strings.Join([]string{
			"RUSGOV\tcapital\tMoscow",                                // 1 ok
			"RUSGOV\tcapitol\tMoscow",                                // 2 unknown kind
			"RUSGOV\tcapital\tMoscow\tnote only",                     // 3 four fields
			"ZZZGOV\tmetonym\tthe Zed House",                         // 4 unknown country
			"RUSMIL\tperson\tSergei Shoigu\t2012-11-06\t2024-05-12",  // 5 ok
			"RUSGOV\tperson\tSergei Shoigu\t2024-05-12\t\tsecretary", // 6 ok (same person)
			"RUSMIL\tmetonym\tMoscow\t2024-13-01\t2025",              // 7 bad month
			"UKRGOV\tcapital\tmoscow",                                // 8 conflicts with line 1
			"RUSGOV\tcapital\tPetersburg\t2020\t2019",                // 9 reversed
			"XXX\tagent\tdefence minister",                           // 10 bad agent code
			"MIL\tagent\tdefense minister||general",                  // 11 empty phrase
			"RUSTASS\tmedia\tTASS",                                   // 12 code parts
			"AFGREB\tgroup\tTaliban\t\t2021-08-15",                   // 13 ok
			"AFGGOV\tgroup\tTaliban\t2021-08-16\t\tgoverning",        // 14 ok: disjoint dates
			"AFGGOV\tgroup\tTaliban\t2021\t\tx",                      // 15 overlaps line 13
			"IGOEUCOM\torg\tEuropean Commission",                     // 16 ok (EU is two letters)
			"RUSGOV\tmedia\tRossiya",                                 // 17 media code not MED
		}, "\n") + "\n")},
	}
	err := validate(fsys, "actors", "data/")
	want := []string{
		`data/actors/bad.txt:2: unknown kind "capitol"`,
		"data/actors/bad.txt:3: want 3, 5 or 6 tab-separated fields",
		"data/actors/bad.txt:7: bad date \"2024-13-01\"",
		"data/actors/bad.txt:9: FROM 2020 is after TO 2019",
		"data/actors/bad.txt:11: empty phrase",
		`data/actors/bad.txt:4: code "ZZZGOV" does not start with a country`,
		`data/actors/bad.txt:10: agent code "XXX"`,
		`data/actors/bad.txt:12: code "RUSTASS": want three-letter parts`,
		`data/actors/bad.txt:17: media code "RUSGOV"`,
		`data/actors/bad.txt:8: phrase "moscow" (capital) is UKRGOV here but RUSGOV at data/actors/bad.txt:1`,
		`data/actors/bad.txt:15: phrase "Taliban" (group) is AFGGOV here but AFGREB at data/actors/bad.txt:13`,
	}
	if err == nil {
		t.Fatal("validate accepted bad lines")
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(got), len(want), err)
	}
	for i := range want {
		if i >= len(got) || !strings.HasPrefix(got[i], want[i]) {
			g := ""
			if i < len(got) {
				g = got[i]
			}
			t.Errorf("error %d = %q, want prefix %q", i, g, want[i])
		}
	}
}

func FuzzParseLine(f *testing.F) {
	f.Add("RUSGOV\tcapital\tMoscow")
	f.Add("RUSMIL\tperson\tSergei Shoigu|Shoigu\t2012-11-06\t2024-05-12\tdefence minister")
	f.Add("X\tadj\t|\t2024-02-30\t")
	f.Fuzz(func(t *testing.T, s string) {
		_ = dict.Parse("f", []byte(s), func(l dict.Line) error {
			r, err := parseLine(l)
			if err == nil && (len(r.phrases) == 0 || !kinds[r.kind]) {
				t.Fatalf("accepted %q as %+v", l.Text, r)
			}
			return nil
		})
	})
}

// TestNoCrossFileConflicts reports a phrase that names different codes in
// different files or kinds at overlapping dates (e.g. RSF as an NGO and as
// Sudan's Rapid Support Forces): the engine could not choose between them.
func TestNoCrossFileConflicts(t *testing.T) {
	var recs []entryRec
	err := dict.ReadDir(data.FS, "actors", ".txt", data.Prefix, func(l dict.Line) error {
		r, err := parseLine(l)
		if err == nil {
			recs = append(recs, r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range checkConflicts(recs, false) {
		t.Error(e)
	}
}
