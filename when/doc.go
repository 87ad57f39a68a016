// Package when finds and resolves time expressions in English news text,
// and is the "when" pipeline stage that dates coded events.
//
// It owns the expression scanner (Find, and Scanner for hot paths), the
// dateline reader (FindDateline) and the stage (New), which sets each
// event's Date and DatePrecision (FORMATS.md §2, CODING-POLICY.md §4).
// It does not code events (package coding), resolve places (a dateline's
// city is reported, not geocoded) or split and tag text.
//
// # Scanner
//
// A byte lexer cuts the text into words, numbers and marks and classifies
// each word once (month and weekday names, a few trigger words); matchers
// start only at a month, a weekday, a number or a trigger word, read
// forward, then take the prepositions and modifiers before them ("late
// on", "earlier this", "by the end of"). No regular expressions, no
// allocation per call with a reused Scanner. Forms:
//
//   - written dates: "30 October 2023", "Oct. 30, 2023", "Monday, October
//     30", "the 30th of October", 2023-10-30, 30.10.2023, and 30/10/2023
//     or 10/30/2023 when one field is above 12 (3/4/2024 is found but left
//     unresolved: it reads both ways);
//   - ranges: "Oct 29-31", "October 29 to 31", "29-31 October", "Oct
//     29-Nov 2", "from 2013 to 2018": Date is the first day, Until the last;
//   - weekdays: "on Monday", "late on Friday", "Friday evening",
//     "Tuesday's", "last/next/this (coming/past) Thursday";
//   - relative: today, tonight, yesterday, tomorrow, "the day before
//     yesterday", "last night", "this morning", "N days/weeks/months/years
//     ago", "this/last/next week/weekend/month/year", "(at/over) the
//     weekend", "earlier this month", seasons after last/this/next;
//   - months and years: "in March", "mid-May", "the end of June", "last
//     August", "October 2023", "in 2008", "mid-2023", "early 2023", "the
//     summer of 2020"; decades ("the 1990s") are found, never resolved.
//
// A bare month or year needs a preposition or modifier before it, so
// "Theresa May", "March on Washington" and "the 2008 Olympics" are not
// dates; "Good Friday", "the Sunday Times" and "USA Today" are not either.
// After since, until, till, by, before or after an expression is a Bound:
// it limits a period and never dates an action.
//
// # Resolution
//
// Against an anchor day (the publication date): a bare weekday is the
// latest such day on or before the anchor, or the first on or after it
// when the tense points ahead; "last Monday" is strictly before, "next
// Monday" strictly after. The tense is the nearest marker within eight
// words, not across a sentence end or ", and"/", but": will, shall, 'll,
// must, should, be/due/set/expected/scheduled/planning "to", "is due"
// point ahead; said, told, had, has, did, was and past forms point back
// ("will be held" is not a past form). A month and day without a year
// take the latest year on or before the anchor in the past tense, the
// first on or after it in the future, and otherwise the nearest year no
// more than 60 days ahead ("talks to start on March 10" in late
// February). A bare month does the same by months (no tense: the nearest,
// at most one month ahead).
//
// Precision: day for a day; week for weeks and weekends, dated to the
// Monday of the ISO week; month and year, dated to their first day. With
// no anchor every expression that needs one is unresolved; dates with a
// written year still resolve.
//
// # The stage
//
// The anchor is the publication date, or the dateline's day when the
// dateline ("PUTRAJAYA, July 28 (AFP) -") lies up to 7 days before it
// or 1 after (the article's own date; a note says so). With no
// publication date a dated dateline sets d.Published: its year when
// written, else the year that puts it nearest (within 92 days) a date
// written with its year in the text; without such a date it stays
// unresolved, with a note. The dateline's own date dates no event.
//
// An event's date comes from the expression nearest its actor mentions
// (the mentions whose text is the event's source and target text) in its
// evidence sentences; bounds are skipped, and so are expressions across a
// clause joint (", and", ", but", ";") from the actors. With no usable
// expression the event gets the anchor day (CODING-POLICY §4), except
// when it is told as background: a present perfect ("have recalled their
// ambassadors") or a past perfect with earlier, previously, already or
// once ("had earlier condemned"), which stay unresolved; so does an event
// dated only by "X reported on Wednesday" when it is background ("China
// has said…, Xinhua reported on Wednesday"). Without an anchor undated
// events stay unresolved: dates are never invented.
//
// Coarse expressions keep their precision and date the first day of
// their week, month or year; Config.DayOnly leaves their Date empty
// instead, the dev gold's convention ("" when the text gives no day).
//
// On the dev gold (news-dev.gold.jsonl), coded with the real pipeline,
// about 72% of the matched events get the gold's date; most misses are
// days the gold takes from the story rather than the sentence ("Michel
// called the detention unacceptable" dated to Sunday's detention), and
// plain past perfects, which the gold dates about half the time.
package when
