package actor

import (
	"os"
	"testing"
)

func TestDebugText(t *testing.T) {
	text := os.Getenv("DYAD_TEXT")
	if text == "" {
		t.Skip("set DYAD_TEXT")
	}
	d := newFront(t).doc(t, text, os.Getenv("DYAD_DATE"))
	if err := New(loadBuiltin(t)).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	for _, tk := range d.Tokens {
		t.Logf("%q %s", d.Slice(tk.Span), tk.Tag)
	}
	t.Log("\n" + describe(d))
}
