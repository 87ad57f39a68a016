package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPlural(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Russian", "Russians"}, {"Chinese", ""}, {"Swiss", ""}, {"British", ""}, {"French", ""},
		{"Czech", "Czechs"}, {"Iraqi", "Iraqis"}, {"Filipino", "Filipinos"}, {"Icelander", "Icelanders"},
		{"Malagasy", ""}, {"German", "Germans"}, {"Irishman", "Irishmen"}, {"Omani", "Omanis"},
		{"South Korean", "South Koreans"}, {"Turkmen", ""},
	} {
		got := strings.Join(plural(c.in), "|")
		if got != c.want {
			t.Errorf("plural(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCleanNames(t *testing.T) {
	in := []string{"The Gambia", "Korea, Republic of", "Falkland Islands (Malvinas)", "中华人民共和国",
		"ʁɛpublika de an'ɡɔla", "CI", "US", "Türkiye", "Saint Lucia", "Island"}
	got := strings.Join(cleanNames(in, map[string]bool{"island": true}), "|")
	want := "Gambia|US|Türkiye|Turkiye|Saint Lucia|St. Lucia|St Lucia"
	if got != want {
		t.Errorf("cleanNames = %q, want %q", got, want)
	}
}

func TestMatchKeyAndDedupe(t *testing.T) {
	got := strings.Join(dedupe([]string{"US", "Us", "us", "Congo", "CONGO", "congo"}), "|")
	if want := "US|Us|Congo|CONGO"; got != want {
		t.Errorf("dedupe = %q, want %q", got, want)
	}
}

func TestPhoenixDemonyms(t *testing.T) {
	src := "AFGHANISTAN_  [AFG]\n+AFGHAN_\n+KABUL_\n+AFGHANISTANIAN\nIRELAND_ [IRL]\n+IRISHMAN_\n+DUBLIN_\nX_\n+IRISHWOMAN\n"
	blocks, err := readPhoenix(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(blocks["AFG"], "|"); got != "AFGHANISTAN_|AFGHAN_|KABUL_|AFGHANISTANIAN" {
		t.Errorf("AFG block = %q", got)
	}
	if got := strings.Join(phoenixDemonyms(blocks["IRL"], []string{"Ireland", "Irish"}), "|"); got != "Irishman" {
		t.Errorf("IRL demonyms = %q, want Irishman (IRISHWOMAN is outside the block)", got)
	}
}

func TestPhoenixMisspellings(t *testing.T) {
	block := []string{"AFGHANISTAN_", "AFGANISTAN_", "AFGHAN_", "KABUL_", "AFGHANI_", "HERAT_", "AFGHANISTANI"}
	got := strings.Join(phoenixMisspellings(block, []string{"Afghanistan"}, []string{"Afghan", "Afghans", "Afghani"}, []string{"Kabul"}), "|")
	if got != "Afganistan" {
		t.Errorf("misspellings = %q, want Afganistan (AFGHANISTANI is a demonym's neighbour, AFGHANI a prefix)", got)
	}
	block = []string{"TUNIS_", "TUNISA_", "TUNNISIA"}
	if got := strings.Join(phoenixMisspellings(block, []string{"Tunisia"}, []string{"Tunisian"}, []string{"Tunis"}), "|"); got != "Tunisa|Tunnisia" {
		t.Errorf("misspellings = %q", got)
	}
	for _, c := range []struct {
		a, b string
		d    int
	}{{"QUATAR", "QATAR", 1}, {"ETHOPIA", "ETHIOPIA", 1}, {"KHATMANDU", "KATHMANDU", 2}, {"ABC", "ACB", 1}, {"", "AB", 2}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestReadExtraErrors(t *testing.T) {
	_, err := readExtra(strings.NewReader("USA\tcountry\tAmerica\nUSA\tcountri\tX\nUSA\tadj\n"))
	if err == nil || !strings.Contains(err.Error(), `extra.tsv:2: unknown directive "countri"`) ||
		!strings.Contains(err.Error(), "extra.tsv:3: want 3, 5 or 6") {
		t.Errorf("err = %v", err)
	}
}

// TestGeneratedUpToDate regenerates the tables when the pinned npm
// packages are installed (see doc.go) and compares them with the
// committed files, so a hand edit of a generated file is caught.
func TestGeneratedUpToDate(t *testing.T) {
	root := "/tmp/gencountries/node_modules"
	phx := filepath.Join("..", "..", "..", "shared", "reference", "petrarch2-dictionaries", "Phoenix.Countries.actors.txt")
	if _, err := os.Stat(filepath.Join(root, "world-countries", "package.json")); err != nil {
		t.Skip("pinned npm inputs not installed in /tmp/gencountries (see doc.go)")
	}
	if _, err := os.Stat(phx); err != nil {
		t.Skip("../shared (Phoenix dictionaries) not present")
	}
	out := t.TempDir()
	var log bytes.Buffer
	if err := run(filepath.Join(root, "world-countries"), filepath.Join(root, "i18n-iso-countries"), phx, "extra.tsv", out, &log); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"countries.txt", "capitals.txt"} {
		got, _ := os.ReadFile(filepath.Join(out, f))
		want, err := os.ReadFile(filepath.Join("..", "..", "data", "actors", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/actors/%s is out of date: run go generate ./internal/gencountries/", f)
		}
	}
}

func FuzzReadExtra(f *testing.F) {
	f.Add("USA\tcountry\tAmerica\n*\tdrop\tIsland\nKAZ\tcapital\tNur-Sultan\t2019-03-23\t2022-09-17\tnote\n")
	f.Add("X\t\t\n\t\n#c\n")
	f.Fuzz(func(t *testing.T, s string) {
		ds, err := readExtra(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range ds {
			switch d.kind {
			case "country", "adj", "capital", "drop", "noadj":
			default:
				t.Fatalf("accepted directive %q", d.kind)
			}
		}
	})
}

func FuzzReadPhoenix(f *testing.F) {
	f.Add("AFGHANISTAN_  [AFG]\n+AFGHAN_\n+KABUL_ # city\nX [ABC]\n")
	f.Add("[\n+\n]\nA[]\n")
	f.Fuzz(func(t *testing.T, s string) {
		blocks, err := readPhoenix(strings.NewReader(s))
		if err != nil {
			return
		}
		for code := range blocks {
			if len(code) != 3 {
				t.Fatalf("block code %q", code)
			}
		}
	})
}
