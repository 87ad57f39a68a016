package petrarch

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadproject/dyad/actor"
)

// loadTables loads converted results alone (as one dictionary layer) the
// way the engine loads tables, and fails on any line the loader refuses.
func loadTables(t *testing.T, results ...*Result) {
	t.Helper()
	dedupe(results)
	fsys := fstest.MapFS{}
	for i, r := range results {
		fsys["actors/t"+string(rune('a'+i))+".txt"] = &fstest.MapFile{Data: Table(r, r.File)}
	}
	if _, err := actor.Load(actor.Config{Builtin: fsys, BuiltinPrefix: "fuzz/"}); err != nil {
		t.Fatalf("converted tables do not load: %v", err)
	}
}

// checkLines holds the converted lines to the table format.
func checkLines(t *testing.T, r *Result) {
	t.Helper()
	for _, l := range r.Lines {
		if len(l.Code) < 3 || len(l.Code) > 6 || strings.Trim(l.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			t.Errorf("line %q: bad code", l)
		}
		if len(l.Phrases) == 0 || len(l.Phrases) != len(l.Src) {
			t.Errorf("line %q: %d phrases, %d sources", l, len(l.Phrases), len(l.Src))
		}
		for _, p := range l.Phrases {
			if p == "" || strings.ContainsAny(p, "|\t\n#") {
				t.Errorf("line %q: bad phrase %q", l, p)
			}
		}
		if l.From != 0 && l.To != 0 && l.From > l.To {
			t.Errorf("line %q: FROM after TO", l)
		}
	}
	if r.Converted < 0 || r.Converted+r.LossyLines+r.SkippedLines != r.Read {
		t.Errorf("counts do not add up: %d read, %d + %d + %d", r.Read, r.Converted, r.LossyLines, r.SkippedLines)
	}
}

func FuzzConvertActors(f *testing.F) {
	f.Add([]byte(actorSnippet))
	f.Add([]byte("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"))
	f.Add([]byte("ZIMBABWE\n\t[RHO <790606]\n\t[ZBW]#jw\nTHE_SHIRE  [FRO/BIL/SAM]\nPALESTINIAN [pse]\nPALESTINE [PAL]\n+PALESTINIAN\n"))
	f.Add([]byte("<!-- open\n[X]\n-->\nA_ [AAA] <!-- x --> \n+B <!-- y\nz --> C\nTHE [THE]\n+- \n+.\n"))
	f.Add([]byte("X [ABC 20100101-20091231]\nY [ABC >2010]\nZ [ABC 19991301-20000101]\n[\n]\n{\n}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ConvertActors("f.txt", data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkLines(t, r)
		loadTables(t, r)
	})
}

func FuzzConvertAgents(f *testing.F) {
	f.Add([]byte(agentSnippet))
	f.Add([]byte("!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\nMSF {}  [NGO~]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"))
	f.Add([]byte("THE [~GOV]\n- [~GOV]\n!A! = ,\n!B! = THE\n!B! [~MIL]\nX {Y} Z [~GOV]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := ConvertAgents("f.txt", data)
		checkLines(t, r)
		for _, l := range r.Lines {
			if l.Kind != actor.KindAgent || !dyadAgents[l.Code] {
				t.Errorf("line %q: want an agent line with a known agent code", l)
			}
		}
		loadTables(t, r)
	})
}

const recordsSnippet = `<Validation>
<Environment><Verbfile>V.txt</Verbfile></Environment>
<Sentences>
<!-- <Sentence id="COMMENTED"> -->
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<!-- a comment inside -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"A NEW ACTOR"' targetcode="---GOV" eventcode="023"></EventCoding>
<Text>
Arnor will restore   ties with
 Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="20080804" id="T-02" category="ERROR" sentence="false">
<EventCoding noevents = "True"> </EventCoding>
<EventCoding error="dateline"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestReadRecords(t *testing.T) {
	recs, err := ReadRecords(strings.NewReader(recordsSnippet))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	r := recs[0]
	if r.ID != "T-01" || r.Category != "DEMO" || r.Date != "19950101" || r.Sentence != "true" ||
		r.Text != "Arnor will restore ties with Gondor & Rohan." {
		t.Errorf("record 0 = %+v", r)
	}
	want := []Coding{{Source: "ARN", Target: "GON", Event: "064"}, {Source: `"A NEW ACTOR"`, Target: "---GOV", Event: "023"}}
	if len(r.Codings) != 2 || r.Codings[0] != want[0] || r.Codings[1] != want[1] || len(r.Expected()) != 2 {
		t.Errorf("codings = %+v", r.Codings)
	}
	if p, err := r.Published(); p != "1995-01-01" || err != nil {
		t.Errorf("published = %q, %v", p, err)
	}
	r = recs[1]
	if len(r.Codings) != 2 || !r.Codings[0].NoEvents || r.Codings[1].Error != "dateline" || len(r.Expected()) != 0 || r.Sentence != "false" {
		t.Errorf("record 1 codings = %+v", r.Codings)
	}
	if _, err := (Record{ID: "x", Date: "19951301"}).Published(); err == nil {
		t.Error("month 13: want an error")
	}
	if _, err := ReadRecords(strings.NewReader("<Sentences><Sentence id=\"a\"><Text>x</Sentence>")); err == nil {
		t.Error("broken XML: want an error")
	}
}

func FuzzReadRecords(f *testing.F) {
	f.Add([]byte(recordsSnippet))
	f.Add([]byte(`<Sentence date="1" id="x"><EventCoding/><Text> a  b </Text></Sentence>`))
	f.Add([]byte(`<a><Sentence><Sentence><Text>x</Text></Sentence></Sentence></a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, _ := ReadRecords(bytes.NewReader(data))
		for _, r := range recs {
			if r.Text != strings.Join(strings.Fields(r.Text), " ") {
				t.Errorf("text %q: white space not collapsed", r.Text)
			}
			if p, err := r.Published(); err == nil && len(p) != 10 {
				t.Errorf("published %q", p)
			}
			for _, c := range r.Codings {
				if c.Expects() && c.Event != strings.TrimSpace(c.Event) {
					t.Errorf("event code %q not trimmed", c.Event)
				}
			}
		}
	})
}
