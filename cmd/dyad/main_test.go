package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// run drives the real wiring through Main.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code = Main(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func writeTemp(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", sc.Text(), err)
		}
		rows = append(rows, m)
	}
	return rows
}

func TestSentencesCommand(t *testing.T) {
	dir := t.TempDir()
	text := "TOKYO, Jan 9 (IANS) - Japan's defence minister met his U.S. counterpart on Monday. They agreed to hold drills.\nA second paragraph."
	p := writeTemp(t, dir, "story.txt", text)
	code, out, errs := run(t, "", "sentences", p, "--published", "2024-01-09")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	rows := jsonLines(t, out)
	want := []struct {
		index, para int
		text        string
	}{
		{0, 0, "TOKYO, Jan 9 (IANS) - Japan's defence minister met his U.S. counterpart on Monday."},
		{1, 0, "They agreed to hold drills."},
		{2, 1, "A second paragraph."},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d sentences: %s", len(rows), out)
	}
	for i, w := range want {
		r := rows[i]
		start, end := int(r["start"].(float64)), int(r["end"].(float64))
		if r["article_id"] != "story" || int(r["index"].(float64)) != w.index ||
			int(r["paragraph"].(float64)) != w.para || r["text"] != w.text || text[start:end] != w.text {
			t.Errorf("sentence %d = %v, want %+v", i, r, w)
		}
	}
	if errs != "" {
		t.Errorf("unexpected stderr %q", errs)
	}
}

func TestTokensCommand(t *testing.T) {
	code, out, errs := run(t, "China's navy held drills.", "tokens", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []string
	for _, r := range jsonLines(t, out) {
		got = append(got, r["text"].(string)+"/"+r["tag"].(string)+"/"+r["lemma"].(string))
	}
	want := "China/NNP/china 's/POS/'s navy/NN/navy held/VBD/hold drills/NNS/drill ././."
	if strings.Join(got, " ") != want {
		t.Errorf("tokens = %s\nwant     %s", strings.Join(got, " "), want)
	}
	if !strings.Contains(errs, "stdin: note: no publication date") {
		t.Errorf("missing date note, stderr %q", errs)
	}
}

func TestCodeReportsBadInputsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	writeTemp(t, dir, "a-good.txt", "Officials met in Paris.")
	writeTemp(t, dir, "b-empty.txt", "")
	writeTemp(t, dir, "c-binary.txt", "\x00\x01\x02")
	writeTemp(t, dir, "d-lines.jsonl", "{\"id\":\"ok\",\"text\":\"Fine.\"}\nnot json\n")
	code, out, errs := run(t, "", "code", "--quiet", dir)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d", code, exitFailed)
	}
	if out != "" {
		t.Errorf("events %q, want none before the event stage exists", out)
	}
	for _, want := range []string{
		"b-empty.txt: empty input",
		"c-binary.txt: binary data, not text",
		"d-lines.jsonl:2: not a JSON article",
		"dyad code: 3 of 5 inputs failed",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestCodeSamplesByDefault(t *testing.T) {
	code, _, errs := run(t, "", "code", "--format", "tsv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "coding the embedded sample articles") {
		t.Errorf("stderr %q", errs)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"nosuch"}, `unknown command "nosuch"`},
		{[]string{"code", "--format", "xml"}, `--format "xml": want jsonl or tsv`},
		{[]string{"code", "--published", "yesterday"}, `--published: published "yesterday"`},
		{[]string{"code", "--workers", "0"}, "--workers must be at least 1"},
		{[]string{"sentences", "--bogus"}, "flag provided but not defined: -bogus"},
		{nil, "Usage: dyad COMMAND"},
	}
	for _, tc := range tests {
		code, _, errs := run(t, "", tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	if code, _, _ := run(t, "", "code", "-h"); code != exitOK {
		t.Errorf("code -h exit %d", code)
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	fs := newFlagSet(&Env{Stderr: &bytes.Buffer{}}, "x", "", "")
	pub := fs.String("published", "", "")
	q := fs.Bool("quiet", false, "")
	pos, err := parseFlags(fs, []string{"a.txt", "--published", "2024-01-01", "-", "--quiet", "--", "--not-a-flag"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(pos, " ") != "a.txt - --not-a-flag" || *pub != "2024-01-01" || !*q {
		t.Errorf("pos=%v published=%q quiet=%v", pos, *pub, *q)
	}
}

// TestBinary builds the real binary and checks exit statuses and streams
// as a shell user sees them.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "dyad")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "sentences", "-")
	cmd.Stdin = strings.NewReader("Gen. Smith arrived. He spoke.")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v: %s", err, stderr.String())
	}
	if n := strings.Count(stdout.String(), "\n"); n != 2 {
		t.Errorf("%d sentences: %s", n, stdout.String())
	}
	err := exec.Command(bin, "code", filepath.Join(t.TempDir(), "missing.txt")).Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailed {
		t.Errorf("missing file: err = %v, want exit %d", err, exitFailed)
	}
}

func TestDictImportPetrarch(t *testing.T) {
	dir := t.TempDir()
	actors := writeTemp(t, dir, "actors.txt", "GONDOR [GON]\n+GONDORIAN\nMINAS_TIRITH_GUARDS [GONMIL]\n")
	out := filepath.Join(dir, "out")
	code, _, errs := run(t, "", "dict", "import-petrarch", "--out", out, actors)
	if code != exitOK {
		t.Fatalf("import exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "", "dict", "check", out); code != exitOK {
		t.Fatalf("check of the imported folder: exit %d: %s", code, errs)
	}
	code, stdout, errs := run(t, "Minas Tirith Guards attacked Gondorian positions.", "actors", "--quiet", "--dict", out, "-")
	if code != exitOK {
		t.Fatalf("actors exit %d: %s", code, errs)
	}
	for _, want := range []string{`"code":"GONMIL"`, `"code":"GON"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("mentions lack %s:\n%s", want, stdout)
		}
	}
}
