package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Pinned input versions; the tool refuses other versions so that the
// committed tables always correspond to PROVENANCE.md.
const (
	wcVersion   = "5.1.0"
	i18nVersion = "7.14.0"
)

// isoFix maps codes a source writes differently to the code dyad uses.
// world-countries gives Kosovo "UNK" and Phoenix "KSV"; dyad uses the
// user-assigned XKX, as most event datasets do.
var isoFix = map[string]string{"UNK": "XKX", "KSV": "XKX"}

func main() {
	wc := flag.String("wc", "", "directory of the installed npm package world-countries@"+wcVersion)
	i18n := flag.String("i18n", "", "directory of the installed npm package i18n-iso-countries@"+i18nVersion)
	phoenix := flag.String("phoenix", "", "path of Phoenix.Countries.actors.txt (optional: extra demonyms)")
	extra := flag.String("extra", "extra.tsv", "hand-curated additions and removals")
	out := flag.String("out", "../../data/actors", "output directory")
	flag.Parse()
	if err := run(*wc, *i18n, *phoenix, *extra, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

func run(wcDir, i18nDir, phoenixPath, extraPath, outDir string, log io.Writer) error {
	if wcDir == "" || i18nDir == "" {
		return errors.New("-wc and -i18n are required (see doc.go for how to install them)")
	}
	if err := checkVersion(wcDir, wcVersion); err != nil {
		return err
	}
	if err := checkVersion(i18nDir, i18nVersion); err != nil {
		return err
	}
	countries, err := readWorldCountries(filepath.Join(wcDir, "countries.json"))
	if err != nil {
		return err
	}
	names, err := readI18n(filepath.Join(i18nDir, "langs", "en.json"))
	if err != nil {
		return err
	}
	var phx map[string][]string
	if phoenixPath != "" {
		f, err := os.Open(phoenixPath)
		if err != nil {
			return err
		}
		phx, err = readPhoenix(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	ef, err := os.Open(extraPath)
	if err != nil {
		return err
	}
	ex, err := readExtra(ef)
	ef.Close()
	if err != nil {
		return err
	}
	tabs, err := build(countries, names, phx, ex, log)
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(outDir, "countries.txt"), tabs.countries); err != nil {
		return err
	}
	return writeFile(filepath.Join(outDir, "capitals.txt"), tabs.capitals)
}

func checkVersion(dir, want string) error {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return err
	}
	var p struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%s/package.json: %v", dir, err)
	}
	if p.Version != want {
		return fmt.Errorf("%s is version %s; this generator is pinned to %s", p.Name, p.Version, want)
	}
	return nil
}

// wcCountry is the part of a world-countries record the tool uses.
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	AltSpellings []string `json:"altSpellings"`
	Independent  *bool    `json:"independent"`
	Capital      []string `json:"capital"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

func readWorldCountries(path string) ([]wcCountry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cs []wcCountry
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for i := range cs {
		if c, ok := isoFix[cs[i].CCA3]; ok {
			cs[i].CCA3 = c
		}
	}
	return cs, nil
}

// readI18n returns the English names by alpha-2 code; an entry is either
// one name or a list of names.
func readI18n(path string) (map[string][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := make(map[string][]string, len(f.Countries))
	for k, raw := range f.Countries {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			out[k] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("%s: %s: %v", path, k, err)
		}
		out[k] = many
	}
	return out, nil
}

// readPhoenix returns, per country code, the phrases of the country's
// name block: the header line "NAME_  [ABC]" and the "+ALIAS" lines after
// it. The blocks mix names, demonyms, misspellings, cities and provinces;
// the caller keeps only demonyms (see phoenixDemonyms).
func readPhoenix(r io.Reader) (map[string][]string, error) {
	out := map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	cur := ""
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimRight(line, " \t\r")
		if strings.HasPrefix(line, "+") {
			if cur != "" {
				out[cur] = append(out[cur], strings.TrimSpace(line[1:]))
			}
			continue
		}
		cur = ""
		open := strings.IndexByte(line, '[')
		if open <= 0 || !strings.HasSuffix(line, "]") || line[0] < 'A' || line[0] > 'Z' {
			continue
		}
		code := line[open+1 : len(line)-1]
		if len(code) != 3 || !isUpper(code) {
			continue
		}
		if c, ok := isoFix[code]; ok {
			code = c
		}
		cur = code
		out[cur] = append(out[cur], strings.TrimSpace(line[:open]))
	}
	return out, sc.Err()
}

// directive is one line of extra.tsv.
type directive struct {
	line     int
	code     string
	kind     string // country, adj, capital, drop, noadj
	phrases  []string
	from, to string
	note     string
}

func readExtra(r io.Reader) ([]directive, error) {
	var out []directive
	var errs []string
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) != 3 && len(f) != 5 && len(f) != 6 {
			errs = append(errs, fmt.Sprintf("extra.tsv:%d: want 3, 5 or 6 tab-separated fields, got %d", n, len(f)))
			continue
		}
		d := directive{line: n, code: f[0], kind: f[1], phrases: splitPhrases(f[2])}
		if len(f) >= 5 {
			d.from, d.to = f[3], f[4]
		}
		if len(f) == 6 {
			d.note = f[5]
		}
		switch d.kind {
		case "country", "adj", "capital", "drop", "noadj":
		default:
			errs = append(errs, fmt.Sprintf("extra.tsv:%d: unknown directive %q", n, d.kind))
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return out, nil
}

func splitPhrases(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// entry is one output line.
type entry struct {
	code, kind string
	phrases    []string
	from, to   string
	note       string
}

type country struct {
	code        string
	independent bool
	names       []string
	adjs        []string
	capitals    []entry
	noadj       string
}

type tables struct {
	countries, capitals []string
}

func build(wc []wcCountry, i18n map[string][]string, phx map[string][]string, ex []directive, log io.Writer) (tables, error) {
	byCode := map[string]*country{}
	var order []string
	var capitals []string
	for _, c := range wc {
		capitals = append(capitals, c.Capital...)
	}
	for _, c := range wc {
		ind := c.Independent != nil && *c.Independent
		k := &country{code: c.CCA3, independent: ind}
		k.names = append(k.names, c.Name.Common, c.Name.Official)
		k.names = append(k.names, i18n[c.CCA2]...)
		for i, a := range c.AltSpellings {
			if i == 0 && a == c.CCA2 {
				continue
			}
			k.names = append(k.names, a)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				for _, p := range splitDemonym(s) {
					k.adjs = append(k.adjs, p)
					k.adjs = append(k.adjs, plural(p)...)
				}
			}
		}
		for _, p := range phoenixDemonyms(phx[c.CCA3], append([]string{c.Name.Common}, k.adjs...)) {
			if !containsFold(k.adjs, p) {
				fmt.Fprintf(log, "phoenix demonym %s %s\n", c.CCA3, p)
				k.adjs = append(k.adjs, p)
			}
		}
		for _, p := range phoenixMisspellings(phx[c.CCA3], k.names, k.adjs, capitals) {
			if !containsFold(k.names, p) {
				fmt.Fprintf(log, "phoenix misspelling %s %s\n", c.CCA3, p)
				k.names = append(k.names, p)
			}
		}
		for _, cap := range c.Capital {
			phrases := []string{cap}
			for _, p := range phoenixMisspellings(phx[c.CCA3], []string{cap}, append(k.names, k.adjs...), capitals) {
				fmt.Fprintf(log, "phoenix misspelling %s capital %s\n", c.CCA3, p)
				phrases = append(phrases, p)
			}
			k.capitals = append(k.capitals, entry{code: c.CCA3 + "GOV", kind: "capital", phrases: phrases})
		}
		byCode[c.CCA3] = k
		order = append(order, c.CCA3)
	}
	sort.Strings(order)

	// Removals first (they apply to source-derived phrases), then additions.
	var errs []string
	dropAll := map[string]bool{}
	for _, d := range ex {
		if d.kind != "drop" {
			continue
		}
		if d.code == "*" {
			for _, p := range d.phrases {
				dropAll[strings.ToLower(p)] = true
			}
			continue
		}
		k := byCode[d.code]
		if k == nil {
			errs = append(errs, fmt.Sprintf("extra.tsv:%d: unknown code %s", d.line, d.code))
			continue
		}
		for _, p := range d.phrases {
			n := len(k.names) + len(k.adjs) + len(k.capitals)
			k.names = remove(k.names, p)
			k.adjs = remove(k.adjs, p)
			k.capitals = removeCap(k.capitals, p)
			if len(k.names)+len(k.adjs)+len(k.capitals) == n {
				errs = append(errs, fmt.Sprintf("extra.tsv:%d: %s has no phrase %q to drop", d.line, d.code, p))
			}
		}
	}
	for _, k := range byCode {
		k.names = cleanNames(k.names, dropAll)
		k.adjs = cleanNames(k.adjs, dropAll)
		var caps []entry
		for _, c := range k.capitals {
			c.phrases = cleanNames(c.phrases, dropAll)
			if len(c.phrases) > 0 && !containsFold(k.names, c.phrases[0]) {
				caps = append(caps, c)
			}
		}
		k.capitals = caps
	}
	for _, d := range ex {
		if d.kind == "drop" {
			continue
		}
		k := byCode[d.code[:min(3, len(d.code))]]
		if k == nil {
			errs = append(errs, fmt.Sprintf("extra.tsv:%d: unknown code %s", d.line, d.code))
			continue
		}
		switch d.kind {
		case "country":
			k.names = append(k.names, withVariants(d.phrases)...)
		case "adj":
			k.adjs = append(k.adjs, withVariants(d.phrases)...)
		case "capital":
			if d.from != "" && d.to == "" && d.note == "" {
				errs = append(errs, fmt.Sprintf("extra.tsv:%d: an open-ended date range needs a note (trailing empty fields are trimmed)", d.line))
			}
			code := d.code
			if len(code) == 3 {
				code += "GOV" // a capital stands for the government unless the line says otherwise
			}
			// A hand line with dates or a note replaces a source line for the same city.
			var kept []entry
			for _, c := range k.capitals {
				if c.from == "" && c.to == "" && c.note == "" {
					for _, ph := range d.phrases {
						c.phrases = remove(c.phrases, ph)
					}
				}
				if len(c.phrases) > 0 {
					kept = append(kept, c)
				}
			}
			k.capitals = kept
			k.capitals = append(k.capitals, entry{code: code, kind: "capital", phrases: withVariants(d.phrases), from: d.from, to: d.to, note: d.note})
		case "noadj":
			k.noadj = strings.Join(d.phrases, " ")
		}
	}
	for _, k := range byCode {
		k.names = dedupe(k.names)
		k.adjs = dedupe(k.adjs)
		for i := range k.capitals {
			k.capitals[i].phrases = dedupe(k.capitals[i].phrases)
		}
	}
	resolveConflicts(byCode, order, log)

	var t tables
	for _, code := range order {
		k := byCode[code]
		if len(k.names) == 0 {
			errs = append(errs, fmt.Sprintf("%s: no country name left", code))
			continue
		}
		t.countries = append(t.countries, line(entry{code: code, kind: "country", phrases: k.names}))
		switch {
		case len(k.adjs) > 0:
			t.countries = append(t.countries, line(entry{code: code, kind: "adj", phrases: k.adjs}))
		case k.noadj != "":
			t.countries = append(t.countries, "# "+code+"\tadj\t(none: "+k.noadj+")")
		default:
			errs = append(errs, fmt.Sprintf("%s: no demonym left; add one or a noadj directive to extra.tsv", code))
		}
		for _, c := range k.capitals {
			if len(c.phrases) > 0 {
				t.capitals = append(t.capitals, line(c))
			}
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return t, errors.New(strings.Join(errs, "\n"))
	}
	return t, nil
}

// resolveConflicts removes a phrase that names more than one code within
// one kind. An independent state keeps a phrase shared with dependent
// territories (French: FRA, not the French Southern Lands); any other tie
// is dropped from all sides and reported, to be settled in extra.tsv.
func resolveConflicts(byCode map[string]*country, order []string, log io.Writer) {
	for _, kind := range []string{"country", "adj", "capital"} {
		owners := map[string][]string{}
		for _, code := range order {
			k := byCode[code]
			for _, p := range phrasesOf(k, kind) {
				key := matchKey(p)
				if n := len(owners[key]); n == 0 || owners[key][n-1] != code {
					owners[key] = append(owners[key], code)
				}
			}
		}
		keys := make([]string, 0, len(owners))
		for key := range owners {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			codes := owners[key]
			if len(codes) < 2 {
				continue
			}
			var ind []string
			for _, c := range codes {
				if byCode[c].independent {
					ind = append(ind, c)
				}
			}
			keep := ""
			if len(ind) == 1 {
				keep = ind[0]
			}
			for _, c := range codes {
				if c == keep {
					continue
				}
				dropKey(byCode[c], kind, key)
			}
			if keep != "" {
				fmt.Fprintf(log, "%s %q: kept for %s, dropped for %v\n", kind, key, keep, codes)
			} else {
				fmt.Fprintf(log, "%s %q: ambiguous among %v, dropped\n", kind, key, codes)
			}
		}
	}
}

func phrasesOf(k *country, kind string) []string {
	switch kind {
	case "country":
		return k.names
	case "adj":
		return k.adjs
	}
	var out []string
	for _, c := range k.capitals {
		out = append(out, c.phrases...)
	}
	return out
}

func dropKey(k *country, kind, key string) {
	keep := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			if matchKey(p) != key {
				out = append(out, p)
			}
		}
		return out
	}
	switch kind {
	case "country":
		k.names = keep(k.names)
	case "adj":
		k.adjs = keep(k.adjs)
	default:
		for i := range k.capitals {
			k.capitals[i].phrases = keep(k.capitals[i].phrases)
		}
	}
}

// matchKey is how the engine compares phrases: all-capital phrases (US,
// UAE) exactly, the rest case-insensitively.
func matchKey(p string) string {
	if allCaps(p) {
		return p
	}
	return strings.ToLower(p)
}

func allCaps(p string) bool {
	n := 0
	for _, r := range p {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func line(e entry) string {
	s := e.code + "\t" + e.kind + "\t" + strings.Join(e.phrases, "|")
	if e.from != "" || e.to != "" || e.note != "" {
		s += "\t" + e.from + "\t" + e.to
	}
	if e.note != "" {
		s += "\t" + e.note
	}
	return s
}

func writeFile(path string, lines []string) error {
	var b strings.Builder
	b.WriteString("# Generated by internal/gencountries (go generate ./internal/gencountries/); DO NOT EDIT.\n")
	b.WriteString("# Sources and licenses: PROVENANCE.md. Change extra.tsv in the generator, not this file.\n")
	b.WriteString("# CODE\tKIND\tphrases\t[FROM\tTO]\t[note]\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// cleanNames keeps the phrases that can appear in English running text:
// Latin script only, no inverted "Korea, Republic of" or parenthesised
// ISO list forms, no bare two-letter codes other than US and UK, and no
// leading "the" (the engine treats a leading "the" as optional).
func cleanNames(in []string, dropAll map[string]bool) []string {
	var out []string
	for _, p := range in {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "The ") || strings.HasPrefix(p, "the ") {
			p = p[4:]
		}
		if p == "" || dropAll[strings.ToLower(p)] || strings.ContainsAny(p, "(),;#\t") || !latinOnly(p) {
			continue
		}
		if allCaps(p) && len(p) == 2 && p != "US" && p != "UK" {
			continue
		}
		out = append(out, withVariants([]string{p})...)
	}
	return out
}

// withVariants adds the forms news text uses for the same phrase: one
// without diacritics (Türkiye -> Turkiye) and St./St for Saint.
func withVariants(in []string) []string {
	var out []string
	for _, p := range in {
		out = append(out, p)
		if f := fold(p); f != p {
			out = append(out, f)
		}
		if strings.HasPrefix(p, "Saint ") {
			rest := p[len("Saint "):]
			out = append(out, "St. "+rest, "St "+rest)
		}
	}
	return out
}

func latinOnly(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
		// IPA and dotted scholarly transliterations (ʁ, ṭ, ḥ) and
		// Vietnamese stacked diacritics never occur in English news copy.
		if (r >= 0x250 && r <= 0x2AF) || (r >= 0x1E00 && r <= 0x1EFF) {
			return false
		}
		if !unicode.IsLetter(r) && !strings.ContainsRune(" -'.’", r) {
			return false
		}
	}
	return true
}

// foldTable strips the diacritics that occur in English spellings of
// country and city names.
var foldTable = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ā': "a", 'ă': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ō': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ç': "c", 'č': "c", 'ć': "c", 'ñ': "n", 'ń': "n", 'ș': "s", 'ş': "s", 'š': "s",
	'ț': "t", 'ţ': "t", 'ž': "z", 'ý': "y", 'ğ': "g", 'ı': "i", 'ł': "l", 'đ': "d",
	'Á': "A", 'Å': "A", 'Ä': "A", 'É': "E", 'Í': "I", 'Ó': "O", 'Ö': "O", 'Ú': "U", 'Ü': "U",
	'Ç': "C", 'Č': "C", 'Ş': "S", 'Š': "S", 'Ž': "Z", 'İ': "I",
	'’': "'",
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func splitDemonym(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		for _, b := range strings.Split(a, " or ") {
			if b = strings.TrimSpace(b); b != "" {
				out = append(out, b)
			}
		}
	}
	return out
}

// plural gives the plural of a demonym noun ("Russian" -> "Russians");
// adjective-only forms (Chinese, French, Swiss, British) have none.
func plural(s string) []string {
	last := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		last = s[i+1:]
	}
	switch {
	case last == "":
		return nil
	case strings.HasSuffix(last, "ese"), strings.HasSuffix(last, "ss"), strings.HasSuffix(last, "sh"),
		strings.HasSuffix(last, "ch") && !strings.HasSuffix(last, "ech"), strings.HasSuffix(last, "s"),
		strings.HasSuffix(last, "x"), strings.HasSuffix(last, "z"), strings.HasSuffix(last, "y"):
		return nil
	case strings.HasSuffix(last, "man") && !strings.HasSuffix(last, "Oman") && len(last) > 3 && last != "German" && last != "Turkmen":
		return []string{s[:len(s)-3] + "men"}
	}
	switch last {
	case "Vatican", "Malagasy", "Kirghiz", "Turkmen", "Djibouti", "Gibraltar", "Motswana", "Mosotho", "I-Kiribati", "Ni-Vanuatu":
		return nil
	}
	return []string{s + "s"}
}

// phoenixDemonyms picks demonyms out of a Phoenix name block. The blocks
// mix names, demonyms, misspellings, cities and provinces, so only single
// words with a clear demonym ending (-ian, -ean, -ese, -ish, -man,
// -woman) that share their first five letters with the country's name or
// a known demonym are taken ("Irishman", "Netherlander" is not); the
// remaining mistakes are dropped in extra.tsv.
func phoenixDemonyms(block []string, known []string) []string {
	var stems []string
	for _, k := range known {
		if len(k) >= 5 {
			stems = append(stems, strings.ToUpper(fold(k))[:5])
		}
	}
	var out []string
	for _, p := range block {
		w := strings.TrimRight(p, "_ ")
		if len(w) < 5 || !isUpper(w) || !hasDemonymEnding(w) {
			continue
		}
		for _, s := range stems {
			if strings.HasPrefix(w, s) {
				out = append(out, w[:1]+strings.ToLower(w[1:]))
				break
			}
		}
	}
	return out
}

// phoenixMisspellings returns the one-word names of a Phoenix country
// block that misspell one of the country's names ("AFGANISTAN_",
// "ETHOPIA_", "QUATAR_"): at most one edit away (two for names of seven
// letters or more), with the same first letter, neither a prefix of the
// other ("TUNIS", "TUNISIA"), not a capital, and not nearer to one of the
// country's demonyms ("ARGENTINEAN" is an adjective).
func phoenixMisspellings(block, names, adjs, capitals []string) []string {
	var out []string
	for _, p := range block {
		w := strings.TrimRight(p, "_ ")
		if len(w) < 5 || !isUpper(w) || containsFold(capitals, w) {
			continue
		}
		nearAdj := 99
		for _, a := range adjs {
			if u := strings.ToUpper(fold(a)); isUpper(u) {
				nearAdj = min(nearAdj, editDistance(w, u))
			}
		}
		for _, n := range names {
			u := strings.ToUpper(fold(n))
			if !isUpper(u) || u == w || u[0] != w[0] || strings.HasPrefix(u, w) || strings.HasPrefix(w, u) {
				continue
			}
			limit := 1
			if len(u) >= 7 {
				limit = 2
			}
			if d := editDistance(w, u); d <= limit && d < nearAdj {
				out = append(out, w[:1]+strings.ToLower(w[1:]))
				break
			}
		}
	}
	return out
}

// editDistance is the optimal-string-alignment distance (insertions,
// deletions, substitutions and swaps of neighbours) between ASCII words.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func hasDemonymEnding(w string) bool {
	for _, suf := range []string{"IAN", "EAN", "ESE", "ISH", "MAN", "WOMAN"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func remove(in []string, p string) []string {
	var out []string
	for _, s := range in {
		if !strings.EqualFold(fold(s), fold(p)) {
			out = append(out, s)
		}
	}
	return out
}

func removeCap(in []entry, p string) []entry {
	var out []entry
	for _, e := range in {
		e.phrases = remove(e.phrases, p)
		if len(e.phrases) > 0 {
			out = append(out, e)
		}
	}
	return out
}

func containsFold(list []string, p string) bool {
	for _, s := range list {
		if matchKey(s) == matchKey(p) {
			return true
		}
	}
	return false
}

// dedupe keeps the first of phrases the engine would match identically.
func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range in {
		k := matchKey(p)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}
