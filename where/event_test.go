package where

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// TestEventLocation puts one hand-made event on the sentence that holds
// its source's text and checks where the stage says it happened.
func TestEventLocation(t *testing.T) {
	f := newFront(t)
	for _, c := range []struct {
		text, source, target string
		noFallback           bool
		want                 string // "Name/ISO3" or "<nil>"
	}{
		{"Shoigu arrived in Beijing on Monday on a working visit.", "Shoigu", "", false, "Beijing/CHN"},
		{"Zhang held talks with Shoigu, who is attending the Beijing Xiangshan Forum.", "Zhang", "Shoigu", false, "Beijing/CHN"},
		{"The Russian minister, during the Xiangshan Security Forum in China, said Moscow was ready.", "The Russian minister", "", false, "China/CHN"},
		{"In Beijing, Xi told Biden that the planet was big enough for both.", "Xi", "Biden", false, "Beijing/CHN"},
		{"Pakistan carried out military strikes inside Iran early on Thursday.", "Pakistan", "Iran", false, "Iran/IRN"},
		{"Pakistan recalled its ambassador from Tehran.", "Pakistan", "", true, "<nil>"},
		{"ISLAMABAD, Jan 18 (EFE) - Pakistan recalled its ambassador from Tehran.", "Pakistan", "", false, "Islamabad/PAK"},
		{"ISLAMABAD, Jan 18 (EFE) - Pakistan recalled its ambassador from Tehran.", "Pakistan", "", true, "<nil>"},
		{"Mexico broke off relations with Ecuador after police forced their way into the embassy in Quito.", "Mexico", "Ecuador", true, "<nil>"},
		{"Mexico broke off relations after Ecuadorian police forced their way into the embassy in Quito.", "Ecuadorian police", "Mexico", true, "Quito/ECU"},
		{"The United States and the Taliban signed an agreement in the Qatari capital on Saturday.", "The United States", "Taliban", false, "Doha/QAT"},
		{"Hamas fighters attacked southern Israel on October 7.", "Hamas fighters", "Israel", false, "Israel/ISR"},
		{"Biden flew to Tokyo after talks in Seoul.", "Biden", "", false, "Tokyo/JPN"},
		{"After talks in Seoul, Biden flew home.", "Biden", "", true, "<nil>"},
		{"The two leaders met in Samarkand, Uzbekistan, on the sidelines of the summit.", "The two leaders", "", false, "Samarkand/UZB"},
		{"Russian police detained Navalny at a Moscow airport on Sunday.", "Russian police", "Navalny", false, "Moscow/RUS"},
		{"BAGHDAD, Dec 31 (AP) - Protesters stormed the U.S. embassy compound on Tuesday.", "Protesters", "", false, "Baghdad/IRQ"},
		{"Protesters in Baghdad stormed the embassy.", "Protesters", "", false, "Baghdad/IRQ"},
		{"Kyiv said Russian forces shelled Kharkiv overnight.", "Russian forces", "", true, "Kharkiv/UKR"},
		{"Spain condemned the raid as a breach of the 1961 Vienna Convention.", "Spain", "", true, "<nil>"},
		{"Shoigu, attending the Moscow Conference on International Security, met Wang.", "Shoigu", "", true, "Moscow/RUS"},
	} {
		d := f.doc(t, c.text, "2024-01-01")
		ev := dyad.Event{Source: dyad.EventActor{Text: c.source}, Target: dyad.EventActor{Text: c.target}}
		si := -1
		for i, sn := range d.Sentences {
			if strings.Contains(d.Slice(sn.Span), c.source) {
				si = i
			}
		}
		if si < 0 {
			t.Fatalf("%q: no sentence holds %q", c.text, c.source)
		}
		ev.Evidence = []dyad.Evidence{{Sentence: si, Start: d.Sentences[si].Start, End: d.Sentences[si].End}}
		d.Events = []dyad.Event{ev}
		w, err := New(Config{NoDatelineFallback: c.noFallback})
		if err != nil {
			t.Fatal(err)
		}
		w.load = f.where.load // share the loaded gazetteer
		if err := w.Process(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		got := "<nil>"
		if l := d.Events[0].Location; l != nil {
			got = fmt.Sprintf("%s/%s", l.Name, l.Country)
			if l.Lat == 0 && l.Lon == 0 {
				t.Errorf("%q: %s has no coordinates", c.text, got)
			}
		}
		if got != c.want {
			t.Errorf("%q (source %q):\n got %s\nwant %s", c.text, c.source, got, c.want)
		}
	}
}
