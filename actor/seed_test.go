package actor

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestSeedMini(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(sharedDir(t), "examples", "xiangshan-2023.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFront(t)
	d := f.doc(t, string(text), "2023-11-01")
	st := New(loadMini(t))
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + describe(d))
}
