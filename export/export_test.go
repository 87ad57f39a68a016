package export

import (
	"bytes"
	"testing"

	"github.com/dyadproject/dyad"
)

func sampleEvent() *dyad.Event {
	return &dyad.Event{
		ArticleID: "a1", Code: "040", Root: "04", Quad: 1, Goldstein: 1, Plover: "CONSULT",
		Source: dyad.EventActor{Code: "CHNMIL", Country: "CHN", Agent: "MIL", Name: "Zhang Youxia", Text: "Zhang Youxia"},
		Target: dyad.EventActor{},
		Date:   "2023-10-30", DatePrecision: "day", Modality: "asserted", Mentions: 1,
		Evidence: []dyad.Evidence{{Sentence: 2, Start: 10, End: 20, Text: "held\ttalks <b>"}},
		Rule:     "data/events/consult.txt:12",
	}
}

func TestJSONLMatchesFormat(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf)
	if err := w.WriteEvent(sampleEvent()); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	want := `{"article_id":"a1","code":"040","root":"04","quad":1,"goldstein":1,"plover":"CONSULT",` +
		`"source":{"code":"CHNMIL","country":"CHN","agent":"MIL","name":"Zhang Youxia","text":"Zhang Youxia"},` +
		`"target":{"code":"","country":"","agent":"","name":"","text":""},` +
		`"date":"2023-10-30","date_precision":"day","modality":"asserted","negated":false,"reported_by":[],` +
		`"mentions":1,"evidence":[{"sentence":2,"start":10,"end":20,"text":"held\ttalks <b>"}],` +
		`"rule":"data/events/consult.txt:12"}` + "\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestQuoteJSONL(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf)
	w.WriteQuote(&dyad.Quote{ArticleID: "a", Speaker: dyad.Speaker{Name: "X"}, Text: "hi", Direct: true, Start: 1, End: 3})
	w.Flush()
	want := `{"article_id":"a","speaker":{"name":"X","code":""},"text":"hi","direct":true,"cue":"","reported_by":[],"start":1,"end":3}` + "\n"
	if buf.String() != want {
		t.Errorf("got %s want %s", buf.String(), want)
	}
}

func TestTSV(t *testing.T) {
	var buf bytes.Buffer
	w, ok := NewEventWriter("tsv", &buf)
	if !ok {
		t.Fatal("tsv unknown")
	}
	e := sampleEvent()
	e.ReportedBy = []string{"TASS", "Xinhua"}
	e.Location = &dyad.Location{Name: "Beijing"}
	w.WriteEvent(e)
	w.WriteEvent(e)
	w.Flush()
	row := "a1\t040\t04\t1\t1\tCONSULT\tCHNMIL\tZhang Youxia\t\t\t2023-10-30\tday\tBeijing\tasserted\tfalse\tTASS;Xinhua\t1\tdata/events/consult.txt:12\theld talks <b>\n"
	want := "article_id\tcode\troot\tquad\tgoldstein\tplover\tsource\tsource_name\ttarget\ttarget_name\tdate\tdate_precision\tlocation\tmodality\tnegated\treported_by\tmentions\trule\tevidence\n" + row + row
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
	if _, ok := NewEventWriter("xml", &buf); ok {
		t.Error("xml accepted")
	}
}
