package when

import (
	"fmt"
	"testing"
)

func TestFindDateline(t *testing.T) {
	cases := []struct {
		text string
		want string // city|date|m-d-y|agency|whole, or "" for none
	}{
		{"QUITO, April 6 (AP) - Mexico has broken off relations.", "QUITO|April 6|4-6-0|AP|QUITO, April 6 (AP) -"},
		{"TOKYO, Jan 9 (IANS) - Japan said.", "TOKYO|Jan 9|1-9-0|IANS|TOKYO, Jan 9 (IANS) -"},
		{"NEW DELHI, Sept 19 (The Daily Beast) - India on Tuesday ordered", "NEW DELHI|Sept 19|9-19-0|The Daily Beast|NEW DELHI, Sept 19 (The Daily Beast) -"},
		{"BEIJING, Oct. 30 (Xinhua) -- Talks", "BEIJING|Oct. 30|10-30-0|Xinhua|BEIJING, Oct. 30 (Xinhua) --"},
		{"LONDON, 20 July 2019 — Britain summoned", "LONDON|20 July 2019|7-20-2019||LONDON, 20 July 2019 —"},
		{"WASHINGTON (Reuters) - The U.S. said", "WASHINGTON|||Reuters|WASHINGTON (Reuters) -"},
		{"ST. PETERSBURG, March 3, 2024 (TASS) – Putin said", "ST. PETERSBURG|March 3, 2024|3-3-2024|TASS|ST. PETERSBURG, March 3, 2024 (TASS) –"},
		{"SURREY, British Columbia, June 19 (CBC) - Police", "SURREY|June 19|6-19-0|CBC|SURREY, British Columbia, June 19 (CBC) -"},
		{"PORT-AU-PRINCE, Feb 2 - Gangs", "PORT-AU-PRINCE|Feb 2|2-2-0||PORT-AU-PRINCE, Feb 2 -"},
		{"  KYIV, Nov 26 (Meduza) - Russian", "KYIV|Nov 26|11-26-0|Meduza|KYIV, Nov 26 (Meduza) -"},
		{"Jan 9, 2024 (IANS) - Japan", "|Jan 9, 2024|1-9-2024|IANS|Jan 9, 2024 (IANS) -"},
		{"GAZA, 2023-10-21: Trucks crossed", "GAZA|2023-10-21|10-21-2023||GAZA, 2023-10-21:"},
		{"NOTE: this is not a dateline", ""},
		{"The talks in Beijing, Oct. 30 - a date", ""},
		{"UN, aid agencies warned", ""},
		{"NATO said on Monday", ""},
		{"", ""},
		{"QUITO, April 6\nMexico", ""},
	}
	for _, c := range cases {
		dl, ok := FindDateline(c.text)
		got := ""
		if ok {
			got = fmt.Sprintf("%s|%s|%d-%d-%d|%s|%s", c.text[dl.CityStart:dl.CityEnd], c.text[dl.DateStart:dl.DateEnd],
				dl.Month, dl.Day, dl.Year, c.text[dl.AgencyStart:dl.AgencyEnd], c.text[dl.Start:dl.End])
			if dl.DateStart == dl.DateEnd {
				got = fmt.Sprintf("%s|||%s|%s", c.text[dl.CityStart:dl.CityEnd], c.text[dl.AgencyStart:dl.AgencyEnd], c.text[dl.Start:dl.End])
			}
		}
		if got != c.want {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}
