package coding

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
)

// TestConcurrentDeterministic codes the same article on several
// goroutines at once, and again, and wants byte-identical events: the
// Coder is shared read-only and nothing depends on map order.
func TestConcurrentDeterministic(t *testing.T) {
	p := newPipe(t)
	front := dyad.Pipeline{Stages: p.front}
	text := "Russia and China held talks in Beijing on Monday. Russian President Vladimir Putin said Moscow is ready to deepen cooperation with China. " +
		"The United States condemned the talks and imposed sanctions on Russian banks. Both countries recalled their ambassadors."
	base, err := dyad.NewDoc(dyad.Article{ID: "d", Text: text, Published: "2024-06-01"})
	if err != nil {
		t.Fatal(err)
	}
	if err := front.Run(context.Background(), base); err != nil {
		t.Fatal(err)
	}
	code := func() string {
		d := *base
		d.Events = nil
		if err := p.coder.Process(context.Background(), &d); err != nil {
			t.Error(err)
		}
		b, _ := json.Marshal(d.Events)
		return string(b)
	}
	want := code()
	if want == "null" || want == "[]" {
		t.Fatalf("no events: %s", dump(base))
	}
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				got[i] = code()
			}
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("run %d differs:\n%s\nwant\n%s", i, g, want)
		}
	}
}
