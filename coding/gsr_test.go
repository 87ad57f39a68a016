package coding

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

// gsrTypeFloor is the event-type accuracy this coder reached on the PLOVER
// gold standard records (../shared/eval/plover-gsr) less 2 points: the test
// fails when a change makes coding worse than that.
const gsrTypeFloor = 0.735

// gsrTypes maps the PLOVER 0.5 event names of the records to the current
// ones the ontology uses.
var gsrTypes = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// gsrCountries maps the records' CAMEO country codes to ISO 3166-1.
var gsrCountries = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

type gsrActor struct {
	Code string `json:"code"`
}

type gsrRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

func gsrCodes(raw json.RawMessage) map[string]bool {
	var list []gsrActor
	out := map[string]bool{}
	if json.Unmarshal(raw, &list) != nil {
		return out
	}
	for _, a := range list {
		c := a.Code
		if m, ok := gsrCountries[c]; ok {
			c = m
		}
		out[c] = true
	}
	return out
}

// gsrResult scores the coder on the records: a record's event is the
// first one whose source is a gold source, else the first one.
type gsrResult struct {
	records, coded, typeOK, anyType, actorsOK int
	byType                                    map[string][2]int // gold type -> {right, total}
	misses                                    []string
}

func scoreGSR(t *testing.T) gsrResult {
	raw, err := os.ReadFile(filepath.Join(sharedDir(t), "eval", "plover-gsr", "PLOVER_GSR_CAMEO.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []gsrRecord
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatal(err)
	}
	p := newPipe(t)
	res := gsrResult{byType: map[string][2]int{}}
	for _, r := range recs {
		if r.Event == "DOCUMENT" {
			continue
		}
		want := r.Event
		if m, ok := gsrTypes[want]; ok {
			want = m
		}
		res.records++
		d := p.run(t, dyad.Article{ID: r.ID, Text: strings.Trim(r.Text, "{} "), Published: "2000-01-01"})
		srcs, tgts := gsrCodes(r.Source), gsrCodes(r.Target)
		var pick *dyad.Event
		types := map[string]bool{}
		for i := range d.Events {
			e := &d.Events[i]
			types[e.Plover] = true
			if pick == nil && srcs[e.Source.Country] {
				pick = e
			}
		}
		if pick == nil && len(d.Events) > 0 {
			pick = &d.Events[0]
		}
		bt := res.byType[want]
		bt[1]++
		if types[want] {
			res.anyType++
		}
		got := "-"
		if pick != nil {
			res.coded++
			got = pick.Plover + " " + pick.Source.Country + ">" + pick.Target.Country + " " + pick.Code
			if pick.Plover == want {
				res.typeOK++
				bt[0]++
				if srcs[pick.Source.Country] && (len(tgts) == 0 && pick.Target.Country == "" || tgts[pick.Target.Country]) {
					res.actorsOK++
				}
			}
		}
		res.byType[want] = bt
		if pick == nil || pick.Plover != want {
			var ms []string
			for _, m := range d.Mentions {
				if m.Kind != dyad.MentionMedia {
					ms = append(ms, d.Slice(m.Span)+"="+m.Actor.Code)
				}
			}
			res.misses = append(res.misses, fmt.Sprintf("%-10s got %-28s | %s\n      [%s]", want, got, clip(r.Text, 150), strings.Join(ms, "; ")))
		}
	}
	return res
}

// TestPloverGSR reports event-type accuracy and actor agreement on the
// PLOVER gold standard records and fails when type accuracy drops below
// its floor.
func TestPloverGSR(t *testing.T) {
	res := scoreGSR(t)
	acc := ratio(res.typeOK, res.records)
	t.Logf("records %d, coded %d; event type %.3f (any event %.3f); source+target agree %.3f of type-correct",
		res.records, res.coded, acc, ratio(res.anyType, res.records), ratio(res.actorsOK, res.typeOK))
	var types []string
	for k := range res.byType {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		v := res.byType[k]
		t.Logf("  %-10s %d/%d", k, v[0], v[1])
	}
	if os.Getenv("DYAD_VERBOSE") != "" {
		t.Log("\n" + strings.Join(res.misses, "\n"))
	}
	if acc < gsrTypeFloor {
		t.Errorf("event-type accuracy %.3f below the floor %.3f", acc, gsrTypeFloor)
	}
}
