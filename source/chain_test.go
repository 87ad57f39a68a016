package source

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// ev is the chain wanted for a bare event on sentence s; qu the chain
// wanted for the quote whose text starts with prefix.
type ev struct {
	s     int
	chain []string
}

type qu struct {
	prefix string
	chain  []string
}

// chainCases are source-chain cases written for these tests, with literal
// expectations.
var chainCases = []struct {
	name, outlet, text string
	events             []ev
	quotes             []qu
}{
	{name: "outlet only", outlet: "The Harbour Courier", text: "Officials said the talks had failed.",
		events: []ev{{0, []string{"The Harbour Courier"}}}},
	{name: "outlet with wires in brackets", outlet: "Harbour Times (AFP, AP)", text: "The two sides met in Geneva.",
		events: []ev{{0, []string{"Harbour Times", "AFP", "AP"}}}},
	{name: "dateline agency", text: "LONDON, May 2 (Reuters) - Britain expelled two diplomats on Tuesday.",
		events: []ev{{0, []string{"Reuters"}}}},
	{name: "dateline repeats the outlet", outlet: "Reuters", text: "LONDON, May 2 (Reuters) - Britain expelled two diplomats.",
		events: []ev{{0, []string{"Reuters"}}}},
	{name: "dateline name folded", text: "LIMA, June 3 (Associated Press) - Peru closed its border.",
		events: []ev{{0, []string{"AP"}}}},
	{name: "lower-case wire in metadata", outlet: "boersenblatt.example (dpa-AFX)", text: "Germany raised its forecast.",
		events: []ev{{0, []string{"boersenblatt.example", "DPA"}}}},
	{name: "sign-off in brackets", text: "India and Nepal signed a power deal on Friday. Officials called it historic. (IANS)",
		events: []ev{{0, []string{"IANS"}}, {1, []string{"IANS"}}}},
	{name: "sign-off with inputs from", text: "Floods hit Assam on Monday. (With inputs from IANS)",
		events: []ev{{0, []string{"IANS"}}}},
	{name: "sign-off line with a dash", text: "Chile and Peru agreed to reopen the crossing.\n— Reuters",
		events: []ev{{0, []string{"Reuters"}}}},
	{name: "standfirst line", text: "Talks resumed in Doha….reports Asian Lite News\nQatar hosted the two delegations on Sunday.",
		events: []ev{{2, []string{"Asian Lite News"}}}},
	{name: "outlet, sign-off and in-text credit", outlet: "Asian Lite News",
		text:   "China said it would send an envoy to the region, Xinhua reported on Monday. (ANI)",
		events: []ev{{0, []string{"Asian Lite News", "ANI", "Xinhua"}}}},
	{name: "according to", text: "Israeli strikes hit the port overnight, according to Al Jazeera.",
		events: []ev{{0, []string{"Al Jazeera"}}}},
	{name: "as per", text: "He said Beijing stood ready to mediate, as per Xinhua.",
		events: []ev{{0, []string{"Xinhua"}}}},
	{name: "told an agency", text: "Sergei Lavrov told Interfax that Moscow would respond.",
		events: []ev{{0, []string{"Interfax"}}}},
	{name: "quoted by as saying", text: "Sergei Lavrov was quoted by RIA Novosti as saying that talks were possible.",
		events: []ev{{0, []string{"RIA Novosti"}}}},
	{name: "agency quoted a speaker", text: "“We will respond in kind,” TASS quoted Sergei Lavrov as saying.",
		quotes: []qu{{"We will respond", []string{"TASS"}}}},
	{name: "statement carried by", text: "The army said in a statement carried by KCNA that it had fired two missiles.",
		events: []ev{{0, []string{"KCNA"}}}},
	{name: "state media said", text: "Troops crossed the border on Monday, state media said.",
		events: []ev{{0, []string{"state media"}}}},
	{name: "said on state television", text: "Iran's foreign minister said on state television that talks would resume.",
		events: []ev{{0, []string{"state television"}}}},
	{name: "unnamed outlet reported", text: "Iranian media reported that the tanker had been seized.",
		events: []ev{{0, []string{"Iranian media"}}}},
	{name: "citing is innermost", text: "Xinhua, citing TASS, reported that the two ministers had met.",
		events: []ev{{0, []string{"Xinhua", "TASS"}}}},
	{name: "quoting another agency", text: "Reuters quoted Interfax as saying that the plant had been shut.",
		events: []ev{{0, []string{"Reuters", "Interfax"}}}},
	{name: "wrote in a newspaper", text: "The envoy wrote in the Global Times that both sides wanted calm.",
		events: []ev{{0, []string{"Global Times"}}}},
	{name: "credit goes with the speaker", text: "Sergei Lavrov said Moscow was ready for talks, TASS reported. “We are not against dialogue,” Lavrov said.",
		quotes: []qu{{"We are not against", []string{"TASS"}}}},
	{name: "credit goes with a pronoun", text: "Antony Blinken was quoted by Reuters as saying that the deal was close. “We are very near,” he said.",
		quotes: []qu{{"We are very near", []string{"Reuters"}}}},
	{name: "credit goes to the speaker's later events", text: "Sergei Lavrov said Russia was ready to help, TASS reported. Later he said Moscow would send aid to Syria.",
		events: []ev{{1, []string{"TASS"}}}},
	{name: "credit does not go to another speaker", text: "Sergei Lavrov said Moscow was ready, TASS reported. “The exercises are defensive,” the Russian Defence Ministry said.",
		quotes: []qu{{"The exercises are defensive", []string{}}}},
	{name: "no carry to narrative", text: "Xinhua reported that the two leaders had spoken by phone. The talks lasted an hour.",
		events: []ev{{0, []string{"Xinhua"}}, {1, []string{}}}},
	{name: "a newer credit replaces the older", text: "Sergei Lavrov said talks were possible, TASS reported. Sergei Lavrov said Moscow wanted guarantees, RIA Novosti reported. “We need a written pledge,” Lavrov said.",
		quotes: []qu{{"We need a written pledge", []string{"RIA Novosti"}}}},
	{name: "outlet as an object is no credit", text: "Israeli jets struck the offices of Al Jazeera in Gaza.",
		events: []ev{{0, []string{}}}},
	{name: "unnamed outlet with a parenthesis", text: "A government news portal, citing the border service, said troops had crossed the river.",
		events: []ev{{0, []string{"government news portal"}}}},
	{name: "a statement is no outlet", text: "Troops withdrew, according to a statement from the ministry.",
		events: []ev{{0, []string{}}}},
	{name: "told an agency by its description", text: "A local official told Xinhua news agency that ten people had died.",
		events: []ev{{0, []string{"Xinhua"}}}},
	{name: "nothing credited", text: "The two armies exchanged fire overnight.",
		events: []ev{{0, []string{}}}},
	{name: "an abbreviation ending the text is no sign-off", text: "Inspectors left the plant, said the International Atomic Energy Agency (IAEA).",
		events: []ev{{0, []string{}}}},
	{name: "a bracket and a dash in a first sentence are no dateline", text: "The Organization of American States (OAS) - the region's oldest body - met on Monday.",
		events: []ev{{0, []string{}}}},
	{name: "two sign-off agencies", text: "Talks will resume in March. (AFP/Reuters)",
		events: []ev{{0, []string{"AFP", "Reuters"}}}},
}

func TestChainTable(t *testing.T) {
	for _, c := range chainCases {
		t.Run(c.name, func(t *testing.T) {
			var evs []int
			for _, e := range c.events {
				evs = append(evs, e.s)
			}
			d := run(t, dyad.Article{Outlet: c.outlet, Text: c.text}, evs...)
			if os.Getenv("CHAIN_PRINT") != "" {
				for _, e := range d.Events {
					fmt.Printf("%s: event S%d %q\n", c.name, e.Evidence[0].Sentence, e.ReportedBy)
				}
				for _, q := range d.Quotes {
					fmt.Printf("%s: quote %v %q %q\n", c.name, q.Direct, q.Text, q.ReportedBy)
				}
				return
			}
			for i, e := range c.events {
				got := d.Events[i].ReportedBy
				if got == nil || !slices.Equal(got, e.chain) {
					t.Errorf("event on sentence %d: reported_by %q, want %q", e.s, got, e.chain)
				}
			}
			for _, w := range c.quotes {
				found := false
				for _, q := range d.Quotes {
					if q.Direct && strings.HasPrefix(q.Text, w.prefix) {
						found = true
						if q.ReportedBy == nil || !slices.Equal(q.ReportedBy, w.chain) {
							t.Errorf("quote %q: reported_by %q, want %q", w.prefix, q.ReportedBy, w.chain)
						}
					}
				}
				if !found {
					t.Errorf("no direct quote starting %q in %d quotes", w.prefix, len(d.Quotes))
				}
			}
			for _, q := range d.Quotes {
				if q.ReportedBy == nil {
					t.Errorf("quote %q: nil reported_by", q.Text)
				}
			}
		})
	}
}
