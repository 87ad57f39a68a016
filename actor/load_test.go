package actor

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad/dict"
)

func TestLoadReportsEveryBadLine(t *testing.T) {
	fsys := fstest.MapFS{
		"actors/a.txt": {Data: []byte(strings.Join([]string{
			"# comment",
			"RUS\tcountry\tRussia",                                  // 2 ok
			"RUS\tnation\tRussia",                                   // 3 bad kind
			"rus\tcountry\tRussia",                                  // 4 lower-case code
			"RU\tcountry\tRussia",                                   // 5 too short
			"RUS\tcountry",                                          // 6 too few fields
			"RUS\tcountry\tRussia||Rossiya",                         // 7 empty phrase
			"RUSMIL\tperson\tSergei Shoigu\t2012-13-01\t",           // 8 bad month
			"RUSMIL\tperson\tSergei Shoigu\t2024-02\t2012",          // 9 FROM after TO
			"XYZ\tagent\tminister",                                  // 10 not an agent code
			"GOV\tagent\tminister",                                  // 11 ok
			"CHN\tcountry\tRussia",                                  // 12 conflict with line 2
			"RUSGOV\tperson\tVladimir Putin\t2000\t2008\tpresident", // 13 ok
			"RUSGOV\tperson\tVladimir Putin\t2012",                  // 14 ok, open TO
			"RUS\tcountry\tthe",                                     // 15 only an article
			"A\tB\tC\tD\tE\tF\tG",                                   // 16 too many fields
		}, "\n"))},
		"actors/b.txt": {Data: []byte("USA\tcountry\tUnited States\n\xff\n")},
	}
	d, err := Load(Config{Builtin: fsys, BuiltinPrefix: "data/"})
	if d == nil {
		t.Fatal("Load returned no dictionary with its errors")
	}
	var list dict.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a dict.ErrorList", err)
	}
	want := []string{
		`data/actors/a.txt:3: unknown kind "nation" (valid kinds: person, media, group, org, metonym, capital, country, adj, region, agent)`,
		`data/actors/a.txt:4: CODE "rus": want upper-case letters A-Z only`,
		`data/actors/a.txt:5: CODE "RU": want 3 to 15 letters (RUS, RUSGOV, IGOEU, IGOUNOSEC)`,
		`data/actors/a.txt:6: want CODE<TAB>KIND<TAB>phrases[<TAB>FROM<TAB>TO][<TAB>note], got 2 field(s)`,
		`data/actors/a.txt:7: empty phrase in "Russia||Rossiya"`,
		`data/actors/a.txt:8: FROM: "2012-13-01": no such month`,
		`data/actors/a.txt:9: FROM 2024-02 is after TO 2012`,
		`data/actors/a.txt:10: CODE "XYZ": "XYZ" is not a CAMEO agent code (GOV, MIL, COP, JUD, LEG, OPP, REB, MED, BUS, CVL, REF, SPY, ELI, …)`,
		`data/actors/a.txt:12: phrase "Russia" is already country RUS at data/actors/a.txt:2`,
		`data/actors/a.txt:15: phrase "the" is only an article`,
		`data/actors/a.txt:16: want at most 6 tab-separated fields, got 7`,
		`data/actors/b.txt:2: invalid UTF-8`,
	}
	if got := list.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	var putin []*Entry
	for _, e := range d.Entries() {
		if e.Actor.Name == "Vladimir Putin" {
			putin = append(putin, e)
		}
	}
	if len(putin) != 2 || putin[0].From != 20000101 || putin[0].To != 20081231 || putin[0].Note != "president" ||
		putin[1].From != 20120101 || putin[1].To != 0 {
		t.Errorf("Putin entries = %+v %+v", putin[0], putin[1])
	}
}

func writeUserDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, "actors", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestUserDictionaryOverridesAndExtends(t *testing.T) {
	user := writeUserDir(t, map[string]string{
		"mine.txt": "# my corrections\n" +
			"IGOEUR\tcapital\tBrussels\n" + // extends
			"RUSMIL\tperson\tVladimir Putin\n" + // overrides the built-in person
			"GOV\tagent\tsupremo\n",
	})
	d, err := Load(Config{Builtin: os.DirFS("testdata/mini"), UserDirs: []string{user}})
	if err != nil {
		t.Fatal(err)
	}
	f := newFront(t)
	doc := f.doc(t, "Brussels warned Vladimir Putin. The Russian supremo said nothing.", "2023-11-01")
	if err := New(d).Process(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	got := describe(doc)
	want := "0 \"Brussels\" metonym IGOEUR [Brussels]\n" +
		"1 \"Vladimir Putin\" person RUSMIL [Vladimir Putin]\n" +
		"2 \"The Russian supremo\" role RUSGOV\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if r := doc.Mentions[1].Rule; !strings.HasSuffix(r, "/actors/mine.txt:3") || !strings.HasPrefix(r, user) {
		t.Errorf("rule = %q, want %s/actors/mine.txt:3", r, user)
	}
}

func TestCheckUserDir(t *testing.T) {
	dir := writeUserDir(t, map[string]string{
		"a.txt": "RUS\tcountry\tRussia\nRUS\tstate\tRussia\n",
		"b.txt": "GOV\tagent\tminister\nMIL\tagent\tminister\n",
	})
	err := Check(dir)
	if err == nil {
		t.Fatal("Check found no error")
	}
	p := dict.Join(dir)
	want := p + "actors/a.txt:2: unknown kind \"state\" (valid kinds: person, media, group, org, metonym, capital, country, adj, region, agent)\n" +
		p + "actors/b.txt:2: phrase \"minister\" is already agent GOV at " + p + "actors/b.txt:1"
	if err.Error() != want {
		t.Errorf("Check:\n%v\nwant\n%s", err, want)
	}
	if err := Check(t.TempDir()); err == nil || !strings.Contains(err.Error(), "want actors/*.txt inside") {
		t.Errorf("Check(empty dir) = %v", err)
	}
	good := writeUserDir(t, map[string]string{"a.txt": "RUS\tcountry\tRussia\n"})
	if err := Check(good); err != nil {
		t.Errorf("Check(good) = %v", err)
	}
}

func FuzzParseEntry(f *testing.F) {
	for _, s := range []string{
		"RUS\tcountry\tRussia|Russian Federation",
		"RUSMIL\tperson\tSergei Shoigu|Shoigu\t2012-11-06\t2024-05-12\tdefence minister",
		"RUSGOV\tperson\tVladimir Putin\t2012",
		"GOV\tagent\tminister|top diplomat",
		"IGOUNOSEC\torg\tthe UN Security Council|UNSC",
		"USA\tcountry\tU.S.|US|the United States",
		"CHN\tcountry\tPeople’s Republic of China\t\t\tnote",
		"X\ty",
		"RUS\tcountry\t||",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"actors/f.txt": {Data: data}}
		d, err := Load(Config{Builtin: fsys, BuiltinPrefix: "data/"})
		if d == nil {
			t.Fatal("nil dictionary")
		}
		var list dict.ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("error is not a list of line errors: %v", err)
		}
		for _, e := range list {
			if e.File != "data/actors/f.txt" || e.Line < 1 {
				t.Fatalf("bad position %+v", e)
			}
		}
		for _, e := range d.Entries() {
			if e.Actor.Code == "" || len(e.Phrases) == 0 || e.Kind == 0 || (e.From != 0 && e.To != 0 && e.From > e.To) {
				t.Fatalf("bad entry %+v", e)
			}
			for _, p := range e.Phrases {
				if len(splitPhrase(p)) == 0 {
					t.Fatalf("phrase %q has no tokens", p)
				}
			}
		}
	})
}
