package where

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadproject/dyad/coding"
)

// TestSeed is the acceptance check on the worked example: the
// talks (040) and the visit (042) happened in Beijing.
func TestSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedDir(t), "examples", "xiangshan-2023.txt"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFront(t)
	d := f.doc(t, string(raw), "2023-11-01")
	cd, err := coding.New(coding.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := cd.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if err := f.where.Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, e := range d.Events {
		loc := "<nil>"
		if e.Location != nil {
			loc = fmt.Sprintf("%s/%s (%.2f, %.2f)", e.Location.Name, e.Location.Country, e.Location.Lat, e.Location.Lon)
		}
		t.Logf("%s %s>%s %s  s%d", e.Code, e.Source.Code, e.Target.Code, loc, e.Evidence[0].Sentence)
		if e.Code != "040" && e.Code != "042" {
			continue
		}
		found[e.Code] = true
		if want := "Beijing/CHN (39.91, 116.40)"; loc != want {
			t.Errorf("%s %s>%s: location %s, want %s", e.Code, e.Source.Code, e.Target.Code, loc, want)
		}
	}
	for _, c := range []string{"040", "042"} {
		if !found[c] {
			t.Errorf("no %s event coded: the coder's output changed; location not checked", c)
		}
	}
	var places []string
	for _, p := range d.Places {
		places = append(places, fmt.Sprintf("s%d %s=%s/%s", p.Sentence, d.Slice(p.Span), p.Name, p.Country))
	}
	got := strings.Join(places, "; ")
	if want := "s3 Beijing=Beijing/CHN; s7 China=China/CHN; s13 Beijing=Beijing/CHN"; got != want {
		t.Errorf("places:\n got %s\nwant %s", got, want)
	}
}
