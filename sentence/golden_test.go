package sentence

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sharedDir is /work/shared as seen from the repository root: ../shared.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared material not found at %s (../shared from the repo root): %v", dir, err)
	}
	return dir
}

type goldenRule struct {
	Number   int      `json:"number"`
	Language string   `json:"language"`
	Title    string   `json:"title"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
}

// normSpace folds every run of white space (newlines included) to one
// space and trims: several expected outputs differ from the input only by
// a trailing newline or a line break turned into a space.
func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestGoldenRules runs the 52 English "Golden Rules" of pragmatic_segmenter.
// Rule 18 is skipped as upstream does. Rules 40 and 41 expect a sentence to
// run across a line break, which this splitter never does by design.
func TestGoldenRules(t *testing.T) {
	path := filepath.Join(sharedDir(t), "eval", "golden-rules", "golden_rules.json")
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("golden rules not found at %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var rules []goldenRule
	if err := json.Unmarshal(raw, &rules); err != nil {
		t.Fatal(err)
	}
	const threshold = 47
	total, pass := 0, 0
	var failed []int
	for _, r := range rules {
		if r.Language != "English" {
			continue
		}
		total++
		if r.Number == 18 {
			t.Logf("rule 18 skipped (upstream: not implemented)")
			continue
		}
		var got []string
		for _, sp := range Split(r.Input) {
			got = append(got, normSpace(r.Input[sp.Start:sp.End]))
		}
		var want []string
		for _, e := range r.Expected {
			want = append(want, normSpace(e))
		}
		if slices.Equal(got, want) {
			pass++
			continue
		}
		failed = append(failed, r.Number)
		t.Logf("rule %d (%s)\n  input: %q\n  got:   %q\n  want:  %q", r.Number, r.Title, r.Input, got, want)
	}
	if total != 52 {
		t.Errorf("found %d English rules, want 52", total)
	}
	t.Logf("golden rules: %d/%d pass; failed: %v", pass, total, failed)
	if pass < threshold {
		t.Errorf("golden rules: %d/%d pass, want at least %d", pass, total, threshold)
	}
}
