package coding

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSeed is the acceptance check on the worked example
// (../shared/examples/xiangshan-2023.txt and its gold): every required
// event found at code level, no false positive at root level, the
// repeated lede merged, and evidence and a rule on every event.
func TestSeed(t *testing.T) {
	file := filepath.Join(sharedDir(t), "eval", "dev", "xiangshan-2023.gold.jsonl")
	gold, docs := codeGold(t, file)
	res := scoreDocs(gold, docs)
	report(t, res)
	if r := res["code"]; r.found != r.required {
		t.Errorf("code level: found %d of %d required events\n%s", r.found, r.required, strings.Join(r.findings, "\n"))
	}
	if r := res["root"]; r.fp != 0 {
		t.Errorf("root level: %d false positives\n%s", r.fp, strings.Join(r.findings, "\n"))
	}
	d := docs[0]
	merged := false
	for _, e := range d.Events {
		if len(e.Evidence) == 0 || e.Rule == "" || !strings.HasPrefix(e.Rule, "data/events/") {
			t.Errorf("%s %s>%s: evidence %d, rule %q", e.Code, e.Source.Code, e.Target.Code, len(e.Evidence), e.Rule)
		}
		for _, ev := range e.Evidence {
			if d.Text[ev.Start:ev.End] != ev.Text {
				t.Errorf("evidence %d: offsets do not give its text", ev.Sentence)
			}
		}
		if e.Mentions != len(e.Evidence) {
			t.Errorf("%s %s>%s: mentions %d, evidence %d", e.Code, e.Source.Code, e.Target.Code, e.Mentions, len(e.Evidence))
		}
		// the lede "China has said it is ready to work with Russia" comes
		// back as "He said China stands ready to work with Russia"
		if e.Source.Country == "CHN" && e.Target.Country == "RUS" && e.Root == "03" {
			merged = e.Mentions == 2
		}
		if e.DatePrecision != "unresolved" || e.Date != "" || e.ReportedBy == nil {
			t.Errorf("%s: date %q/%q reported_by %v", e.Code, e.Date, e.DatePrecision, e.ReportedBy)
		}
		if e.Plover == "" || e.Quad == 0 || e.Root != e.Code[:2] {
			t.Errorf("%s: ontology fields not filled: %+v", e.Code, e)
		}
	}
	if !merged {
		t.Errorf("CHN>RUS intent to cooperate: want one event with 2 mentions\n%s", dump(d))
	}
}
