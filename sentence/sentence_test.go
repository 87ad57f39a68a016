package sentence

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/dict"
)

func texts(text string) []string {
	var out []string
	for _, sp := range Split(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

// Wire-copy cases, written for this test.
var wireCases = []struct {
	name string
	in   string
	want []string
}{
	{"dateline IANS", "TOKYO, Jan 9 (IANS) - Japan and India agreed on Tuesday to expand defence ties. The deal covers joint drills.",
		[]string{"TOKYO, Jan 9 (IANS) - Japan and India agreed on Tuesday to expand defence ties.", "The deal covers joint drills."}},
	{"dateline AP with month abbreviation", "WASHINGTON, Dec. 8 (AP) — The Senate passed the bill. It now goes to the House.",
		[]string{"WASHINGTON, Dec. 8 (AP) — The Senate passed the bill.", "It now goes to the House."}},
	{"dateline AP", "QUITO, April 6 (AP) - Police entered the embassy late on Friday. Mexico cut ties hours later.",
		[]string{"QUITO, April 6 (AP) - Police entered the embassy late on Friday.", "Mexico cut ties hours later."}},
	{"dateline ST.", "ST. PETERSBURG, Russia, June 16 (Reuters) - Putin spoke at the forum. He criticised sanctions.",
		[]string{"ST. PETERSBURG, Russia, June 16 (Reuters) - Putin spoke at the forum.", "He criticised sanctions."}},
	{"dateline D.C. and dash", "WASHINGTON, D.C. — The Pentagon confirmed the strike. It gave no details.",
		[]string{"WASHINGTON, D.C. — The Pentagon confirmed the strike.", "It gave no details."}},
	{"sign-off stays", "Talks will resume next week, TASS reported. (ANI)",
		[]string{"Talks will resume next week, TASS reported. (ANI)"}},
	{"credit line stays", "The vote is due on Monday. (Reporting by Jane Roe; Editing by Tom Poe)",
		[]string{"The vote is due on Monday. (Reporting by Jane Roe; Editing by Tom Poe)"}},
	{"parenthesised sentence splits", "The meeting ended early. (It had been planned for two days.)",
		[]string{"The meeting ended early.", "(It had been planned for two days.)"}},
	{"U.S. before a name", "The U.S. Embassy in Baghdad was closed. Staff were moved to Erbil.",
		[]string{"The U.S. Embassy in Baghdad was closed.", "Staff were moved to Erbil."}},
	{"U.S. ends a sentence", "The aid came from the U.S. It arrived on Sunday.",
		[]string{"The aid came from the U.S.", "It arrived on Sunday."}},
	{"U.K. before lower case", "Officials in the U.K. said little.",
		[]string{"Officials in the U.K. said little."}},
	{"ranks", "Lt. Gen. Ahmed and Maj. Gen. Ali arrived. Gen. Mark Milley met Lt. Col. Jane Doe at the base.",
		[]string{"Lt. Gen. Ahmed and Maj. Gen. Ali arrived.", "Gen. Mark Milley met Lt. Col. Jane Doe at the base."}},
	{"Mr. Mrs. Dr.", "Mr. and Mrs. Smith met Dr. Jones on Friday. They discussed aid.",
		[]string{"Mr. and Mrs. Smith met Dr. Jones on Friday.", "They discussed aid."}},
	{"months", "The truce began on Jan. 19 and ended on Feb. 2. Fighting resumed in Sept. 2024.",
		[]string{"The truce began on Jan. 19 and ended on Feb. 2.", "Fighting resumed in Sept. 2024."}},
	{"a.m. mid-sentence", "The strike hit at 4:05 a.m. local time, officials said.",
		[]string{"The strike hit at 4:05 a.m. local time, officials said."}},
	{"a.m. and p.m. at ends", "Voting opened at 7 a.m. It will close at 8 p.m.",
		[]string{"Voting opened at 7 a.m.", "It will close at 8 p.m."}},
	{"No. before a number and as a word", "He lives at No. 10 Downing Street. No. He does not.",
		[]string{"He lives at No. 10 Downing Street.", "No.", "He does not."}},
	{"Corp. and Inc.", "Shares of Acme Corp. rose 3.5% on Tuesday. Acme Inc. Chief Executive John Roe declined to comment.",
		[]string{"Shares of Acme Corp. rose 3.5% on Tuesday.", "Acme Inc. Chief Executive John Roe declined to comment."}},
	{"Co. ends a sentence", "The deal was signed with Mitsui & Co. It takes effect in May.",
		[]string{"The deal was signed with Mitsui & Co.", "It takes effect in May."}},
	{"etc. middle and end", "They sent food, water, tents, etc. to the border. Aid groups sent blankets, medicine, etc. The convoy left at dawn.",
		[]string{"They sent food, water, tents, etc. to the border.", "Aid groups sent blankets, medicine, etc.", "The convoy left at dawn."}},
	{"e.g. and i.e.", "Some members, e.g. France, objected. Others, i.e. the rest, agreed.",
		[]string{"Some members, e.g. France, objected.", "Others, i.e. the rest, agreed."}},
	{"St. saint and street", "St. Petersburg hosted the talks on Nevsky St. near the river. They ended on Main St. The guests left.",
		[]string{"St. Petersburg hosted the talks on Nevsky St. near the river.", "They ended on Main St.", "The guests left."}},
	{"decimals and money", "The bank lent $1.2 billion at 3.5 percent. It also bought 1,000 tonnes.",
		[]string{"The bank lent $1.2 billion at 3.5 percent.", "It also bought 1,000 tonnes."}},
	{"number ends a sentence", "Turnout was 61.3. Officials called it high.",
		[]string{"Turnout was 61.3.", "Officials called it high."}},
	{"quote with attribution", "“We are ready,” Shoigu said at the event. He did not elaborate.",
		[]string{"“We are ready,” Shoigu said at the event.", "He did not elaborate."}},
	{"multi-sentence quote with attribution", "“She is safe. She is on a plane,” he wrote on Twitter.",
		[]string{"“She is safe. She is on a plane,” he wrote on Twitter."}},
	{"standalone quote splits", "He spoke briefly. “The talks failed. We will try again.” The envoy then left.",
		[]string{"He spoke briefly.", "“The talks failed.", "We will try again.”", "The envoy then left."}},
	{"quote opened mid-sentence stays", "He said: “We are ready. We will act.” Then he left.",
		[]string{"He said: “We are ready. We will act.”", "Then he left."}},
	{"straight quotes", "\"This is crazy,\" the consul told reporters. \"They could kill him.\"",
		[]string{"\"This is crazy,\" the consul told reporters.", "\"They could kill him.\""}},
	{"question quote then attribution", "“Is this over?” asked one resident.",
		[]string{"“Is this over?” asked one resident."}},
	{"nested single quotes", "“The report is titled ‘Security in Asia.’ It is long,” she said.",
		[]string{"“The report is titled ‘Security in Asia.’ It is long,” she said."}},
	{"period inside closing quote", "She called it \"a good start.\" Talks resume Monday.",
		[]string{"She called it \"a good start.\"", "Talks resume Monday."}},
	{"curly single quotes", "Officials called it ‘a mistake.’ The report agreed.",
		[]string{"Officials called it ‘a mistake.’", "The report agreed."}},
	{"ellipsis inside quote", "“We will … continue to fight,” he said.",
		[]string{"“We will … continue to fight,” he said."}},
	{"three dots do not end", "He paused... Then he spoke.",
		[]string{"He paused... Then he spoke."}},
	{"four dots end", "The talks stalled.... Both sides left.",
		[]string{"The talks stalled....", "Both sides left."}},
	{"standfirst glued to outlet", "Growth remains strong….reports Asian Lite News",
		[]string{"Growth remains strong….", "reports Asian Lite News"}},
	{"parentheses", "The treaty (CTBT) was never ratified by the U.S. Senate. Russia withdrew.",
		[]string{"The treaty (CTBT) was never ratified by the U.S. Senate.", "Russia withdrew."}},
	{"period inside parentheses", "Officials (speaking on condition of anonymity, as usual.) declined to comment.",
		[]string{"Officials (speaking on condition of anonymity, as usual.) declined to comment."}},
	{"question and exclamation", "Will they return? Nobody knows. Stop the war!",
		[]string{"Will they return?", "Nobody knows.", "Stop the war!"}},
	{"name with exclamation", "He worked at Yahoo! in the sales team.",
		[]string{"He worked at Yahoo! in the sales team."}},
	{"initials", "George W. Bush met Vladimir V. Putin in 2001.",
		[]string{"George W. Bush met Vladimir V. Putin in 2001."}},
	{"Ph.D.", "She holds a Ph.D. from Oxford.",
		[]string{"She holds a Ph.D. from Oxford."}},
	{"web and mail addresses", "Details are at www.example.org. Send questions to press@example.org. Replies take a week.",
		[]string{"Details are at www.example.org.", "Send questions to press@example.org.", "Replies take a week."}},
	{"no space after period", "The meeting ended.Talks resume in May.",
		[]string{"The meeting ended.", "Talks resume in May."}},
	{"state abbreviation vs adjective", "The shooting happened in Springfield, Ill. The suspect fled. He felt ill. Doctors saw him.",
		[]string{"The shooting happened in Springfield, Ill.", "The suspect fled.", "He felt ill.", "Doctors saw him."}},
	{"state before title", "Calif. Gov. Gavin Newsom signed the law.",
		[]string{"Calif. Gov. Gavin Newsom signed the law."}},
	{"numeric abbreviations", "See p. 55 and Fig. 3 for details.",
		[]string{"See p. 55 and Fig. 3 for details."}},
	{"possessive after abbreviation", "It was Martin Luther King Jr.'s birthday.",
		[]string{"It was Martin Luther King Jr.'s birthday."}},
	{"vs.", "The case Russia vs. Ukraine opened in The Hague.",
		[]string{"The case Russia vs. Ukraine opened in The Hague."}},
	{"headline then body", "Iran seizes tanker in Gulf\nThe vessel was boarded on Friday.",
		[]string{"Iran seizes tanker in Gulf", "The vessel was boarded on Friday."}},
	{"blank lines and CRLF", "One.\r\n\r\n  Two.  \n\n",
		[]string{"One.", "Two."}},
	{"no-break space", "He left.\u00a0She stayed.",
		[]string{"He left.", "She stayed."}},
	{"numbered list", "1. Ceasefire 2. Prisoner swap 3. Talks",
		[]string{"1. Ceasefire", "2. Prisoner swap", "3. Talks"}},
	{"bulleted list", "• Russia agreed • Ukraine declined",
		[]string{"• Russia agreed", "• Ukraine declined"}},
	{"empty", "", nil},
	{"only spaces", " \n\t\n", nil},
}

func TestWireCases(t *testing.T) {
	if len(wireCases) < 40 {
		t.Fatalf("only %d cases", len(wireCases))
	}
	for _, c := range wireCases {
		t.Run(c.name, func(t *testing.T) {
			if got := texts(c.in); !slices.Equal(got, c.want) {
				t.Errorf("Split(%q)\n got  %q\n want %q", c.in, got, c.want)
			}
		})
	}
}

func TestProcessFillsSentences(t *testing.T) {
	text := "Iran seizes tanker\n\n  QUITO, April 6 (AP) - Police raided the embassy. Mexico cut ties.  \r\n\nLópez Obrador spoke (AP)\n"
	d := &dyad.Doc{Text: text, Sentences: []dyad.Sentence{{Index: 99}}}
	s := New(Config{})
	if s.Name() != "sentence" {
		t.Errorf("Name() = %q", s.Name())
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	type row struct {
		text            string
		index, para     int
		firstTok, endTk int
	}
	var got []row
	for _, x := range d.Sentences {
		got = append(got, row{d.Slice(x.Span), x.Index, x.Paragraph, x.FirstToken, x.EndToken})
	}
	want := []row{
		{"Iran seizes tanker", 0, 0, 0, 0},
		{"QUITO, April 6 (AP) - Police raided the embassy.", 1, 1, 0, 0},
		{"Mexico cut ties.", 2, 1, 0, 0},
		{"López Obrador spoke (AP)", 3, 2, 0, 0},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestProcessStopsOnCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &dyad.Doc{Text: "One. Two."}
	if err := New(Config{}).Process(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if d.Sentences != nil {
		t.Errorf("sentences set despite cancelled context: %v", d.Sentences)
	}
}

func TestEmbeddedTablesLoad(t *testing.T) {
	s := New(Config{})
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]class{"Mr": clsTitle, "MR": clsTitle, "no": clsNumeric, "n°": clsNumeric, "co": clsAbbr, "Ill": clsAbbr, "ILL": clsAbbr} {
		if got := s.t.abbrev[w]; got != want {
			t.Errorf("abbrev[%q] = %d, want %d", w, got, want)
		}
	}
	if _, ok := s.t.abbrev["ill"]; ok {
		t.Error(`capitalised entry "Ill." must not match "ill"`)
	}
	if !s.t.starters["the"] || s.t.starters["may"] {
		t.Error(`starters: want "the" in and "may" out`)
	}
}

func TestTableErrorsNameFileAndLine(t *testing.T) {
	tb := tables{abbrev: map[string]class{}, starters: map[string]bool{}}
	src := "Mr.\ttitle\nInc\tabbr\nco.\tnoun\nx.\n"
	err := dict.Parse("data/sentence/abbreviations.txt", []byte(src), tb.addAbbrev)
	want := "data/sentence/abbreviations.txt:2: abbreviation \"Inc\" must end in a single period\n" +
		"data/sentence/abbreviations.txt:3: unknown class \"noun\" (want title, numeric or abbr)\n" +
		"data/sentence/abbreviations.txt:4: want abbreviation<TAB>class, got 1 fields"
	if err == nil || err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%s", err, want)
	}
	if tb.abbrev["Mr"] != clsTitle {
		t.Error("good line before the bad ones was not kept")
	}
	err = dict.Parse("data/sentence/starters.txt", []byte("The\nO'Neil\n"), tb.addStarter)
	if err == nil || !strings.Contains(err.Error(), "starters.txt:2:") {
		t.Errorf("starter error = %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	text := strings.Repeat("The U.S. Embassy said so. “We are ready. We act,” he said. Gen. Smith left at 5 a.m. It rained.\n", 20)
	first := Split(text)
	for range 20 {
		if got := New(Config{}).Spans(text); !slices.Equal(got, first) {
			t.Fatal("split differs between runs")
		}
	}
}

// seedSentence pins one sentence of the seed article by paragraph and byte
// offsets, with its first and last 24 characters for the reader (the
// article itself is not copied here).
type seedSentence struct {
	para, start, end int
	head, tail       string
}

var seedWant = []seedSentence{
	{0, 0, 164, "Zhang said China and Rus", "g development momentum…."},
	{0, 164, 187, "reports Asian Lite News", "reports Asian Lite News"},
	{1, 188, 416, "China has said it is rea", "a reported on Wednesday."},
	{2, 417, 613, "The vice chairman of Chi", "Beijing Xiangshan Forum."},
	{3, 614, 775, "Zhang said China and Rus", "ng development momentum."},
	{4, 776, 962, "He said China stands rea", "tability, as per Xinhua."},
	{5, 963, 1143, "Shoigu, meanwhile, said ", " and the two militaries."},
	{6, 1144, 1417, "The Russian Defence Mini", "ws Agency TASS reported."},
	{7, 1418, 1677, "“In case the necessary c", "hoigu said at the event."},
	{8, 1678, 1884, "He further said that Rus", "ent and joint exercises."},
	{9, 1885, 2142, "“We are determined to co", "quoted Shoigu as saying."},
	{10, 2143, 2355, "The Russian Defence Mini", "itary-strategic balance."},
	// A two-sentence quotation closed by ",”" stays with "Shoigu said".
	{11, 2356, 2624, "“As for our country’s wi", " question,” Shoigu said."},
	{12, 2625, 2739, "Shoigu arrived in Beijin", "iangshan Security Forum."},
	{13, 2740, 2968, "“The head of the Russian", "inistry of Defense said."},
	{14, 2969, 3210, "“The forum is attended b", "ussian Defense Ministry."},
	{15, 3211, 3490, "The 10th Xiangshan Secur", "ts, TASS reported. (ANI)"},
}

func TestSeedArticle(t *testing.T) {
	path := filepath.Join(sharedDir(t), "examples", "xiangshan-2023.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not readable at %s: %v", path, err)
	}
	text := string(raw)
	got := New(Config{}).Append(nil, text)
	if len(got) != len(seedWant) {
		t.Errorf("%d sentences, want %d", len(got), len(seedWant))
	}
	for i := range min(len(got), len(seedWant)) {
		g, w := got[i], seedWant[i]
		s := text[g.Start:g.End]
		r := []rune(s)
		head, tail := s, s
		if len(r) > 24 {
			head, tail = string(r[:24]), string(r[len(r)-24:])
		}
		if g.Index != i || g.Paragraph != w.para || g.Start != w.start || g.End != w.end || head != w.head || tail != w.tail {
			t.Errorf("sentence %d: got {%d, %d, %d, %q, %q} index %d, want %+v", i, g.Paragraph, g.Start, g.End, head, tail, g.Index, w)
		}
	}
	if n := got[len(got)-1].Paragraph + 1; n != 16 {
		t.Errorf("%d paragraphs, want 16", n)
	}
}
