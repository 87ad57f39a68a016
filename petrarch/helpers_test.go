package petrarch

import (
	"os"
	"path/filepath"
	"testing"
)

// repoRoot is the module root, one level up from this package's folder.
func repoRoot(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// sharedDir is ../shared beside the repository; tests that need it skip
// when it is absent (CI).
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared material not found at %s (CI without ../shared): %v", dir, err)
	}
	return dir
}
