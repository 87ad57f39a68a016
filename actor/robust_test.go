package actor

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/dyadproject/dyad"
	"github.com/dyadproject/dyad/token"
)

// TestDeterministic runs the same articles many times, one after the
// other and from several goroutines sharing one Stage: the mentions must
// come out the same every time (no map order, no state between Docs).
func TestDeterministic(t *testing.T) {
	raw, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	f := newFront(t)
	st := New(loadBuiltin(t))
	want := make([]string, len(paras))
	for i, p := range paras {
		d := f.doc(t, p, "2023-11-01")
		if err := st.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		want[i] = describe(d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(paras))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 5 {
				for k := range paras {
					i := (k + g + round) % len(paras)
					d := f.doc(t, paras[i], "2023-11-01")
					if err := st.Process(context.Background(), d); err != nil {
						errs <- err.Error()
						return
					}
					if got := describe(d); got != want[i] {
						errs <- "paragraph " + paras[i][:30] + ":\n" + got + "\nwant\n" + want[i]
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	// A second, freshly loaded dictionary codes the same.
	st2 := New(loadBuiltin(t))
	for i, p := range paras {
		d := f.doc(t, p, "2023-11-01")
		if err := st2.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if got := describe(d); got != want[i] {
			t.Errorf("reloaded dictionary differs on paragraph %d:\n%s\nwant\n%s", i, got, want[i])
		}
	}
}

// TestPhrasesTokenizeLikeText holds splitPhrase to the token stage: every
// phrase of the built-in dictionaries must cut into the same tokens (by
// norm) as the tokenizer cuts it in running text, or it could never match.
func TestPhrasesTokenizeLikeText(t *testing.T) {
	tk, err := token.New(token.Config{})
	if err != nil {
		t.Fatal(err)
	}
	dct := loadBuiltin(t)
	bad := 0
	for _, e := range dct.Entries() {
		for _, p := range e.Phrases {
			// In the middle of a sentence, as the phrase appears in text.
			text := "Yesterday " + p + " said so."
			toks := tk.Append(nil, text, dyad.Span{Start: 0, End: len(text)}, 0)
			var got []string
			for _, tok := range toks[1 : len(toks)-3] {
				got = append(got, tok.Norm)
			}
			var want []string
			for _, w := range splitPhrase(p) {
				want = append(want, normWord(w))
			}
			if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
				bad++
				if bad <= 20 {
					t.Errorf("%s: phrase %q: tokenizer %q, dictionary %q", e.Rule, p, got, want)
				}
			}
		}
	}
	if bad > 20 {
		t.Errorf("… %d phrases in all", bad)
	}
}

// TestProcessWithoutTokens reports a missing token stage instead of
// coding nothing.
func TestProcessWithoutTokens(t *testing.T) {
	d, _ := dyad.NewDoc(dyad.Article{Text: "Russia said so.", Published: "2023-01-01"})
	if err := New(loadMini(t)).Process(t.Context(), d); err == nil || !strings.Contains(err.Error(), "token stage") {
		t.Errorf("err = %v, want a missing-tokens error", err)
	}
	empty, _ := dyad.NewDoc(dyad.Article{Text: " ", Published: "2023-01-01"})
	if err := New(loadMini(t)).Process(t.Context(), empty); err != nil || len(empty.Mentions) != 0 {
		t.Errorf("empty text: err %v, %d mentions", err, len(empty.Mentions))
	}
}

// TestUndatedNote: without a publication date people get their latest
// role and the Doc says so.
func TestUndatedNote(t *testing.T) {
	f := newFront(t)
	d := f.doc(t, "Sergei Shoigu met the delegation.", "")
	if err := New(loadMini(t)).Process(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Mentions) != 1 || d.Mentions[0].Actor.Code != "RUSGOV" {
		t.Errorf("undated Shoigu:\n%s", describe(d))
	}
	found := false
	for _, n := range d.Notes {
		found = found || n == NoteNoDate
	}
	if !found {
		t.Errorf("notes %q lack %q", d.Notes, NoteNoDate)
	}
}

// FuzzProcess feeds arbitrary text through the real front stages and the
// actor stage: no panic, spans inside the text and in order, antecedents
// pointing at other mentions.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Russian Defence Minister Sergei Shoigu said he was ready.",
		"The vice chairman of China's Central Military Commission Zhang Youxia",
		"China and Russia, the two militaries, both countries; they said",
		"MOSCOW, Oct 30 (Reuters) - the US-led coalition in Beijing's view",
		"“Ana Petrova, Bulgaria’s foreign minister,” said (ANI)",
		"the the the of of , , and and President",
		"U.S. and Russian negotiators and Libyan leaders, they",
	} {
		f.Add(s)
	}
	fr := newFront(f)
	st := New(loadBuiltin(f))
	f.Fuzz(func(t *testing.T, text string) {
		d, err := dyad.NewDoc(dyad.Article{Text: text, Published: "2023-11-01"})
		if err != nil {
			return
		}
		p := dyad.Pipeline{Stages: fr.stages}
		if err := p.Run(context.Background(), d); err != nil {
			return // the front stages' own business
		}
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for i, m := range d.Mentions {
			if !m.Span.Valid(len(d.Text)) || m.Len() == 0 {
				t.Fatalf("mention %d span %v in %d bytes", i, m.Span, len(d.Text))
			}
			if i > 0 && m.Start < d.Mentions[i-1].Start {
				t.Fatalf("mentions out of order at %d", i)
			}
			if m.Antecedent == i || m.Antecedent >= len(d.Mentions) || m.Antecedent < -1 {
				t.Fatalf("mention %d antecedent %d", i, m.Antecedent)
			}
		}
	})
}

// grammarWords are the words FuzzGrammar builds sentences from: the ones
// the phrase grammar and coreference turn on.
var grammarWords = strings.Fields(`the The a of 's , and or in from to flew Russian Russia
	Defence Minister minister Sergei Shoigu Moscow Beijing two both militaries countries he
	He she they They President president Zhang Youxia Xinhua TASS state media agency leader
	leaders former vice chairman China's Central Military Commission US-led US us Turkey West
	Asia-Pacific officials Iran's top diplomat Kenyan Amara Okoth Okoth negotiators Hungarian
	Romanian rebels Darfur said . King Hassan Morocco head army Ana Petrova Bulgaria's foreign`)

// FuzzGrammar reads its input as a sentence of grammarWords, so that the
// fuzzer explores phrase structure rather than byte soup.
func FuzzGrammar(f *testing.F) {
	f.Add([]byte{0, 15, 16, 17, 18, 19, 45, 7})
	f.Add([]byte{3, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 44})
	f.Add([]byte{75, 11, 76, 77, 11, 14, 9, 15, 65, 65, 66})
	fr := newFront(f)
	st := New(loadBuiltin(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			data = data[:64]
		}
		words := make([]string, len(data))
		for i, b := range data {
			words[i] = grammarWords[int(b)%len(grammarWords)]
		}
		d, err := dyad.NewDoc(dyad.Article{Text: strings.Join(words, " "), Published: "2023-11-01"})
		if err != nil {
			return
		}
		p := dyad.Pipeline{Stages: fr.stages}
		if err := p.Run(context.Background(), d); err != nil {
			return
		}
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for i, m := range d.Mentions {
			if !m.Span.Valid(len(d.Text)) || m.Len() == 0 || i > 0 && m.Start < d.Mentions[i-1].Start {
				t.Fatalf("mention %d: bad span %v", i, m.Span)
			}
			if m.Antecedent == i || m.Antecedent >= len(d.Mentions) || m.Antecedent < -1 {
				t.Fatalf("mention %d antecedent %d", i, m.Antecedent)
			}
			if m.Actor.Code != m.Actor.Country+m.Actor.Agent {
				t.Fatalf("mention %d %q: code %q is not country %q + agent %q", i, d.Slice(m.Span), m.Actor.Code, m.Actor.Country, m.Actor.Agent)
			}
			_ = Members(d.Mentions, i)
		}
	})
}
