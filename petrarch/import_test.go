package petrarch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/actor"
	"github.com/dyadproject/dyad/engine"
)

// TestAgentCodesLoad holds dyadAgents to the loader: every code it lists
// must load as a kind agent line.
func TestAgentCodesLoad(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	codes := strings.Fields(agentList())
	for i, c := range codes {
		b.WriteString(c + "\tagent\tzzrole" + strings.Repeat("x", i+1) + "\n")
	}
	if err := os.MkdirAll(filepath.Join(dir, actor.Dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, actor.Dir, "agents.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := actor.Check(dir); err != nil {
		t.Errorf("agent codes the importer keeps that dyad refuses:\n%v", err)
	}
	if len(codes) != len(dyadAgents) {
		t.Errorf("agentList has %d codes, dyadAgents %d", len(codes), len(dyadAgents))
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImport(t *testing.T) {
	in := t.TempDir()
	a1 := writeFile(t, in, "First.Actors.txt", "NORTHLAND [NLD]\n+NORTHLANDER\nKESTREL_ISLE [NLD]\n")
	// The same phrase as another code on overlapping dates: the first
	// file's entry wins, as PETRARCH's first entry does.
	a2 := writeFile(t, in, "first actors.txt", "KESTREL_ISLE [KIS]\n+KESTREL\nNORTHLAND [NLD]\nOLD_NORTH\n\t[ONO <19991231]\n\t[NLD]\n+NORTHLAND\n")
	g := writeFile(t, in, "Roles.agents", "HARBOUR_MASTER [~GOV]\nMUSTER [~XXX]\n")
	out := filepath.Join(t.TempDir(), "dict")
	res, err := Import(context.Background(), ImportConfig{ActorFiles: []string{a1, a2}, AgentFiles: []string{g}, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range res {
		names = append(names, filepath.Base(r.Output))
	}
	if got := strings.Join(names, " "); got != "first-actors.txt first-actors-2.txt roles.txt" {
		t.Errorf("outputs = %s", got)
	}
	text, err := os.ReadFile(res[1].Output)
	if err != nil {
		t.Fatal(err)
	}
	wantText := `# Converted by dyad dict import-petrarch from first actors.txt.
# 5 of 7 lines converted as they were, 2 with a loss, 0 not converted.
# Each entry follows a comment giving its source line and PETRARCH codes.
# CODE	KIND	phrases	[FROM	TO]
# first actors.txt:1 KESTREL_ISLE [KIS]
KIS	country	Kestrel
# first actors.txt:3 NORTHLAND [NLD]
NLD	country	Northland
# first actors.txt:4 OLD_NORTH [ONO <19991231] [NLD]
ONO	country	Old North		1999-12-31
NLD	country	Old North|Northland	2000-01-01	
`
	if string(text) != wantText {
		t.Errorf("second table:\n%s\nwant\n%s", text, wantText)
	}
	sameLines(t, "lossy", errLines(res[1].Result, true), []string{
		"1: phrase \"Kestrel Isle\" already names country NLD at First.Actors.txt:3, which PETRARCH uses first too; left out of the KIS line here",
		// Only the ONO line loses it: on NLD's dates it is the same code.
		"7: phrase \"Northland\" already names country NLD at First.Actors.txt:1, which PETRARCH uses first too; left out of the ONO line here",
	})
	sameLines(t, "skipped", errLines(res[2].Result, false), []string{
		"2: agent code [XXX]: no CAMEO agent code dyad knows in it (GOV, MIL, COP, JUD, LEG, OPP, REB, MED, BUS, CVL, REF, SPY, ELI, …)",
	})
	if err := actor.Check(out); err != nil {
		t.Errorf("the folder does not load: %v", err)
	}
	if _, err := Import(context.Background(), ImportConfig{OutDir: out}); err == nil {
		t.Error("no files: want an error")
	}
	if _, err := Import(context.Background(), ImportConfig{ActorFiles: []string{filepath.Join(in, "missing.txt")}, OutDir: out}); err == nil {
		t.Error("missing file: want an error")
	}
}

// TestImportedTablesCode runs the engine on a converted folder: the
// PETRARCH names code as PETRARCH codes them, on the article's date.
func TestImportedTablesCode(t *testing.T) {
	in := t.TempDir()
	a := writeFile(t, in, "a.txt", "VELMORIA [VLM]\n+VELMORIAN\nOSKAR_BRENN\n\t[VLMGOV 20100101-20141231]\n\t[VLMELI >20150101]\n")
	g := writeFile(t, in, "g.txt", "HARBOUR_MASTER [~GOV]\n")
	out := t.TempDir()
	if _, err := Import(context.Background(), ImportConfig{ActorFiles: []string{a}, AgentFiles: []string{g}, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Config{Through: "actor", DictDirs: []string{out}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ date, text, want string }{
		{"2012-05-01", "Oskar Brenn met the Velmorian harbour master.", "Oskar Brenn=VLMGOV the Velmorian harbour master=VLMGOV"},
		{"2016-05-01", "Oskar Brenn met the Velmorian harbour master.", "Oskar Brenn=VLMELI the Velmorian harbour master=VLMGOV"},
	} {
		doc, err := eng.Code(context.Background(), dyad.Article{ID: "t", Published: c.date, Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, m := range doc.Mentions {
			parts = append(parts, doc.Slice(m.Span)+"="+m.Actor.Code)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%s %q: %s, want %s", c.date, c.text, got, c.want)
		}
	}
}

func TestOutName(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, p := range []string{"dir/PETR.Validate.actors.txt", "x/petr validate actors.txt", "___.txt", "Phoenix.agents"} {
		got = append(got, outName(p, used))
	}
	want := []string{"petr-validate-actors.txt", "petr-validate-actors-2.txt", "petrarch.txt", "phoenix.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("outName: %v, want %v", got, want)
	}
}

// TestImportLoaderRefusal: phrases that differ as written but not to the
// loader (curly and straight apostrophes) pass dedupe; the loader refuses
// the second, and Import leaves that line out and reports it.
func TestImportLoaderRefusal(t *testing.T) {
	in := t.TempDir()
	a := writeFile(t, in, "a.txt", "COTE_D'OR [COR]\nCOTE_D’OR [CDO]\nPLAIN [PLN]\n")
	out := t.TempDir()
	res, err := Import(context.Background(), ImportConfig{ActorFiles: []string{a}, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	r := res[0].Result
	sameLines(t, "table", tableLines(r), []string{"COR\tcountry\tCote D'Or", "PLN\tcountry\tPlain"})
	if len(r.Skipped) != 1 || r.Skipped[0].Line != 2 || !strings.Contains(r.Skipped[0].Msg, "dyad's loader refuses the converted line") {
		t.Errorf("skipped = %v", r.Skipped)
	}
	if r.SkippedLines != 1 || r.Converted != 2 {
		t.Errorf("counts: %d skipped, %d converted", r.SkippedLines, r.Converted)
	}
}

func agentList() string {
	codes := make([]string, 0, len(dyadAgents))
	for c := range dyadAgents {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return strings.Join(codes, " ")
}
