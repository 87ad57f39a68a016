package coding

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad/data"
	"github.com/dyadproject/dyad/dict"
)

// miniFS is a small events folder: the built-in word lists and two
// pattern files.
func miniFS(t *testing.T, patterns map[string]string) fstest.MapFS {
	t.Helper()
	fs := fstest.MapFS{}
	for _, name := range []string{ClassesFile, FramesFile, TransformsFile} {
		b, err := data.FS.ReadFile("events/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fs["events/"+name] = &fstest.MapFile{Data: b}
	}
	for name, text := range patterns {
		fs["events/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fs
}

func TestLoadBuiltin(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Patterns() < 500 {
		t.Errorf("%d patterns, want the full built-in set", c.Patterns())
	}
	if c.Name() != "event" {
		t.Errorf("Name() = %q", c.Name())
	}
	// every CAMEO root has patterns
	roots := map[string]bool{}
	for _, p := range c.patterns {
		for _, code := range p.codes {
			roots[code[:2]] = true
		}
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if !roots[root] {
			t.Errorf("no pattern codes root %s", root)
		}
	}
}

// TestLoadErrors: every bad line is reported as file:line: reason, all of
// them in one error.
func TestLoadErrors(t *testing.T) {
	fs := miniFS(t, map[string]string{
		"bad.txt": strings.Join([]string{
			"# comment",
			"040\tSOURCE meet TARGET",       // 2: fine
			"04X\tSOURCE meet TARGET",       // 3: bad code
			"040\tSOURCE meet TARGET\tfast", // 4: bad flag
			"040\tmeet TARGET",              // 5: no SOURCE
			"040\tSOURCE ... meet TARGET",   // 6: anchor is a gap
			"040\tSOURCE meet @nosuch",      // 7: unknown class
			"040\tSOURCE meet (with TARGET", // 8: unbalanced
			"999\tSOURCE greet TARGET",      // 9: not a CAMEO code
			"040",                           // 10: one field
			"!weird",                        // 11: unknown directive
		}, "\n") + "\n",
	})
	_, err := New(Config{Builtin: fs, BuiltinPrefix: "mini/"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"mini/events/bad.txt:3:", "mini/events/bad.txt:4:", "mini/events/bad.txt:5:",
		"mini/events/bad.txt:6:", "mini/events/bad.txt:7:", "mini/events/bad.txt:8:",
		"mini/events/bad.txt:10:", "mini/events/bad.txt:11:",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not report %s:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "bad.txt:2:") {
		t.Errorf("a good line was reported:\n%v", err)
	}
	var l dict.ErrorList
	if !errors.As(err, &l) || len(l) < 8 {
		t.Errorf("want a dict.ErrorList of every bad line, got %T %v", err, err)
	}
	// a pattern naming a code the ontology lacks is caught after parsing
	fs2 := miniFS(t, map[string]string{"codes.txt": "999\tSOURCE greet TARGET\n"})
	if _, err := New(Config{Builtin: fs2, BuiltinPrefix: "mini/"}); err == nil || !strings.Contains(err.Error(), "mini/events/codes.txt:1: code 999") {
		t.Errorf("unknown code: %v", err)
	}
}

// TestUserOverride: a user folder adds patterns, replaces a built-in one
// written with the same elements, and removes one with code "-".
func TestUserOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "events"), 0o755); err != nil {
		t.Fatal(err)
	}
	user := "043\tSOURCE meet (with) TARGET\n" + // replaces 040
		"-\tSOURCE visit TARGET\n" + // removes 042
		"051\tSOURCE salute TARGET\n" // adds
	if err := os.WriteFile(filepath.Join(dir, "events", "mine.txt"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := miniFS(t, map[string]string{"base.txt": "040\tSOURCE meet (with) TARGET\trecip\n042\tSOURCE visit TARGET\n"})
	c, err := New(Config{Builtin: fs, BuiltinPrefix: "mini/", UserDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range c.patterns {
		got[p.key] = p.code + " " + p.pos
	}
	userFile := filepath.Join(dir, "events", "mine.txt")
	if g := got["source meet ( with ) target"]; g != "043 "+userFile+":1" {
		t.Errorf("meet: %q", g)
	}
	if _, ok := got["source visit target"]; ok {
		t.Errorf("visit was not removed: %v", got)
	}
	if g := got["source salute target"]; !strings.HasPrefix(g, "051 ") {
		t.Errorf("salute: %q", g)
	}
	// a dictionary folder without events/ is fine (it may hold actors only)
	if _, err := New(Config{Builtin: fs, UserDirs: []string{t.TempDir()}}); err != nil {
		t.Errorf("folder without events/: %v", err)
	}
	if err := Check(dir); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestTransform(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		k          frameKind
		code, want string
		ok         bool
	}{
		{fIntent, "060", "031", true},
		{fIntent, "062", "0312", true},
		{fIntent, "163", "1312", true},
		{fIntent, "0841", "0353", true},
		{fIntent, "042", "036", true},
		{fIntent, "010", "", false},
		{fAgree, "0871", "0871", true},
		{fRefuse, "0863", "1245", true},
		{fRefuse, "190", "", false},
		{fAppeal, "0841", "0253", true},
		{fAppeal, "111", "020", true},
		{fDemand, "0874", "106", true},
		{fThreaten, "195", "1384", true},
	} {
		got, ok := c.lex.transform(tc.k, tc.code)
		if got != tc.want || ok != tc.ok {
			t.Errorf("transform(%d, %s) = %s %v, want %s %v", tc.k, tc.code, got, ok, tc.want, tc.ok)
		}
	}
}

func TestExpandGroups(t *testing.T) {
	r, err := parsePatternLine(dict.Line{File: "x", Num: 1, Text: "040\tSOURCE {hold|have} ... talks (with TARGET)"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range r.variants() {
		got = append(got, strings.Join(v, " "))
	}
	want := []string{
		"SOURCE hold ... talks with TARGET", "SOURCE hold ... talks",
		"SOURCE have ... talks with TARGET", "SOURCE have ... talks",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("variants:\n got %q\nwant %q", got, want)
	}
}

// FuzzParsePattern: the pattern parser never panics, and what it accepts
// compiles or is refused with a positioned error.
func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{
		"040\tSOURCE hold ... @talks with TARGET\trecip",
		"161\tSOURCE expel TARGET=@envoy",
		"171+173\tSOURCE seize TARGET ... together with ... crew|crews",
		"0863\tSOURCE allow|let ... {aid trucks|aid} (into TARGET)\tother src=GOV",
		"-\tSOURCE visit TARGET",
		"040\t(((",
		"040\tSOURCE {a|",
		"040\tTARGET=@x meet",
		"\t\t\t",
	} {
		f.Add(s)
	}
	lx := newLexicon()
	if err := dict.ReadFile(data.FS, "events/"+ClassesFile, data.Prefix, lx.classLine); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		l := dict.Line{File: "fuzz.txt", Num: 1, Text: line}
		r, err := parsePatternLine(l, 0)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt:1: ") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		for _, v := range r.variants() {
			rv := *r
			rv.toks = v
			if _, err := rv.compile(lx, 0); err != nil && !strings.HasPrefix(err.Error(), "fuzz.txt:1: ") {
				t.Fatalf("error without position: %v", err)
			}
		}
	})
}
