package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadPhoenix(t *testing.T) {
	src := strings.Join([]string{
		"# comment [XXX]",
		"BILL_CLINTON_  # CountryInfo.txt",
		"+PRESIDENT_BILL_CLINTON_",
		"+THE_CLINTON_ADMINISTRATION",
		"\t[USAELI 640101-930120]",
		"\t[USAGOV 930120-010120]",
		"\t[USAELI]",
		"KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt",
		"BAN_KI-MOON\t[IGOUNO >20070101][KORGOVBUS 2004017-20061201]",
		"UNITA_ [ANGREB] #  kkl 21 Mar 13",
		"X_ [---]",
		"Y_\t[USAGOV <19991301]",
	}, "\n")
	es, bad, err := readPhoenix(strings.NewReader(src), "f")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		var cs []string
		for _, c := range e.codes {
			cs = append(cs, c.code+" "+c.from+" "+c.to)
		}
		got = append(got, strings.Join(e.names, "|")+" = "+strings.Join(cs, ", "))
	}
	want := []string{
		"BILL_CLINTON_|PRESIDENT_BILL_CLINTON_|THE_CLINTON_ADMINISTRATION = USAELI 1964-01-01 1993-01-20, USAGOV 1993-01-20 2001-01-20, USAELI  ",
		"KOFI_ANNAN_ = IGOUNO 1997-01-01 2006-12-31, ELI  ",
		"BAN_KI-MOON = IGOUNO 2007-01-01 ",
		"UNITA_ = ANGREB  ",
		"X_ = ",
		"Y_ = ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if bad != 2 {
		t.Errorf("bad = %d, want 2 (a 7-digit date and month 13)", bad)
	}
}

func TestPhoenixDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"890120", "1989-01-20"}, {"010120", "2001-01-20"}, {"291231", "2029-12-31"}, {"300101", "1930-01-01"},
		{"19270101", "1927-01-01"}, {"000229", "2000-02-29"}, {"010229", ""}, {"891301", ""}, {"2004017", ""}, {"", ""},
	} {
		got, ok := phoenixDate(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("phoenixDate(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"BUSH", "Bush"}, {"KI-MOON", "Ki-Moon"}, {"O'NEILL", "O'Neill"}, {"MCCAIN", "McCain"},
		{"AL-ASSAD", "al-Assad"}, {"U.S.", "U.S."}, {"W.", "W."}, {"WÖRNER", "Wörner"}, {"D'ESCOTO", "D'Escoto"},
	} {
		if got := title(c.in); got != c.want {
			t.Errorf("title(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := recasePerson(words("OSAMA_BIN_LADEN_")); got != "Osama bin Laden" {
		t.Errorf("recasePerson = %q", got)
	}
}

// testWorld is a small world for the conversion tests.
func testWorld(t *testing.T) *world {
	t.Helper()
	fx, err := readFixes(fstest.MapFS{"fix.tsv": {Data: []byte(strings.Join([]string{
		"country\tUSR\tRUS", "country\tKKL\t-", "country\tANG\tAGO", "country\tALQ\tMEA", "igo\tNAT\tIGONAT", "igo\tUNO\tIGOUNO",
		"igo\tWHO\tIGOWHO", "agent\tINS\tREB", "agent\tMUS\tREL", "title\tpresident", "title\tmr", "nonname\tadministration",
		"orgword\torganization", "drop\tLa Liga", "hyphen\tjean",
	}, "\n"))}}, "fix.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return &world{
		fx:           fx,
		countries:    map[string]bool{"USA": true, "RUS": true, "AGO": true, "MUS": true, "FRA": true},
		regions:      map[string]bool{"MEA": true, "SAS": true},
		countryWords: map[string]bool{"us": true, "american": true, "french": true, "greece": true},
		lexicon:      map[string]bool{"bush": true, "red": true, "banner": true, "direct": true, "action": true},
		places:       map[string]bool{"paris": true},
		abbrev:       map[string]bool{"Gen": true},
		hand:         map[string][]string{"vladimir putin": {"person"}, "putin": {"person"}, "nato": {"org"}},
		firstNames:   map[string]bool{"abdullah": true, "ahmed": true, "bashir": true},
	}
}

func TestConvertCode(t *testing.T) {
	w := testWorld(t)
	for _, c := range []struct{ in, want string }{
		{"USAGOV", "USAGOV"}, {"AFGGOVBUS", ""}, {"USAGOVBUS", "USAGOV"}, {"USAGOVMIL", "USAMIL"},
		{"USRGOV", "RUSGOV"}, {"KKLREB", ""}, {"IGOWSTNAT", "IGONAT"}, {"IGOUNOHLHWHO", "IGOWHO"},
		{"IGOLAM", "IGO"}, {"NGOHRIAMN", "NGOHRI"}, {"IMGMUSALQ", "MEAREB"}, {"MNC", ""}, {"ELI", ""},
		{"USAINS", "USAREB"}, {"USA", "USA"}, {"USAGO", ""},
	} {
		got, ok := w.convertCode(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("convertCode(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestPersonPhrase(t *testing.T) {
	w := testWorld(t)
	for _, c := range []struct{ in, want string }{
		{"US_PRESIDENT_BILL_CLINTON", "Bill Clinton"},
		{"PRESIDENT_BUSH_", "President Bush"}, // "bush" is an English word
		{"BUSH_", ""},
		{"REAGAN_", "Reagan"},
		{"MR_ABDULLAH", "Mr Abdullah"}, // a first name alone is kept with its title
		{"ABDULLAH_", ""},
		{"BASHIR_AHMED", ""}, // two given names
		{"THE_CLINTON_ADMINISTRATION", ""},
		{"PRESIDENT_OF_THE_UNITED_STATES", ""},
		{"PARIS_", ""},
		{"GEORGE_W._BUSH_", "George W. Bush"},
	} {
		got, ok := w.personPhrase(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("personPhrase(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestHyphenated(t *testing.T) {
	w := testWorld(t)
	for _, c := range []struct{ in, want string }{
		{"Jean Bertrand Aristide", "Jean-Bertrand Aristide"}, {"Jean Ping", ""}, {"Jean de Villepin", ""},
		{"Pierre Buyoya Mugabe", ""}, {"Jean-Claude Juncker", ""},
	} {
		if got := w.hyphenated(c.in); got != c.want {
			t.Errorf("hyphenated(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOrgPhrases(t *testing.T) {
	w := testWorld(t)
	for _, c := range []struct{ in, want string }{
		{"LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_", "Liberation Tigers of Tamil Eelam|LTTE"},
		{"UNITA_", "UNITA"},
		{"HEZBOLLAH_", "Hezbollah"},
		{"RED_BANNER_", ""},
		{"DIRECT_ACTION_(GREECE)_", ""},
		{"THE_EUROPEAN_UNION_", "European Union"},
		{"AL-QAEDA_IN_IRAQ", "al-Qaeda in Iraq"},
		{"313_", ""},
	} {
		if got := strings.Join(w.orgPhrases(c.in), "|"); got != c.want {
			t.Errorf("orgPhrases(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBuild runs the whole conversion on a small sample: hand-written
// people win, shared phrases become country-only lines or go, cabinet
// lists are left out, dated lines repeating the undated code are dropped.
func TestBuild(t *testing.T) {
	w := testWorld(t)
	src := map[string]string{
		srcCountries: strings.Join([]string{
			"GEORGE_BUSH_", "+PRESIDENT_BUSH", "\t[USAGOV 890120-930120]", "\t[USAELI]",
			"GEORGE_W._BUSH_", "+PRESIDENT_BUSH_", "\t[USAGOV 010120-090120]", "\t[USAELI 640101-010120]", "\t[USAELI]",
			"VLADIMIR_PUTIN_", "+PRESIDENT_PUTIN", "\t[RUSGOV >000507]",
			"JOHN_DOE_  # CountryInfo.txt", "\t[USAGOVAGR 030101-041231]",
			"JANE_ROE_  # CountryInfo.txt", "\t[USAGOVMIL 030101-041231]",
			"ISRAEL_DEFENCE_FORCES", "\t[ISRMIL]",
		}, "\n"),
		srcInternational: strings.Join([]string{
			"NATO_", "+NORTH_ATLANTIC_TREATY_ORGANIZATION_", "\t[IGOWSTNAT]",
			"KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]",
		}, "\n"),
		srcMilNonState: "UNITA_ [ANGREB]\n\nLA_LIGA_ [ESPREB]\n",
	}
	var raw []rawEntry
	for _, name := range []string{srcCountries, srcInternational, srcMilNonState} {
		es, _, err := readPhoenix(strings.NewReader(src[name]), name)
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, es...)
	}
	tabs := w.build(raw)
	got := strings.Join(append(append(tabs["person"], tabs["group"]...), tabs["org"]...), "\n")
	want := strings.Join([]string{
		"IGOUNO\tperson\tKofi Annan\t1997-01-01\t2006-12-31\tPhoenix IGOUNO",
		"USAELI\tperson\tGeorge Bush\t\t\tPhoenix USAELI",
		"USAGOV\tperson\tGeorge Bush\t1989-01-20\t1993-01-20\tPhoenix USAGOV",
		"USAELI\tperson\tGeorge W. Bush\t\t\tPhoenix USAELI",
		"USAGOV\tperson\tGeorge W. Bush\t2001-01-20\t2009-01-20\tPhoenix USAGOV",
		"USAMIL\tperson\tJane Roe\t2003-01-01\t2004-12-31\tPhoenix USAGOVMIL",
		"USA\tperson\tPresident Bush\t\t\tPhoenix: ambiguous between George Bush, George W. Bush",
		"AGOREB\tgroup\tUNITA\t\t\tPhoenix ANGREB",
		"IGONAT\torg\tNorth Atlantic Treaty Organization\t\t\tPhoenix IGOWSTNAT",
	}, "\n")
	if got != want {
		t.Errorf("tables:\n%s\nwant:\n%s", got, want)
	}
}

func TestReadFixesErrors(t *testing.T) {
	_, err := readFixes(fstest.MapFS{"fix.tsv": {Data: []byte("country\tUS\tUSA\nigo\tNAT\nfoo\tx\ncountry\tUSR\tRUS\ncountry\tUSR\tRUS\n")}}, "fix.tsv")
	for _, want := range []string{
		`fix.tsv:1: country "US": want 3 capital letters`,
		`fix.tsv:2: igo NAT: want a dyad code or - as TO, got ""`,
		`fix.tsv:3: unknown directive "foo"`,
		`fix.tsv:5: country USR is given twice`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
}

// TestGeneratedUpToDate regenerates the tables from ../shared and the
// repository's data and compares them with the committed files, so that a
// hand edit of a generated file, or a change to fix.tsv or to the
// hand-written tables without `go generate`, is caught.
func TestGeneratedUpToDate(t *testing.T) {
	ref := filepath.Join("..", "..", "..", "shared", "reference", "petrarch2-dictionaries")
	if _, err := os.Stat(filepath.Join(ref, srcCountries)); err != nil {
		t.Skip("../shared (Phoenix dictionaries) not present")
	}
	out := t.TempDir()
	var log bytes.Buffer
	if err := run(ref, filepath.Join("..", "..", "data"), "fix.tsv", out, &log); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{outPeople, outGroups, outOrgs} {
		got, _ := os.ReadFile(filepath.Join(out, f))
		want, err := os.ReadFile(filepath.Join("..", "..", "data", "actors", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/actors/%s is out of date: run go generate ./internal/genphoenix/", f)
		}
	}
}

func FuzzReadPhoenix(f *testing.F) {
	f.Add("BILL_CLINTON_\n+PRESIDENT_CLINTON\n\t[USAGOV 930120-010120]\n\t[USAELI]\n")
	f.Add("X [A 1-2] [B >3] [C <4]\n+\n\t[\n]\n[---]\n")
	f.Fuzz(func(t *testing.T, s string) {
		es, _, err := readPhoenix(strings.NewReader(s), "f")
		if err != nil {
			return
		}
		for _, e := range es {
			if len(e.names) == 0 || e.names[0] == "" {
				t.Fatalf("entry without a name: %+v", e)
			}
			for _, c := range e.codes {
				if !upperLetters(c.code) || c.from != "" && len(c.from) != 10 || c.to != "" && len(c.to) != 10 {
					t.Fatalf("bad code %+v", c)
				}
			}
		}
	})
}
