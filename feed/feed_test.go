package feed

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file, typ, title, lang string
		want                   []string // ID|Link|Title|Published|Author|Content prefix
	}{
		{"rss.xml", "rss", "Harbour Ledger – Africa", "en-gb", []string{
			"hl-2024-0312-001|https://harbourledger.example/africa/2024/03/12/kenya-ethiopia-moyale-border|Kenya and Ethiopia agree to reopen Moyale border crossing|2024-03-12T06:40:00Z|Wanjiru Kamau|<p>Officials from both",
			"https://harbourledger.example/africa/2024/03/11/pipeline-accord|https://harbourledger.example/africa/2024/03/11/pipeline-accord|Tanzania and Uganda sign pipeline maintenance accord|2024-03-11T11:05:00Z||<p>The energy ministers",
			"||Brief: Rwanda hosts regional trade ministers|||Trade ministers from five",
		}},
		{"atom.xml", "atom", "Pacific Wire: Asia", "en", []string{
			"tag:pacificwire.example,2024:shoal-collision|https://pacificwire.example/asia/2024/06/17/shoal-collision|Philippine and Chinese vessels collide near Second Thomas Shoal|2024-06-16T22:20:00Z|Maria Santos|A supply boat and",
			"tag:pacificwire.example,2024:eez-deal|https://pacificwire.example/asia/2024/06/15/eez-deal|Vietnam and Indonesia settle maritime boundary|2024-06-15T03:00:00Z||<p>Vietnam and Indonesia",
		}},
		{"feed.json", "json", "Straits Observer", "en", []string{
			"so-2024-01-29-asean|https://straitsobserver.example/region/asean-myanmar-restraint|ASEAN foreign ministers call for restraint in Myanmar|2024-01-29T03:15:00Z|Nguyen Thi Lan|Ministers urged all",
			"so-2024-01-28-laos||Laos names special envoy|2024-01-28T02:00:00Z||Laos appointed a veteran",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(data, "")
			if err != nil {
				t.Fatal(err)
			}
			if f.Type != tc.typ || f.Title != tc.title || f.Language != tc.lang {
				t.Errorf("feed = %q %q %q, want %q %q %q", f.Type, f.Title, f.Language, tc.typ, tc.title, tc.lang)
			}
			if len(f.Entries) != len(tc.want) {
				t.Fatalf("%d entries, want %d: %+v", len(f.Entries), len(tc.want), f.Entries)
			}
			for i, e := range f.Entries {
				w := strings.Split(tc.want[i], "|")
				got := []string{e.ID, e.Link, e.Title, e.Published, e.Author}
				for j := range got {
					if got[j] != w[j] {
						t.Errorf("entry %d field %d = %q, want %q", i, j, got[j], w[j])
					}
				}
				if !strings.HasPrefix(e.Content, w[5]) {
					t.Errorf("entry %d content %q, want prefix %q", i, e.Content, w[5])
				}
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"", "   ", "<html><body>page</body></html>", "{\"a\":1}", "<rss><channel><item>"} {
		if _, err := Parse([]byte(in), ""); err == nil {
			t.Errorf("Parse(%q) accepted", in)
		}
	}
}

func TestIsFeed(t *testing.T) {
	for in, want := range map[string]bool{
		"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>": true,
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>":                   true,
		"<!doctype html><html><body></body></html>":                             false,
	} {
		if got := IsFeed([]byte(in)); got != want {
			t.Errorf("IsFeed(%q) = %v", in, got)
		}
	}
}

func TestReadList(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"testdata/feeds.opml", []string{"https://harbourledger.example/africa/rss.xml", "https://frontierherald.example/feed/",
			"https://pacificwire.example/asia/feed.atom", "https://straitsobserver.example/feed.json"}},
		{"testdata/feeds.txt", []string{"https://harbourledger.example/africa/rss.xml",
			"https://pacificwire.example/asia/feed.atom", "https://straitsobserver.example/feed.json"}},
	}
	for _, tc := range tests {
		f, err := os.Open(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadList(f, tc.file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s:\n got %v\nwant %v", tc.file, got, tc.want)
		}
	}
}

func TestReadListErrors(t *testing.T) {
	tests := map[string]string{
		"https://a.example/rss\nftp://b.example/x\n":                    "list:2: \"ftp://b.example/x\" is not an http(s) URL",
		"# c\nhttps://a.example/rss extra\n":                            "list:2: want one URL per line",
		"<opml><body><outline xmlUrl=\"file:///etc/x\"/></body></opml>": "list: outline \"file:///etc/x\": \"file:///etc/x\" is not an http(s) URL",
		"<notopml/>": "list: not an OPML document",
	}
	for in, want := range tests {
		_, err := ReadList(strings.NewReader(in), "list")
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ReadList(%q) err = %v, want prefix %q", in, err, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		if data, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<rss><channel><item><link>javascript:alert(1)</link><pubDate>32 Foo 99999</pubDate></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[null,{"url":"//x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data, "https://base.example/feed")
		if err != nil {
			return
		}
		for _, e := range fd.Entries {
			if e.Link != "" && !strings.HasPrefix(e.Link, "http://") && !strings.HasPrefix(e.Link, "https://") {
				t.Fatalf("non-http link %q", e.Link)
			}
			if e.Published != "" {
				if _, err := time.Parse(time.RFC3339, e.Published); err != nil {
					t.Fatalf("published %q: %v", e.Published, err)
				}
			}
		}
	})
}

func FuzzReadList(f *testing.F) {
	for _, name := range []string{"feeds.opml", "feeds.txt"} {
		if data, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<opml><body><outline><outline xmlUrl=\"http://a\"/></outline></body></opml>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		urls, err := ReadList(strings.NewReader(string(data)), "f")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, u := range urls {
			if checkFeedURL(u) != nil || seen[u] {
				t.Fatalf("bad or repeated URL %q in %v", u, urls)
			}
			seen[u] = true
		}
	})
}
