package ontology

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dict"
)

func load(t testing.TB) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestLookup(t *testing.T) {
	tab := load(t)
	tests := []struct {
		code, label  string
		goldstein    float64
		quad         int
		root, parent string
		plover       Plover
	}{
		{"040", "Consult, not specified below", 1.0, 1, "04", "04", Plover{"CONSULT", "", "", "plover"}},
		{"0312", "Express intent to cooperate militarily", 5.2, 1, "03", "031", Plover{"AGREE", "", "military", "plover"}},
		{"173", "Arrest, detain, or charge with legal action", -5.0, 4, "17", "17", Plover{"COERCE", "arrest", "legal", "plover"}},
		{"1952", "Employ remotely piloted aerial munitions", -10.0, 4, "19", "195", Plover{"ASSAULT", "heavy-weapons", "military", "parent:195"}},
		{"1213", "Reject judicial cooperation", -4.0, 3, "12", "121", Plover{"REJECT", "assist", "legal", "plover"}},
		{"044", "Meet at a 'third' location", 2.5, 1, "04", "04", Plover{"CONSULT", "third-party", "", "plover"}},
		{"1121", "Accuse of crime, corruption", -2.0, 3, "11", "112", Plover{"ACCUSE", "allege", "crime;corruption", "plover"}},
		{"163", "Impose embargo, boycott, or sanctions", -8.0, 4, "16", "16", Plover{"COERCE", "restrict", "diplomatic", "plover"}},
		{"0871", "Declare truce, ceasefire", 9.0, 2, "08", "087", Plover{"RETREAT", "ceasefire", "military", "plover"}},
		{"080", "Yield, not specified below", 5.0, 2, "08", "08", Plover{"CONCEDE", "", "", "plover"}},
		{"08", "YIELD", 5.0, 2, "08", "", Plover{"CONCEDE", "", "", "plover:root"}},
		{"0211", "Appeal for economic cooperation", 3.4, 1, "02", "021", Plover{"REQUEST", "assist", "economic", "dyad:as-1011"}},
		{"010", "Make statement, not specified below", 0.0, 1, "01", "01", Plover{"STATEMENT", "", "", "dyad:not-in-plover"}},
		{"20", "USE UNCONVENTIONAL MASS VIOLENCE", -10.0, 4, "20", "", Plover{"ASSAULT", "", "", "plover:root"}},
		{"2042", "Detonate nuclear weapons", -10.0, 4, "20", "204", Plover{"ASSAULT", "unconventional", "cbrn", "plover"}},
	}
	for _, tt := range tests {
		c, ok := tab.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q) not found", tt.code)
			continue
		}
		if c.Code != tt.code || c.Label != tt.label || c.Goldstein != tt.goldstein || c.Quad != tt.quad ||
			c.Root != tt.root || c.Parent != tt.parent || c.Plover != tt.plover {
			t.Errorf("Lookup(%q) = %+v\nwant label %q goldstein %v quad %d root %s parent %s plover %+v",
				tt.code, c, tt.label, tt.goldstein, tt.quad, tt.root, tt.parent, tt.plover)
		}
		if !strings.HasPrefix(c.Pos, "data/cameo/codes.txt:") {
			t.Errorf("Lookup(%q).Pos = %q, want data/cameo/codes.txt:N", tt.code, c.Pos)
		}
	}
	for _, bad := range []string{"", "0", "00", "21", "99", "0315", "01234", "abc", "04a", "١٢"} {
		if c, ok := tab.Lookup(bad); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", bad, c)
		}
	}
}

// TestEveryCodeResolves checks the table against the reference lists: all
// 311 GDELT codes plus the four the CAMEO codefile adds, each with a
// label, a QuadClass matching its root, and a PLOVER type.
func TestEveryCodeResolves(t *testing.T) {
	tab := load(t)
	if tab.Len() != 315 {
		t.Errorf("Len = %d, want 315 (311 GDELT codes + 1213, 1214, 1951, 1952)", tab.Len())
	}
	quads := map[int]int{}
	for _, c := range tab.Codes() {
		if c.Label == "" || c.Plover.Type == "" || c.Quad != QuadClass(c.Code) {
			t.Errorf("%s: incomplete entry %+v", c.Code, c)
		}
		quads[c.Quad]++
	}
	// Codes per QuadClass, counted from the GDELT list by root.
	if want := map[int]int{1: 85, 2: 39, 3: 99, 4: 92}; !equalMaps(quads, want) {
		t.Errorf("codes per QuadClass = %v, want %v", quads, want)
	}

	ref := filepath.Join("..", "..", "shared", "reference", "cameo-codes")
	for _, name := range []string{"GDELT.CAMEO.eventcodes.txt", "GDELT.CAMEO.goldsteinscale.txt"} {
		f, err := os.Open(filepath.Join(ref, name))
		if errors.Is(err, os.ErrNotExist) {
			t.Skipf("reference %s not found (../shared is absent): skipping the cross-check", name)
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			code, val, _ := strings.Cut(sc.Text(), "\t")
			if code == "CAMEOEVENTCODE" || code == "" {
				continue
			}
			n++
			c, ok := tab.Lookup(code)
			switch {
			case !ok:
				t.Errorf("%s: code %s missing", name, code)
			case strings.Contains(name, "goldstein") && strconv.FormatFloat(c.Goldstein, 'f', 1, 64) != val:
				t.Errorf("%s: code %s Goldstein %v, reference %s", name, code, c.Goldstein, val)
			}
		}
		f.Close()
		if n != 311 {
			t.Errorf("%s: %d codes, want 311", name, n)
		}
	}
}

func equalMaps(a, b map[int]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestQuadClass(t *testing.T) {
	for code, want := range map[string]int{
		"01": 1, "0211": 1, "040": 1, "057": 1, "06": 2, "0871": 2, "090": 3,
		"1246": 3, "138": 3, "14": 4, "173": 4, "1952": 4, "2042": 4,
		"": 0, "0": 0, "00": 0, "21": 0, "x1": 0,
	} {
		if got := QuadClass(code); got != want {
			t.Errorf("QuadClass(%q) = %d, want %d", code, got, want)
		}
	}
}

func TestIsAncestor(t *testing.T) {
	tests := []struct {
		parent, child string
		want          bool
	}{
		{"03", "0312", true},
		{"031", "0312", true},
		{"03", "030", true},
		{"030", "0312", false},
		{"0312", "0312", false},
		{"0312", "031", false},
		{"04", "0312", false},
		{"19", "1952", true},
		{"", "0312", false},
		{"0", "0312", false},
		{"03x", "03x1", false},
	}
	for _, tt := range tests {
		if got := IsAncestor(tt.parent, tt.child); got != tt.want {
			t.Errorf("IsAncestor(%q, %q) = %v, want %v", tt.parent, tt.child, got, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	tab := load(t)
	e := dyad.Event{Code: "0312"}
	if !tab.Fill(&e) {
		t.Fatal("Fill(0312) = false")
	}
	if e.Root != "03" || e.Quad != 1 || e.Goldstein != 5.2 || e.Plover != "AGREE" {
		t.Errorf("Fill(0312) = root %q quad %d goldstein %v plover %q", e.Root, e.Quad, e.Goldstein, e.Plover)
	}
	e = dyad.Event{Code: "190"}
	tab.Fill(&e)
	if e.Root != "19" || e.Quad != 4 || e.Goldstein != -10.0 || e.Plover != "ASSAULT" {
		t.Errorf("Fill(190) = root %q quad %d goldstein %v plover %q", e.Root, e.Quad, e.Goldstein, e.Plover)
	}
	e = dyad.Event{Code: "999", Root: "keep"}
	if tab.Fill(&e) || e.Root != "keep" {
		t.Errorf("Fill(999) = true or changed the event: %+v", e)
	}
}

func TestParseErrors(t *testing.T) {
	codes := "# c\n01\tSTATEMENT\t0.0\t1\n010\tMake statement\t0.0\t1\n" +
		"010\tAgain\t0.0\t1\n" + // duplicate
		"0105\tOrphan child\t0.0\t1\n" + // fine itself, parent 010 exists
		"999\tNo such root\t0\t4\n" +
		"040\tBad quad\t1.0\t2\n" +
		"041\tBad goldstein\t11\t1\n" +
		"042\tshort\n" +
		"0431\tNo parent\t1.0\t1\n"
	plover := "01\tSTATEMENT\t-\t-\n010\tSTATEMENT\t-\t-\n010\tAGAIN\t-\t-\n" +
		"0105\tlower\t-\t-\n777\tX\t-\t-\n"
	_, err := Parse("data/cameo/codes.txt", []byte(codes), "data/cameo/plover.txt", []byte(plover))
	var list dict.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a dict.ErrorList", err)
	}
	want := []string{
		"data/cameo/codes.txt:4: code 010 defined twice (first at data/cameo/codes.txt:3)",
		`data/cameo/codes.txt:6: bad CAMEO code "999" (want 2–4 digits, root 01–20)`,
		`data/cameo/codes.txt:7: code 040: QuadClass "2", want 1 for root 04`,
		`data/cameo/codes.txt:8: code 041: Goldstein "11" is not a number in [-10, 10]`,
		"data/cameo/codes.txt:9: want code, label, Goldstein, QuadClass[, basis]: got 2 fields",
		"data/cameo/plover.txt:3: code 010 mapped twice (first at line 2)",
		`data/cameo/plover.txt:4: code 0105: bad PLOVER type "lower" (want upper-case letters)`,
		`data/cameo/plover.txt:5: unknown CAMEO code "777"`,
		"data/cameo/codes.txt:5: code 0105 has no row in data/cameo/plover.txt",
		"data/cameo/codes.txt:10: parent 043 of 0431 is not in the table",
		"data/cameo/codes.txt:10: code 0431 has no row in data/cameo/plover.txt",
	}
	if got := list.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestLookupAllocs(t *testing.T) {
	tab := load(t)
	var sink Code
	n := testing.AllocsPerRun(100, func() { sink, _ = tab.Lookup("1952") })
	if n != 0 {
		t.Errorf("Lookup allocates %v times per call, want 0", n)
	}
	_ = sink
}

func BenchmarkLookup(b *testing.B) {
	tab := load(b)
	codes := []string{"040", "0312", "173", "1952", "20", "999", "x"}
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		if _, ok := tab.Lookup(codes[i%len(codes)]); ok {
			n++
		}
	}
	_ = n
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParse feeds arbitrary table text to the parser: it must never panic,
// and a table it accepts must answer for every code it holds.
func FuzzParse(f *testing.F) {
	f.Add("01\tMAKE PUBLIC STATEMENT\t0.0\t1\n010\tMake statement\t0.0\t1\tgdelt\n",
		"01\tSTATEMENT\t-\t-\tdyad\n010\tSTATEMENT\t-\t-\n")
	f.Add("19\tFIGHT\t-10.0\t4\n195\tAir\t-10.0\t4\n1952\tDrones\t-10\t4\n",
		"19\tASSAULT\t-\t-\n195\tASSAULT\theavy-weapons\tmilitary\n1952\tASSAULT\t-\tmilitary;cbrn\tparent:195\n")
	f.Add("04\tCONSULT\t1\t1 # c\n\xff\n", "04\tCONSULT\t-\t-\n05\tX\t-\t-\n")
	f.Add("", "")
	f.Add("0\t\t\t\n9999\ta\tNaN\t4\n", "\t\t\t\n")
	f.Fuzz(func(t *testing.T, codes, plover string) {
		tab, err := Parse("c.txt", []byte(codes), "p.txt", []byte(plover))
		if err != nil {
			if tab != nil {
				t.Fatal("table returned with an error")
			}
			return
		}
		for _, c := range tab.Codes() {
			got, ok := tab.Lookup(c.Code)
			if !ok || got != c || c.Plover.Type == "" || c.Quad != QuadClass(c.Code) {
				t.Fatalf("accepted table cannot answer %q: %+v", c.Code, got)
			}
			if c.Parent != "" {
				if _, ok := tab.Lookup(c.Parent); !ok || !IsAncestor(c.Parent, c.Code) {
					t.Fatalf("code %s: parent %s missing", c.Code, c.Parent)
				}
			}
		}
	})
}
