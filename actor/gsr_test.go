package actor

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// gsrFloor is the country accuracy this engine reached (88.3%) on the PLOVER gold
// standard records with the built-in dictionaries, less 2 points: the
// test fails when a change makes actor coding worse than that.
const gsrFloor = 0.863

// gsrCodes maps the CAMEO country codes the GSR uses where ISO 3166-1
// differs.
var gsrCodes = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

type gsrActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
	Sector    string `json:"sector"`
}

type gsrRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

func (r gsrRecord) actors() []gsrActor {
	var out []gsrActor
	for _, raw := range []json.RawMessage{r.Source, r.Target} {
		var list []gsrActor
		if json.Unmarshal(raw, &list) == nil { // "" and null are not lists
			out = append(out, list...)
		}
	}
	return out
}

// locate finds the gold actor text in the sentence (the first part of an
// elided "U.S. ... negotiators").
func locate(text, actor string) (int, int, bool) {
	for _, cand := range []string{actor, strings.TrimSpace(strings.Split(strings.Split(actor, "...")[0], "..")[0])} {
		cand = strings.Join(strings.Fields(cand), " ")
		if cand == "" {
			continue
		}
		for _, hay := range []string{text, strings.ToLower(text)} {
			needle := cand
			if hay != text {
				needle = strings.ToLower(cand)
			}
			// The first whole-word occurrence ("Iraq" not inside "Iraqi").
			for off := 0; ; {
				i := strings.Index(hay[off:], needle)
				if i < 0 {
					break
				}
				i += off
				e := i + len(needle)
				if (i == 0 || !isWordByte(hay[i-1])) && (e == len(hay) || !isWordByte(hay[e])) {
					return i, e, true
				}
				off = i + 1
			}
		}
	}
	return 0, 0, false
}

// predicted picks the engine's actor for a gold span: among the mentions
// overlapping it (compounds stand for their members), the one that
// overlaps most, then the longest.
func predicted(d *dyad.Doc, start, end int) (dyad.Mention, bool) {
	span := dyad.Span{Start: start, End: end}
	best, bestOv := -1, 0
	for i, m := range d.Mentions {
		if m.Kind == dyad.MentionCompound || m.Kind == dyad.MentionMedia || !m.Span.Overlaps(span) {
			continue
		}
		ov := min(m.End, end) - max(m.Start, start)
		if ov > bestOv || ov == bestOv && m.Len() > d.Mentions[best].Len() {
			best, bestOv = i, ov
		}
	}
	if best < 0 {
		return dyad.Mention{}, false
	}
	return d.Mentions[best], true
}

// TestPloverGSRActors measures actor coding against the source and target
// annotations of the PLOVER gold standard records (CC BY-SA 4.0, in
// ../shared/eval/plover-gsr): the share of gold actors whose country (or
// IGO/NGO) code the engine gives to the text the gold marks.
func TestPloverGSRActors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(sharedDir(t), "eval", "plover-gsr", "PLOVER_GSR_CAMEO.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []gsrRecord
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 || recs[0].Event != "DOCUMENT" {
		t.Fatalf("want a DOCUMENT header and records, got %d objects", len(recs))
	}
	f := newFront(t)
	st := New(loadBuiltin(t))
	// DYAD_GSR_DICT=DIR measures with a user dictionary on top, to see
	// what more table entries would buy.
	if dir := os.Getenv("DYAD_GSR_DICT"); dir != "" {
		dct, err := Load(Config{UserDirs: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		st = New(dct)
	}
	var total, correct, found, agentTotal, agentCorrect int
	misses := map[string]int{}
	var missLines, agentMisses []string
	for _, r := range recs[1:] {
		d := f.doc(t, r.Text, "")
		if err := st.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, a := range r.actors() {
			gold := a.Code
			if c, ok := gsrCodes[gold]; ok {
				gold = c
			}
			total++
			s, e, ok := locate(r.Text, a.ActorText)
			if !ok {
				misses["gold text not in sentence"]++
				continue
			}
			m, ok := predicted(d, s, e)
			if !ok {
				misses["no mention"]++
				missLines = append(missLines, fmt.Sprintf("%s: %q %s: no mention", r.ID, a.ActorText, gold))
				continue
			}
			found++
			if m.Actor.Country == gold {
				correct++
			} else {
				misses["wrong country"]++
				missLines = append(missLines, fmt.Sprintf("%s: %q %s: got %q %s %s", r.ID, a.ActorText, gold, d.Slice(m.Span), m.Kind, m.Actor.Code))
			}
			if sec := a.Sector; len(sec) >= 3 && agentCodes[sec[:3]] {
				agentTotal++
				if m.Actor.Country == gold && m.Actor.Agent == sec[:3] {
					agentCorrect++
				} else if m.Actor.Country == gold {
					agentMisses = append(agentMisses, fmt.Sprintf("%s: %q %s%s: got %q %s %s", r.ID, a.ActorText, gold, sec, d.Slice(m.Span), m.Kind, m.Actor.Code))
				}
			}
		}
	}
	acc := float64(correct) / float64(total)
	sort.Strings(missLines)
	if testing.Verbose() {
		t.Logf("misses:\n%s", strings.Join(missLines, "\n"))
		t.Logf("agent misses (country right):\n%s", strings.Join(agentMisses, "\n"))
	}
	t.Logf("PLOVER GSR actors: %d gold, %d with a mention, country correct %d = %.1f%%; country+agent correct %d of %d with a sector = %.1f%%; misses %v",
		total, found, correct, 100*acc, agentCorrect, agentTotal, 100*float64(agentCorrect)/float64(agentTotal), misses)
	if acc < gsrFloor {
		t.Errorf("country accuracy %.3f fell below the floor %.3f", acc, gsrFloor)
	}
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
