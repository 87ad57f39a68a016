package token

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/dyadproject/dyad"
)

func newTok(t testing.TB) *Tokenizer {
	t.Helper()
	tk, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// tokens runs the tokenizer on text as one sentence and returns the token
// texts joined by " | ".
func tokens(tk *Tokenizer, text string) (string, []dyad.Token) {
	toks := tk.Append(nil, text, dyad.Span{Start: 0, End: len(text)}, 0)
	parts := make([]string, len(toks))
	for i, x := range toks {
		parts[i] = text[x.Start:x.End]
	}
	return strings.Join(parts, " | "), toks
}

func TestTokenize(t *testing.T) {
	tk := newTok(t)
	for _, tc := range []struct{ in, want string }{
		{"China's military held talks.", "China | 's | military | held | talks | ."},
		{"Xi\u2019s visit", "Xi | \u2019s | visit"},
		{"We don't know; they can't and won't.", "We | do | n't | know | ; | they | ca | n't | and | wo | n't | ."},
		{"They\u2019re sure we\u2019ll go, I\u2019m told, they'd said, we've won", "They | \u2019re | sure | we | \u2019ll | go | , | I | \u2019m | told | , | they | 'd | said | , | we | 've | won"},
		{"military-technical cooperation in the Asia-Pacific and post-conflict talks", "military-technical | cooperation | in | the | Asia-Pacific | and | post-conflict | talks"},
		{"1,000 troops, 3.5 percent, the 10th forum, the 1990s, $1.2 billion", "1,000 | troops | , | 3.5 | percent | , | the | 10th | forum | , | the | 1990s | , | $ | 1.2 | billion"},
		{"Gen. Mark Milley met Lt. Col. J. Smith at 9 a.m. in Washington", "Gen. | Mark | Milley | met | Lt. | Col. | J. | Smith | at | 9 | a.m. | in | Washington"},
		{"The U.S. and the U.K. signed it.", "The | U.S. | and | the | U.K. | signed | it | ."},
		{"Troops were sent to the U.S.", "Troops | were | sent | to | the | U.S | ."},
		{"\u201cWe will respond,\u201d he said in the U.S.\u201d", "\u201c | We | will | respond | , | \u201d | he | said | in | the | U.S | . | \u201d"},
		{"Talks stalled\u2026 then resumed \u2014 briefly \u2013 on Monday...", "Talks | stalled | \u2026 | then | resumed | \u2014 | briefly | \u2013 | on | Monday | ..."},
		{"\u00abNon\u00bb, said \u2018the head\u2019", "\u00ab | Non | \u00bb | , | said | \u2018 | the | head | \u2019"},
		{"See https://example.org/a/b?c=1. Mail press@un.org or @UN_News #Gaza", "See | https://example.org/a/b?c=1 | . | Mail | press@un.org | or | @UN_News | #Gaza"},
		{"(https://example.org/x_(y)) and www.example.com, then", "( | https://example.org/x_(y) | ) | and | www.example.com | , | then"},
		{"the leaders' summit in the '90s", "the | leaders | ' | summit | in | the | '90s"},
		{"U.S.-China trade and AT&T, 24/7, at 10:30", "U.S.-China | trade | and | AT&T | , | 24/7 | , | at | 10:30"},
		{"WASHINGTON/BRUSSELS -- and/or 9/11 km/h Israel/Gaza", "WASHINGTON | / | BRUSSELS | -- | and/or | 9/11 | km/h | Israel | / | Gaza"},
		{"worth A$1 billion, US$5 or HK$3, USD$2", "worth | A$ | 1 | billion | , | US$ | 5 | or | HK$ | 3 | , | USD | $ | 2"},
		{"5% of 1,2,3 -- and --x", "5 | % | of | 1 | , | 2 | , | 3 | -- | and | -- | x"},
		{"October 29-31, Inc., etc.", "October | 29-31 | , | Inc. | , | etc | ."},
		{"O'Brien's aide", "O'Brien | 's | aide"},
		{"\u041c\u043e\u0441\u043a\u0432\u0430 \u5317\u4eac", "\u041c\u043e\u0441\u043a\u0432\u0430 | \u5317\u4eac"},
		{"ok\U0001F44D\U0001F3FD!", "ok | \U0001F44D | \U0001F3FD | !"},
		{"Mr. Smith said: \"No.\"", "Mr. | Smith | said | : | \" | No | . | \""},
		{"", ""},
	} {
		got, _ := tokens(tk, tc.in)
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestNorm(t *testing.T) {
	tk := newTok(t)
	text := "China\u2019s \u201cpost\u2014conflict\u201d WON\u2019T U.S."
	_, toks := tokens(tk, text)
	var got []string
	for _, x := range toks {
		got = append(got, x.Norm)
	}
	want := "china|'s|\"|post|-|conflict|\"|wo|n't|u.s.|."
	if strings.Join(got, "|") != want {
		t.Errorf("norms = %s, want %s", strings.Join(got, "|"), want)
	}
}

func TestProcessSetsSentenceBounds(t *testing.T) {
	tk := newTok(t)
	text := "Zhang met Shoigu.  He said talks went well."
	d := &dyad.Doc{Text: text, Sentences: []dyad.Sentence{
		{Span: dyad.Span{Start: 0, End: 17}, Index: 0},
		{Span: dyad.Span{Start: 19, End: len(text)}, Index: 1},
	}}
	if err := tk.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if s := d.Sentences[0]; s.FirstToken != 0 || s.EndToken != 4 {
		t.Errorf("sentence 0 tokens [%d,%d), want [0,4)", s.FirstToken, s.EndToken)
	}
	if s := d.Sentences[1]; s.FirstToken != 4 || s.EndToken != 10 {
		t.Errorf("sentence 1 tokens [%d,%d), want [4,10)", s.FirstToken, s.EndToken)
	}
	if x := d.Tokens[4]; d.Slice(x.Span) != "He" || x.Sentence != 1 || x.Norm != "he" {
		t.Errorf("token 4 = %+v, want He in sentence 1", x)
	}
	// Running again replaces the tokens rather than appending.
	if err := tk.Process(context.Background(), d); err != nil || len(d.Tokens) != 10 {
		t.Errorf("second run: %d tokens, err %v; want 10, nil", len(d.Tokens), err)
	}
}

func TestProcessErrors(t *testing.T) {
	tk := newTok(t)
	if err := tk.Process(context.Background(), &dyad.Doc{Text: "No sentences here."}); err == nil {
		t.Error("want an error when the sentence stage has not run")
	}
	if err := tk.Process(context.Background(), &dyad.Doc{Text: " \n"}); err != nil {
		t.Errorf("blank text: %v", err)
	}
	d := &dyad.Doc{Text: "abc", Sentences: []dyad.Sentence{{Span: dyad.Span{Start: 0, End: 9}}}}
	if err := tk.Process(context.Background(), d); err == nil {
		t.Error("want an error for a span outside the text")
	}
}

func TestBadAbbreviationTable(t *testing.T) {
	fsys := fstest.MapFS{AbbreviationsFile: {Data: []byte("Gen\nU.S.\nGov\ttwo\n")}}
	_, err := New(Config{FS: fsys, Prefix: "x/"})
	want := "x/lexicon/abbreviations.txt:2: want one abbreviation without its final period, got \"U.S.\"\n" +
		"x/lexicon/abbreviations.txt:3: want one abbreviation without its final period, got \"Gov\\ttwo\""
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestExtraAbbreviations(t *testing.T) {
	tk, err := New(Config{Abbreviations: []string{"Approx."}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := tokens(tk, "Approx. 40 died"); got != "Approx. | 40 | died" {
		t.Errorf("got %s", got)
	}
}

// checkInvariants verifies what every tokenization must satisfy: spans
// inside the sentence, ordered, non-overlapping, non-empty, never holding
// space, and covering every byte that is not space.
func checkInvariants(t *testing.T, text string, sp dyad.Span, toks []dyad.Token) {
	t.Helper()
	covered := sp.Start
	for i, x := range toks {
		if x.Start < sp.Start || x.End > sp.End || x.Start >= x.End {
			t.Fatalf("token %d span [%d,%d) empty or outside sentence [%d,%d) in %q", i, x.Start, x.End, sp.Start, sp.End, text)
		}
		if x.Start < covered {
			t.Fatalf("token %d [%d,%d) overlaps or is out of order in %q", i, x.Start, x.End, text)
		}
		gap := text[covered:x.Start]
		if strings.TrimFunc(gap, IsSpace) != "" {
			t.Fatalf("bytes %q before token %d not covered in %q", gap, i, text)
		}
		in := text[x.Start:x.End]
		if strings.IndexFunc(in, IsSpace) >= 0 && utf8.ValidString(in) {
			t.Fatalf("token %d %q holds space", i, in)
		}
		covered = x.End
	}
	if rest := text[covered:sp.End]; strings.TrimFunc(rest, IsSpace) != "" {
		t.Fatalf("trailing bytes %q not covered in %q", rest, text)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"China's military held talks with the U.S. on Monday.",
		"\u201cWe don\u2019t,\u201d he said\u2026 \u00abok\u00bb \u2014 1,000 / $1.2 / 10th",
		"https://x.org/a(b). press@un.org @h #t '90s leaders' U.S.-China",
		"a\u0301\u200d\U0001F600 \xff\xfe. ...--!!",
		"'s n't ' '' `` ' .5 1.2.3 a.b.c. Gen. J.",
		"",
	} {
		f.Add(s, 0, len(s))
	}
	tk := newTok(f)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || b > len(text) || a > b {
			a, b = 0, len(text)
		}
		sp := dyad.Span{Start: a, End: b}
		toks := tk.Append(nil, text, sp, 3)
		checkInvariants(t, text, sp, toks)
		for _, x := range toks {
			if x.Sentence != 3 {
				t.Fatalf("sentence = %d, want 3", x.Sentence)
			}
		}
	})
}

// splitSentences is a crude splitter for tests and benchmarks: a sentence
// ends at . ? ! (and closing quotes) before white space and a capital.
func splitSentences(text string) []dyad.Sentence {
	var out []dyad.Sentence
	start := 0
	add := func(end int) {
		for start < end && IsSpace(rune(text[start])) {
			start++
		}
		if start < end {
			out = append(out, dyad.Sentence{Span: dyad.Span{Start: start, End: end}, Index: len(out)})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			add(i)
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == ')') {
			j++
		}
		if j+1 < len(text) && text[j] == ' ' && 'A' <= text[j+1] && text[j+1] <= 'Z' {
			if c == '.' && i > 0 && (i < 2 || text[i-2] == ' ' || text[i-2] == '.') {
				continue // an initial
			}
			add(j)
		}
	}
	add(len(text))
	return out
}

// corpus returns the wire-style benchmark text repeated to about size bytes.
func corpus(tb testing.TB, size int) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		sb.Write(b)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func TestCorpusInvariants(t *testing.T) {
	tk := newTok(t)
	text := corpus(t, 1)
	d := &dyad.Doc{Text: text, Sentences: splitSentences(text)}
	if len(d.Sentences) < 40 {
		t.Fatalf("only %d sentences in the corpus", len(d.Sentences))
	}
	if err := tk.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for i, s := range d.Sentences {
		checkInvariants(t, text, s.Span, d.Tokens[s.FirstToken:s.EndToken])
		if i > 0 && s.FirstToken != d.Sentences[i-1].EndToken {
			t.Fatalf("sentence %d starts at token %d, previous ends at %d", i, s.FirstToken, d.Sentences[i-1].EndToken)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	tk := newTok(b)
	text := corpus(b, 1<<20)
	d := &dyad.Doc{Text: text, Sentences: splitSentences(text)}
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	ntok := 0
	for i := 0; i < b.N; i++ {
		if err := tk.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		ntok += len(d.Tokens)
	}
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(d.Sentences)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
