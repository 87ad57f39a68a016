package when

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// render writes an expression as the tests expect it:
// "span" kind date precision [until=…] [bound] [future].
func render(text string, e Expr) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %s %s %s", text[e.Start:e.End], e.Kind, e.DateString(), e.Precision)
	if !e.Until.IsZero() {
		b.WriteString(" until=" + e.Until.Format("2006-01-02"))
	}
	if e.Bound {
		b.WriteString(" bound")
	}
	if e.Future {
		b.WriteString(" future")
	}
	return b.String()
}

func date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Anchors: 2023-11-01 is a Wednesday.
var findCases = []struct {
	anchor string
	text   string
	want   []string
}{
	// weekdays
	{"2023-11-01", "Zhang Youxia on Monday held talks with Shoigu.", []string{`"on Monday" weekday 2023-10-30 day`}},
	{"2023-11-01", "Shoigu arrived in Beijing on Monday on a working visit.", []string{`"on Monday" weekday 2023-10-30 day`}},
	{"2023-11-01", "Ministers will meet on Monday.", []string{`"on Monday" weekday 2023-11-06 day future`}},
	{"2023-11-01", "The envoys will meet on Wednesday.", []string{`"on Wednesday" weekday 2023-11-01 day future`}},
	{"2023-11-01", "Xinhua reported on Wednesday.", []string{`"on Wednesday" weekday 2023-11-01 day`}},
	{"2024-04-06", "Police forced their way into the embassy late on Friday.", []string{`"late on Friday" weekday 2024-04-05 day`}},
	{"2024-04-06", "He announced the rupture on Friday evening.", []string{`"on Friday evening" weekday 2024-04-05 day`}},
	{"2023-11-01", "They spoke last Thursday.", []string{`"last Thursday" weekday 2023-10-26 day`}},
	{"2023-11-01", "They met this Monday.", []string{`"this Monday" weekday 2023-10-30 day`}},
	{"2023-11-01", "They meet next Monday.", []string{`"next Monday" weekday 2023-11-06 day`}},
	{"2023-11-01", "They meet this coming Monday.", []string{`"this coming Monday" weekday 2023-11-06 day`}},
	{"2023-11-04", "They met this past Saturday.", []string{`"this past Saturday" weekday 2023-10-28 day`}},
	{"2024-01-18", "The escalation followed Tuesday's Iranian strikes.", []string{`"Tuesday's" weekday 2024-01-16 day`}},
	{"2024-01-18", "Pakistan carried out strikes inside Iran early on Thursday.", []string{`"early on Thursday" weekday 2024-01-18 day`}},
	{"2019-07-20", "Cobra met on Friday night and again on Saturday.", []string{`"on Friday night" weekday 2019-07-19 day`, `"on Saturday" weekday 2019-07-20 day`}},
	{"2024-04-06", "On Saturday, Glas was driven to the port.", []string{`"On Saturday" weekday 2024-04-06 day`}},
	{"2023-11-01", "On Tuesday, the ministers will meet in Paris.", []string{`"On Tuesday" weekday 2023-11-07 day future`}},
	{"2023-11-01", "He said on Monday it will hold talks on Friday.", []string{`"on Monday" weekday 2023-10-30 day`, `"on Friday" weekday 2023-11-03 day future`}},
	{"2025-07-28", "Army commanders were to meet on Tuesday morning.", []string{`"on Tuesday morning" weekday 2025-07-29 day future`}},
	{"2016-03-21", "Obama is due to address the Cuban people on Tuesday.", []string{`"on Tuesday" weekday 2016-03-22 day future`}},
	{"2023-11-01", "The summit will be held on Friday.", []string{`"on Friday" weekday 2023-11-03 day future`}},
	{"2019-07-20", "Hunt said Friday's action showed worrying signs.", []string{`"Friday's" weekday 2019-07-19 day`}},
	{"2023-11-01", "Monday, October 30 was quiet.", []string{`"Monday, October 30" month-day 2023-10-30 day`}},
	{"2023-11-01", "It happened on Monday, Oct. 30, 2023.", []string{`"on Monday, Oct. 30, 2023" date 2023-10-30 day`}},
	{"", "They met on Monday.", []string{`"on Monday" weekday  unresolved`}},

	// month and day, day and month, ranges
	{"2023-11-01", "Talks were held on Oct. 30.", []string{`"on Oct. 30" month-day 2023-10-30 day`}},
	{"2023-11-01", "The forum is being held from October 29-31.", []string{`"from October 29-31" month-day 2023-10-29 day until=2023-10-31`}},
	{"2023-11-01", "The forum ran Oct 29-31.", []string{`"Oct 29-31" month-day 2023-10-29 day until=2023-10-31`}},
	{"2023-11-01", "The forum ran from October 29 to 31.", []string{`"from October 29 to 31" month-day 2023-10-29 day until=2023-10-31`}},
	{"2023-11-01", "It ran between October 29 and 31.", []string{`"between October 29 and 31" month-day 2023-10-29 day until=2023-10-31`}},
	{"2023-11-01", "It ran 29-31 October.", []string{`"29-31 October" month-day 2023-10-29 day until=2023-10-31`}},
	{"2023-11-01", "It ran Oct 29-Nov 2.", []string{`"Oct 29-Nov 2" month-day 2023-10-29 day until=2023-11-02`}},
	{"2024-01-05", "Fighting went on from Dec 30 to Jan 2.", []string{`"from Dec 30 to Jan 2" month-day 2023-12-30 day until=2024-01-02`}},
	{"2023-11-01", "It ran 30 October to 2 November 2023.", []string{`"30 October to 2 November 2023" date 2023-10-30 day until=2023-11-02`}},
	{"2023-11-01", "They met on 30 October 2023.", []string{`"on 30 October 2023" date 2023-10-30 day`}},
	{"2023-11-01", "They met on the 30th of October.", []string{`"on the 30th of October" month-day 2023-10-30 day`}},
	{"2023-11-01", "They met on October 30th.", []string{`"on October 30th" month-day 2023-10-30 day`}},
	{"2023-11-01", "It was signed on March 3.", []string{`"on March 3" month-day 2023-03-03 day`}},
	{"2023-11-01", "It will be signed on March 3.", []string{`"on March 3" month-day 2024-03-03 day future`}},
	{"2023-11-01", "It was signed on March 3, 2024.", []string{`"on March 3, 2024" date 2024-03-03 day`}},
	{"2023-10-21", "Hamas attacked southern Israel on October 7.", []string{`"on October 7" month-day 2023-10-07 day`}},
	{"2020-02-29", "The agreement provides for talks to start on March 10, and for all sides to cooperate.", []string{`"on March 10" month-day 2020-03-10 day`}},
	{"2025-07-28", "The committee is due to convene in Cambodia on August 4.", []string{`"on August 4" month-day 2025-08-04 day future`}},
	{"2023-12-20", "Talks open on January 5.", []string{`"on January 5" month-day 2024-01-05 day`}},
	{"2023-12-20", "He was arrested on January 5.", []string{`"on January 5" month-day 2023-01-05 day`}},
	{"2023-09-19", "NEW DELHI, SEPT 19 - India acted.", []string{`"SEPT 19" month-day 2023-09-19 day`}},
	{"2023-09-19", "On Sept. 18 he spoke.", []string{`"On Sept. 18" month-day 2023-09-18 day`}},
	{"", "They met on 30 October 2023 and on Oct. 31.", []string{`"on 30 October 2023" date 2023-10-30 day`, `"on Oct. 31" month-day  unresolved`}},

	// numeric dates
	{"2023-11-01", "Filed 2023-10-30.", []string{`"2023-10-30" date 2023-10-30 day`}},
	{"2023-11-01", "Filed 2023/10/30.", []string{`"2023/10/30" date 2023-10-30 day`}},
	{"2023-11-01", "Filed on 30/10/2023.", []string{`"on 30/10/2023" date 2023-10-30 day`}},
	{"2023-11-01", "Filed on 10/30/2023.", []string{`"on 10/30/2023" date 2023-10-30 day`}},
	{"2023-11-01", "Filed on 30.10.2023.", []string{`"on 30.10.2023" date 2023-10-30 day`}},
	{"2023-11-01", "Filed on 3/3/2024.", []string{`"on 3/3/2024" date 2024-03-03 day`}},
	{"2023-11-01", "Filed on 3/4/2024.", []string{`"on 3/4/2024" numeric  unresolved`}},

	// relative days, weeks, months, years
	{"2023-11-01", "He spoke yesterday.", []string{`"yesterday" relative 2023-10-31 day`}},
	{"2023-11-01", "Today the talks resumed.", []string{`"Today" relative 2023-11-01 day`}},
	{"2023-11-01", "They will decide tomorrow.", []string{`"tomorrow" relative 2023-11-02 day future`}},
	{"2023-11-01", "It happened the day before yesterday.", []string{`"the day before yesterday" relative 2023-10-30 day`}},
	{"2023-11-01", "Shots were fired last night.", []string{`"last night" relative 2023-10-31 day`}},
	{"2023-11-01", "He left this morning.", []string{`"this morning" relative 2023-11-01 day`}},
	{"2023-11-01", "He spoke earlier today.", []string{`"earlier today" relative 2023-11-01 day`}},
	{"2023-11-01", "He left yesterday morning.", []string{`"yesterday morning" relative 2023-10-31 day`}},
	{"2023-11-01", "They met two days ago.", []string{`"two days ago" relative 2023-10-30 day`}},
	{"2023-11-01", "They met 5 days ago.", []string{`"5 days ago" relative 2023-10-27 day`}},
	{"2023-11-01", "They met a week ago.", []string{`"a week ago" relative 2023-10-23 week`}},
	{"2023-11-01", "They met three weeks ago.", []string{`"three weeks ago" relative 2023-10-09 week`}},
	{"2023-11-01", "They met two months ago.", []string{`"two months ago" relative 2023-09-01 month`}},
	{"2023-11-01", "They met a year ago.", []string{`"a year ago" relative 2022-01-01 year`}},
	{"2023-11-01", "They met a few days ago.", []string{`"a few days ago" relative  unresolved`}},
	{"2023-11-01", "They met a couple of weeks ago.", []string{`"a couple of weeks ago" relative  unresolved`}},
	{"2023-11-01", "They met last week.", []string{`"last week" relative 2023-10-23 week`}},
	{"2023-11-01", "They meet this week.", []string{`"this week" relative 2023-10-30 week`}},
	{"2023-11-01", "He said so earlier this week.", []string{`"earlier this week" relative 2023-10-30 week`}},
	{"2023-11-01", "They meet next week.", []string{`"next week" relative 2023-11-06 week future`}},
	{"2023-11-01", "Guards were killed in the weekend raids.", []string{`"in the weekend" relative 2023-10-23 week`}},
	{"2023-11-04", "Protests went on over the weekend.", []string{`"over the weekend" relative 2023-10-30 week`}},
	{"2023-11-01", "Talks will resume at the weekend.", []string{`"at the weekend" relative 2023-10-30 week future`}},
	{"2023-11-01", "They met last weekend.", []string{`"last weekend" relative 2023-10-23 week`}},
	{"2023-11-01", "Prices rose earlier this month.", []string{`"earlier this month" relative 2023-11-01 month`}},
	{"2023-11-01", "Prices rose last month.", []string{`"last month" relative 2023-10-01 month`}},
	{"2023-11-01", "Prices will rise next month.", []string{`"next month" relative 2023-12-01 month future`}},
	{"2023-11-01", "It moved at the end of last month.", []string{`"at the end of last month" relative 2023-10-01 month`}},
	{"2023-11-01", "Elections were held last year.", []string{`"last year" relative 2022-01-01 year`}},
	{"2023-11-01", "Elections are due this year.", []string{`"this year" relative 2023-01-01 year`}},
	{"2023-11-01", "Elections are due next year.", []string{`"next year" relative 2024-01-01 year future`}},
	{"2023-11-01", "Fighting flared last summer.", []string{`"last summer" season 2023-01-01 year`}},
	{"2023-07-01", "Fighting flared last summer.", []string{`"last summer" season 2022-01-01 year`}},
	{"2023-11-01", "Talks resume next spring.", []string{`"next spring" season 2024-01-01 year future`}},
	{"2023-11-01", "Fighting flared last winter.", []string{`"last winter" season  unresolved`}},
	{"2023-11-01", "It began in the summer of 2022.", []string{`"in the summer of 2022" season 2022-01-01 year`}},

	// months and years
	{"2023-11-01", "He was jailed in March.", []string{`"in March" month 2023-03-01 month`}},
	{"2023-11-01", "Elections are due in March.", []string{`"in March" month 2024-03-01 month future`}},
	{"2024-02-29", "Elections in March could change that.", []string{`"in March" month 2024-03-01 month`}},
	{"2023-11-01", "Talks began in May.", []string{`"in May" month 2023-05-01 month`}},
	{"2023-11-01", "It started in mid-March.", []string{`"in mid-March" month 2023-03-01 month`}},
	{"2023-11-01", "It must end by the end of June.", []string{`"by the end of June" month 2024-06-01 month bound future`}},
	{"2023-11-01", "It ended at the end of June.", []string{`"at the end of June" month 2023-06-01 month`}},
	{"2021-01-18", "The poisoning last August was ordered by Putin.", []string{`"last August" month 2020-08-01 month`}},
	{"2022-12-08", "She was arrested at a Moscow airport in February.", []string{`"in February" month 2022-02-01 month`}},
	{"2022-12-08", "The administration proposed a prisoner exchange in July.", []string{`"in July" month 2022-07-01 month`}},
	{"2024-04-06", "Glas had been sheltering there since December.", []string{`"since December" month 2023-12-01 month bound`}},
	{"2023-11-01", "Inflation peaked in October 2022.", []string{`"in October 2022" month 2022-10-01 month`}},
	{"2023-11-01", "He was caught in Bangkok in 2008.", []string{`"in 2008" year 2008-01-01 year`}},
	{"2023-11-01", "He was vice president from 2013 to 2018.", []string{`"from 2013 to 2018" year 2013-01-01 year until=2018-12-31`}},
	{"2023-11-01", "France has had soldiers in Mali since 2013.", []string{`"since 2013" year 2013-01-01 year bound`}},
	{"2023-11-01", "The junta wants to stay until 2025.", []string{`"until 2025" year 2025-01-01 year bound`}},
	{"2023-11-01", "Growth slowed in mid-2023.", []string{`"in mid-2023" year 2023-01-01 year`}},
	{"2023-11-01", "Growth slowed in early 2023.", []string{`"in early 2023" year 2023-01-01 year`}},
	{"2023-11-01", "Growth slowed in the 1990s.", []string{`"in the 1990s" decade  unresolved`}},
	{"2023-11-01", "Growth slowed in the early 2000s.", []string{`"in the early 2000s" decade  unresolved`}},
	{"2023-11-01", "Music of the 1960's.", []string{`"the 1960's" decade  unresolved`}},

	// counted from a day of the story: found, unresolved
	{"2023-11-01", "He was arrested on Monday and charged the next day.", []string{`"on Monday" weekday 2023-10-30 day`, `"the next day" relative  unresolved`}},
	{"2023-11-01", "He was freed the following week.", []string{`"the following week" relative  unresolved`}},
	{"2023-11-01", "He had arrived the previous day.", []string{`"the previous day" relative  unresolved`}},
	{"2023-11-01", "He was freed two days later.", []string{`"two days later" relative  unresolved`}},
	{"2023-11-01", "He had been freed three weeks earlier.", []string{`"three weeks earlier" relative  unresolved`}},
	{"2023-11-01", "Later this week the envoys meet.", []string{`"Later this week" relative 2023-10-30 week`}},
	{"2024-01-18", "Pakistan struck early on Thursday, two days after Tehran launched attacks.", []string{`"early on Thursday" weekday 2024-01-18 day`, `"two days after" relative 2024-01-16 day`}},
	{"2023-11-01", "Strikes came two days after Tehran launched attacks.", []string{`"two days after" relative  unresolved`}},
	{"2024-01-18", "Two days before the vote, troops moved.", []string{`"Two days before" relative  unresolved`}},
	{"2024-01-18", "The vote came on Sunday, a week before talks opened.", []string{`"on Sunday" weekday 2024-01-14 day`, `"a week before" relative 2024-01-15 week`}},

	// typography
	{"2024-01-18", "It followed Tuesday’s strikes.", []string{`"Tuesday’s" weekday 2024-01-16 day`}},
	{"2023-11-01", "The forum ran Oct.\u00a029–31.", []string{`"Oct.\u00a029–31" month-day 2023-10-29 day until=2023-10-31`}},
	{"2023-11-01", "ON MONDAY, OCTOBER 30, 2023 they met.", []string{`"ON MONDAY, OCTOBER 30, 2023" date 2023-10-30 day`}},

	// not dates
	{"2023-11-01", "He sat next to the minister in the last week of talks.", nil},
	{"2023-11-01", "Theresa May said you may go.", nil},
	{"2023-11-01", "March on Washington, they said.", nil},
	{"2023-11-01", "The Good Friday agreement held.", nil},
	{"2023-11-01", "The Sunday Times reported it.", nil},
	{"2023-11-01", "USA Today and Russia Today reported it.", nil},
	{"2023-11-01", "Some 20 trucks and 2,000 people crossed at 6:30 a.m. on 1,000 km.", nil},
	{"2023-11-01", "It was seen in 2000 cases.", nil},
	{"2023-11-01", "The 2008 Olympics cost $2023 million.", nil},
	{"2023-11-01", "He had spent the past 12 years in prison.", nil},
	{"2023-11-01", "More trucks will come in the coming days.", nil},
	{"2023-11-01", "The 2022-23 season and 9/11 and 2023-02-30 and Feb 30.", nil},
	{"2023-11-01", "It cost 10.5 million and rose 5% in 12 months.", nil},
}

func TestFind(t *testing.T) {
	if len(findCases) < 60 {
		t.Fatalf("only %d cases", len(findCases))
	}
	var sc Scanner
	for _, c := range findCases {
		got := []string{}
		for _, e := range sc.Append(nil, c.text, 0, date(c.anchor)) {
			got = append(got, render(c.text, e))
		}
		want := c.want
		if want == nil {
			want = []string{}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("anchor %s, %q:\n got  %q\n want %q", c.anchor, c.text, got, want)
		}
	}
}
